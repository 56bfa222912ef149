import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Book } from '../../electron/core/compile/book';
import {
  applyProofChanges,
  diffProof,
  matchProof,
  readDocumentXml,
  readProofParagraphs,
  writeDocx,
} from '../../electron/core/exchange/docx';
import { editDocumentXml } from '../helpers/docxZip';
import { docxEntries, zipFile } from '../helpers/hostileFiles';
import { tempDir } from '../helpers/tempDir';

const A = '0a1b2c3d4e5f6071';
const B = '8192a3b4c5d6e7f8';
const TEXT_A =
  '一九五八年春，许昌烟厂扩建。\n\n　　老工人回忆说，那年烟叶堆满了院子。\n厂里第一次用上了机器。';
const TEXT_B = '西湖公园始建于宋代。\n民国时改称中山公园。';

function book(): Book {
  const article = (itemId: string, title: string, text: string) => ({
    itemId,
    title,
    byline: '王建国 口述',
    editorNote: '',
    text,
    figures: [],
    people: [],
    places: [],
  });
  return {
    title: '许昌文史资料 第三辑',
    subtitle: '',
    compiler: '许昌市政协文史委员会 编',
    board: [],
    imprint: [],
    sections: [{ title: '', articles: [article(A, '烟厂往事', TEXT_A), article(B, '西湖公园', TEXT_B)] }],
    index: false,
    keywords: [],
    style: {} as Book['style'],
    recto: false,
    frontNumerals: 'roman',
    script: 'keep',
  };
}

/** python-docx, from the Debian package: the interpreter on PATH may be another. */
function pythonWithDocx(): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import docx'], { stdio: 'ignore' });
      return python;
    } catch {
      // try the next
    }
  }
  throw new Error('python3-docx is not installed');
}

/** Two paragraphs changed as Word writes track changes: one word replaced, one phrase added. */
function proofEdits(xml: string): string {
  const rev = 'w:author="编辑" w:date="2025-03-01T08:00:00Z"';
  return xml
    .replace(
      '<w:t xml:space="preserve">一九五八年春，许昌烟厂扩建。</w:t></w:r>',
      `<w:t xml:space="preserve">一九五八年春，许昌</w:t></w:r><w:del w:id="90" ${rev}><w:r><w:delText>烟厂</w:delText></w:r></w:del><w:ins w:id="91" ${rev}><w:r><w:t>卷烟厂</w:t></w:r></w:ins><w:r><w:t>扩建。</w:t></w:r>`,
    )
    .replace(
      '<w:t xml:space="preserve">民国时改称中山公园。</w:t></w:r>',
      `<w:t xml:space="preserve">民国时改称中山公园。</w:t></w:r><w:ins w:id="92" ${rev}><w:r><w:t>一九四九年后复名西湖公园。</w:t></w:r></w:ins>`,
    );
}

