// The smoke test's checks, run on main processes that each break one rule: every check must fail.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenBuild } from './brokenBuild';
import {
  expectAppFilesConfined,
  expectForeignCallsRefused,
  expectHardenedWindow,
  expectMalformedCallsRefused,
  expectNavigationKeptOnApp,
  expectPageFromAppScheme,
  expectPermissionsDenied,
} from './desktopRules';
import { MainProcess } from './mainProcess';

async function runBroken(
  breakRule: (source: string) => string,
  check: (main: MainProcess, mainFile: string, scratch: string) => Promise<void>,
): Promise<void> {
  const build = await brokenBuild(breakRule);
  const userData = await mkdtemp(path.join(os.tmpdir(), 'wenshi-userdata-'));
  const main = await MainProcess.start({ userData, mainFile: build.mainFile });
  try {
    await check(main, build.mainFile, userData);
  } finally {
    await main.stop();
    await build.remove();
    await rm(userData, { recursive: true, force: true });
  }
}

describe('the desktop smoke test fails on a main process that breaks a rule', () => {
  it('a window without the sandbox', async () => {
    const check = runBroken(
      (source) => source.replace(/sandbox: true/, 'sandbox: false'),
      async (main, mainFile) => expectHardenedWindow(await main.snapshot(), mainFile),
    );
    await expect(check).rejects.toThrow(/sandbox/);
  });

  it('a window with Node in the page', async () => {
    const check = runBroken(
      (source) => source.replace(/nodeIntegration: false/, 'nodeIntegration: true'),
      async (main, mainFile) => expectHardenedWindow(await main.snapshot(), mainFile),
    );
    await expect(check).rejects.toThrow(/nodeIntegration/);
  });

  it('an IPC handler without the sender check', async () => {
    const check = runBroken(
      (source) => source.replaceAll('if (!isTrustedSender(', 'if (false && !isTrustedSender('),
      (main) => expectForeignCallsRefused(main),
    );
    await expect(check).rejects.toThrow(/foreign frame/);
  });

  it('a page loaded from file://', async () => {
    const check = runBroken(
      (source) =>
        source.replace('?? "wenshi://app/index.html"', '?? "file://" + path.join(RENDERER_DIR, "index.html")'),
      (main, mainFile) => expectPageFromAppScheme(main, mainFile),
    );
    await expect(check).rejects.toThrow(/wenshi:\/\/app\/index\.html/);
  });

  it('a page protocol that reads any path it is given', async () => {
    const check = runBroken(
      (source) =>
        source.replace(
          'const real = await confinedPath(rendererDir, path.join(rendererDir, "." + relative));',
          'const real = path.join(rendererDir, urlPath);',
        ),
      (main, mainFile, scratch) => expectAppFilesConfined(main, mainFile, scratch),
    );
    await expect(check).rejects.toThrow(/wenshi:\/\/app\/\.\.%2Fmain%2Findex\.js/);
  });

  it('a page protocol that follows links out of out/renderer', async () => {
    const check = runBroken(
      // The `..` rule kept, the link rule dropped: only the planted links get through.
      (source) =>
        source.replace(
          'const real = await confinedPath(rendererDir, path.join(rendererDir, "." + relative));',
          'const real = path.join(rendererDir, "." + relative);',
        ),
      (main, mainFile, scratch) => expectAppFilesConfined(main, mainFile, scratch),
    );
    await expect(check).rejects.toThrow(/leak\.js|linked/);
  });

  it('a permission check handler that allows', async () => {
    const check = runBroken(
      (source) => source.replace('setPermissionCheckHandler(() => false)', 'setPermissionCheckHandler(() => true)'),
      (main) => expectPermissionsDenied(main),
    );
    await expect(check).rejects.toThrow(/check media/);
  });

  it('a frame navigation guard that lets subframes go anywhere', async () => {
    const check = runBroken(
      (source) =>
        source.replace(
          'shouldBlockFrameNavigation(event.url, event.isMainFrame, RENDERER_URL)',
          'event.isMainFrame && shouldBlockNavigation(event.url, RENDERER_URL)',
        ),
      (main) => expectNavigationKeptOnApp(main),
    );
    await expect(check).rejects.toThrow(/a subframe to https:\/\/example\.org/);
  });

  it('IPC meta taken without the contract check', async () => {
    const check = runBroken(
      (source) => source.replace('CallMetaSchema.safeParse(rawMeta ?? {})', '{ success: true, data: rawMeta ?? {} }'),
      (main) => expectMalformedCallsRefused(main),
    );
    await expect(check).rejects.toThrow(/meta|items\.list/);
  });

  it('a main process that does not parse', async () => {
    const start = runBroken(
      // What a shimmed name declared twice does: the file does not parse.
      (source) => `const require = 1;\nvar require;\n${source}`,
      async () => undefined,
    );
    await expect(start).rejects.toThrow(/did not start:[\s\S]*SyntaxError: Identifier 'require'/);
  });
});
