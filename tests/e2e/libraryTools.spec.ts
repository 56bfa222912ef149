import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';
import { test, expect } from './serveLibrary';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Three good rows, one without a title (row 4), one of an unknown type (row 5); one unknown column. */
const REGISTER =
  '档号,标题,类型,口述人,事件时间,地点,备忘\r\n' +
  'XCGG-2023-0001,许昌发制品产业的起步,口述,张三,1984年春,许昌市,甲\r\n' +
  ',禹州钧瓷复烧记,口述,王五,八十年代初,禹州市,\r\n' +
  ',,照片,,,,空题名\r\n' +
  ',鄢陵花木,图画,,,,\r\n' +
  ',魏都老街,照片,,1990年,许昌市魏都区,\r\n';

test('a register dropped on the window is previewed and imported; the catalogue exported; the library backed up as a zip and restored from it', async ({
  page,
  library,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(library.url);
  await expect(page.getByRole('heading', { name: '欢迎使用文史典藏' })).toBeVisible();

  // Drop the register on the window, as from a file manager: it opens its preview, not an import.
  await page.evaluate((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], '登记表.csv', { type: 'text/csv' }));
    const target = document.querySelector('.app')!;
    target.dispatchEvent(
      new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }),
    );
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, REGISTER);
  const tool = page.getByRole('region', { name: '导入登记表' });
  const columns = tool.getByRole('table', { name: '列的对应' });
  await expect(columns.getByRole('row', { name: '标题 题名' })).toBeVisible();
  await expect(columns.getByRole('row', { name: /备忘 未识别/ })).toBeVisible();
  await expect(tool).toContainText('共 5 行：有效 3 行，有误 2 行');
  await expect(tool).toContainText('第 4 行「」：题名');
  await expect(tool).toContainText('第 5 行「鄢陵花木」：类型');
  await page.screenshot({ path: path.join(SCREENSHOTS, '07-library-tools-register.png') });
  await tool.getByRole('button', { name: '导入有效的 3 行' }).click();
  await expect(tool).toContainText('已导入 3 条，跳过 0 条');

  // Export the catalogue as CSV: a download of what the library wrote.
  const tools = page.getByRole('navigation', { name: '工具' });
  await tools.getByRole('button', { name: '导出目录' }).click();
  const exportTool = page.getByRole('region', { name: '导出目录' });
  await exportTool.getByRole('button', { name: '导出', exact: true }).click();
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    exportTool.getByRole('link', { name: /下载/ }).click(),
  ]);
  const csvText = await readFile((await csv.path())!, 'utf8');
  expect(csvText).toContain('禹州钧瓷复烧记');
  expect(csvText).toContain('XCGG-2023-0001');

  // Back up: the browser downloads the bag as a zip.
  await tools.getByRole('button', { name: '备份' }).click();
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载备份（.zip）' }).click(),
  ]);
  await expect(page.getByRole('region', { name: '备份' })).toContainText('备份正在下载');
  await page.screenshot({ path: path.join(SCREENSHOTS, '08-library-tools-backup.png') });
  expect(backup.suggestedFilename()).toMatch(/^许昌改革记忆-备份-.*\.zip$/);
  const zipPath = testInfo.outputPath('backup.zip');
  await backup.saveAs(zipPath);
  const zip = await yauzl.openPromise(zipPath);
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) names.push(entry.fileName);
  zip.close();
  expect(names).toEqual(expect.arrayContaining(['bagit.txt', 'manifest-sha256.txt', 'data/library.json']));

  // Restore from it: a new library beside this one, with the three items.
  await tools.getByRole('button', { name: '恢复' }).click();
  const restoreTool = page.getByRole('region', { name: '恢复' });
  await restoreTool.locator('input[type=file]').setInputFiles(zipPath);
  await expect(restoreTool).toContainText(/已恢复「许昌改革记忆」：3 个条目/, { timeout: 60_000 });
  const restoredRoot = /位于 (\S+)/.exec((await restoreTool.textContent()) ?? '')![1]!;
  expect(path.dirname(restoredRoot)).toBe(path.dirname(library.root));
});
