/**
 * Takes the screenshots in docs/screenshots/ (1280 × 800, zh-Hans) from a library filled with
 * the demo material. Run: npm run docs:screenshots (after npm run build). Not part of npm test.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import { packagedFonts } from '../../electron/app/fonts';
import { startServer } from '../../electron/server';

const RENDERER = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const OUT = fileURLToPath(new URL('../../docs/screenshots', import.meta.url));
const DOOR = { canWrite: true, canUseLocalPaths: true };

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-shots-'));
  const root = path.join(dir, 'lib');
  await (
    await Library.create(root, '许昌改革记忆', { settings: { identifierPattern: 'XCGG-{year}-{seq:4}' } })
  ).close();
  const service = await Application.open(root, { fonts: packagedFonts() });
  const server = await startServer({ service, rendererDir: RENDERER, allowEdit: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  await mkdir(OUT, { recursive: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const shot = (name: string) => page.screenshot({ path: path.join(OUT, `${name}.png`) });

    await page.goto(server.url);
    await page.getByRole('heading', { name: '欢迎使用文史典藏' }).waitFor();
    await shot('01-welcome');

    await page.getByRole('button', { name: '导入示例资料' }).click();
    await page.getByRole('row', { name: /许昌发制品产业的起步/ }).waitFor();
    await page.getByRole('button', { name: '关闭提示' }).click();
    await page.getByRole('row', { name: /许昌发制品产业的起步/ }).click();
    await page.getByRole('form', { name: '著录' }).waitFor();
    await page.waitForTimeout(300);
    await shot('02-library-and-item');

    await page.getByRole('tab', { name: '修改记录' }).click();
    await page.waitForTimeout(300);
    await page.getByRole('button', { name: '照片墙' }).click();
    await page.locator('.photo-tile img').first().waitFor();
    await page.waitForTimeout(500);
    await shot('03-photo-grid');
    await page.getByRole('button', { name: '列表' }).click();

    await page.getByRole('searchbox', { name: '检索' }).fill('許昌');
    await page.locator('.search-results mark').first().waitFor();
    await page.waitForTimeout(300);
    await shot('04-search');
    await page.getByRole('searchbox', { name: '检索' }).fill('');

    const ids = (await service.dispatch('items.list', { limit: 100 }, {}, DOOR)) as {
      ok: true;
      value: { items: { id: string; kind: string }[] };
    };
    const articles = ids.value.items.filter((i) => i.kind !== 'photo').map((i) => ({ itemId: i.id }));
    await service.dispatch(
      'volumes.create',
      {
        title: '许昌改革记忆（第一辑）',
        compiler: '许昌市政协文史资料委员会 编',
        sections: [
          { id: 's1', title: '产业篇', articles: articles.slice(0, 3) },
          { id: 's2', title: '城乡篇', articles: articles.slice(3) },
        ],
      },
      {},
      DOOR,
    );
    await page.getByRole('button', { name: '卷册' }).click();
    await page.getByText('许昌改革记忆（第一辑）').first().click();
    // The contents (sections, articles, word counts) is what an editor works on most.
    await page
      .locator('ol.sections')
      .evaluate((list) => list.closest('fieldset')?.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(600);
    await shot('05-volume-editor');
    await page.getByRole('button', { name: '返回资料' }).click();

    await page.getByRole('button', { name: '设置' }).click();
    await page.getByRole('dialog').waitFor();
    await shot('06-settings');
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await server.close();
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
