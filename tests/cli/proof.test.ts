import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editDocumentXml } from '../helpers/docxZip';
import { tempDir } from '../helpers/tempDir';
import { wenshi } from '../helpers/wenshiCli';

describe('wenshi proof-export / proof-diff', () => {
  it('exports an item to .docx and lists the paragraphs a proof with track changes changed', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    await writeFile(path.join(dir, '烟草.txt'), '烟叶收购站设在城东。\n每年秋天最忙。\n');
    expect(wenshi('init', lib).status).toBe(0);
    expect(wenshi('add', lib, path.join(dir, '烟草.txt')).status).toBe(0);
    const { id } = (JSON.parse(wenshi('list', lib, '--json').stdout).items as { id: string }[])[0]!;
    const exported = path.join(dir, '校样.docx');
    const run = wenshi('proof-export', lib, '-o', exported, '--items', id);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('1 篇');
    const proofed = path.join(dir, '已校.docx');
    await writeFile(
      proofed,
      await editDocumentXml(await readFile(exported), (xml) =>
        xml.replace(
          '城东。</w:t></w:r>',
          '城</w:t></w:r><w:del w:id="9" w:author="编辑"><w:r><w:delText>东</w:delText></w:r></w:del><w:ins w:id="10" w:author="编辑"><w:r><w:t>西</w:t></w:r></w:ins><w:r><w:t>。</w:t></w:r>',
        ),
      ),
    );
    const diff = wenshi('proof-diff', lib, proofed);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('1 处修改');
    expect(diff.stdout).toContain('+ 烟叶收购站设在城西。');
  });
});
