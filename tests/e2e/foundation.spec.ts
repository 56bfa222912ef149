import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, SAMPLES } from './serveLibrary';

test.describe('browser mode with an imported item', () => {
  test.use({ importFiles: [path.join(SAMPLES, 'zhengxie-plan-web-scraped.txt')] });

  test('lists the item in a Chinese UI', async ({ page, library }, testInfo) => {
    await page.goto(library.url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('文史典藏');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('许昌改革记忆');
    await expect(
      page.getByRole('navigation', { name: '资料分类' }).getByRole('button', { name: '全部资料' }),
    ).toBeVisible();
    await expect(page.getByRole('grid', { name: '条目列表' })).toContainText('zhengxie-plan-web-scraped');
    await expect(page.getByText('共 1 条')).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('library.png') });
  });

  test('refuses the page and the API without the token', async ({ request, library }) => {
    const origin = new URL(library.url).origin;
    expect((await request.get(origin + '/')).status()).toBe(401);
    expect((await request.post(origin + '/api/items.list', { data: { args: {} } })).status()).toBe(401);
  });
});

test('add an item, find it in traditional script, compile it to PDF', async ({ page, library }, testInfo) => {
  await page.goto(library.url);
  await expect(page.getByRole('heading', { name: '欢迎使用文史典藏' })).toBeVisible();

  await page.getByRole('main').getByRole('button', { name: '新建条目' }).click();
  const form = page.getByRole('form', { name: '新建条目' });
  await form.getByLabel('类型').selectOption('oral');
  await form.getByLabel('题名', { exact: true }).fill('许昌发制品产业的起步');
  await form.getByRole('button', { name: '添加人物' }).click();
  await form.getByLabel('姓名').fill('张三');
  await form.getByLabel('角色').selectOption({ label: '口述人' });
  await form.getByLabel('事件时间', { exact: true }).fill('1984年春');
  await form
    .getByLabel('全文')
    .fill('一九八四年春，许昌的发制品产业刚刚起步。\n我们从走村串户收购头发开始。');
  await form.getByRole('button', { name: '新建' }).click();
  await expect(page.getByRole('status')).toContainText('已新建「许昌发制品产业的起步」');
  await expect(page.getByRole('grid', { name: '条目列表' })).toContainText('许昌发制品产业的起步');

  await page.getByRole('searchbox', { name: '检索' }).fill('許昌發製品');
  const results = page.getByRole('region', { name: /共 1 条结果/ });
  await expect(results).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText(/许昌/);
  await page.screenshot({ path: testInfo.outputPath('search.png') });
  await page.getByRole('searchbox', { name: '检索' }).fill('');

  await page.getByRole('row', { name: /许昌发制品产业的起步/ }).click();
  await expect(page.getByText('已选 1 条')).toBeVisible();
  await page.getByLabel('书名').fill('许昌改革记忆（试印本）');
  await page.getByRole('button', { name: '编印 PDF' }).click();
  const downloadLink = page.getByRole('link', { name: '下载 PDF' });
  await expect(downloadLink).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/已生成《许昌改革记忆（试印本）》/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('compiled.png') });

  // The link offers the PDF as a download; fetch it as the browser would, with the page's cookie.
  const href = await downloadLink.getAttribute('href');
  const response = await page.request.get(new URL(href!, library.url).href);
  expect(response.headers()['content-disposition']).toMatch(/attachment/);
  const pdf = path.join(library.dir, 'download.pdf');
  writeFileSync(pdf, await response.body());
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
  expect(text).toContain('许昌改革记忆（试印本）');
  expect(text).toContain('许昌发制品产业的起步');
  expect(text).toContain('口述张三');
  expect(text).toContain('一九八四年春，许昌的发制品产业刚刚起步。');
});
