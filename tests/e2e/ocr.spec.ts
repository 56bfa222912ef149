// 识别文字 as an archivist uses it: a scanned two-page PDF and a photographed page are read, a
// doubtful character is corrected beside the image, the text accepted, and a phrase from the
// PDF's second page found by search and shown on its page with its line's box.
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { scannedPdf } from '../helpers/scannedPdf';
import { samplePlan, textPage } from '../helpers/textPages';
import { test, expect } from './serveLibrary';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
/** Reading pages on a busy machine takes a while: waits are long, and only ever on what shows. */
const SLOW = { timeout: 240_000 };

const DPI = 200;
/** textPage's layout at 200 dpi and 12 pt: half-inch margins, 33-pixel characters, lines 59 apart. */
const MARGIN = 100;
const CHAR = 33;
const LINE = 59;

/**
 * A photographed page with a grey smudge over the right of one character: 思 of 思想, read as 儿 with
 * no likely alternative that makes a word (a smudged 社 of 社会 is put right by the word it makes).
 */
async function smudgedPhoto(text: string): Promise<{ jpeg: Buffer; lines: string[] }> {
  const page = await textPage({ text, dpi: DPI, perLine: 20 });
  const { width, height } = await sharp(page.png).metadata();
  const smudge = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect x="${MARGIN + 9 * CHAR + 10}" y="${MARGIN + LINE}" width="20" height="${CHAR}" fill="#999"/></svg>`;
  const jpeg = await sharp(page.png)
    .composite([{ input: Buffer.from(smudge) }])
    .jpeg({ quality: 80 })
    .toBuffer();
  return { jpeg, lines: page.lines };
}

async function drop(page: Page, files: { name: string; type: string; data: Buffer }[]) {
  await page.evaluate(
    (list) => {
      const transfer = new DataTransfer();
      for (const f of list)
        transfer.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      const target = document.querySelector('.app')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    files.map((f) => ({ name: f.name, type: f.type, base64: f.data.toString('base64') })),
  );
}

test('识别文字: read a scanned PDF and a photo, correct a doubtful character beside the image, accept, find page two', async ({
  page,
  library,
}) => {
  test.setTimeout(900_000);
  const { simplified } = samplePlan();
  // The photo's second line is 代中国特色社会主义思想…: its 思 is smudged.
  const photo = await smudgedPhoto(simplified.slice(200, 260));
  const first = await textPage({ text: simplified.slice(0, 60), dpi: DPI, perLine: 20 });
  const second = await textPage({ text: simplified.slice(300, 360), dpi: DPI, perLine: 20 });
  const pdf = await scannedPdf([first.png, second.png], DPI);

  await page.goto(library.url);
  await drop(page, [
    { name: '征集计划扫描件.pdf', type: 'application/pdf', data: pdf },
    { name: '手稿照片.jpg', type: 'image/jpeg', data: photo.jpeg },
  ]);
  const importPanel = page.getByRole('dialog', { name: /导入 2 个文件/ });
  await expect(importPanel).toContainText('已导入 2 个，跳过 0 个，失败 0 个', SLOW);
  await importPanel.getByRole('button', { name: '关闭' }).click();

  // Both selected, read together: the bar counts pages and can be cancelled.
  await page.getByRole('row', { name: /征集计划扫描件/ }).click();
  await page.getByRole('row', { name: /手稿照片/ }).click({ modifiers: ['Shift'] });
  await page.getByRole('button', { name: '识别所选 2 条的文字' }).click();
  await expect(page.getByRole('button', { name: '识别所选 2 条的文字' })).toBeDisabled();
  await expect(page.locator('.ocr-run progress')).toBeVisible();
  await expect(page.locator('.ocr-run')).toContainText(/已识别 \d\/3 页/, SLOW);
  await expect(page.getByRole('button', { name: '取消' }).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}15-ocr-progress.png` });
  await expect(page.getByRole('status').filter({ hasText: '已识别 3 页' })).toBeVisible(SLOW);

  // The photo beside its text: the smudged 思 was read doubtfully, and is marked.
  await page.getByRole('row', { name: /手稿照片/ }).click();
  const proof = page.getByRole('region', { name: '对照原图校对' });
  await expect(proof.getByRole('figure', { name: '第 1 页原图与文字行框' }).locator('img')).toBeVisible(SLOW);
  const lines = proof.getByRole('list', { name: '识别出的文字行' });
  const smudged = lines.getByRole('listitem').nth(1);
  await expect(smudged.locator('mark.ocr-unsure')).toBeVisible();
  await expect(smudged).not.toHaveText(photo.lines[1]!);
  // Clicking the line selects its box; clicking another box selects that line.
  await smudged.getByRole('button').first().click();
  await expect(smudged).toHaveAttribute('aria-current', 'true');
  await expect(proof.locator('.ocr-box.selected')).toHaveCount(1);
  await proof.locator('.ocr-box').nth(0).click();
  await expect(lines.getByRole('listitem').nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(smudged).not.toHaveAttribute('aria-current', 'true');
  // Correct it: an edit of the text waiting in 待复核, recorded in the history.
  await smudged.getByRole('button').first().click();
  await smudged.getByRole('button', { name: '改正这一行' }).click();
  await smudged.getByLabel('改正这一行').fill(photo.lines[1]!, { timeout: 30_000 });
  await proof.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}16-ocr-proofread.png` });
  await smudged.getByRole('button', { name: '保存改正' }).click();
  await expect(smudged.locator('.ocr-line')).toHaveText(photo.lines[1]!);
  await expect(lines.locator('.ocr-line.corrected')).toHaveCount(1);
  await proof.getByRole('button', { name: '接受为全文' }).click();
  await expect(proof.getByText('识别文字已不在待复核中')).toBeVisible();
  const fullText = page.getByRole('form', { name: '著录' }).getByLabel('全文', { exact: true });
  await expect(fullText).toHaveValue(new RegExp(photo.lines[1]!));
  await page.getByRole('tab', { name: '修改记录' }).click();
  await expect(page.getByRole('list', { name: '修改记录' })).toContainText('代中国特色社会主义');

  // The PDF: two pages to turn; its text accepted too.
  await page.getByRole('row', { name: /征集计划扫描件/ }).click();
  await expect(proof.getByText('第 1/2 页')).toBeVisible(SLOW);
  await proof.getByRole('button', { name: '下一页' }).click();
  await expect(proof.getByText('第 2/2 页')).toBeVisible();
  await proof.getByRole('button', { name: '接受为全文' }).click();
  await expect(proof.getByText('识别文字已不在待复核中')).toBeVisible();

  // Search a phrase of the second page and land on it: page 2, its line and box selected.
  const phrase = second.lines[1]!.slice(4, 10);
  await page.getByRole('searchbox', { name: '检索' }).fill(phrase);
  const results = page.getByRole('region', { name: new RegExp(`「${phrase}」共 1 条结果`) });
  await expect(results).toBeVisible(SLOW);
  await results.getByRole('button', { name: /征集计划扫描件/ }).click();
  await expect(proof.getByText('第 2/2 页')).toBeVisible(SLOW);
  const found = proof.getByRole('list', { name: '识别出的文字行' }).locator('li[aria-current="true"]');
  await expect(found).toContainText(phrase);
  await expect(proof.locator('.ocr-box.selected')).toHaveCount(1);
  await proof.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}17-ocr-search-hit.png` });
});

