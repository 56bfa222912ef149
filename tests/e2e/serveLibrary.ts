import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { startServe } from '../helpers/serveProcess';

const BIN = fileURLToPath(new URL('../../bin/wenshi.js', import.meta.url));
export const SAMPLES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export function wenshi(...args: string[]): string {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`wenshi ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

export interface ServedLibrary {
  root: string;
  dir: string;
  /** The URL `wenshi serve` printed, token included. */
  url: string;
}

/**
 * Calls an operation of the served library as a script holding its token would, and expects it
 * to succeed: for setting a library up faster than through the page.
 */
export async function callApi(request: APIRequestContext, libraryUrl: string, op: string, args: unknown) {
  const url = new URL(libraryUrl);
  const response = await request.post(`${url.origin}/api/${op}`, {
    headers: { Authorization: `Bearer ${url.searchParams.get('token')}` },
    data: { args },
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown };
  expect(result.ok, `${op}: ${JSON.stringify(result)}`).toBe(true);
  return result.value;
}

/** Starts `wenshi serve` on a library, as a user would, and reads the URL it prints. */
export const serve = startServe;

export const test = base.extend<{ library: ServedLibrary; importFiles: string[] }>({
  /** Files `wenshi add` imports before the server starts. */
  importFiles: [[], { option: true }],
  library: async ({ importFiles }, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-e2e-'));
    const root = path.join(dir, 'lib');
    wenshi('init', root, '--name', '许昌改革记忆');
    if (importFiles.length) wenshi('add', root, ...importFiles);
    const server = await serve(root);
    await use({ root, dir, url: server.url });
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  },
});

export { expect };
