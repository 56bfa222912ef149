import { test, expect } from './serveLibrary';

const TOPICS = ['发制品', '钧瓷', '烟叶', '花木', '火车站'];
/** A register of 300 items: 60 on each topic, one of them the article looked for by name. */
function register(): string {
  const rows = ['档号,题名,类型,全文'];
  for (let n = 1; n <= 300; n++) {
    const topic = TOPICS[n % TOPICS.length]!;
    const title = n === 177 ? '神垕老窑重新点火' : `${topic}口述第${n}号`;
    rows.push(
      `XCGG-2023-${String(n).padStart(4, '0')},${title},${n % 2 ? '口述' : '文献'},讲${topic}的往事。`,
    );
  }
  return rows.join('\r\n') + '\r\n';
}

test('the article picker finds items by searching a library of 300, a page at a time, from the keyboard', async ({
  page,
  request,
  library,
}, testInfo) => {
  test.setTimeout(180_000);
  const url = new URL(library.url);
  const headers = { Authorization: `Bearer ${url.searchParams.get('token')}` };
  const upload = { batchId: 'article-picker', name: '登记表.csv' };
  const put = await request.put(
    `${url.origin}/uploads/${upload.batchId}/${encodeURIComponent(upload.name)}`,
    {
      headers: { ...headers, 'x-wenshi': '1' },
      data: Buffer.from(register()),
    },
  );
  expect(put.ok()).toBe(true);
  const imported = await request.post(`${url.origin}/api/registers.import`, {
    headers,
    data: { args: { upload }, meta: {} },
  });
  expect(((await imported.json()) as { value: { added: string[] } }).value.added).toHaveLength(300);

  // Nothing on the page lists the whole library to build a volume.
  const listLimits: number[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/items.list'))
      listLimits.push((r.postDataJSON() as { args: { limit?: number } }).args.limit ?? 1000);
  });

  await page.goto(library.url);
  await page.getByRole('button', { name: '卷册' }).click();
  await page.getByLabel('新卷书名').fill('许昌改革记忆（第三辑）');
  await page.getByRole('button', { name: '新建卷' }).click();
  const editor = page.getByRole('form', { name: '编辑《许昌改革记忆（第三辑）》' });
  await editor.getByLabel('栏目名').fill('产业篇');
  const picker = editor.getByRole('combobox', { name: '向「产业篇」添加文章' });

  // By words of its title: the hit shows its 档号, title and kind; ↓ and Enter add it.
  await picker.fill('神垕老窑');
  const results = editor.getByRole('listbox', { name: '可添加的条目' });
  await expect(results.getByRole('option')).toHaveText([/XCGG-2023-0177\s*神垕老窑重新点火\s*口述/]);
  await picker.press('ArrowDown');
  await picker.press('Enter');
  const titles = editor.locator('.article-title');
  await expect(titles).toHaveText(['神垕老窑重新点火']);
  await expect(picker).toHaveValue('');

  // In the other script, 60 hits a page of 20 at a time; the last row shows more.
  await picker.fill('鈞瓷');
  await expect(editor.locator('.article-picker-status', { hasText: '找到 60 条' })).toBeVisible();
  await expect(results.getByRole('option')).toHaveCount(21);
  const more = results.getByRole('option', { name: '显示更多（已列 20 条，共 60 条）' });
  await more.click();
  await expect(results.getByRole('option')).toHaveCount(41);
  await page.screenshot({ path: testInfo.outputPath('article-picker.png') });
  // The 25th hit, reached from the keyboard.
  const wanted = (await results.getByRole('option').nth(24).locator('.article-hit-title').textContent())!;
  for (let i = 0; i < 25; i++) await picker.press('ArrowDown');
  await expect(picker).toHaveAttribute('aria-activedescendant', /row-24$/);
  await picker.press('Enter');
  await expect(titles).toHaveText(['神垕老窑重新点火', wanted]);

  // By its 档号.
  await picker.fill('XCGG-2023-0042');
  await expect(results.getByRole('option').first()).toContainText('XCGG-2023-0042');
  await picker.press('Escape');

  // An item in the volume is not offered again.
  await picker.fill('神垕老窑');
  await expect(editor.locator('.article-picker-status', { hasText: '找到 1 条' })).toBeVisible();
  await expect(results).toBeHidden();
  await picker.press('Escape');

  await editor.getByRole('button', { name: '保存本卷' }).click();
  await expect(page.getByRole('region', { name: '卷册列表' })).toContainText('2 篇');
  // Opened again, the articles are named from their items, fetched by id.
  await page.reload();
  await page.getByRole('button', { name: '卷册' }).click();
  await page.getByRole('button', { name: '《许昌改革记忆（第三辑）》' }).click();
  await expect(page.locator('.volume-editor .article-title')).toHaveText(['神垕老窑重新点火', wanted]);
  expect(Math.max(...listLimits)).toBeLessThanOrEqual(200);
});