test('识别文字 per import: ticked in the import panel, the scans imported are read, and the box is remembered', async ({
  page,
  library,
}) => {
  test.setTimeout(600_000);
  const { simplified } = samplePlan();
  const first = await textPage({ text: simplified.slice(120, 150), dpi: DPI, perLine: 15 });
  const second = await textPage({ text: simplified.slice(400, 430), dpi: DPI, perLine: 15 });
  const proof = page.getByRole('region', { name: '对照原图校对' });

  await page.goto(library.url);
  await drop(page, [{ name: '来信扫描.png', type: 'image/png', data: first.png }]);
  let panel = page.getByRole('dialog', { name: /导入 1 个文件/ });
  const box = panel.getByRole('checkbox', { name: '识别文字' });
  await expect(box).not.toBeChecked();
  await expect(panel).toContainText('已导入 1 个，跳过 0 个，失败 0 个', SLOW);
  // Ticked once the import is in: what it imported is read.
  await box.check();
  await expect(panel).toContainText('已识别 1 页', SLOW);
  await panel.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('row', { name: /来信扫描/ }).click();
  await expect(proof.getByRole('list', { name: '识别出的文字行' })).toContainText(first.lines[0]!.slice(1, 5), SLOW);

  // The next import: the box is still ticked, and the scan is read in the same job.
  await drop(page, [{ name: '会议记录扫描.png', type: 'image/png', data: second.png }]);
  panel = page.getByRole('dialog', { name: /导入 1 个文件/ });
  await expect(panel.getByRole('checkbox', { name: '识别文字' })).toBeChecked();
  await expect(panel).toContainText('已识别 1 页', SLOW);
  await panel.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('row', { name: /会议记录扫描/ }).click();
  await expect(proof.getByRole('list', { name: '识别出的文字行' })).toContainText(second.lines[0]!.slice(1, 5), SLOW);
});
