import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import type { Book } from '../../electron/core/compile/book';
import {
  applyProofChanges,
  diffProof,
  matchProof,
  readProofParagraphs,
  writeDocx,
} from '../../electron/core/exchange/docx';
import { extractText } from '../../electron/core/ingest/extractText';
import { editDocumentXml } from '../helpers/docxZip';
import { tempDir } from '../helpers/tempDir';

const ID = '0a1b2c3d4e5f6071';
const TEXT = [
  '# 一、建厂',
  '一九八四年春，厂子在城东办了起来。',
  '## （一）第一批工人',
  '全厂只有二十几个人。',
  '# 二、走出国门',
  '一九九二年，第一批假发出口。',
].join('\n');

function book(): Book {
  return {
    title: '许昌文史资料',
    subtitle: '',
    compiler: '',
    board: [],
    imprint: [],
    sections: [
      {
        title: '',
        articles: [
          {
            itemId: ID,
            title: '长葛发制品厂',
            byline: '',
            editorNote: '',
            text: TEXT,
            figures: [],
            people: [],
            places: [],
          },
        ],
      },
    ],
    index: false,
    keywords: [],
    style: {} as Book['style'],
    recto: false,
    frontNumerals: 'roman',
    script: 'keep',
  };
}

describe('小标题 in Word files', () => {
  it('go out as 标题 2–3 under the article’s 标题 1, and mammoth reads them as headings', async () => {
    const docx = await writeDocx(book());
    const { value } = await mammoth.convertToHtml({ buffer: docx });
    const html = value.replace(/<a id="[^"]*"><\/a>/g, '');
    expect(html).toContain('<h1>长葛发制品厂</h1>');
    expect(html).toContain('<h2>一、建厂</h2>');
    expect(html).toContain('<h3>（一）第一批工人</h3>');
    expect(html).toContain('<h2>二、走出国门</h2>');
    expect(html).not.toContain('#');
  });

  it('come back as marks when the file is imported: the title line, then levels 1 and 2', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'proof.docx');
    await writeFile(file, await writeDocx(book()));
    const { text } = await extractText(file, 'docx', 1000);
    const lines = text.split('\n');
    expect(lines).toContain('# 长葛发制品厂');
    expect(lines.slice(lines.indexOf('# 长葛发制品厂') + 1)).toEqual(TEXT.split('\n'));
  });

  it('read back from a proof leave the marks in the text and report only changed words', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'proofed.docx');
    const edited = await editDocumentXml(await writeDocx(book()), (xml) =>
      xml.replace('走出国门', '走向世界'),
    );
    await writeFile(file, edited);
    const proofed = matchProof(await readProofParagraphs(file, 'proofed.docx')).get(ID)!;
    const changes = diffProof(TEXT, proofed);
    expect(changes).toEqual([{ paragraph: 4, before: '二、走出国门', after: '二、走向世界' }]);
    expect(applyProofChanges(TEXT, changes)).toBe(TEXT.replace('走出国门', '走向世界'));
  });
});
