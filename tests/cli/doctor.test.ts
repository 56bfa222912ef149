import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { addPaths } from '../../electron/core/ingest';
import { tempDir } from '../helpers/tempDir';
import { wenshi } from '../helpers/wenshiCli';
import { noiseJpeg } from '../helpers/images';

/** A library with two photos and two documents, each in its own shard. */
async function library() {
  const dir = await tempDir();
  const root = path.join(dir, 'lib');
  const sources = path.join(dir, 'sources');
  await mkdir(sources);
  for (let i = 0; i < 2; i++) await writeFile(path.join(sources, `照片${i}.jpg`), await noiseJpeg(i + 1));
  for (let i = 0; i < 2; i++) await writeFile(path.join(sources, `稿件${i}.txt`), `第${i}篇\n正文。`);
  const lib = await Library.create(root, '许昌改革记忆');
  const { added } = await addPaths(lib, [sources]);
  const items = added.map((id) => lib.catalog.get(id)!);
  await lib.close();
  return { dir, root, items };
}

describe('wenshi doctor and verify --repair on a damaged library', () => {
  it('a damaged shard without backup: no stack trace; doctor says what --repair will do and what it cannot', async () => {
    const { root, items } = await library();
    // A document alone in its shard (ids are random: two items can share one).
    const alone = (id: string) => items.filter((i) => i.id.slice(0, 2) === id.slice(0, 2)).length === 1;
    const doc = items.find((i) => i.kind === 'document' && alone(i.id))!;
    const photo = items.find((i) => i.kind === 'photo')!;
    // A killed import's leftover, thumbnails gone, a shard destroyed with no backup, an original missing.
    const leftover = path.join(root, 'files', 'ab', `${'ab'.repeat(32)}.jpg.4242.part`);
    await mkdir(path.dirname(leftover), { recursive: true });
    await writeFile(leftover, 'half');
    await rm(path.join(root, 'derived'), { recursive: true });
    const shard = path.join(root, 'catalog', `items-${doc.id.slice(0, 2)}.json`);
    await writeFile(shard, '\u0000\u0000 not json');
    await rm(`${shard}.bak`, { force: true });
    const other = items.find((i) => i.kind === 'document' && i.id !== doc.id)!;
    const otherFile = path.join(
      root,
      'files',
      other.files[0]!.sha256.slice(0, 2),
      `${other.files[0]!.sha256}.txt`,
    );
    await rm(otherFile);

    const list = wenshi('list', root, '--json');
    expect(list.status, list.stderr).toBe(0);
    expect(list.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(list.stderr).toMatch(/已损坏.*catalog\/damaged\//);
    expect((JSON.parse(list.stdout) as { items: { id: string }[] }).items.map((i) => i.id)).toContain(
      photo.id,
    );

    const doctor = wenshi('doctor', root);
    expect(doctor.status).toBe(1);
    expect(doctor.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    const text = doctor.stdout;
    expect(text).toMatch(/^文史典藏资料库检查报告/);
    for (const title of [
      '原件缺失',
      '缩略图或预览图缺失',
      '中断的写入留下的临时文件',
      '可从修改记录重建的条目',
      '已隔离的损坏目录文件',
    ])
      expect(text).toContain(title);
    expect(text).toMatch(/原件缺失（1 处）[\s\S]*--repair 会：不能修复。[\s\S]*需要人工：/);
    expect(text).toContain(`条目 ${doc.id}`);
    const json = JSON.parse(wenshi('doctor', root, '--json').stdout) as {
      healthy: boolean;
      repairable: number;
      manual: number;
      sections: { key: string; count: number }[];
    };
    expect(json.healthy).toBe(false);
    expect(Object.fromEntries(json.sections.map((s) => [s.key, s.count]))).toEqual({
      missing: 1,
      // The lost item's original, until --repair brings the item back.
      orphan: 1,
      lost: 1,
      // The folder itself, and two photos' thumbnails and previews.
      derivable: 5,
      temp: 1,
      quarantined: 1,
    });

    const repair = wenshi('verify', root, '--repair');
    expect(repair.stdout).toMatch(/已从修改记录重建条目/);
    expect(repair.stdout).toMatch(/已删除临时文件/);
    await expect(readFile(leftover)).rejects.toThrow();
    const after = JSON.parse(wenshi('doctor', root, '--json').stdout) as { sections: { key: string }[] };
    // What is left is what only a person can do.
    expect(after.sections.map((s) => s.key).sort()).toEqual(['missing', 'quarantined']);
    const show = JSON.parse(wenshi('show', root, doc.id, '--json').stdout) as { title: string };
    expect(show.title).toBe(doc.title);
  }, 120_000);

  it('names holding a line break or a right-to-left override are shown escaped, hidden files reported', async () => {
    const dir = await tempDir();
    const root = path.join(dir, 'lib');
    const sources = path.join(dir, 'sources');
    await mkdir(sources);
    await writeFile(path.join(sources, '报告\u202Etxt.exe.md'), '一');
    await writeFile(path.join(sources, '第一行\n伪造的一行.txt'), '二');
    await writeFile(path.join(sources, '.DS_Store'), 'mac');
    await (await Library.create(root, 'lib')).close();
    const run = wenshi('add', root, sources, '--dry-run');
    expect(run.status, run.stderr).toBe(0);
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toContain('\u202E');
      expect(output).not.toContain('第一行\n');
    }
    expect(run.stdout).toContain('报告<U+202E>txt.exe.md');
    expect(run.stdout).toContain('第一行\\n伪造的一行.txt');
    expect(run.stdout).toMatch(/跳过 .*\.DS_Store：隐藏文件/);
    const json = wenshi('add', root, sources, '--json', '--dry-run').stdout;
    expect(json).not.toContain('\u202E');
    expect(JSON.parse(json)).toMatchObject({
      skipped: [{ path: path.join(sources, '.DS_Store'), reason: expect.stringMatching(/隐藏文件/) }],
    });
  }, 120_000);
});
