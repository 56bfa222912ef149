import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, callApi } from './serveLibrary';

const ARTICLES = [
  {
    kind: 'oral',
    title: '許昌髮製品的起步',
    text: '一九八四年，許昌的髮製品作坊開工。',
    eventDate: '1984',
    editorialStatus: 'review1',
  },
  {
    kind: 'oral',
    title: '许昌烟叶的收购',
    text: '许昌的烟叶收购站排起长队。',
    eventDate: '1986',
    editorialStatus: 'review1',
  },
  {
    kind: 'document',
    title: '許昌城建紀事',
    text: '許昌老城的街巷拓寬了。',
    eventDate: '1988',
    editorialStatus: 'review1',
  },
  {
    kind: 'document',
    title: '许昌火车站扩建',
    text: '许昌火车站扩建工程开工。',
    eventDate: '1992',
    editorialStatus: 'review1',
  },
  {
    kind: 'oral',
    title: '許昌花木市場',
    text: '許昌鄢陵的花木市場熱鬧起來。',
    eventDate: '1989',
    editorialStatus: 'review2',
  },
  {
    kind: 'document',
    title: '禹州钧瓷',
    text: '禹州的钧瓷窑火重燃。',
    eventDate: '1981',
    editorialStatus: 'review1',
  },
];

test('editor: search 许昌, filter by decade and status, build a volume of 5 articles by drag and drop, compile', async ({
  page,
  request,
  library,
}, testInfo) => {
  for (const args of ARTICLES) await callApi(request, library.url, 'items.create', args);

  // Search in simplified script finds the traditional-script items, highlighted.
  await page.goto(library.url);
  await page.getByRole('searchbox', { name: '检索' }).fill('许昌');
  const results = () => page.locator('.search-results');
  await expect(page.getByRole('region', { name: /「许昌」共 5 条结果/ })).toBeVisible();
  await expect(results().locator('mark', { hasText: '許昌' }).first()).toBeVisible();

  // Filter by decade, then by review status.
  const facets = page.getByRole('complementary', { name: '筛选' });
  await facets.getByRole('checkbox', { name: /^年代：1980年代/ }).check();
  await expect(page.getByRole('region', { name: /「许昌」共 4 条结果/ })).toBeVisible();
  await facets.getByRole('checkbox', { name: /^审稿状态：初审/ }).check();
  await expect(page.getByRole('region', { name: /「许昌」共 3 条结果/ })).toBeVisible();
  await expect(results()).not.toContainText('许昌火车站扩建');
  await expect(results()).not.toContainText('許昌花木市場');
  await page.screenshot({ path: testInfo.outputPath('editor-search.png') });

  // Assemble a volume of five articles, then reorder by dragging.
  await page.getByRole('button', { name: '卷册' }).click();
  await page.getByLabel('新卷书名').fill('许昌改革记忆（第二辑）');
  await page.getByRole('button', { name: '新建卷' }).click();
  const editor = page.getByRole('form', { name: '编辑《许昌改革记忆（第二辑）》' });
  await editor.getByLabel('栏目名').fill('产业篇');
  const add = editor.getByRole('combobox', { name: '向「产业篇」添加文章' });
  const chosen = ARTICLES.slice(0, 5).map((a) => a.title);
  for (const title of chosen) {
    await add.fill(title);
    await editor
      .getByRole('option')
      .filter({ has: page.getByText(title, { exact: true }) })
      .click();
  }
  const titles = editor.locator('.article-title');
  await expect(titles).toHaveText(chosen);
  await editor.locator('.articles > li').nth(4).dragTo(editor.locator('.articles > li').nth(0));
  await expect(titles).toHaveText([chosen[4]!, ...chosen.slice(0, 4)]);
  await editor.getByRole('button', { name: '保存本卷' }).click();
  await expect(page.getByRole('region', { name: '卷册列表' })).toContainText('5 篇');

  await page.getByRole('button', { name: '编印本卷' }).click();
  await expect(page.getByText(/已生成《许昌改革记忆（第二辑）》：\d+ 页，5 篇/)).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: testInfo.outputPath('editor-volume.png'), fullPage: true });

  // The PDF is offered; it holds the five articles, the dragged one first.
  const src = await page.getByTitle('PDF 预览').getAttribute('src');
  const response = await page.request.get(new URL(src!, library.url).href);
  const pdf = path.join(library.dir, 'volume.pdf');
  writeFileSync(pdf, await response.body());
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    '',
  );
  const at = chosen.map((title) => text.lastIndexOf(title.replace(/\s+/g, '')));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect(at[4]).toBeLessThan(at[0]!);
});
