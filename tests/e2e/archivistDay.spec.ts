import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { test, expect as baseExpect, serve, SAMPLES } from './serveLibrary';

// The machine may be busy: every check waits on what the page shows, with room for slow steps.
const expect = baseExpect.configure({ timeout: 60_000 });

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

/** Two seconds of silence as 16-bit mono WAV. */
function wav(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * 2 * seconds);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function photo(colour: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="${colour}"/></svg>`;
  return sharp(Buffer.from(svg)).jpeg().toBuffer();
}

/** The register that came with the folder: two interviews recorded on paper only. */
const REGISTER =
  '档号,标题,类型,口述人,事件时间,地点\r\n' +
  'XCGG-1984-0001,张德顺口述：收头发的年月（手写稿）,口述,张德顺,1984年春,长葛市\r\n' +
  'XCGG-1958-0002,王秀英口述：大炼钢铁,口述,王秀英,大跃进时期,禹州市\r\n';

/**
 * The folder as it came from the field: a recorded interview with its transcript, two photos, the
 * register, and a GB18030 copy of a text the library already has. Names give the order of 档号.
 */
async function fieldFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, '01 张德顺访谈.wav'), wav(2));
  await writeFile(
    path.join(dir, '01 张德顺访谈.srt'),
    '1\n00:00:00,000 --> 00:00:01,000\n我叫张德顺。\n\n2\n00:00:01,000 --> 00:00:02,000\n一九八四年春天，我们开始收头发。\n',
  );
  await writeFile(path.join(dir, '02 发制品车间.jpg'), await photo('#a33'));
  await writeFile(path.join(dir, '03 建厂合影.jpg'), await photo('#36a'));
  await copyFile(path.join(SAMPLES, 'zhengxie-plan-gb18030.txt'), path.join(dir, '04 政协工作计划.txt'));
  await writeFile(path.join(dir, '登记表.csv'), REGISTER);
}

/** Every field of the oral-history template but 类型, 档号 and 人物, as the archivist types them. */
const TEXT_FIELDS: [label: string, value: string][] = [
  ['题名', '张德顺口述：许昌发制品厂的起步'],
  ['副题名', '一位老厂长的回忆'],
  ['事件时间', '民国三十八年'],
  ['形成时间', '1984年春节前后'],
  ['访谈时间', '2023年10月12日'],
  ['访谈地点', '长葛市后河镇张德顺家中'],
  ['口述人出生年份', '1931'],
  ['口述人籍贯', '河南长葛'],
  ['口述人职务', '原许昌发制品厂厂长'],
  ['征集方式', '口述采访'],
  ['提供者', '张德顺'],
  ['征集人', '李文华'],
  ['征集时间', '2023年10月'],
  ['原件存放处', '许昌市政协文史资料委员会'],
  ['授权日期', '2023年10月12日'],
  ['口述人审阅日期', '2023年11月'],
  ['备注', '录音中有一段方言，整理稿已注明。'],
  ['内容提要', '张德顺回忆一九四九年前后长葛的收发行业和八十年代发制品厂的起步。'],
  ['全文', '我叫张德顺。一九八四年春天，我们开始收头发。'],
];
const SELECTS: [label: string, option: string][] = [
  ['开放级别', '内部'],
  ['审稿状态', '初审'],
  ['三亲', '亲历'],
];
const CHECKBOXES = ['已签授权书', '口述人已审阅文稿'];
/** Lists entered as chips (typed, then Enter). */
const CHIPS: [label: string, value: string, chips: string[]][] = [
  ['机构', '许昌发制品厂', ['许昌发制品厂']],
  ['专题', '许昌改革记忆', ['许昌改革记忆']],
  ['标签', '发制品', ['发制品']],
  ['关键词', '收头发、出口', ['收头发', '出口']],
];
/** Lists with the library's names offered as typed: kept as typed when saved. */
const PICKED: [label: string, value: string][] = [
  ['地点', '长葛市'],
  ['主题词', '乡镇企业'],
];

/** The whole form, as saved, checked field by field (also in the restored library). */
async function expectDescribed(form: Locator) {
  for (const [label, value] of TEXT_FIELDS)
    await expect(form.getByLabel(label, { exact: true })).toHaveValue(value);
  for (const [label, option] of SELECTS)
    await expect(form.getByLabel(label, { exact: true }).locator('option:checked')).toHaveText(option);
  for (const label of CHECKBOXES) await expect(form.getByLabel(label, { exact: true })).toBeChecked();
  await expect(form.getByLabel('授权书扫描件').locator('option:checked')).toHaveText('01 张德顺访谈.srt');
  for (const [label, , chips] of CHIPS)
    await expect(form.getByRole('list', { name: `已选${label}` }).getByRole('listitem')).toContainText(chips);
  await expect(form.getByRole('list', { name: '已选人物' })).toContainText('张德顺');
  await expect(form.getByLabel('张德顺的角色').locator('option:checked')).toHaveText('口述人');
  await expect(form.getByRole('list', { name: '已选地点' })).toContainText('长葛市');
  await expect(form.getByRole('list', { name: '已选主题词' })).toContainText('乡镇企业');
  // The date as written, and beside it what it was read as.
  await expect(form.getByLabel('事件时间', { exact: true })).toHaveAccessibleDescription(/1949/);
}

async function closeImport(page: Page, count: number, report: RegExp, shot?: string) {
  const panel = page.getByRole('dialog', { name: new RegExp(`导入 ${count} 个文件`) });
  await expect(panel).toContainText(report, { timeout: 240_000 });
  if (shot) await page.screenshot({ path: path.join(SCREENSHOTS, shot) });
  await panel.getByRole('button', { name: '关闭' }).click();
  await expect(panel).toBeHidden();
}

test('an archivist’s day in the browser: folder with register and duplicate in, an oral history described and linked, the queue cleared, backed up and restored', async ({
  page,
  library,
}, testInfo) => {
  test.setTimeout(900_000);
  const folder = testInfo.outputPath('2023年10月 长葛征集');
  await fieldFolder(folder);

  await page.goto(library.url);
  await expect(page.getByRole('heading', { name: '欢迎使用文史典藏' })).toBeVisible();
  // Asked once: who does the work, for 修改记录.
  await page.getByLabel('修改人姓名').fill('李文华');
  await page.getByRole('button', { name: '记住姓名' }).click();

  // Already in the library: last month's web copy of the CPPCC plan.
  await page
    .getByLabel('导入文件', { exact: true })
    .setInputFiles(path.join(SAMPLES, 'zhengxie-plan-web-scraped.txt'));
  await closeImport(page, 1, /已导入 1 个/);

  // Today's folder: its files are imported, its register opens in the library tools.
  await page.getByLabel('导入文件夹').setInputFiles(folder);
  await closeImport(page, 5, /已导入 4 个/, '09-folder-import.png');
  const registerTool = page.getByRole('region', { name: '导入登记表' });
  await expect(registerTool).toContainText('共 2 行：有效 2 行，有误 0 行');
  await registerTool.getByRole('button', { name: '导入有效的 2 行' }).click();
  await expect(registerTool).toContainText('已导入 2 条，跳过 0 条');
  await page.getByRole('button', { name: '返回资料' }).click();

  // 档号 in the order of the files in the folder, after the one already there.
  const grid = page.getByRole('grid', { name: '条目列表' });
  const form = page.getByRole('form', { name: '著录' });
  const identifiers: Record<string, string> = {};
  for (const [name, number] of [
    ['zhengxie-plan-web-scraped', '0001'],
    ['01 张德顺访谈', '0002'],
    ['02 发制品车间', '0003'],
    ['03 建厂合影', '0004'],
    ['04 政协工作计划', '0005'],
  ] as const) {
    await grid.getByRole('row', { name: new RegExp(name) }).click();
    await expect(form.getByLabel('题名', { exact: true })).toHaveValue(new RegExp(name));
    const identifier = form.getByLabel('档号', { exact: true });
    await expect(identifier).toHaveValue(new RegExp(`-${number}$`));
    identifiers[name] = await identifier.inputValue();
  }

  // Describe the interview: every field of the oral-history template.
  await grid.getByRole('row', { name: /01 张德顺访谈/ }).click();
  await expect(form.getByLabel('题名', { exact: true })).toHaveValue(/01 张德顺访谈/);
  await expect(form.getByLabel('类型', { exact: true }).locator('option:checked')).toHaveText('口述');
  for (const [label, value] of TEXT_FIELDS) await form.getByLabel(label, { exact: true }).fill(value);
  await expect(form.getByLabel('事件时间', { exact: true })).toHaveAccessibleDescription(/1949/);
  for (const [label, option] of SELECTS)
    await form.getByLabel(label, { exact: true }).selectOption({ label: option });
  for (const label of CHECKBOXES) await form.getByLabel(label, { exact: true }).check();
  // The 授权书 names one of the item's own files: only the recording and its transcript are offered.
  await form.getByLabel('授权书扫描件').selectOption({ label: '01 张德顺访谈.srt' });
  for (const [label, value, chips] of CHIPS) {
    const box = form.getByLabel(label, { exact: true });
    await box.fill(value);
    await box.press('Enter');
    await expect(form.getByRole('list', { name: `已选${label}` }).getByRole('listitem')).toContainText(chips);
  }
  for (const [label, value] of PICKED) {
    const box = form.getByLabel(label, { exact: true });
    await box.fill(value);
    await box.press('Escape');
  }
  // The narrator from the picker: the register named him, so the library offers his name.
  await form.getByLabel('角色', { exact: true }).selectOption({ label: '口述人' });
  await form.getByLabel('姓名', { exact: true }).fill('张德');
  await page
    .getByRole('listbox', { name: '人名候选' })
    .getByRole('option', { name: /张德顺/ })
    .click();
  await expect(form.getByRole('list', { name: '已选人物' })).toContainText('张德顺');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '已保存「张德顺口述：许昌发制品厂的起步」' }),
  ).toBeVisible();
  await expectDescribed(form);
  await form.getByRole('list', { name: '已选人物' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, '10-oral-history-form.png') });

  // Link the two photos.
  const related = page.getByRole('region', { name: '相关条目' });
  const links = related.getByRole('list', { name: '相关条目' });
  const box = related.getByRole('combobox', { name: '关联条目' });
  const suggestions = related.getByRole('listbox', { name: '可关联的条目' });
  for (const [typed, title] of <[string, string][]>[
    ['车间', '02 发制品车间'],
    ['合影', '03 建厂合影'],
  ]) {
    await related.getByRole('combobox', { name: '关联说明' }).selectOption('照片');
    await box.fill(typed);
    await suggestions.getByRole('option', { name: new RegExp(title) }).click();
    await expect(links.getByRole('button', { name: new RegExp(`^${title} 照片`) })).toBeVisible();
  }
  await expect(links.getByRole('listitem')).toHaveCount(2);
  await related.screenshot({ path: path.join(SCREENSHOTS, '11-related-items.png') });

  // Clear 待复核: the copy is merged into the text already there, then every flag decided.
  const pending = page.getByRole('navigation').getByRole('button', { name: /待复核/ });
  await pending.click();
  const review = page.getByRole('region', { name: '待复核' });
  await grid.getByRole('row', { name: /04 政协工作计划/ }).click();
  const duplicate = review.getByRole('listitem').filter({ hasText: '可能重复' });
  await expect(duplicate).toContainText(`与 ${identifiers['zhengxie-plan-web-scraped']}`);
  await duplicate.getByRole('button', { name: '对照两份正文' }).click();
  await expect(duplicate.getByRole('table', { name: '两份正文对照' })).toBeVisible();
  await duplicate.getByRole('button', { name: '合并' }).click();
  await expect(page.getByText(`已合并到 ${identifiers['zhengxie-plan-web-scraped']}`)).toBeVisible();
  await expect(grid.getByRole('row', { name: /04 政协工作计划/ })).toHaveCount(0);

  await grid.getByRole('row', { name: /zhengxie-plan-web-scraped/ }).click();
  await review
    .getByRole('listitem')
    .filter({ hasText: '去除拼音注音' })
    .getByRole('button', { name: '接受', exact: true })
    .click();
  await expect(review).not.toContainText('去除拼音注音');
  for (const kind of ['半角标点改为全角', '合并句中断行']) {
    const offer = review.getByRole('listitem').filter({ hasText: kind });
    if ((await offer.count()) === 0) continue;
    await offer.getByRole('button', { name: '不接受', exact: true }).click();
    await expect(review).not.toContainText(kind);
  }
  const garbled = review.getByRole('group', { name: '疑似乱码' });
  await expect(garbled).toContainText('发现 2 处疑似乱码');
  await garbled.getByRole('button', { name: '已核实' }).first().click();
  await expect(garbled).toContainText('发现 1 处疑似乱码');
  await garbled.getByRole('button', { name: '忽略' }).click();
  await expect(review).toBeHidden();
  await expect(page.getByText('待复核已清空：没有等待复核的条目。')).toBeVisible();
  await expect(pending).toContainText('0');
  await page.screenshot({ path: path.join(SCREENSHOTS, '12-review-empty.png') });

  // Back up (a .zip download) and restore it (an upload) into a new library.
  await page.getByRole('button', { name: '资料库工具' }).click();
  const tools = page.getByRole('navigation', { name: '工具' });
  await tools.getByRole('button', { name: '备份' }).click();
  const [backup] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载备份（.zip）' }).click(),
  ]);
  const zipPath = testInfo.outputPath('backup.zip');
  await backup.saveAs(zipPath);
  await tools.getByRole('button', { name: '恢复' }).click();
  const restoreTool = page.getByRole('region', { name: '恢复' });
  await restoreTool.locator('input[type=file]').setInputFiles(zipPath);
  await expect(restoreTool).toContainText(/已恢复「许昌改革记忆」：6 个条目/, { timeout: 240_000 });
  await page.screenshot({ path: path.join(SCREENSHOTS, '13-library-tools-restore.png') });
  const done = restoreTool.getByRole('status').locator('p').first();
  const restoredRoot = /位于 (.+)$/.exec((await done.textContent()) ?? '')![1]!;

  // The restored library, opened as any library is opened in a browser.
  const restored = await serve(restoredRoot);
  try {
    await page.goto(restored.url);
    await grid.getByRole('row', { name: /张德顺口述：许昌发制品厂的起步/ }).click();
    await expect(form.getByLabel('档号', { exact: true })).toHaveValue(identifiers['01 张德顺访谈']!);
    await expectDescribed(form);
    await expect(links.getByRole('listitem')).toHaveCount(2);
    await expect(links.getByRole('button', { name: /^02 发制品车间 照片/ })).toBeVisible();
    await expect(links.getByRole('button', { name: /^03 建厂合影 照片/ })).toBeVisible();
    await page.screenshot({ path: path.join(SCREENSHOTS, '14-restored-library.png') });
    // Relations both ways, and the 档号 of the others as they were.
    for (const name of ['02 发制品车间', '03 建厂合影', 'zhengxie-plan-web-scraped']) {
      await grid.getByRole('row', { name: new RegExp(name) }).click();
      await expect(form.getByLabel('档号', { exact: true })).toHaveValue(identifiers[name]!);
    }
    await expect(links.getByRole('listitem')).toHaveCount(0);
    await expect(form).toContainText('04 政协工作计划.txt');
    await grid.getByRole('row', { name: /02 发制品车间/ }).click();
    await expect(links.getByRole('button', { name: /^张德顺口述：许昌发制品厂的起步 口述/ })).toBeVisible();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: /待复核/ })
      .click();
    await expect(page.getByText('待复核已清空：没有等待复核的条目。')).toBeVisible();
  } finally {
    await restored.stop();
  }
});
