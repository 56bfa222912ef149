import path from 'node:path';
import { test, expect, SAMPLES } from './serveLibrary';

test.use({
  importFiles: [
    path.join(SAMPLES, 'zhengxie-plan-web-scraped.txt'),
    path.join(SAMPLES, 'zhengxie-plan-gb18030.txt'),
  ],
});

test('assemble a volume, reorder its articles, compile it and preview the PDF', async ({
  page,
  library,
}, testInfo) => {
  await page.goto(library.url);
  await page.getByRole('button', { name: '卷册' }).click();
  await expect(page.getByText('还没有卷')).toBeVisible();
  await page.getByLabel('新卷书名').fill('许昌改革记忆（第一辑）');
  await page.getByRole('button', { name: '新建卷' }).click();

  const editor = page.getByRole('form', { name: '编辑《许昌改革记忆（第一辑）》' });
  await expect(editor).toBeVisible();
  await editor.getByLabel('栏目名').fill('政协工作');
  const add = editor.getByRole('combobox', { name: '向「政协工作」添加文章' });
  for (const title of ['zhengxie-plan-web-scraped', 'zhengxie-plan-gb18030']) {
    await add.fill(title);
    await editor
      .getByRole('option')
      .filter({ has: page.getByText(title, { exact: true }) })
      .click();
  }
  await editor.getByLabel('前言').fill('为留存亲历者的记忆，我们征集、整理了这批史料。');

  const titles = editor.locator('.article-title');
  await expect(titles).toHaveText(['zhengxie-plan-web-scraped', 'zhengxie-plan-gb18030']);
  // From the keyboard: the move buttons reorder as drag and drop does.
  await editor.getByRole('button', { name: '下移「zhengxie-plan-web-scraped」' }).focus();
  await page.keyboard.press('Enter');
  await expect(titles).toHaveText(['zhengxie-plan-gb18030', 'zhengxie-plan-web-scraped']);
  await editor.getByRole('button', { name: '保存本卷' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '已保存《许昌改革记忆（第一辑）》' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: '卷册列表' })).toContainText('2 篇');

  // The scraped sample still holds 乱码: by default the compile stops and names the article.
  await page.getByRole('button', { name: '编印本卷' }).click();
  await expect(page.getByText(/仍有未处理的乱码.*《zhengxie-plan-web-scraped》/)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByLabel('乱码').selectOption({ label: '以「□」标出乱码' });
  await page.getByRole('button', { name: '编印本卷' }).click();
  await expect(page.getByText(/^以下文章仍有乱码：.*《zhengxie-plan-web-scraped》/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/已生成《许昌改革记忆（第一辑）》：\d+ 页，2 篇/)).toBeVisible({
    timeout: 60_000,
  });
  const preview = page.getByTitle('PDF 预览');
  await expect(preview).toBeVisible();
  const src = await preview.getAttribute('src');
  expect(src).toMatch(/^\/exports\/.+\.pdf\?inline=1$/);
  const response = await page.request.get(new URL(src!, library.url).href);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toMatch(/^inline/);
  expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: testInfo.outputPath('volume.png'), fullPage: true });
});
