import path from 'node:path';
import { test, expect, callApi, SAMPLES } from './serveLibrary';

// The same text came in twice, once in GB18030: the later one waits in 待复核 as 「可能重复」, the
// archivist compares the two texts side by side and merges them into one item with both files.
test.use({
  importFiles: [
    path.join(SAMPLES, 'zhengxie-plan-gb18030.txt'),
    path.join(SAMPLES, 'zhengxie-plan-web-scraped.txt'),
  ],
});

test('a duplicate in another encoding is compared side by side and merged, keeping both files', async ({
  page,
  library,
}, testInfo) => {
  await page.goto(library.url);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /待复核/ })
    .click();
  const grid = page.getByRole('grid', { name: '条目列表' });
  await expect(grid.getByRole('row', { name: /zhengxie-plan-web-scraped/ })).toBeVisible();
  await grid.getByRole('row', { name: /zhengxie-plan-web-scraped/ }).click();

  const review = page.getByRole('region', { name: '待复核' });
  const flag = review.getByRole('listitem').filter({ hasText: '可能重复' });
  await expect(flag).toContainText(/与 WS-\d{4}-0001《zhengxie-plan-gb18030》内容相同/);
  await flag.getByRole('button', { name: '对照两份正文' }).click();
  const table = flag.getByRole('table', { name: '两份正文对照' });
  await expect(table).toBeVisible();
  await expect(table).toContainText('（先入库）');
  await expect(table).toContainText('（本条）');
  await expect(flag).toContainText('两份正文逐行相同');
  await page.screenshot({ path: testInfo.outputPath('duplicate-side-by-side.png') });

  await flag.getByRole('button', { name: '合并' }).click();
  await expect(page.getByText(/已合并到 WS-\d{4}-0001/)).toBeVisible();
  // One item is left, the first, holding both files.
  await expect(grid.getByRole('row', { name: /zhengxie-plan-web-scraped/ })).toHaveCount(0);
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /全部资料/ })
    .click();
  await expect(grid.getByRole('row', { name: /zhengxie-plan-gb18030/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /zhengxie-plan-web-scraped/ })).toHaveCount(0);
});

test('the whole library is checked for duplicates imported before, from 资料库工具', async ({
  page,
  request,
  library,
}) => {
  const text =
    '一九八四年春，许昌发制品厂在城关镇的两间平房里开工，第一批工人只有十二个人，大多是附近村里的姑娘。';
  for (const [title, body] of [
    ['发制品厂的起步', text],
    ['發製品廠的起步', text.replace('发制品厂', '發製品廠')],
  ])
    await callApi(request, library.url, 'items.create', { kind: 'document', title, text: body });
  await page.goto(library.url);
  await page.getByRole('button', { name: '资料库工具' }).click();
  await page.getByRole('navigation', { name: '工具' }).getByRole('button', { name: '查重' }).click();
  await page.getByRole('button', { name: '开始查重' }).click();
  await expect(page.getByRole('status').filter({ hasText: '查重完毕' })).toHaveText(
    // The two samples imported first are already flagged; the pair made by hand is new.
    '查重完毕：共 4 条，1 条可能重复，已列入「待复核」',
  );
});
