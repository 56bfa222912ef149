import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect } from './serveLibrary';

const require = createRequire(import.meta.url);

/** A group photo: two people (red, blue) standing on a grey ground, 1200 × 800. */
function groupPhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <rect width="1200" height="800" fill="#b9b4a8"/>
    <rect x="120" y="160" width="240" height="480" fill="#a33"/>
    <circle cx="240" cy="120" r="70" fill="#a33"/>
    <rect x="720" y="160" width="240" height="480" fill="#36a"/>
    <circle cx="840" cy="120" r="70" fill="#36a"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

const PDF_PAGES = [
  '许昌市政协文史资料征集工作计划',
  '一、征集范围：改革开放以来许昌的亲历、亲见、亲闻史料。',
  '二、征集方式：口述访谈、捐赠复制、网络采集。',
];

/** A three-page Chinese PDF, one line a page. */
async function planPdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(
    readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')),
    { subset: true },
  );
  for (const line of PDF_PAGES) pdf.addPage([420, 595]).drawText(line, { x: 30, y: 540, size: 11, font });
  return Buffer.from(await pdf.save());
}

async function drop(page: Page, files: { name: string; type: string; data: Buffer }[]) {
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
}

/** Drags across the photo as seen, between two points given in fractions of its on-screen box. */
async function dragOnPhoto(page: Page, from: [number, number], to: [number, number]) {
  const box = (await page.locator('.photo-frame').boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at([(from[0] + to[0]) / 2, (from[1] + to[1]) / 2]));
  await page.mouse.move(...at(to));
  await page.mouse.up();
}

