// Pure policy for the app's windows, free of Electron imports so tests can check it in Node.
import type { DoorPolicy } from '../app';

/** webPreferences of every window: the renderer gets no Node, runs sandboxed and isolated. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

/**
 * The window may show only the app itself: the same scheme and host as the app's page
 * (`wenshi://app`, or the dev server). Compared by scheme and host, not by `origin`: URL gives every
 * scheme it does not know (wenshi:, javascript:, data:) the origin "null", which would match them all.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return app.host !== '' && target.protocol === app.protocol && target.host === app.host;
  } catch {
    return false;
  }
}

/** Navigation away from the app (a link, a script, a redirect) is stopped. */
export function shouldBlockNavigation(url: string, appUrl: string): boolean {
  return !isAppUrl(url, appUrl);
}

/**
 * Navigation in any frame (Electron's will-frame-navigate): the top frame stays on the app; a
 * subframe may show the app or the one thing the page frames, a compiled PDF (wenshi://exports/…).
 */
export function shouldBlockFrameNavigation(url: string, isMainFrame: boolean, appUrl: string): boolean {
  if (isAppUrl(url, appUrl)) return false;
  return isMainFrame || parseExportUrl(url) === null;
}

/** No page may open a window: links to the web are not followed from an offline archive. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  url: string;
}

/**
 * Only our own page, in the top frame of our window, may call the service: not a subframe, not
 * another window, not a page the window was somehow navigated to.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  mainFrame: SenderFrame | null | undefined,
  appUrl: string,
): boolean {
  return frame != null && frame === mainFrame && isAppUrl(frame.url, appUrl);
}

/** The desktop door may write and may read local paths the user chose. */
export const DESKTOP_DOOR: DoorPolicy = { canWrite: true, canUseLocalPaths: true };

/** Library files are addressed as wenshi://files/<sha256>[?size=thumb|preview]; anything else is refused. */
export function parseLibraryFileUrl(
  url: string,
): { sha256: string; size: 'original' | 'thumb' | 'preview' } | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'wenshi:' || parsed.hostname !== 'files') return null;
    const sha256 = parsed.pathname.replace(/^\//, '');
    const size = parsed.searchParams.get('size');
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    return { sha256, size: size === 'thumb' || size === 'preview' ? size : 'original' };
  } catch {
    return null;
  }
}

/** Compiled PDFs are shown in the app as wenshi://exports/<file name>; only a bare file name is accepted. */
export function parseExportUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'wenshi:' || parsed.hostname !== 'exports') return null;
    const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    return name && !/[\\/]/.test(name) && name !== '..' && name.endsWith('.pdf') ? name : null;
  } catch {
    return null;
  }
}
