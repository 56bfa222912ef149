import path from 'node:path';
import { test, expect, SAMPLES } from './serveLibrary';

test.use({ importFiles: [path.join(SAMPLES, 'zhengxie-plan-web-scraped.txt')] });

test('switches the interface language live: 简体 → 繁體 → English → 简体', async ({
  page,
  library,
}, testInfo) => {
  await page.goto(library.url);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('button', { name: /全部资料/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '新建条目' })).toBeVisible();

  await page.getByRole('combobox', { name: '界面语言' }).selectOption('zh-Hant');
  await expect(nav.getByRole('button', { name: /全部資料/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '新建條目' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /題名/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');
  await page.screenshot({ path: testInfo.outputPath('zh-Hant.png') });

  await page.getByRole('combobox', { name: '介面語言' }).selectOption('en');
  await expect(nav.getByRole('button', { name: /All items/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New item' })).toBeVisible();
  await expect(page.getByText('Items: 1')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('en.png') });

  // The choice is remembered.
  await page.reload();
  await expect(page.getByRole('button', { name: 'New item' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-Hans');
  await expect(page.getByRole('button', { name: '新建条目' })).toBeVisible();
});
