// The application menu as data, free of Electron's runtime so tests can check labels, shortcuts and actions in Node.
import type { MenuItemConstructorOptions } from 'electron';
import { SHORTCUT_KEYS, type LibraryChoice, type LibraryTool, type ShortcutCommand } from '../contract';
import type { RecentMenuEntry } from '../app';

export interface MenuActions {
  /** Asks the page to switch (it may have unsaved edits), or switches at once when there is no page. */
  switchLibrary(choice: LibraryChoice): void;
  clearRecent(): void;
  /** Sends a command to the page. */
  command(name: ShortcutCommand): void;
  /** Chooses files in a native dialog and hands them to the page to import. */
  importFiles(): void;
  verify(repair: boolean): void;
  /** Opens the page's library tools at one of them. */
  tool(name: LibraryTool): void;
}

/** Electron reads `&` in a label as a mnemonic marker on Windows and Linux; a path may hold one. */
export function menuLabel(text: string): string {
  return text.replaceAll('&', '&&');
}

/**
 * A menu item for a command the page answers itself. The accelerator is shown but not
 * registered, so the key reaches the page, whose handler has the user's keypress behind it (a
 * page may open a file chooser only then); a click sends the command instead.
 */
function pageCommand(label: string, name: ShortcutCommand, click: () => void): MenuItemConstructorOptions {
  return { label, accelerator: `CmdOrCtrl+${SHORTCUT_KEYS[name]}`, registerAccelerator: false, click };
}

function recentSubmenu(
  recent: readonly RecentMenuEntry[],
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: '（无）', enabled: false }];
  return [
    ...recent.map((entry): MenuItemConstructorOptions => ({
      label: menuLabel(`${entry.name} — ${entry.root}${entry.available ? '' : '（找不到）'}`),
      enabled: entry.available,
      click: () => actions.switchLibrary({ action: 'recent', root: entry.root }),
    })),
    { type: 'separator' },
    { label: '清除列表', click: () => actions.clearRecent() },
  ];
}

export function menuTemplate(
  recent: readonly RecentMenuEntry[],
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] {
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: '文件',
      submenu: [
        {
          label: '新建资料库…',
          accelerator: 'CmdOrCtrl+Shift+N',
          click: () => actions.switchLibrary({ action: 'create' }),
        },
        {
          label: '打开资料库…',
          accelerator: 'CmdOrCtrl+O',
          click: () => actions.switchLibrary({ action: 'open' }),
        },
        { label: '最近打开', submenu: recentSubmenu(recent, actions) },
        { type: 'separator' },
        pageCommand('新建条目', 'newItem', () => actions.command('newItem')),
        pageCommand('导入文件…', 'importFiles', () => actions.importFiles()),
        { type: 'separator' },
        {
          label: '资料库工具',
          submenu: [
            { label: '导入登记表…', click: () => actions.tool('register') },
            { label: '导出目录…', click: () => actions.tool('export') },
            { type: 'separator' },
            { label: '备份资料库…', click: () => actions.tool('backup') },
            { label: '从备份恢复…', click: () => actions.tool('restore') },
            { label: '合并其他征集员的资料包…', click: () => actions.tool('merge') },
            { type: 'separator' },
            { label: '校验与修复…', click: () => actions.tool('verify') },
            { label: '全库查重…', click: () => actions.tool('duplicates') },
          ],
        },
        { label: '校验资料库…', click: () => actions.verify(false) },
        { label: '校验并重建可再生内容…', click: () => actions.verify(true) },
        { type: 'separator' },
        pageCommand('设置…', 'openSettings', () => actions.command('openSettings')),
        { type: 'separator' },
        { role: 'close', label: '关闭窗口' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
        { type: 'separator' },
        pageCommand('检索', 'focusSearch', () => actions.command('focusSearch')),
        pageCommand('相关条目', 'relatedItems', () => actions.command('relatedItems')),
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
  ];
}
