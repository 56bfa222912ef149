import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { test, expect, SAMPLES } from './serveLibrary';

/** A minimal Word document, as mammoth reads it. */
async function docx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const body = paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Two seconds of silence as 16-bit mono WAV. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2 * seconds);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

test('archivist: drop a folder, watch the import, review the cleanup, describe an oral history, see its history', async ({
  page,
  library,
}, testInfo) => {
  const photo = (hue: number) =>
    sharp({ create: { width: 640, height: 480, channels: 3, background: { r: hue, g: 120, b: 90 } } })
      .jpeg()
      .toBuffer();
  const files: { name: string; data: Buffer; type: string }[] = [
    { name: '许昌火车站.jpg', data: await photo(200), type: 'image/jpeg' },
    { name: '长葛发制品厂.jpg', data: await photo(60), type: 'image/jpeg' },
    {
      name: 'zhengxie-plan-gb18030.txt',
      data: readFileSync(path.join(SAMPLES, 'zhengxie-plan-gb18030.txt')),
      type: 'text/plain',
    },
    {
      name: '钧瓷复烧记.docx',
      data: await docx(['钧瓷复烧记', '一九七三年，禹州神垕的老艺人开始试烧钧瓷。']),
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    { name: '张三访谈.wav', data: wav(2), type: 'audio/wav' },
    {
      name: '张三访谈.srt',
      data: Buffer.from(
        '1\n00:00:00,000 --> 00:00:01,000\n我叫张三。\n\n2\n00:00:01,000 --> 00:00:02,000\n一九八四年春天，我们开始收头发。\n',
      ),
      type: 'application/x-subrip',
    },
  ];

  await page.goto(library.url);
  await expect(page.getByRole('heading', { name: '欢迎使用文史典藏' })).toBeVisible();

  // Drop the files on the window, as from a file manager.
  await page.evaluate(
    (list) => {
      const transfer = new DataTransfer();
      for (const f of list)
        transfer.items.add(
          new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }),
        );
      const target = document.querySelector('.app')!;
      target.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    },
    files.map((f) => ({ name: f.name, type: f.type, base64: f.data.toString('base64') })),
  );
  const panel = page.getByRole('dialog', { name: /导入 6 个文件/ });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('已导入 5 个，跳过 0 个，失败 0 个', { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath('import-report.png') });
  await panel.getByRole('button', { name: '关闭' }).click();

  // Review the cleanup of the web-scraped text.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /待复核/ })
    .click();
  await page.getByRole('row', { name: /zhengxie-plan-gb18030/ }).click();
  const review = page.getByRole('region', { name: '待复核' });
  await expect(review).toContainText('去除拼音注音 379 处');
  await expect(review).toContainText('发现 2 处疑似乱码');
  await review.getByRole('button', { name: '对照原文' }).click();
  await expect(review.locator('del').first()).toHaveText(/^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$/);
  await review
    .getByRole('listitem')
    .filter({ hasText: '去除拼音注音' })
    .getByRole('button', { name: '接受', exact: true })
    .click();
  await expect(review).not.toContainText('去除拼音注音');
  // Typesetting is offered by kind and changes the text only once accepted.
  const punctuation = review.getByRole('listitem').filter({ hasText: '半角标点改为全角' });
  await punctuation.getByRole('button', { name: '逐处查看' }).click();
  await expect(punctuation.locator('ins').first()).toHaveText('，');
  await punctuation.getByRole('button', { name: '接受', exact: true }).click();
  await expect(review).not.toContainText('半角标点改为全角');

  // Describe the oral history: a fuzzy date, a place from the gazetteer, the narrator.
  await page.getByRole('navigation').getByRole('button', { name: /口述/ }).first().click();
  await page.getByRole('row', { name: /张三访谈/ }).click();
  await expect(page.getByRole('region', { name: '录音与文字稿' })).toContainText(
    '一九八四年春天，我们开始收头发。',
  );
  const form = page.getByRole('form', { name: '著录' });
  await form.getByLabel('事件时间', { exact: true }).fill('1984年春');
  await expect(form.getByText('= 1984年春（1984-03-01 至 1984-05-31）')).toBeVisible();
  await form.getByLabel('地点', { exact: true }).fill('禹州市');
  // The gazetteer's suggestions open over the fields below; Esc closes them (the text is kept).
  await form.getByLabel('地点', { exact: true }).press('Escape');
  await form.getByRole('button', { name: '添加人物' }).click();
  await form.getByLabel('姓名').fill('张三');
  await form.getByLabel('角色').selectOption({ label: '口述人' });
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存「张三访谈」' })).toBeVisible();

  await page.getByRole('tab', { name: '修改记录' }).click();
  const history = page.getByRole('list', { name: '修改记录' });
  await expect(history).toContainText('时间：— → 1984年春');
  await expect(history).toContainText('人物：— → 张三（口述人）');
  await expect(history).toContainText('地点：— → 禹州市');
  await expect(history).toContainText('新建');
  await page.screenshot({ path: testInfo.outputPath('archivist.png') });
});
