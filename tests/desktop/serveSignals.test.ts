// `wenshi serve` stopped by a signal must close the library: a lock left behind keeps the library
// read-only for every other computer (a library on a shared or USB disk). Needs the built page.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir';
import { wenshi } from '../helpers/wenshiCli';

const BIN = fileURLToPath(new URL('../../bin/wenshi.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../fixtures/zhengxie-plan-web-scraped.txt', import.meta.url));

/** Starts `wenshi serve`, waits for its URL, sends `signal` and returns how the process ended. */
async function serveThenSignal(root: string, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [BIN, 'serve', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, killedBy) => resolve({ code, signal: killedBy })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/\S+token=\S+/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void ended.then(() => reject(new Error(`wenshi serve ended before printing its URL: ${output}`)));
  });
  // A search makes the index load before the stop, so closing has a flush to wait for.
  const origin = new URL(url).origin;
  const token = new URL(url).searchParams.get('token')!;
  const answer = await fetch(`${origin}/api/search.query`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ args: { query: '政协' } }),
  });
  expect(answer.status, await answer.text()).toBeLessThan(500);
  expect(existsSync(path.join(root, 'library.lock'))).toBe(true);
  child.kill(signal);
  return { ...(await ended), output };
}

describe('wenshi serve stopped by a signal', () => {
  const built = existsSync(fileURLToPath(new URL('../../out/renderer/index.html', import.meta.url)));

  it.runIf(built)(
    'closes the library on SIGINT, SIGTERM and SIGHUP: lock released, exit status 0',
    async () => {
      const root = path.join(await tempDir(), 'lib');
      expect(wenshi('init', root).status).toBe(0);
      expect(wenshi('add', root, SAMPLE).status).toBe(0);
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
        const ended = await serveThenSignal(root, signal);
        expect(ended, `${signal}: ${ended.output}`).toEqual(
          expect.objectContaining({ code: 0, signal: null }),
        );
        expect(await readdir(root), signal).not.toContain('library.lock');
        expect(ended.output).toContain('正在关闭资料库');
      }
    },
  );

  it('runs after the build', () => {
    expect(built, 'out/renderer/index.html: run npm run build first').toBe(true);
  });
});
