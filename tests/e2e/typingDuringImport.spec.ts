import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test, expect } from './serveLibrary';

const ITEMS = 10_000;

test('typing in the search box while 10,000 items import: every key lands and results keep coming', async ({
  page,
  request,
  library,
}, testInfo) => {
  test.setTimeout(10 * 60_000);
  // A batch as the browser leaves it after uploading a dropped folder: 10,000 short texts, one
  // in two about 許昌 (traditional script), staged where `uploads.import` takes them from.
  const batchId = 'typing-during-import';
  const staged = path.join(library.root, '.incoming', batchId, '口述整理稿');
  await mkdir(staged, { recursive: true });
  for (let i = 0; i < ITEMS; i += 500)
    await Promise.all(
      Array.from({ length: 500 }, (_, j) =>
        writeFile(
          path.join(staged, `第${String(i + j).padStart(5, '0')}号.txt`),
          (i + j) % 2 ? `第${i + j}号：許昌髮製品廠的老職工回憶一九八四年。` : `第${i + j}号：禹州钧瓷。`,
        ),
      ),
    );

  await page.goto(library.url);
  // What the page feels: the longest time between a key and its handling, and main-thread
  // tasks over 50 ms. They are reported, not asserted: a test has no timing thresholds.
  await page.evaluate(() => {
    const seen = { maxEventMs: 0, longTasks: 0, maxLongTaskMs: 0 };
    (window as unknown as { smoothness: typeof seen }).smoothness = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.maxEventMs = Math.max(seen.maxEventMs, e.duration);
    }).observe({ type: 'event', buffered: false, durationThreshold: 16 } as PerformanceObserverInit);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        seen.longTasks++;
        seen.maxLongTaskMs = Math.max(seen.maxLongTaskMs, e.duration);
      }
    }).observe({ type: 'longtask' });
  });

  const url = new URL(library.url);
  const importing = request.post(`${url.origin}/api/uploads.import`, {
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}` },
    data: { args: { batchId }, meta: { jobId: 'typing-import' } },
    timeout: 10 * 60_000,
  });
  let imported = false;
  void importing.then(() => (imported = true));

  // The list starts filling while the import runs.
  const status = async () =>
    (
      (await (
        await request.post(`${url.origin}/api/search.status`, {
          headers: { Authorization: `Bearer ${url.searchParams.get('token')}` },
          data: { args: {} },
        })
      ).json()) as { value: { items: number } }
    ).value.items;
  await expect.poll(status, { timeout: 120_000 }).toBeGreaterThan(200);

  const box = page.getByRole('searchbox', { name: '检索' });
  await box.click();
  await page.keyboard.type('许昌', { delay: 120 });
  await expect(box).toHaveValue('许昌');
  const results = page.getByRole('region', { name: /「许昌」共 \d+ 条结果/ });
  await expect(results).toBeVisible();
  const midway = await status();
  expect(imported, 'the import was still running when the results came').toBe(false);
  expect(midway).toBeLessThan(ITEMS);

  // More keys while the import goes on: each one lands, in order.
  await page.keyboard.type(' 髮製品', { delay: 120 });
  await expect(box).toHaveValue('许昌 髮製品');
  await expect(page.getByRole('region', { name: /「许昌 髮製品」共 \d+ 条结果/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('typing-during-import.png') });

  const done = (await (await importing).json()) as { ok: boolean; value: { counts: { added: number } } };
  expect(done.ok).toBe(true);
  expect(done.value.counts.added).toBe(ITEMS);
  // After the import, the same query finds every one of the 5,000 許昌 texts.
  await box.fill('');
  await box.fill('许昌');
  await expect(page.getByRole('region', { name: '「许昌」共 5000 条结果' })).toBeVisible({ timeout: 30_000 });

  const smoothness = await page.evaluate(() => (window as unknown as { smoothness: object }).smoothness);
  testInfo.annotations.push({ type: 'smoothness', description: JSON.stringify(smoothness) });
  console.log(`typing during a ${ITEMS}-item import:`, smoothness, `(${midway} items in when results came)`);
});
