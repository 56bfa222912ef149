import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * A copy of the built app (out/) whose main bundle has one rule broken, for proving that the smoke
 * test's checks fail when a rule is broken. The copy sees the project's node_modules through a link.
 */
export async function brokenBuild(
  breakRule: (source: string) => string,
): Promise<{ mainFile: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wenshi-broken-'));
  await cp(path.join(ROOT, 'out'), path.join(dir, 'out'), { recursive: true });
  await symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // The bundles are ES modules because package.json says so.
  await cp(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  const mainFile = path.join(dir, 'out', 'main', 'index.js');
  const source = await readFile(mainFile, 'utf8');
  const broken = breakRule(source);
  if (broken === source) throw new Error('the rule to break was not found in the built main bundle');
  await writeFile(mainFile, broken);
  return { mainFile, remove: () => rm(dir, { recursive: true, force: true }) };
}
