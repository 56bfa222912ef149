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
    // One stream for every listener, as the preload has one IPC channel: a browser allows only six
    // connections to a server, and a stream each would leave none for the calls.
    const eventListeners = new Set<(event: unknown) => void>();
    let source: EventSource | undefined;
    bridge['onEvent'] = (listener: (event: unknown) => void) => {
      eventListeners.add(listener);
      if (!source) {
        source = new EventSource('/api/events');
        source.onmessage = (message) => {
          const event: unknown = JSON.parse(message.data as string);
          eventListeners.forEach((l) => l(event));
        };
      }
      return () => eventListeners.delete(listener);
    };
    bridge['pathForFile'] = () => '';
    bridge['onCommand'] = (listener: (command: AppCommand) => void) => {
      commandListeners.add(listener);
      return () => commandListeners.delete(listener);
    };
    bridge['switchLibrary'] = async (choice: LibraryChoice) => {
      probe.switched.push(choice);
    };
    // The desktop keeps the person's name itself and offers the system account's.
    let person: string | null = null;
    bridge['person'] = async () => ({ name: person, systemName: 'zhangsan' });
    bridge['setPerson'] = async (name: string) => {
      person = name.trim();
      return { ok: true, value: { name: person, systemName: 'zhangsan' } };
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
  await page
    .getByRole('form', { name: '新建条目' })
    .getByLabel('题名', { exact: true })
    .fill('许昌发制品产业的起步');
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

test('asks the name once, names the person in the history, undoes one field; the template hides and adds fields', async ({
  page,
  library,
}) => {
  await page.goto(library.url);
  // The desktop offers the system account's name; the person gives their own.
  const ask = page.getByRole('region', { name: '您的姓名' });
  await expect(ask.getByLabel('修改人姓名')).toHaveValue('zhangsan');
  await ask.getByLabel('修改人姓名').fill('张三');
  await ask.getByRole('button', { name: '记住姓名' }).click();
  await expect(ask).toBeHidden();

  await page.getByRole('main').getByRole('button', { name: '新建条目' }).click();
  const created = page.getByRole('form', { name: '新建条目' });
  await created.getByLabel('题名', { exact: true }).fill('禹州钧瓷');
  await created.getByLabel('提供者').fill('王五');
  await created.getByRole('button', { name: '新建' }).click();
  await expect(page.getByRole('status')).toContainText('已新建「禹州钧瓷」');

  const form = page.getByRole('form', { name: '著录' });
  await form.getByLabel('题名', { exact: true }).fill('禹州钧瓷复烧记');
  await form.getByLabel('备注').fill('需核对年份');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存「禹州钧瓷复烧记」');

  await page.getByRole('tab', { name: '修改记录' }).click();
  const history = page.getByRole('list', { name: '修改记录' });
  await expect(history.getByRole('listitem').first()).toContainText('张三');
  await history.getByRole('button', { name: '撤销「题名」的这次修改' }).click();
  await expect(history).toContainText('撤销了「题名」');
  await page.getByRole('tab', { name: '著录' }).click();
  await expect(form.getByLabel('题名', { exact: true })).toHaveValue('禹州钧瓷');
  await expect(form.getByLabel('备注')).toHaveValue('需核对年份');

  // The library's template: 备注 hidden, a field of its own added.
  await page.evaluate(() => window.menuProbe.send({ name: 'openSettings' }));
  const settings = page.getByRole('dialog', { name: '设置' });
  await settings.getByLabel('显示「备注」').uncheck();
  await settings.getByLabel('新字段名称').fill('捐赠单位');
  await settings.getByRole('button', { name: '添加自定义字段' }).click();
  await settings.getByRole('button', { name: '保存' }).click();
  await expect(settings).toBeHidden();
  await page.getByRole('row', { name: /禹州钧瓷/ }).click();
  await expect(form.getByLabel('备注')).toHaveCount(0);
  await form.getByLabel('捐赠单位').fill('许昌市档案馆');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('status')).toContainText('已保存「禹州钧瓷」');
  await expect(form.getByLabel('捐赠单位')).toHaveValue('许昌市档案馆');
});
