import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './serveLibrary';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: contrast, names, labels, roles, target sizes among them. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
/** Enough Tab presses to pass every control of the busiest screen once. */
const TAB_STOPS = 45;

/** A readable line per failing element, so a failure says what to fix and where. */
async function axeViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${screen}: ${violation.id} (${violation.impact}) ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ')}`,
    ),
  );
}

/**
 * Tabs through the screen and names every control that takes focus without showing it (axe does
 * not check that a focus indicator is visible).
 */
async function focusWithoutIndicator(page: Page, screen: string): Promise<string[]> {
  const missing = new Set<string>();
  for (let stop = 0; stop < TAB_STOPS; stop++) {
    await page.keyboard.press('Tab');
    const unseen = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      const visible = (e: Element) => {
        const style = getComputedStyle(e);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        return outline || style.boxShadow !== 'none';
      };
      // The hidden file input shows its focus on the label that looks like a button.
      if (visible(element.closest('label.button') ?? element)) return null;
      const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 20) ?? '';
      return `${element.tagName.toLowerCase()}.${element.className} "${name}"`;
    });
    if (unseen) missing.add(`${screen}: focus not visible on ${unseen}`);
  }
  return [...missing];
}

async function problemsOn(page: Page, screen: string, testInfo: TestInfo): Promise<string[]> {
  await page.screenshot({ path: testInfo.outputPath(`${screen}.png`) });
  return [...(await axeViolations(page, screen)), ...(await focusWithoutIndicator(page, screen))];
}

/**
 * Every main screen in turn, from the welcome screen of an empty library to the settings dialog,
 * each checked by axe once it has settled.
 */
async function auditScreens(page: Page, url: string, testInfo: TestInfo): Promise<string[]> {
  const found: string[] = [];
  const check = async (screen: string) => found.push(...(await problemsOn(page, screen, testInfo)));

  await page.goto(url);
  await expect(page.getByRole('heading', { name: '欢迎使用文史典藏' })).toBeVisible();
  await check('welcome');

  await page.getByRole('button', { name: '导入示例资料' }).click();
  await expect(page.getByRole('row', { name: /许昌发制品产业的起步/ })).toBeVisible({ timeout: 60_000 });
  await check('library-table');

  await page.getByRole('row', { name: /许昌发制品产业的起步/ }).click();
  await expect(page.getByRole('form', { name: '著录' })).toBeVisible();
  await check('item-form');

  await page.getByRole('button', { name: '照片墙' }).click();
  await expect(page.locator('.photo-tile img').first()).toBeVisible();
  await check('photo-grid');
  await page.getByRole('button', { name: '列表' }).click();

  await page.getByRole('searchbox', { name: '检索' }).fill('許昌');
  await expect(page.getByRole('complementary', { name: '筛选' })).toBeVisible();
  await expect(page.locator('.search-results mark').first()).toBeVisible();
  await check('search-results');
  await page.getByRole('searchbox', { name: '检索' }).fill('');

  await page.getByRole('button', { name: '卷册' }).click();
  await page.getByLabel('新卷书名').fill('许昌改革记忆（第一辑）');
  await page.getByRole('button', { name: '新建卷' }).click();
  const editor = page.getByRole('form', { name: '编辑《许昌改革记忆（第一辑）》' });
  await editor.getByLabel('栏目名').fill('产业篇');
  await editor.getByRole('combobox', { name: '向「产业篇」添加文章' }).fill('许昌发制品产业的起步');
  await editor
    .getByRole('option')
    .filter({ has: page.getByText('许昌发制品产业的起步', { exact: true }) })
    .click();
  await expect(editor.locator('.article-title')).toHaveText(['许昌发制品产业的起步']);
  await check('volume-editor');
  await page.getByRole('button', { name: '返回资料' }).click();

  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await check('settings');
  return found;
}

test('every main screen passes axe (WCAG 2.2 A and AA) in zh-Hans', async ({ page, library }, testInfo) => {
  expect(await auditScreens(page, library.url, testInfo)).toEqual([]);
});

test('every main screen passes axe with the largest text size', async ({ page, library }, testInfo) => {
  await page.addInitScript(() => localStorage.setItem('wenshi.fontScale', '1.5'));
  expect(await auditScreens(page, library.url, testInfo)).toEqual([]);
});
