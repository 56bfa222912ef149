import path from 'node:path';
import { test, expect, SAMPLES } from './serveLibrary';

test.use({ importFiles: [path.join(SAMPLES, 'zhengxie-plan-web-scraped.txt')] });

test('clear 待复核 of a web-scraped text: cleanups decided, 乱码 corrected in place and ignored', async ({
  page,
  library,
}, testInfo) => {
  await page.goto(library.url);
  const pending = page.getByRole('navigation').getByRole('button', { name: /待复核/ });
  await pending.click();
  await page.getByRole('row', { name: /zhengxie-plan-web-scraped/ }).click();
  const review = page.getByRole('region', { name: '待复核' });
  const garbled = review.getByRole('group', { name: '疑似乱码' });
  await expect(garbled).toContainText('发现 2 处疑似乱码');

  // Accepting the pinyin cleanup rewrites the text: the flags are found again in the new text,
  // each snippet marking exactly its run.
  await review
    .getByRole('listitem')
    .filter({ hasText: '去除拼音注音' })
    .getByRole('button', { name: '接受', exact: true })
    .click();
  await expect(review).not.toContainText('去除拼音注音');
  await expect(garbled.locator('mark')).toHaveText(['?cè)囶}', '?!钡膬?']);
  await expect(garbled.getByRole('listitem').first()).toContainText('課題變?cè)囶}、試題變答題');
  for (const kind of ['半角标点改为全角', '合并句中断行']) {
    await review
      .getByRole('listitem')
      .filter({ hasText: kind })
      .getByRole('button', { name: '不接受', exact: true })
      .click();
    await expect(review).not.toContainText(kind);
  }

  // Corrected in place, with the text around it shown beside the box.
  const first = garbled.getByRole('listitem').filter({ hasText: '?cè)囶}' });
  await first.getByRole('button', { name: '改正' }).click();
  await expect(first.locator('.garbled-raw')).toContainText('把問題變課題、課題變?cè)囶}、試題變答題');
  await first.getByRole('textbox', { name: '改为' }).fill('試題');
  await page.screenshot({ path: testInfo.outputPath('garbled-fix.png') });
  await first.getByRole('button', { name: '保存改正' }).click();
  await expect(garbled).toContainText('发现 1 处疑似乱码');
  await expect(page.getByRole('form', { name: '著录' }).getByLabel('全文', { exact: true })).toHaveValue(
    /把問題變課題、課題變試題、試題變答題/,
  );

  // The other run is left as it is: 忽略. Nothing is left to review, and the queue says so.
  await garbled.getByRole('button', { name: '忽略' }).click();
  await expect(review).toBeHidden();
  await expect(pending).toContainText('0');
  await expect(page.getByText('待复核已清空：没有等待复核的条目。')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('review-empty.png') });

  // Both decisions are ordinary edits in 修改记录.
  await page.getByRole('tab', { name: '修改记录' }).click();
  const history = page.getByRole('list', { name: '修改记录' });
  await expect(history).toContainText('乱码复核：— → 「?!钡膬?」忽略');
  await expect(history).toContainText('疑似乱码：「?cè)囶}」、「?!钡膬?」 → 「?!钡膬?」');
});
