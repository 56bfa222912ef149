import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page, TestInfo } from '@playwright/test';
import { en } from '../../renderer/src/i18n/en';
import { zhHans } from '../../renderer/src/i18n/zh-Hans';
import { test, expect, SAMPLES, type ServedLibrary } from './serveLibrary';

const DEMO_REGISTER = fileURLToPath(new URL('../../resources/demo/登记表.csv', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
/** 「特大」, the largest of the sizes in 设置 › 字号. */
const LARGEST = '1.5';
/** A text box narrower than this many of its own characters cannot show what is typed in it. */
const MIN_EMS = 8;

test.use({ importFiles: [path.join(SAMPLES, 'zhengxie-plan-web-scraped.txt')] });

/**
 * Every visible text box and text area narrower than 8 em (of its own font size; a page-number box
 * 5 em), every list box narrower than 8 em that is also squeezed below its longest choice, and
 * every button whose label does not fit in it (cut off, spilling out, or broken across lines), on
 * the screen as it is now, each named as a screen reader would name it.
 */
async function tooNarrow(page: Page, screen: string): Promise<string[]> {
  const found = await page.evaluate((minEms) => {
    const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const nameOf = (e: Element): string => {
      const labelledBy = e.getAttribute('aria-labelledby');
      const label =
        e.getAttribute('aria-label') ?? (labelledBy ? text(document.getElementById(labelledBy)) : '') ?? '';
      if (label) return label;
      const control = e as HTMLInputElement;
      const own = control.labels?.[0] ? text(control.labels[0]) : '';
      return (
        own ||
        text(e) ||
        e.getAttribute('title') ||
        e.getAttribute('placeholder') ||
        `${e.tagName.toLowerCase()}.${e.className}`
      );
    };
    /** Shown on screen: laid out, not hidden, not the 1-pixel box of a visually hidden control. */
    const shown = (e: Element) => {
      const box = e.getBoundingClientRect();
      return (
        box.width > 2 &&
        box.height > 2 &&
        e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
        !e.closest('[hidden], [aria-hidden="true"], .visually-hidden')
      );
    };
    const problems: string[] = [];
    const TEXT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date']);
    for (const e of document.querySelectorAll('input, textarea, select')) {
      if (e instanceof HTMLInputElement && !TEXT_TYPES.has(e.getAttribute('type') ?? '')) continue;
      if (!shown(e)) continue;
      const em = parseFloat(getComputedStyle(e).fontSize);
      const width = e.getBoundingClientRect().width;
      // A page number holds a few digits; a list box only needs to show its longest choice, as it
      // does when nothing squeezes it.
      const needed = e.getAttribute('type') === 'number' ? 5 * em : minEms * em;
      if (width >= needed - 0.5) continue;
      if (e instanceof HTMLSelectElement) {
        const style = e.style.cssText;
        e.style.cssText += ';width:max-content;min-width:0;max-width:none;flex:none';
        const natural = e.getBoundingClientRect().width;
        e.style.cssText = style;
        if (width >= natural - 0.5) continue;
      }
      problems.push(
        `${e.tagName.toLowerCase()} 「${nameOf(e)}」 is ${(width / em).toFixed(1)} em wide (< ${(needed / em).toFixed(0)} em)`,
      );
    }
    for (const e of document.querySelectorAll('button, label.button, [role="button"], [role="tab"]')) {
      if (!shown(e)) continue;
      // The label inside, or any part of it, cut off or spilling out of its box.
      // (A photo tile shows the start of a long title under its thumbnail, as file browsers do;
      // the whole title is its name and heads the item pane.)
      const clipped = [e, ...e.querySelectorAll('*')].some(
        (part) =>
          shown(part) &&
          !part.classList.contains('tile-title') &&
          part.scrollWidth > part.clientWidth + 1 &&
          part.clientWidth > 0,
      );
      // A short label broken across lines: a button narrower than its words. Long link-like
      // buttons (an item's title in the results) wrap as text does.
      const label = text(e);
      let wrapped = false;
      if (label && label.length <= 24 && !e.classList.contains('link')) {
        const range = document.createRange();
        range.selectNodeContents(e);
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        const lineHeight = parseFloat(getComputedStyle(e).fontSize) * 1.2;
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const spread = rects.length
          ? Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top))
          : 0;
        wrapped = tops.size > 1 && spread > lineHeight * 1.6;
      }
      if (clipped || wrapped)
        problems.push(`button 「${nameOf(e)}」 is narrower than its label${wrapped ? ' (wrapped)' : ''}`);
    }
    return problems;
  }, MIN_EMS);
  return found.map((problem) => `${screen}: ${problem}`);
}

