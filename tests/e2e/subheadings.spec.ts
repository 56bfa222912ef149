import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect, SAMPLES } from './serveLibrary';

test.use({ importFiles: [path.join(SAMPLES, 'zhengxie-plan-gb18030.txt')] });

interface Outline {
  title: string;
  kids: Outline[];
}

test('mark 小标题 in a volume’s article, see the title to check, and find the headings in the PDF outline', async ({
  page,
  library,
}, testInfo) => {
  await page.goto(library.url);
  await page.getByRole('button', { name: '卷册' }).click();
  await page.getByLabel('新卷书名').fill('小标题样书');
  await page.getByRole('button', { name: '新建卷' }).click();
  const editor = page.getByRole('form', { name: '编辑《小标题样书》' });
  await editor.getByLabel('栏目名').fill('政协工作');
  // The article picker searches the library; the hit is chosen from its list.
  await editor.getByRole('combobox', { name: '向「政协工作」添加文章' }).fill('zhengxie-plan-gb18030');
  await editor
    .getByRole('option')
    .filter({ has: page.getByText('zhengxie-plan-gb18030', { exact: true }) })
    .click();

  // The plan's headings are unnumbered lines: none is offered, each is set by hand.
  await editor.getByText('本卷修改（不改动原条目）').click();
  await editor.getByRole('button', { name: '编辑小标题' }).click();
  await expect(editor.getByText('没有小标题，也没有带编号的行。')).toBeVisible();
  await editor.getByRole('button', { name: '显示全部段落' }).click();
  await editor.getByRole('combobox', { name: /^「擔負起新征程思想政治引領/ }).selectOption({ label: '一级' });
  await editor.getByRole('combobox', { name: /^「擔負起新征程服務中心大局/ }).selectOption({ label: '一级' });
  await editor.getByRole('combobox', { name: /^「深刻認識中國式現代化/ }).selectOption({ label: '二级' });
  await editor.locator('.article-headings').screenshot({ path: testInfo.outputPath('headings.png') });
  await editor.getByRole('button', { name: '保存本卷' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存《小标题样书》' })).toBeVisible();

  // Imported without a title line, the article is still named after its file: said before compiling.
  await expect(page.getByRole('status', { name: '编印前请核对题名' })).toContainText(
    '题名仍是文件名：《zhengxie-plan-gb18030》',
  );

  await page.getByLabel('乱码').selectOption({ label: '以「□」标出乱码' });
  await page.getByRole('button', { name: '编印本卷' }).click();
  await expect(page.getByText(/已生成《小标题样书》：\d+ 页，1 篇/)).toBeVisible({ timeout: 60_000 });
  const src = await page.getByTitle('PDF 预览').getAttribute('src');
  const response = await page.request.get(new URL(src!, library.url).href);
  const file = testInfo.outputPath('subheadings.pdf');
  writeFileSync(file, await response.body());
  const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const section = (json.outlines as Outline[]).find((o) => o.title === '政协工作')!;
  const article = section.kids[0]!;
  expect(article.title).toBe('zhengxie-plan-gb18030');
  expect(article.kids.map((k) => k.title.slice(0, 12))).toEqual([
    '擔負起新征程思想政治引領',
    '擔負起新征程服務中心大局',
  ]);
  expect(article.kids[1]!.kids.map((k) => k.title.slice(0, 10))).toEqual(['深刻認識中國式現代化']);
});
