// The desktop app's own part of the contract: the bridge the preload exposes, menu commands and
// shortcuts, and the choice of library the window shows.
import { z } from 'zod';
import type { ApiEvent } from './events';
import type { OpInput, OpName, OpOutput } from './operations';
import type { Result } from './errors';
import type { CallMeta } from './transport';

/**
 * The desktop app's own requests, beside the operations: which library the window shows. A
 * library is chosen in a folder dialog, or from the recent list (main checks the folder is on it).
 */
export const LibraryChoiceSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('open') }),
  z.object({ action: z.literal('create') }),
  z.object({ action: z.literal('recent'), root: z.string().min(1) }),
  /** A library `library.restore` has just made in this window (main checks that it did). */
  z.object({ action: z.literal('restored'), root: z.string().min(1) }),
]);
export type LibraryChoice = z.infer<typeof LibraryChoiceSchema>;

/**
 * Commands with a shortcut (Ctrl or ⌘ and the key). The page answers the keys itself, in the
 * desktop app and in a browser alike; the desktop menu shows them and sends the same commands
 * when clicked. Each key is written here once for both.
 */
export const SHORTCUT_KEYS = {
  focusSearch: 'K',
  newItem: 'N',
  importFiles: 'I',
  openSettings: ',',
  /** To the open item's related items (相关条目) in the item pane. */
  relatedItems: 'J',
} as const;
export type ShortcutCommand = keyof typeof SHORTCUT_KEYS;

/** The library tools (资料库 › 工具): one screen, opened at one of them. */
export const LIBRARY_TOOLS = [
  'register',
  'export',
  'backup',
  'restore',
  'merge',
  'verify',
  'duplicates',
] as const;
export type LibraryTool = (typeof LIBRARY_TOOLS)[number];

/**
 * What a native dialog is asked for; main words the dialog and filters the files for each. The
 * page gets back the chosen path, which it then passes to an operation.
 */
export const PATH_PURPOSES = [
  'register',
  'exportCsv',
  'exportJson',
  'backupFolder',
  'restoreBag',
  'restoreTarget',
  'mergeBag',
] as const;
export type PathPurpose = (typeof PATH_PURPOSES)[number];

/** What the desktop menu asks the page to do. */
export type AppCommand =
  | { name: 'openTools'; tool: LibraryTool }
  | { name: ShortcutCommand }
  /** Files chosen in the menu's native dialog (a page may open a file chooser only on a click or key). */
  | { name: 'importPaths'; paths: string[] }
  /** Asked of the page first, so that it can keep unsaved edits; the page then calls `switchLibrary`. */
  | { name: 'switchLibrary'; choice: LibraryChoice };

/** The desktop bridge: one method per operation, plus events and the desktop's own requests. */
export type WenshiBridge = {
  [K in OpName]: (args: OpInput<K>, meta?: CallMeta) => Promise<Result<OpOutput<K>>>;
} & DesktopBridge;

export interface DesktopBridge {
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** The path of a dropped file (Electron no longer puts it on File objects). */
  pathForFile(file: File): string;
  onCommand(listener: (command: AppCommand) => void): () => void;
  /** Shows the chosen library in the window (which then reloads); resolves when nothing changed. */
  switchLibrary(choice: LibraryChoice): Promise<void>;
  /** Asks for a file or folder in a native dialog; null when the dialog was cancelled. */
  choosePath(purpose: PathPurpose, suggestedName?: string): Promise<string | null>;
  /** The name this computer's user gave for the audit log (null when not yet asked), and the system account's. */
  person(): Promise<PersonInfo>;
  /** Keeps the person's name; fails with the reason when it is not a name the log accepts. */
  setPerson(name: string): Promise<Result<PersonInfo>>;
}

export interface PersonInfo {
  name: string | null;
  /** Offered as the answer when asking: the system account's name, or empty. */
  systemName: string;
}
