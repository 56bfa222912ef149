import { OP_NAMES, type AppCommand, type LibraryChoice } from '../../electron/contract';
import { test, expect } from './serveLibrary';

/** What the stand-in bridge lets the test do: send menu commands, see the library requests. */
interface MenuProbe {
  send(command: AppCommand): void;
  switched: LibraryChoice[];
}

declare global {
  interface Window {
    menuProbe: MenuProbe;
  }
}

/**
 * The page as the desktop app shows it: a stand-in for the preload bridge (Electron cannot run
 * here) that passes operations to `wenshi serve` and records what would go to the main process.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript((ops: string[]) => {
    const commandListeners = new Set<(command: AppCommand) => void>();
    const probe: MenuProbe = { send: (c) => commandListeners.forEach((l) => l(c)), switched: [] };
    const bridge: Record<string, unknown> = Object.fromEntries(
      ops.map((op) => [
        op,
        async (args: unknown, meta: unknown) => {
          const response = await fetch(`/api/${op}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ args, meta }),
          });
          return response.json();
        },
      ]),
    );
    bridge['onEvent'] = (listener: (event: unknown) => void) => {
      const source = new EventSource('/api/events');
      source.onmessage = (message) => listener(JSON.parse(message.data as string));
      return () => source.close();
    };
    bridge['pathForFile'] = () => '';
    bridge['onCommand'] = (listener: (command: AppCommand) => void) => {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    };
    bridge['switchLibrary'] = async (choice: LibraryChoice) => {
      probe.switched.push(choice);
    };
    Object.assign(window, { wenshi: bridge, menuProbe: probe });
  }, OP_NAMES);
});

test('settings open or create another library; the menu switches only after unsaved edits are settled', async ({
  page,
  library,
}, testInfo) => {
  await page.goto(library.url);
  await expect(page.getByRole('heading', { name: '欢迎使用文史典藏' })).toBeVisible();
  const switched = () => page.evaluate(() => window.menuProbe.switched);

  await page.evaluate(() => window.menuProbe.send({ name: 'openSettings' }));
  const location = page.getByRole('dialog', { name: '设置' }).getByRole('group', { name: '资料库位置' });
  await expect(location).toContainText(library.root);
  await page.screenshot({ path: testInfo.outputPath('settings-desktop.png') });
  await location.getByRole('button', { name: '打开其他资料库…' }).click();
  await location.getByRole('button', { name: '新建资料库…' }).click();
  expect(await switched()).toEqual([{ action: 'open' }, { action: 'create' }]);
  await page.getByRole('button', { name: '关闭' }).click();

  // Unsaved edits: the page asks before another library replaces it.
  await page.evaluate(() => window.menuProbe.send({ name: 'newItem' }));
  await page.getByRole('form', { name: '新建条目' }).getByLabel('题名').fill('许昌发制品产业的起步');
  const recent = { name: 'switchLibrary', choice: { action: 'recent', root: '/data/长葛资料库' } } as const;
  page.once('dialog', (dialog) => void dialog.dismiss());
  await page.evaluate((command) => window.menuProbe.send(command), recent);
  expect(await switched()).toHaveLength(2);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.evaluate((command) => window.menuProbe.send(command), recent);
  expect((await switched()).at(-1)).toEqual({ action: 'recent', root: '/data/长葛资料库' });

  await page.evaluate(() => window.menuProbe.send({ name: 'focusSearch' }));
  await expect(page.getByRole('searchbox', { name: '检索' })).toBeFocused();
});
