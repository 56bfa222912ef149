import AxeBuilder from '@axe-core/playwright';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { test, expect, callApi } from './serveLibrary';

/** A small JPEG of one colour, so each photo has a thumbnail of its own. */
function photo(colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="${colour}"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

/** Drops files on the window, as a person dragging them from the desktop does. */
async function drop(page: Page, files: { name: string; data: Buffer }[]) {
  await page.evaluate(
    (list) => {
      const transfer = new DataTransfer();
      for (const f of list)
        transfer.items.add(
          new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: 'image/jpeg' }),
        );
      const target = document.querySelector('.app')!;
      for (const type of ['dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    files.map((f) => ({ name: f.name, base64: f.data.toString('base64') })),
  );
}

test('link an oral history to two photos in the item pane, follow the links and back by keyboard, find them with 相关:', async ({
  page,
  request,
  library,
}, testInfo) => {
  await callApi(request, library.url, 'items.create', {
    kind: 'oral',
    title: '张德顺口述：发制品厂的起步',
    identifier: 'XCGG-2023-0001',
  });

  await page.goto(library.url);
  await drop(page, [
    { name: '1984年发制品车间.jpg', data: await photo('#a33') },
    { name: '建厂合影.jpg', data: await photo('#36a') },
  ]);
  const importPanel = page.getByRole('dialog', { name: /导入 2 个文件/ });
  await expect(importPanel).toContainText('已导入 2 个', { timeout: 60_000 });
  await importPanel.getByRole('button', { name: '关闭' }).click();

  await page.getByRole('row', { name: /张德顺口述/ }).click();
  const title = page.getByRole('form', { name: '著录' }).getByLabel('题名', { exact: true });
  await expect(title).toHaveValue('张德顺口述：发制品厂的起步');
  const related = page.getByRole('region', { name: '相关条目' });
  await expect(related).toContainText('还没有相关条目');

  // The first photo by keyboard: typed, chosen with ↓, linked with Enter, as 照片.
  await related.getByRole('combobox', { name: '关联说明' }).selectOption('照片');
  const box = related.getByRole('combobox', { name: '关联条目' });
  await box.fill('车间');
  const suggestions = related.getByRole('listbox', { name: '可关联的条目' });
  await expect(suggestions.getByRole('option', { name: /1984年发制品车间/ })).toBeVisible();
  await box.press('ArrowDown');
  await box.press('Enter');
  const links = related.getByRole('list', { name: '相关条目' });
  await expect(links.getByRole('button', { name: /^1984年发制品车间 照片/ })).toBeVisible();
  // The second by mouse: the item itself and the photo already linked are not offered.
  await box.fill('发制品');
  await expect(suggestions.getByRole('option', { name: /张德顺口述/ })).toHaveCount(0);
  await box.fill('合影');
  await suggestions.getByRole('option', { name: /建厂合影/ }).click();
  await expect(links.getByRole('listitem')).toHaveCount(2);
  await expect(links.locator('img.related-thumb')).toHaveCount(2);
  await expect(links.getByRole('button', { name: /^1984年发制品车间 照片/ })).toContainText('照片');
  await related.screenshot({ path: testInfo.outputPath('related-items.png') });
  const axe = await new AxeBuilder({ page })
    .include('.related-items')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Ctrl+J goes to the links, ↓ to the second, Enter opens it: the photo shows the way back.
  await title.focus();
  await page.keyboard.press('Control+J');
  await expect(links.getByRole('button', { name: /^1984年发制品车间 照片/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(links.getByRole('button', { name: /^建厂合影 照片/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title).toHaveValue('建厂合影');
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await expect(related.getByRole('button', { name: /返回「张德顺口述/ })).toBeVisible();
  // Alt+← goes back the way the link was followed.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(title).toHaveValue('张德顺口述：发制品厂的起步');
  // Ctrl+J moves the focus in the next frame: Enter waits for it, as a person's hand does.
  await expect(links.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('Control+J');
  await expect(links.getByRole('button', { name: /^1984年发制品车间 照片/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title).toHaveValue('1984年发制品车间');
  await page.keyboard.press('Control+J');
  await expect(links.getByRole('button', { name: /^张德顺口述：发制品厂的起步 口述/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title).toHaveValue('张德顺口述：发制品厂的起步');

  // 相关: finds the photos linked to the interview, by its 档号.
  const search = page.getByRole('searchbox', { name: '检索' });
  await search.fill('相关:XCGG-2023-0001');
  const results = page.getByRole('region', { name: /共 \d+ 条结果/ });
  await expect(results.getByRole('button', { name: /1984年发制品车间/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /建厂合影/ })).toBeVisible();
  await expect(results.getByRole('button', { name: /张德顺口述/ })).toHaveCount(0);

  // Unlinked here, gone from the photo too.
  await related.getByRole('button', { name: '取消与「建厂合影」的关联' }).click();
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await search.fill('相关:张德顺');
  await expect(results.getByRole('button', { name: /建厂合影/ })).toHaveCount(0);
  await expect(results.getByRole('button', { name: /1984年发制品车间/ })).toBeVisible();
});