test('viewers: zoom and turn a photo, mark the people in it left to right; page through a PDF and a long text', async ({
  page,
  request,
  library,
}, testInfo) => {
  const origin = new URL(library.url).origin;
  const headers = { Authorization: `Bearer ${new URL(library.url).searchParams.get('token')}` };
  const longText = '一九八四年春，许昌的发制品产业刚刚起步，几户人家收头发、做发网。\n'.repeat(2000);

  await page.goto(library.url);
  await drop(page, [
    { name: '许昌发制品厂开业.jpg', type: 'image/jpeg', data: await groupPhoto() },
    { name: '文史资料征集计划.pdf', type: 'application/pdf', data: await planPdf() },
    { name: '发制品产业口述整理稿.txt', type: 'text/plain', data: Buffer.from(longText) },
  ]);
  const importPanel = page.getByRole('dialog', { name: /导入 3 个文件/ });
  await expect(importPanel).toContainText('已导入 3 个，跳过 0 个，失败 0 个', { timeout: 60_000 });
  await importPanel.getByRole('button', { name: '关闭' }).click();

  // The photo: zoom with the button, the keyboard and the wheel; move it; turn the view.
  await page.getByRole('row', { name: /许昌发制品厂开业/ }).click();
  const viewer = page.getByRole('region', { name: '照片查看' });
  const stage = viewer.getByRole('group', { name: '照片' });
  await expect(viewer.getByText('缩放 100%')).toBeVisible();
  await viewer.getByRole('button', { name: '放大（+）' }).click();
  await expect(viewer.getByText('缩放 125%')).toBeVisible();
  await stage.focus();
  await page.keyboard.press('+');
  await expect(viewer.getByText('缩放 156%')).toBeVisible();
  const stageBox = (await stage.boundingBox())!;
  await page.mouse.move(stageBox.x + stageBox.width / 2, stageBox.y + stageBox.height / 2);
  await page.mouse.wheel(0, -100);
  await expect(viewer.getByText('缩放 195%')).toBeVisible();
  const before = (await page.locator('.photo-frame').boundingBox())!;
  await page.mouse.down();
  await page.mouse.move(stageBox.x + stageBox.width / 2 + 60, stageBox.y + stageBox.height / 2 + 30);
  await page.mouse.up();
  const after = (await page.locator('.photo-frame').boundingBox())!;
  expect(after.x - before.x).toBeCloseTo(60, 0);
  expect(after.y - before.y).toBeCloseTo(30, 0);
  await page.keyboard.press('-');
  await expect(viewer.getByText('缩放 156%')).toBeVisible();
  await viewer.getByRole('button', { name: '适合窗口（0）' }).click();
  await expect(viewer.getByText('缩放 100%')).toBeVisible();
  await viewer.getByRole('button', { name: '向右旋转（R）' }).click();
  await expect(viewer.getByText('已旋转 90°（只改变查看方向，不改动原件）')).toBeVisible();
  await expect(viewer.getByRole('img')).toHaveCSS('transform', /matrix\(0, 1, -1, 0/);

  // Mark the person on the right (blue) while the view is turned: on the turned photo they stand
  // in the lower part, lying on their side.
  await viewer.getByRole('button', { name: '标注图中人物' }).click();
  await dragOnPhoto(page, [0.2, 0.6], [0.8, 0.8]);
  const naming = viewer.getByRole('form', { name: '框中人物姓名' });
  await expect(naming.getByLabel('框中人物姓名')).toBeFocused();
  await naming.getByLabel('框中人物姓名').fill('李四');
  await expect(naming.getByLabel('同时加入人物列表（图中人物）')).toBeChecked();
  await naming.getByRole('button', { name: '保存标注' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存「许昌发制品厂开业」' })).toBeVisible();
  await expect(viewer.getByText('左起：李四')).toBeVisible();

  // Turn back and mark the person on the left (red).
  await stage.focus();
  await page.keyboard.press('Shift+R');
  await expect(viewer.getByText(/已旋转/)).toHaveCount(0);
  await dragOnPhoto(page, [0.1, 0.2], [0.3, 0.8]);
  await naming.getByLabel('框中人物姓名').fill('张三');
  await naming.getByLabel('框中人物姓名').press('Enter');
  await expect(viewer.getByText('左起：张三、李四')).toBeVisible();
  await expect(viewer.locator('.region-label')).toHaveText(['李四', '张三']);

  // Stored in the image's own fractions, whichever way the view was turned when drawn.
  const call = async <T>(op: string, args: object): Promise<T> => {
    const response = await request.post(`${origin}/api/${op}`, { headers, data: { args } });
    return ((await response.json()) as { value: T }).value;
  };
  const { items } = await call<{ items: { id: string; title: string }[] }>('items.list', {});
  const photoId = items.find((i) => i.title === '许昌发制品厂开业')!.id;
  const item = await call<ItemShape>('items.get', { id: photoId });
  const [lisi, zhangsan] = item.photo.regions;
  expect(lisi!.name).toBe('李四');
  for (const [got, want] of [
    [lisi!, { x: 0.6, y: 0.2, w: 0.2, h: 0.6 }],
    [zhangsan!, { x: 0.1, y: 0.2, w: 0.2, h: 0.6 }],
  ] as const)
    for (const key of ['x', 'y', 'w', 'h'] as const)
      expect(Math.abs(got[key] - want[key])).toBeLessThan(0.01);
  // The names joined the item's people as 图中人物.
  expect(item.people).toEqual([
    { name: '李四', role: 'depicted' },
    { name: '张三', role: 'depicted' },
  ]);
  const form = page.getByRole('form', { name: '著录' });
  await expect(form.getByRole('list', { name: '已选人物' }).locator('.chip-name')).toHaveText([
    '李四',
    '张三',
  ]);
  await expect(form.getByLabel('李四的角色')).toHaveValue('depicted');
  await page.screenshot({ path: testInfo.outputPath('viewers-photo.png') });

  // Enlarged, turned and zoomed, the names stay upright beside their people; Escape steps back.
  await viewer.getByRole('button', { name: '标注图中人物' }).click();
  await viewer.getByRole('button', { name: '放大查看' }).click();
  await stage.focus();
  await page.keyboard.press('r');
  await page.keyboard.press('+');
  await expect(viewer).toHaveCSS('position', 'fixed');
  await page.screenshot({ path: testInfo.outputPath('viewers-enlarged.png') });
  await page.keyboard.press('Escape');
  await expect(viewer).not.toHaveCSS('position', 'fixed');
  await page.keyboard.press('0');
  await page.keyboard.press('Shift+R');

  // Each mark is an edit in the history, and can be undone.
  await page.getByRole('tab', { name: '修改记录' }).click();
  const history = page.getByRole('list', { name: '修改记录' });
  await expect(history).toContainText('照片信息：左起：李四 → 左起：张三、李四');
  await history.getByRole('button', { name: '撤销' }).first().click();
  await expect(viewer.getByText('左起：李四')).toBeVisible();
  await expect(viewer.locator('.region-label')).toHaveText(['李四']);

  // The PDF: its own pages, turned by buttons, the page number and the keyboard.
  await page.getByRole('row', { name: /许昌市政协文史资料征集工作计划/ }).click();
  const reader = page.getByRole('region', { name: '文献阅读' });
  const pageText = reader.getByRole('region', { name: /^第 \d+ 页，共 3 页/ });
  await expect(pageText).toHaveText(PDF_PAGES[0]!);
  await reader.getByRole('button', { name: '下一页' }).click();
  await expect(pageText).toHaveText(PDF_PAGES[1]!);
  await reader.getByLabel('页码').fill('3');
  await reader.getByLabel('页码').press('Enter');
  await expect(pageText).toHaveText(PDF_PAGES[2]!);
  await pageText.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(pageText).toHaveText(PDF_PAGES[1]!);
  await expect(reader.getByLabel('页码')).toHaveValue('2');
  const original = reader.getByRole('link', { name: '在新标签页打开原件 PDF' });
  await expect(original).toHaveAttribute('target', '_blank');
  const pdfResponse = await request.get(`${origin}${await original.getAttribute('href')}`, { headers });
  expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
  expect(new URL((await original.getAttribute('href'))!, origin).hash).toBe('#page=2');
  await page.screenshot({ path: testInfo.outputPath('viewers-document.png') });

  // A long text without pages is shown a screen at a time.
  await page.getByRole('row', { name: /发制品产业口述整理稿/ }).click();
  await expect(reader.getByText('原文没有分页，按屏幕分段显示。')).toBeVisible();
  const screenText = reader.getByRole('region', { name: /^第 1 页，共 \d+ 页/ });
  const first = (await screenText.textContent())!;
  expect(first.length).toBeLessThan(longText.length / 10);
  await screenText.focus();
  await page.keyboard.press('PageDown');
  await expect(reader.getByRole('region', { name: /^第 2 页/ })).toBeFocused();
  await expect(reader.getByLabel('页码')).toHaveValue('2');
  await page.screenshot({ path: testInfo.outputPath('viewers.png') });
});

interface ItemShape {
  people: { name: string; role: string }[];
  photo: { regions: { x: number; y: number; w: number; h: number; name: string }[] };
}
