// The smoke test's checks, run on main processes that each break one rule: every check must fail.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenBuild } from './brokenBuild';
import { expectForeignCallsRefused, expectHardenedWindow } from './desktopRules';
import { MainProcess } from './mainProcess';

async function runBroken(
  breakRule: (source: string) => string,
  check: (main: MainProcess, mainFile: string) => Promise<void>,
): Promise<void> {
  const build = await brokenBuild(breakRule);
  const userData = await mkdtemp(path.join(os.tmpdir(), 'wenshi-userdata-'));
  const main = await MainProcess.start({ userData, mainFile: build.mainFile });
  try {
    await check(main, build.mainFile);
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

  it('a main process that does not parse', async () => {
    const start = runBroken(
      // What a shimmed name declared twice does: the file does not parse.
      (source) => `const require = 1;\nvar require;\n${source}`,
      async () => undefined,
    );
    await expect(start).rejects.toThrow(/did not start:[\s\S]*SyntaxError: Identifier 'require'/);
  });
});
