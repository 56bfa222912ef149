// The built main process as a packaged app runs it: `app.isPackaged` true, and a resources folder laid
// out by the rules of electron-builder.yml. It must find its fonts and its demo material there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_INVOKE_CHANNEL, type OpOutput } from '../../electron/contract';
import { pdfFonts, qpdfCheck } from '../helpers/pdfTools';
import { MainProcess } from './mainProcess';

const ROOT = path.resolve(__dirname, '../..');
const builder = parse(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
};

type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** A resources folder as electron-builder makes it from `extraResources`, less what `leaveOut` names. */
async function layOutResources(dir: string, leaveOut: (to: string) => boolean = () => false): Promise<void> {
  for (const { from, to } of builder.extraResources) {
    if (leaveOut(to)) continue;
    await mkdir(path.dirname(path.join(dir, to)), { recursive: true });
    await cp(path.join(ROOT, from), path.join(dir, to), { recursive: true });
  }
}

/** The packages the built main process imports at run time (bundled code imports none). */
function runtimePackages(): string[] {
  const mainDir = path.join(ROOT, 'out', 'main');
  const files = readdirSync(mainDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
  const specifiers = files.flatMap((file) =>
    [...readFileSync(path.join(mainDir, file), 'utf8').matchAll(/(?:from |import\()"([^".][^"]*)"/g)].map(
      (m) => m[1]!,
    ),
  );
  const names = specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s) && s !== 'electron')
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
  return [...new Set(names)];
}

/** Those packages and everything they depend on, as installed. */
function dependencyClosure(names: string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    if (seen.has(name) || !existsSync(manifest)) return;
    seen.add(name);
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(dep);
  };
  names.forEach(visit);
  return [...seen];
}

/** Native binaries a package ships: these cannot be loaded from inside app.asar. */
function nativeBinaries(name: string): string[] {
  const dir = path.join(ROOT, 'node_modules', name);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.node') || /\.(so|dylib|dll)(\.\d+)*$/.test(f))
    .map((f) => `node_modules/${name}/${f}`);
}

describe('packaging rules in electron-builder.yml', () => {
  it('unpacks every native module the main process loads from app.asar', () => {
    const runtime = runtimePackages();
    expect(runtime).toContain('sharp');
    const binaries = dependencyClosure(runtime).flatMap(nativeBinaries);
    // sharp's libvips comes as @img/* packages: without them no photo is read.
    expect(binaries.some((b) => b.startsWith('node_modules/@img/'))).toBe(true);
    const packed = binaries.filter(
      (b) => !builder.asarUnpack.some((glob) => minimatch(b, glob, { dot: true })),
    );
    expect(packed).toEqual([]);
  });

  it('copies the four font files and the demo into resources', () => {
    const targets = builder.extraResources.map((r) => r.to);
    expect(targets.filter((t) => t.startsWith('fonts/') && t.endsWith('.ttf'))).toHaveLength(4);
    expect(targets).toContain('demo');
    for (const { from } of builder.extraResources) expect(existsSync(path.join(ROOT, from)), from).toBe(true);
  });
});

describe('the built main process, packaged', () => {
  let scratch: string;
  let main: MainProcess | undefined;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'wenshi-packaged-'));
  });
  afterAll(async () => {
    await main?.stop();
    await rm(scratch, { recursive: true, force: true });
  });

  async function startPackaged(name: string, leaveOut?: (to: string) => boolean): Promise<MainProcess> {
    const resources = path.join(scratch, name, 'resources');
    const userData = path.join(scratch, name, 'userData');
    await mkdir(userData, { recursive: true });
    await layOutResources(resources, leaveOut);
    await main?.stop();
    main = await MainProcess.start({ userData, resources });
    return main;
  }

  async function call<T>(op: string, args: unknown, meta?: unknown): Promise<Reply<T>> {
    return main!.ipc<Reply<T>>(IPC_INVOKE_CHANNEL, [op, args, meta]);
  }

  it('loads the demo from resources/demo and compiles it with the fonts in resources/fonts', async () => {
    await startPackaged('whole');
    const demo = await call<OpOutput<'library.loadDemo'>>('library.loadDemo', {}, { jobId: 'demo' });
    expect(demo.ok && demo.value.added).toBeGreaterThan(5);
    const compiled = await call<OpOutput<'volumes.compile'>>('volumes.compile', { title: '示例' });
    if (!compiled.ok) throw new Error(compiled.error.message);
    expect(qpdfCheck(compiled.value.path).ok).toBe(true);
    expect(pdfFonts(compiled.value.path).map((f) => f.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[A-Z]{6}\+NotoSerifSC/)]),
    );
  });

  it('looks for them there, not in node_modules: without them it says what is missing', async () => {
    await startPackaged('bare', (to) => to.startsWith('fonts/') || to === 'demo');
    const demo = await call('library.loadDemo', {});
    expect(demo.ok).toBe(false);
    if (!demo.ok) expect(demo.error.message).toMatch(/示例/);
    await call('items.create', { title: '一篇文章', kind: 'document', text: '正文。' });
    const compiled = await call('volumes.compile', { title: '示例' });
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error.message).toMatch(/字体/);
  });
});
