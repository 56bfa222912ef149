import type { ShortcutCommand } from '../../../electron/contract';
import { SHORTCUT_KEYS } from '../../../electron/contract/shared';

/** The keys of a keydown that a shortcut looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Ctrl+F is what people try first for finding; it goes to the search box like Ctrl+K. */
const ALIASES: Record<string, ShortcutCommand> = { F: 'focusSearch' };

/**
 * The command a key press asks for: Ctrl (⌘ on a Mac) with a command's key, and no Shift or Alt,
 * which belong to other shortcuts (Ctrl+Shift+N is the desktop's 新建资料库).
 */
export function commandForKey(press: KeyPress): ShortcutCommand | null {
  if (!(press.ctrlKey || press.metaKey) || press.shiftKey || press.altKey) return null;
  const key = press.key.toUpperCase();
  const found = (Object.keys(SHORTCUT_KEYS) as ShortcutCommand[]).find((name) => SHORTCUT_KEYS[name] === key);
  return found ?? ALIASES[key] ?? null;
}
