import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { SHORTCUT_KEYS, type ShortcutCommand } from '../../electron/contract';
import { menuLabel, menuTemplate, type MenuActions } from '../../electron/main/menuTemplate';
import type { RecentMenuEntry } from '../../electron/app';
import { commandForKey, type KeyPress } from '../../renderer/src/app/shortcuts';

function actions(): MenuActions {
  return {
    switchLibrary: vi.fn(),
    clearRecent: vi.fn(),
    command: vi.fn(),
    importFiles: vi.fn(),
    verify: vi.fn(),
    tool: vi.fn(),
  };
}

/** Every item of the menu, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}

function byLabel(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = items(template).find((item) => item.label === label);
  if (!found) throw new Error(`no menu item ${label}`);
  return found;
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void | undefined)?.call(undefined);

const recent: RecentMenuEntry[] = [
  { root: '/data/许昌资料库', name: '许昌改革记忆', openedAt: '', available: true },
  { root: '/media/u盘/R&D', name: '长葛', openedAt: '', available: false },
];

describe('application menu', () => {
  it('opens and creates libraries, and lists the recent ones, missing ones disabled', () => {
    const act = actions();
    const template = menuTemplate(recent, act, 'linux');
    click(byLabel(template, '新建资料库…'));
    click(byLabel(template, '打开资料库…'));
    expect(act.switchLibrary).toHaveBeenNthCalledWith(1, { action: 'create' });
    expect(act.switchLibrary).toHaveBeenNthCalledWith(2, { action: 'open' });

    const submenu = byLabel(template, '最近打开').submenu as MenuItemConstructorOptions[];
    expect(submenu.map((item) => item.label ?? item.type)).toEqual([
      '许昌改革记忆 — /data/许昌资料库',
      '长葛 — /media/u盘/R&&D（找不到）',
      'separator',
      '清除列表',
    ]);
    expect(submenu.map((item) => item.enabled)).toEqual([true, false, undefined, undefined]);
    click(submenu[0]!);
    expect(act.switchLibrary).toHaveBeenLastCalledWith({ action: 'recent', root: '/data/许昌资料库' });
    click(submenu[3]!);
    expect(act.clearRecent).toHaveBeenCalled();
  });

  it('says so when nothing was opened yet', () => {
    const submenu = byLabel(menuTemplate([], actions(), 'linux'), '最近打开').submenu;
    expect(submenu).toEqual([{ label: '（无）', enabled: false }]);
  });

  it('shows the shortcuts the page answers, without taking the keys from it', () => {
    const act = actions();
    const template = menuTemplate(recent, act, 'linux');
    const shortcuts = items(template).filter((item) => item.registerAccelerator === false);
    expect(shortcuts.map((item) => item.accelerator).sort()).toEqual(
      Object.values(SHORTCUT_KEYS)
        .map((key) => `CmdOrCtrl+${key}`)
        .sort(),
    );
    for (const item of shortcuts) click(item);
    expect(act.command).toHaveBeenCalledWith('focusSearch');
    expect(act.command).toHaveBeenCalledWith('newItem');
    expect(act.command).toHaveBeenCalledWith('openSettings');
    // Import picks files in a native dialog: a page may open its file chooser only on a key or a click.
    expect(act.importFiles).toHaveBeenCalled();
  });

  it('and the page answers each of those keys with the same command', () => {
    const press = (key: string, more: Partial<KeyPress> = {}) =>
      commandForKey({ key, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, ...more });
    for (const [name, key] of Object.entries(SHORTCUT_KEYS) as [ShortcutCommand, string][]) {
      expect(press(key.toLowerCase()), key).toBe(name);
      expect(commandForKey({ key, ctrlKey: false, metaKey: true, shiftKey: false, altKey: false })).toBe(
        name,
      );
    }
    expect(press('f')).toBe('focusSearch');
    // Ctrl+Shift+N is the menu's 新建资料库, not a new item; plain keys are typing.
    expect(press('N', { shiftKey: true })).toBeNull();
    expect(press('k', { ctrlKey: false })).toBeNull();
    expect(press('o')).toBeNull();
    // The menu's own accelerators do not collide with the page's.
    const menuOnly = items(menuTemplate(recent, actions(), 'linux'))
      .filter((item) => item.accelerator && item.registerAccelerator !== false)
      .map((item) => item.accelerator);
    expect(menuOnly).toEqual(['CmdOrCtrl+Shift+N', 'CmdOrCtrl+O']);
  });

  it('escapes & so that Windows and Linux do not read it as a mnemonic', () => {
    expect(menuLabel('R&D 资料库')).toBe('R&&D 资料库');
  });
});
