import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { Service } from '../../electron/api/service';
import type { ApiEvent } from '../../electron/api/contract';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';

describe('change events to the doors', () => {
  it('tells of one edit at once, and of a large import in a few batches that name every item', async () => {
    const root = await tempDir();
    await (await Library.create(root, '测试资料库')).close();
    const service = await Service.open(root, { fonts });
    const changed: string[][] = [];
    service.onEvent((event: ApiEvent) => {
      if (event.type === 'changed') changed.push(event.ids);
    });

    const single = await service.library.createItem({ kind: 'document', title: '甲' });
    expect(changed).toEqual([[single.id]]);

    const batch = Array.from({ length: 2000 }, (_, i) => ({ kind: 'document' as const, title: `第${i}号` }));
    const created = await service.library.createItems(batch);
    await expect.poll(() => new Set(changed.flat()).size, { timeout: 5000 }).toBe(2001);
    const ids = created.map((r) => (r.ok ? r.item.id : ''));
    expect(new Set(changed.flat())).toEqual(new Set([single.id, ...ids]));
    // Far fewer events than items: a window reloads its list a few times, not 2,000 times.
    expect(changed.length).toBeLessThan(100);
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
    const service = await Service.open(root, { fonts });
    expect(await readdir(path.join(root, '.incoming'))).toEqual(['fresh-batch-1']);
    await service.close();
  });
});