describe('Word proofs', () => {
  it('writes a .docx that mammoth and python-docx open, with headings and body styles', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'proof.docx');
    await writeFile(file, await writeDocx(book()));
    const { value } = await mammoth.extractRawText({ path: file });
    expect(value).toContain('许昌文史资料 第三辑');
    expect(value).toContain('老工人回忆说，那年烟叶堆满了院子。');
    const script = [
      'import docx, sys, json',
      'd = docx.Document(sys.argv[1])',
      'print(json.dumps([[p.style.style_id, p.text] for p in d.paragraphs], ensure_ascii=False))',
    ].join('\n');
    const paragraphs = JSON.parse(
      execFileSync(pythonWithDocx(), ['-c', script, file], { encoding: 'utf8' }),
    ) as [string, string][];
    expect(paragraphs).toContainEqual(['Heading1', '烟厂往事']);
    expect(paragraphs).toContainEqual(['Heading1', '西湖公园']);
    expect(paragraphs).toContainEqual(['BodyText', '厂里第一次用上了机器。']);
    expect(paragraphs).toContainEqual(['Byline', '王建国 口述']);
    const styles = execFileSync(
      pythonWithDocx(),
      [
        '-c',
        'import docx,sys\nd=docx.Document(sys.argv[1])\nprint(d.styles["heading 1"].style_id, d.styles["正文段落"].font.size.pt)',
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(styles.trim()).toBe('Heading1 10.5');
  });

  it('reads a proof with tracked changes accepted: exactly the two changed paragraphs', async () => {
    const dir = await tempDir();
    const file = path.join(dir, '校样-已改.docx');
    await writeFile(file, await editDocumentXml(await writeDocx(book()), proofEdits));
    const proofed = matchProof(await readProofParagraphs(file, '校样-已改.docx'));
    const changesA = diffProof(TEXT_A, proofed.get(A)!);
    const changesB = diffProof(TEXT_B, proofed.get(B)!);
    expect(changesA).toEqual([
      { paragraph: 0, before: '一九五八年春，许昌烟厂扩建。', after: '一九五八年春，许昌卷烟厂扩建。' },
    ]);
    expect(changesB).toEqual([
      {
        paragraph: 1,
        before: '民国时改称中山公园。',
        after: '民国时改称中山公园。一九四九年后复名西湖公园。',
      },
    ]);
    // Blank lines and the 全角 indent of the item's text stay as they were.
    expect(applyProofChanges(TEXT_A, changesA)).toBe(TEXT_A.replace('许昌烟厂', '许昌卷烟厂'));
  });

  it('drops deleted and moved-away text, joins a paragraph whose mark was deleted, keeps added paragraphs', () => {
    const body = (inner: string) => `<w:document><w:body>${inner}</w:body></w:document>`;
    const p = (bookmark: string, runs: string, props = '') =>
      `<w:p><w:pPr><w:pStyle w:val="BodyText"/>${props}</w:pPr><w:bookmarkStart w:id="1" w:name="${bookmark}"/>${runs}</w:p>`;
    const xml = body(
      p(
        'wsp_ab_0',
        '<w:r><w:t>甲</w:t></w:r><w:moveFrom><w:r><w:t>乙</w:t></w:r></w:moveFrom>',
        '<w:rPr><w:del w:id="5"/></w:rPr>',
      ) +
        p('wsp_ab_1', '<w:r><w:t>丙</w:t></w:r><w:moveTo><w:r><w:t>乙</w:t></w:r></w:moveTo>') +
        '<w:p><w:pPr><w:pStyle w:val="BodyText"/><w:rPr><w:ins w:id="6"/></w:rPr></w:pPr><w:ins><w:r><w:t>新段&amp;落</w:t></w:r></w:ins></w:p>',
    );
    const paragraphs = readDocumentXml(xml);
    expect(paragraphs.map((x) => x.text)).toEqual(['甲丙乙', '新段&落']);
    const lines = matchProof(paragraphs).get('ab')!;
    expect(diffProof('甲\n丙', lines)).toEqual([
      { paragraph: 0, before: '甲', after: '甲丙乙\n新段&落' },
      { paragraph: 1, before: '丙', after: '' },
    ]);
    expect(applyProofChanges('甲\n丙', diffProof('甲\n丙', lines))).toBe('甲丙乙\n新段&落');
    expect(() => applyProofChanges('甲（改）\n丙', diffProof('甲\n丙', lines))).toThrow(/第 1 段/);
  });

  it('refuses a proof whose document.xml unpacks to more than its headers say, before reading it', async () => {
    const file = path.join(await tempDir(), '校样.docx');
    const entries = docxEntries('');
    entries[2] = {
      name: 'word/document.xml',
      content: Buffer.alloc(8 * 1024 * 1024, 0x20),
      declaredSize: 1000,
    };
    await writeFile(file, zipFile(entries));
    await expect(readProofParagraphs(file, '校样.docx')).rejects.toThrow(/压缩炸弹/);
  });
});
