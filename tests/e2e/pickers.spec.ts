import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, callApi } from './serveLibrary';

/** axe's findings (WCAG 2.2 A and AA) for what is on screen, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return results.violations.flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

test('pick a person and places in the form, save a search and run it again from the sidebar', async ({
  page,
  request,
  library,
}, testInfo) => {
  const create = (args: object) => callApi(request, library.url, 'items.create', args);
  await create({
    kind: 'oral',
    title: '禹州钧瓷复烧记',
    text: '神垕镇的老窑重新点火，钧瓷窑变的紫红又出现了。',
    people: [{ name: '张德顺', role: 'narrator' }],
    places: ['禹州市'],
    eventDate: '1983',
  });
  await create({
    kind: 'document',
    title: '钧瓷工艺的传承',
    text: '钧瓷的釉料配方在禹州流传。',
    people: [{ name: '张德顺', role: 'author' }],
    eventDate: '1995',
  });

  await page.goto(library.url);
  await page.getByRole('banner').getByRole('button', { name: '新建条目' }).click();
  const form = page.getByRole('form', { name: '新建条目' });
  await form.getByLabel('题名', { exact: true }).fill('神垕窑火');

  // A person already in the library, by pinyin initials, with the number of items naming them.
  const name = form.getByRole('combobox', { name: '姓名' });
  await name.fill('zds');
  const option = form.getByRole('listbox', { name: '人名候选' }).getByRole('option', { name: /张德顺/ });
  await expect(option).toContainText('2 条');
  await name.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: testInfo.outputPath('people-suggestions.png') });
  await name.press('Enter');
  const people = form.getByRole('list', { name: '已选人物' });
  await expect(people.getByRole('listitem')).toHaveCount(1);
  await expect(form.getByRole('combobox', { name: '张德顺的角色' })).toHaveValue('narrator');

  // A place typed in traditional script, found in the gazetteer.
  const place = form.getByRole('combobox', { name: '地点' });
  await place.fill('長葛');
  const tree = form.getByRole('tree', { name: '地名表' });
  await expect(tree.getByRole('treeitem', { name: /长葛市/ })).toBeVisible();
  await place.press('ArrowDown');
  await place.press('Enter');
  // Another from browsing the tree: open 禹州市 and take 神垕镇.
  await form.getByRole('button', { name: '地名表' }).click();
  await tree
    .getByRole('treeitem', { name: /^禹州市/ })
    .locator('.twisty')
    .click();
  await expect(tree.getByRole('treeitem', { name: /^禹州市/ })).toHaveAttribute('aria-expanded', 'true');
  await page.screenshot({ path: testInfo.outputPath('gazetteer-tree.png') });
  expect(await axeViolations(page)).toEqual([]);
  await tree.getByRole('treeitem', { name: /神垕镇/ }).click();
  const places = form.getByRole('list', { name: '已选地点' });
  await expect(places.getByRole('listitem')).toHaveText(['长葛市×', '神垕镇×']);

  await form.getByRole('combobox', { name: '主题词' }).fill('jc');
  await form.getByRole('option', { name: /钧瓷/ }).click();
  await page.screenshot({ path: testInfo.outputPath('item-form.png') });
  await form.getByRole('button', { name: '新建' }).click();
  await expect(page.getByRole('status')).toContainText('已新建「神垕窑火」');
  const saved = page.getByRole('form', { name: '著录' });
  await expect(saved.getByRole('list', { name: '已选地点' }).getByRole('listitem')).toHaveText([
    '长葛市×',
    '神垕镇×',
  ]);

  // Search, narrow by a facet, sort by date, and keep it under a name.
  const box = page.getByRole('searchbox', { name: '检索' });
  await box.fill('钧瓷');
  await expect(page.getByRole('region', { name: /「钧瓷」共 3 条结果/ })).toBeVisible();
  await page.getByRole('checkbox', { name: '类型：口述（2）' }).check();
  const results = page.getByRole('region', { name: /「钧瓷」共 2 条结果/ });
  await results.getByLabel('排序').selectOption({ label: '时间' });
  await results.getByRole('button', { name: '保存检索' }).click();
  const nameBox = results.getByRole('textbox', { name: '检索名称' });
  await expect(nameBox).toHaveValue('钧瓷');
  await nameBox.fill('钧瓷口述');
  await nameBox.press('Enter');
  await expect(page.getByRole('status')).toContainText('已保存检索「钧瓷口述」');
  const sidebar = page.getByRole('navigation', { name: '资料分类' });
  const savedSearch = sidebar.getByRole('button', { name: '钧瓷口述', exact: true });
  await expect(savedSearch).toHaveAttribute('aria-current', 'true');

  // Leave the search for a category, then run it again from the sidebar: query, filter and sort come back.
  await sidebar.getByRole('button', { name: /^口述/ }).click();
  await expect(box).toHaveValue('');
  await expect(page.getByRole('grid', { name: '条目列表' })).toBeVisible();
  await expect(savedSearch).not.toHaveAttribute('aria-current', 'true');
  await savedSearch.click();
  await expect(box).toHaveValue('钧瓷');
  const rerun = page.getByRole('region', { name: /「钧瓷」共 2 条结果/ });
  await expect(rerun).toBeVisible();
  await expect(rerun.getByLabel('排序')).toHaveValue('date');
  await expect(page.getByRole('checkbox', { name: /类型：口述/ })).toBeChecked();
  await expect(rerun.getByRole('listitem').first()).toContainText('禹州钧瓷复烧记');

  // Renamed in place; stored in library.json for everyone who opens the library.
  await savedSearch.hover();
  await sidebar.getByRole('button', { name: '重命名「钧瓷口述」' }).click();
  const rename = sidebar.getByRole('textbox', { name: '「钧瓷口述」的新名称' });
  await rename.fill('钧瓷口述史');
  await rename.press('Enter');
  await expect(sidebar.getByRole('button', { name: '钧瓷口述史', exact: true })).toHaveAttribute(
    'aria-current',
    'true',
  );
  const info = JSON.parse(readFileSync(path.join(library.root, 'library.json'), 'utf8')) as {
    settings: { savedSearches: object[] };
  };
  expect(info.settings.savedSearches).toEqual([
    expect.objectContaining({
      name: '钧瓷口述史',
      query: '钧瓷',
      sort: 'date',
      filters: { kind: ['oral'] },
    }),
  ]);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('pickers.png') });
});
