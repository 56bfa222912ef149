import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tempDir';
import { wenshi } from '../helpers/wenshiCli';

describe('wenshi link', () => {
  it('links two items both ways with a role, shows the link, unlinks, and refuses an unknown item', async () => {
    const dir = await tempDir();
    const lib = path.join(dir, 'lib');
    await writeFile(path.join(dir, '张德顺口述.txt'), '张德顺口述\n发制品厂的起步。');
    await writeFile(path.join(dir, '授权书.txt'), '授权书\n本人同意口述内容编入文史资料。');
    expect(wenshi('init', lib).status).toBe(0);
    expect(wenshi('add', lib, path.join(dir, '张德顺口述.txt'), path.join(dir, '授权书.txt')).status).toBe(0);
    const items = JSON.parse(wenshi('list', lib, '--json').stdout).items as { id: string; title: string }[];
    const oral = items.find((i) => i.title.includes('张德顺'))!.id;
    const release = items.find((i) => i.title.includes('授权书'))!.id;

    const linked = wenshi('link', lib, oral, release, '--role', '授权书');
    expect(linked.status).toBe(0);
    expect(linked.stdout).toContain(`${release}（授权书）`);
    expect(wenshi('show', lib, release).stdout).toContain(`相关：${oral}（授权书）`);
    const found = JSON.parse(wenshi('search', lib, '相关:张德顺', '--json').stdout) as { hits: { id: string }[] };
    expect(found.hits.map((h) => h.id)).toEqual([release]);

    expect(wenshi('link', lib, release, oral, '--unlink').status).toBe(0);
    expect(wenshi('show', lib, oral).stdout).not.toContain('相关：');
    const missing = wenshi('link', lib, oral, 'ffffffff');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('找不到条目 ffffffff');
  });
});
