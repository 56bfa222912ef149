import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir';
import { pdfFonts, pdfText, qpdfCheck } from '../helpers/pdfTools';

const BIN = fileURLToPath(new URL('../../bin/wenshi.js', import.meta.url));
const SAMPLE = fileURLToPath(
  new URL('../fixtures/zhengxie-plan-web-scraped.txt', import.meta.url),
);
const GB_SAMPLE = fileURLToPath(
  new URL('../fixtures/zhengxie-plan-gb18030.txt', import.meta.url),
);

/** Runs the CLI in a Simplified Chinese locale, whatever the machine's. */
function wenshi(...args: string[]) {
  return wenshiIn({}, ...args);
}

/** Runs the CLI with the locale variables given (an empty one counts as unset). */
function wenshiIn(locale: Record<string, string>, ...args: string[]) {
  const env = { ...process.env, LC_ALL: 'zh_CN.UTF-8', ...locale };
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function json<T>(...args: string[]): T {
  const run = wenshi(...args, '--json');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

/** Every file of the library except the lock, with contents: to show a failed command changed nothing. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(dir: string) {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out[path.relative(root, full)] = (await readFile(full)).toString('base64');
    }
  }
  await walk(root);
  return out;
}

async function newLibrary(): Promise<string> {
  const root = path.join(await tempDir(), 'lib');
  expect(wenshi('init', root).status).toBe(0);
  return root;
}

describe('wenshi CLI', () => {
  it('prints help', () => {
    const run = wenshi('--help');
    expect(run.status).toBe(0);
    for (const command of ['init', 'add', 'list', 'show', 'edit', 'search', 'compile', 'serve'])
      expect(run.stdout).toContain(command);
  });

  it('walks the whole path: init, add, search, show, edit, list, compile', async () => {
    const root = await newLibrary();
    const added = json<{ added: string[]; skipped: unknown[]; failed: unknown[] }>('add', root, SAMPLE);
    expect(added.added).toHaveLength(1);
    expect(added.failed).toEqual([]);
    const id = added.added[0]!;

    const found = json<{
      total: number;
      hits: { id: string; title: string; kind: string; score: number; snippet: string }[];
    }>('search', root, '政協');
    expect(found.total).toBe(1);
    expect(found.hits[0]).toMatchObject({ id, kind: 'document' });
    expect(found.hits[0]!.snippet).toContain('政協');
    expect(json<{ total: number }>('search', root, '政协').total).toBe(1);
    expect(
      json<{ total: number }>('search', root, '政协', '--filter', 'kind=oral', '--sort', 'title').total,
    ).toBe(0);

    const item = json<{ text: string; rawText: string; files: { encoding: string }[] }>('show', root, id);
    expect(item.text).not.toContain('(kāi)');
    expect(item.rawText).toContain('開(kāi)創(chuàng)');
    expect(item.files[0]!.encoding).toBe('UTF-8');

    json(
      'edit',
      root,
      id,
      '--set',
      'title=许昌市政协五年工作规划',
      '--set',
      'people=张三:口述人,李四:整理人',
    );
    const list = json<{ total: number; items: { id: string; title: string; kind: string }[] }>('list', root);
    expect(list.items).toEqual([
      expect.objectContaining({ id, title: '许昌市政协五年工作规划', kind: 'document' }),
    ]);

    const pdf = path.join(path.dirname(root), 'v.pdf');
    // The sample holds two runs of 乱码: compiling stops and names the article until told what to do.
    const stopped = wenshi('compile', root, '-o', pdf, '--title', '许昌改革记忆');
    expect(stopped.status).not.toBe(0);
    expect(stopped.stderr).toContain('乱码');
    expect(stopped.stderr).toContain('《许昌市政协五年工作规划》');
    const compiled = json<{ path: string; pages: number; garbled: { title: string }[] }>(
      'compile',
      root,
      '-o',
      pdf,
      '--title',
      '许昌改革记忆',
      '--garbled=mark',
    );
    expect(compiled.garbled).toEqual([expect.objectContaining({ title: '许昌市政协五年工作规划' })]);
    expect(compiled.path).toBe(pdf);
    expect(qpdfCheck(pdf).ok).toBe(true);
    expect(
      pdfFonts(pdf).every((f) => f.type === 'CID TrueType' && f.subset && /^[A-Z]{6}\+/.test(f.name)),
    ).toBe(true);
    const text = pdfText(pdf).replace(/\s+/g, '');
    expect(text).toContain('许昌市政协五年工作规划');
    expect(text).toContain('口述张三整理李四');
    expect(text).toContain('未來五年,是全面開創許昌社會主義現代化建設新局面的關鍵時期');
    expect(text).not.toContain('钡膬');
    expect(text).toContain('□');
    expect(wenshi('compile', root, '-o', pdf, '--garbled=maybe').stderr).toContain('--garbled');
  });

  it('skips a file already in the library, and records the GB18030 encoding', async () => {
    const root = await newLibrary();
    const first = json<{ added: string[] }>('add', root, GB_SAMPLE);
    const item = json<{ files: { encoding: string }[]; text: string }>('show', root, first.added[0]!);
    expect(item.files[0]!.encoding).toBe('GB18030');
    const again = json<{ added: string[]; skipped: { reason: string }[] }>('add', root, GB_SAMPLE);
    expect(again.added).toEqual([]);
    expect(again.skipped[0]!.reason).toMatch(/已在资料库中/);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const root = await newLibrary();
    const dir = path.dirname(root);
    const before = await snapshot(root);

    const missing = wenshi('add', root, path.join(dir, 'no-such-file.txt'));
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/找不到文件或文件夹/);

    const unreadable = path.join(dir, 'junk');
    await mkdir(unreadable);
    await writeFile(path.join(unreadable, 'data.bin'), 'x');
    const noFiles = wenshi('add', root, unreadable);
    expect(noFiles.status).not.toBe(0);
    expect(noFiles.stderr).toMatch(/没有可导入的文件/);

    const empty = path.join(dir, 'empty.txt');
    await writeFile(empty, '');
    const zero = wenshi('add', root, empty);
    expect(zero.status).not.toBe(0);
    expect(zero.stdout + zero.stderr).toMatch(/文件为空/);

    // A valid file next to a missing one: the whole command is refused before anything is written.
    const mixed = wenshi('add', root, SAMPLE, path.join(dir, 'missing.txt'));
    expect(mixed.status).not.toBe(0);

    expect(await snapshot(root)).toEqual(before);
  });

  it('fails with one line and a non-zero code on unknown commands, items and fields', async () => {
    const root = await newLibrary();
    const unknown = wenshi('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const notFound = wenshi('show', root, 'deadbeef');
    expect(notFound.status).toBe(1);
    expect(notFound.stderr).toMatch(/找不到条目/);
    const badField = wenshi('edit', root, 'deadbeef', '--set', 'colour=red');
    expect(badField.status).toBe(2);
    expect(badField.stderr).toMatch(/不能修改字段/);
    const notLibrary = wenshi('list', path.dirname(root) + '/nowhere');
    expect(notLibrary.status).toBe(1);
    expect(notLibrary.stderr).toMatch(/资料库不存在/);
  });

  it('says failures in the language of the locale: English, 繁體, 简体 by default', async () => {
    const root = await newLibrary();
    const english = { LC_ALL: '', LC_MESSAGES: '', LANG: 'en_US.UTF-8' };
    const notFound = wenshiIn(english, 'show', root, 'NOPE');
    expect(notFound.status).toBe(1);
    expect(notFound.stderr.trim()).toBe('wenshi: There is no item NOPE.');
    expect(wenshiIn({ LC_ALL: '', LANG: 'zh_TW.UTF-8' }, 'show', root, 'NOPE').stderr).toMatch(
      /找不到條目 NOPE/,
    );
    // A library that will not open fails before any operation runs, and is said the same way.
    const nowhere = path.join(path.dirname(root), 'nowhere');
    expect(wenshiIn(english, 'list', nowhere).stderr).toMatch(/^wenshi: There is no library at /);
    // Arguments a schema refuses come back named too, with what was given.
    const badTitle = wenshiIn(english, 'edit', root, 'NOPE', '--set', 'title=');
    expect(badTitle.status).toBe(1);
    expect(badTitle.stderr.trim()).toBe('wenshi: The title cannot be empty.');
    // With no locale at all, Simplified Chinese.
    const unset = { LC_ALL: '', LC_MESSAGES: '', LANG: '' };
    const emptyTitle = wenshiIn(unset, 'edit', root, 'NOPE', '--set', 'title=');
    expect(emptyTitle.stderr.trim()).toBe('wenshi: 题名不能为空');
  }, 120_000);
});

describe('wenshi register and export', () => {
  it('imports a register with per-row errors, exits 1, and exports a CSV that opens with Chinese intact', async () => {
    const root = await newLibrary();
    const dir = path.dirname(root);
    const register = path.join(dir, '登记表.csv');
    await writeFile(
      register,
      [
        '档号,题名,类型,口述人,事件时间',
        'XC-1,许昌发制品产业的起步,口述,张三,1984年春',
        'XC-2,,口述,李四,1984年',
      ].join('\n'),
    );
    const dry = wenshi('add', root, '--register', register, '--dry-run');
    expect(dry.stdout).toMatch(/有效 1 行，有误 1 行/);
    expect(json<{ total: number }>('list', root).total).toBe(0);

    const run = wenshi('register', root, register);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/第 3 行.*题名不能为空/);
    expect(json<{ items: { title: string }[] }>('list', root).items.map((i) => i.title)).toEqual([
      '许昌发制品产业的起步',
    ]);

    const csv = path.join(dir, 'out.csv');
    expect(wenshi('export', root, '--csv', '-o', csv).status).toBe(0);
    const bytes = await readFile(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('许昌发制品产业的起步');
    const out = path.join(dir, 'out.json');
    expect(wenshi('export', root, '--json', '-o', out).status).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).items).toHaveLength(1);
  }, 120_000);
});
