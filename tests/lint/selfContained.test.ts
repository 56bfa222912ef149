import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

/** Every file git tracks (or would track) in the project. */
function projectFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.split('\0').filter((file) => file && !file.startsWith('tests/fixtures/'));
}

describe('a clone stands on its own', () => {
  // A user's clone has nothing beside it: a test or script that reads a sibling folder passes
  // here and fails there. What a test needs lives in tests/fixtures/.
  it('no file reaches outside the project for material', () => {
    const outside = /\.\.\/shared\/|shared\/samples/;
    const offenders = projectFiles().filter((file) => {
      if (!/\.(c|m)?[jt]sx?$|\.json$|^\.ci\//.test(file) || file === 'package-lock.json') return false;
      try {
        return outside.test(readFileSync(path.join(ROOT, file), 'utf8'));
      } catch {
        return false;
      }
    });
    expect(offenders).toEqual([]);
  });
});
