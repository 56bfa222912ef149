import { test, expect, callApi } from './serveLibrary';

test('search 许昌 finds traditional-script items, filters by a facet, sorts, suggests', async ({
  page,
  request,
  library,
}, testInfo) => {
  const create = async (args: object) =>
    ((await callApi(request, library.url, 'items.create', args)) as { id: string }).id;
  await create({
    kind: 'oral',
    title: '許昌髮製品產業的起步',
    text: '一九八四年春，許昌的髮製品產業剛剛起步。',
    places: ['許昌市'],
    eventDate: '1984',
  });
  const yuzhou = await create({
    kind: 'document',
    title: '禹州鈞瓷',
    text: '許昌下轄的禹州，鈞瓷聞名天下。',
    places: ['禹州市'],
    eventDate: '1979',
  });
  await create({ kind: 'photo', title: '长葛纪事', text: '长葛的变化。' });

  await page.goto(library.url);
  const box = page.getByRole('searchbox', { name: '检索' });
  await box.fill('许昌');
  const results = page.getByRole('region', { name: /「许昌」共 2 条结果/ });
  await expect(results).toBeVisible();
  await expect(results.locator('mark').first()).toHaveText('許昌');
  await expect(results.getByRole('listitem')).toHaveCount(2);

  // Sort by date: 1979 before 1984.
  await results.getByLabel('排序').selectOption({ label: '时间' });
  await expect(results.getByRole('listitem').first()).toContainText('禹州鈞瓷');
  await expect(results.getByRole('listitem').last()).toContainText('許昌髮製品產業的起步');
  await page.screenshot({ path: testInfo.outputPath('search.png') });

  // Filter by a facet.
  const facets = page.getByRole('complementary', { name: '筛选' });
  await facets.getByRole('checkbox', { name: '类型：口述（1）' }).check();
  await expect(page.getByRole('region', { name: /「许昌」共 1 条结果/ })).toContainText(
    '許昌髮製品產業的起步',
  );
  await page.screenshot({ path: testInfo.outputPath('search-filtered.png') });
  await facets.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByRole('region', { name: /「许昌」共 2 条结果/ })).toBeVisible();

  // A deletion shows at once.
  await callApi(request, library.url, 'items.delete', { id: yuzhou });
  await expect(page.getByRole('region', { name: /「许昌」共 1 条结果/ })).toBeVisible();

  // Nothing found: a suggestion with fewer terms.
  await box.fill('许昌 火星');
  await expect(page.getByText('没有找到「许昌 火星」')).toBeVisible();
  await page.getByRole('button', { name: '许昌（1 条）' }).click();
  await expect(box).toHaveValue('许昌');
  await expect(page.getByRole('region', { name: /「许昌」共 1 条结果/ })).toBeVisible();
});
