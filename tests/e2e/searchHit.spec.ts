import { test, expect, callApi } from './serveLibrary';

// An archivist searches, opens a hit, and lands on the words found: the page turned to them,
// scrolled into view and marked, however deep in a long text they are.
test('opening a hit turns to the page of the match, marks it and scrolls it into view', async ({
  page,
  request,
  library,
}, testInfo) => {
  const filler = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `第${i + 1}段：许昌的乡镇企业在改革中逐步发展，工厂扩建，职工增多。`,
    ).join('\n');
  const text = `${filler(120)}\n一九八四年春节前后，禹州神垕镇的钧瓷窑变釉试烧成功。\n${filler(40)}`;
  await callApi(request, library.url, 'items.create', { kind: 'document', title: '神垕钧瓷厂志', text });

  await page.goto(library.url);
  const box = page.getByRole('searchbox', { name: '检索' });
  // Traditional script and a year in digits: the text has 窑变 and 一九八四 in simplified numerals.
  for (const [query, found] of [
    ['窯變釉', '窑变釉'],
    ['1984', '一九八四'],
  ] as const) {
    await box.fill(query);
    const results = page.getByRole('region', { name: new RegExp(`「${query}」共 1 条结果`) });
    await expect(results).toBeVisible();
    await results.getByRole('button', { name: '神垕钧瓷厂志' }).click();
    const reader = page.getByRole('region', { name: /第 \d+ 页/ });
    const mark = reader.locator('mark.search-match').first();
    await expect(mark).toHaveText(found);
    await expect(mark).toBeInViewport();
    // Not the first page: the viewer turned to the match.
    await expect(page.getByRole('spinbutton', { name: '页码' })).not.toHaveValue('1');
    await page.screenshot({ path: testInfo.outputPath(`hit-${found}.png`) });
  }
});
