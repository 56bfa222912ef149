import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import type { ApiEvent } from '../../electron/contract';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';

describe('change events to the doors', () => {
  it('tells of an edit made through any door at once, naming the item', async () => {
    const root = await tempDir();
    await (await Library.create(root, '测试资料库')).close();
    const service = await Application.open(root, { fonts });
    const changed: string[][] = [];
    service.onEvent((event: ApiEvent) => {
      if (event.type === 'changed') changed.push(event.ids);
    });
    const door = { canWrite: true, canUseLocalPaths: false };
    const created = await service.dispatch('items.create', { kind: 'document', title: '甲' }, {}, door);
    if (!created.ok) throw new Error(created.error.message);
    expect(changed).toEqual([[(created.value as { id: string }).id]]);
    await service.close();
  });
});

describe('abandoned uploads', () => {
  it('removes upload batches older than a day when the library opens, and keeps recent ones', async () => {
    const { mkdir, writeFile, utimes, readdir } = await import('node:fs/promises');
    const path = await import('node:path');
    const root = await tempDir();
    await (await Library.create(root, '测试资料库')).close();
    const old = path.join(root, '.incoming', 'old-batch-1');
    const fresh = path.join(root, '.incoming', 'fresh-batch-1');
    for (const dir of [old, fresh]) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, '照片.jpg'), 'x');
    }
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    await utimes(old, twoDaysAgo, twoDaysAgo);
    const service = await Application.open(root, { fonts });
    expect(await readdir(path.join(root, '.incoming'))).toEqual(['fresh-batch-1']);
    await service.close();
  });
});
