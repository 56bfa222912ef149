// The one rule by which both doors serve the built page's files (desktop wenshi://app/, browser door).
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../electron/app';
import { tempDir } from '../helpers/tempDir';

async function layout() {
  const dir = await tempDir();
  const renderer = path.join(dir, 'out', 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html>');
  await writeFile(path.join(renderer, 'assets', 'index-1.js'), 'export {};');
  await writeFile(path.join(renderer, 'assets', 'index-1.css'), 'body{}');
  await writeFile(path.join(dir, 'out', 'secret.js'), '// outside');
  await mkdir(path.join(dir, 'elsewhere'));
  await writeFile(path.join(dir, 'elsewhere', 'x.js'), '// outside');
  await symlink(path.join(dir, 'out', 'secret.js'), path.join(renderer, 'assets', 'leak.js'));
  await symlink(path.join(dir, 'elsewhere'), path.join(renderer, 'linked'), 'dir');
  return { dir, renderer };
}

describe('resolveRendererFile', () => {
  it('serves the built files, typed by their extension', async () => {
    const { renderer } = await layout();
    const page = await resolveRendererFile(renderer, '/index.html');
    expect(page?.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect((await resolveRendererFile(renderer, '/assets/index-1.js'))?.headers['Content-Type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await resolveRendererFile(renderer, 'assets/index-1.css'))?.headers).toEqual({
      'Content-Type': 'text/css; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  it('refuses .., absolute paths, folders, NUL and links that lead out', async () => {
    const { dir, renderer } = await layout();
    for (const wanted of [
      '../secret.js',
      '/../secret.js',
      'assets/../../secret.js',
      '..\\secret.js',
      'assets\\..\\..\\secret.js',
      path.join(dir, 'out', 'secret.js'),
      'assets',
      '/',
      'index.html\0.js',
      'assets/leak.js',
      'linked/x.js',
      'missing.js',
    ])
      expect(await resolveRendererFile(renderer, wanted), wanted).toBeNull();
  });
});
