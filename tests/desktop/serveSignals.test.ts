// `wenshi serve` stopped by a signal must close the library: a lock left behind keeps the library
// read-only for every other computer (a library on a shared or USB disk). Needs the built page.
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServe } from '../helpers/serveProcess';
import { tempDir } from '../helpers/tempDir';
import { wenshi } from '../helpers/wenshiCli';

const SAMPLE = fileURLToPath(new URL('../fixtures/zhengxie-plan-web-scraped.txt', import.meta.url));

/** Starts `wenshi serve`, waits for its URL, sends `signal` and returns how the process ended. */
async function serveThenSignal(root: string, signal: NodeJS.Signals) {
  const server = await startServe(root);
  // A search makes the index load before the stop, so closing has a flush to wait for.
  const answer = await server.call('search.query', { query: '政协' });
  expect(answer.status, await answer.text()).toBeLessThan(500);
  expect(existsSync(path.join(root, 'library.lock'))).toBe(true);
  server.child.kill(signal);
  return { ...(await server.ended), output: server.output() };
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