async function call(request: APIRequestContext, library: ServedLibrary, op: string, args: object) {
  const url = new URL(library.url);
  const response = await request.post(`${url.origin}/api/${op}`, {
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}` },
    data: { args, meta: {} },
  });
  const body = (await response.json()) as { ok: boolean; value: unknown; error?: unknown };
  expect(body.ok, JSON.stringify(body.error)).toBe(true);
  return body.value as Record<string, unknown>;
}

/** Opens every closed section (form groups, overrides, advanced options), so all fields are seen. */
async function openAllSections(page: Page) {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

/**
 * The library's every screen and panel at the largest text size in a 1280×800 window: the list,
 * an oral history's whole form and its history, the review queue, search with saved searches,
 * bulk edit, the photo grid, a volume in the editor, each library tool and the settings dialog.
 */
async function walkScreens(
  page: Page,
  request: APIRequestContext,
  library: ServedLibrary,
  language: 'zh-Hans' | 'en',
  testInfo: TestInfo,
): Promise<string[]> {
  const t = language === 'en' ? en : zhHans;
  const found: string[] = [];
  const check = async (screen: string, docs?: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${language}-${screen}.png`) });
    if (docs && language === 'zh-Hans') await page.screenshot({ path: path.join(SCREENSHOTS, docs) });
    found.push(...(await tooNarrow(page, `${language} ${screen}`)));
  };

  // The demo register (six items) beside the scraped text imported before the server started.
  const upload = { batchId: 'largest-text', name: '登记表.csv' };
  const url = new URL(library.url);
  const put = await request.put(
    `${url.origin}/uploads/${upload.batchId}/${encodeURIComponent(upload.name)}`,
    {
      headers: { Authorization: `Bearer ${url.searchParams.get('token')}`, 'x-wenshi': '1' },
      data: await readFile(DEMO_REGISTER),
    },
  );
  expect(put.ok()).toBe(true);
  await call(request, library, 'registers.import', { upload });
  await call(request, library, 'searches.save', { name: '许昌发制品口述史料', query: '发制品' });
  const { items } = (await call(request, library, 'items.list', { limit: 20 })) as {
    items: { id: string; title: string }[];
  };
  const article = (title: string) => ({
    itemId: items.find((i) => i.title === title)!.id,
    editorNote: '',
    shared: false,
    figures: [],
  });
  await call(request, library, 'volumes.create', {
    title: '许昌改革记忆（第一辑）',
    sections: [
      {
        id: 'industry',
        title: '产业篇',
        articles: [article('许昌发制品产业的起步'), article('禹州钧瓷复烧记')],
      },
    ],
  });

  await page.addInitScript(
    ({ scale, lang }) => {
      localStorage.setItem('wenshi.fontScale', scale);
      localStorage.setItem('wenshi.language', lang);
    },
    { scale: LARGEST, lang: language },
  );
  await page.goto(library.url);
  const row = page.getByRole('row', { name: /许昌发制品产业的起步/ });
  await expect(row).toBeVisible();
  await check('library-list');

  await row.click();
  const form = page.getByRole('form', { name: t.item.editTitle });
  await expect(form).toBeVisible();
  await openAllSections(page);
  await check('item-form', 'largest-text-item-form.png');
  await page.locator('.detail-pane').evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
  await check('item-form-end');
  await page.locator('#tab-history').click();
  await check('item-history');
  await page.locator('#tab-form').click();

  // Several rows chosen: the bulk edit bar.
  await page.getByRole('row', { name: /禹州钧瓷复烧记/ }).click({ modifiers: ['Shift'] });
  await expect(page.locator('.bulk-bar')).toBeVisible();
  await openAllSections(page);
  await check('bulk-edit');

  await page
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(t.nav.pending) })
    .click();
  await page.getByRole('row', { name: /zhengxie-plan-web-scraped/ }).click();
  await expect(page.getByRole('region', { name: t.review.title })).toBeVisible();
  await check('review', 'largest-text-review.png');

  await page.getByRole('button', { name: t.list.gridView }).click();
  await check('photo-grid');
  await page.getByRole('button', { name: t.list.tableView }).click();

  await page.getByRole('searchbox', { name: t.search.label }).fill('许昌');
  await expect(page.locator('.search-results mark').first()).toBeVisible();
  await page.getByRole('button', { name: t.savedSearches.save }).click();
  await check('search', 'largest-text-search.png');

  await page.getByRole('button', { name: t.volumes.nav }).click();
  await page.getByRole('button', { name: '《许昌改革记忆（第一辑）》' }).click();
  await expect(page.locator('.volume-editor .article-title').first()).toBeVisible();
  await openAllSections(page);
  await check('volume-editor');
  // The sections, with the article picker's results open.
  const picker = page.getByRole('combobox', { name: t.volumes.addArticleTo.replace('{{title}}', '产业篇') });
  await picker.scrollIntoViewIfNeeded();
  await picker.fill('许昌');
  await expect(page.getByRole('listbox', { name: t.volumes.articleResults })).toBeVisible();
  await picker.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await check('volume-sections', 'largest-text-volume.png');
  await picker.press('Escape');
  await page.locator('.volume-editor').evaluate((e) => e.scrollIntoView({ block: 'end' }));
  await check('volume-editor-end');
  await page.getByRole('button', { name: t.volumes.back }).click();

  await page.getByRole('button', { name: t.tools.nav }).click();
  const tools = page.locator('.tools-screen nav button');
  for (let i = 0; i < (await tools.count()); i++) {
    await tools.nth(i).click();
    await openAllSections(page);
    await check(`tools-${i + 1}`, i === 0 ? 'largest-text-tools.png' : undefined);
  }
  await page.getByRole('button', { name: t.tools.back }).click();

  await page.getByRole('button', { name: t.settings.title, exact: true }).click();
  await expect(page.getByRole('dialog', { name: t.settings.title })).toBeVisible();
  await openAllSections(page);
  await check('settings', 'largest-text-settings.png');
  await page.locator('dialog.settings').evaluate((d) => d.scrollTo(0, d.scrollHeight));
  await check('settings-end');
  return found;
}

for (const language of ['zh-Hans', 'en'] as const)
  test(`at the largest text size every text box is 8 em wide and every button holds its label (${language})`, async ({
    page,
    request,
    library,
  }, testInfo) => {
    test.setTimeout(180_000);
    expect(await walkScreens(page, request, library, language, testInfo)).toEqual([]);
  });
