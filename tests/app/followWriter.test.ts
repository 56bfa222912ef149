// A library opened read-only while another process writes it follows the writer, and becomes
// writable once the writer lets the lock go (a server started during a CLI import).
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { VolumeStore } from '../../electron/core/volumes';
import { Application } from '../../electron/app';
import type { ApiEvent } from '../../electron/contract';
import { tempDir } from '../helpers/tempDir';
import { exited, runScript, waitForLine } from '../helpers/libraryProcess';
import { fonts } from '../helpers/fonts';

const door = { canWrite: true, canUseLocalPaths: false };

async function call<T>(service: Application, op: string, args: unknown = {}): Promise<T> {
  const result = await service.dispatch(op, args, {}, door);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const info = (service: Application) =>
  call<{ itemCount: number; readOnly: boolean; name: string }>(service, 'library.info');

describe('a reader of a library another process writes', () => {
  it('picks up the writer’s committed changes, and takes the lock once the writer closes', async () => {
    const root = await tempDir();
    const writer = await Library.create(root, '许昌');
    await writer.createItem({ kind: 'document', title: '开业前的条目' });

    const reader = await Application.open(root, { fonts });
    const events: ApiEvent[] = [];
    reader.onEvent((event) => events.push(event));
    expect(await info(reader)).toMatchObject({ itemCount: 1, readOnly: true });
    await expect(call(reader, 'items.create', { kind: 'document', title: '不可' })).rejects.toThrow(/只读/);

    // While the writer holds the lock: its commits reach the reader, its search and its doors.
    const added = await writer.createItem({ kind: 'document', title: '政协文史资料征集' });
    await writer.updateInfo({ name: '许昌文史' });
    const volumes = await VolumeStore.open(writer.path('volumes'), writer.clock, () => '');
    await volumes.create({ title: '许昌文史资料 第一辑' });
    await expect.poll(async () => (await info(reader)).itemCount, { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await info(reader)).name, { timeout: 30_000 }).toBe('许昌文史');
    await expect
      .poll(async () => (await call<{ title: string }[]>(reader, 'volumes.list')).map((v) => v.title), {
        timeout: 30_000,
      })
      .toEqual(['许昌文史资料 第一辑']);
    expect(events).toContainEqual(expect.objectContaining({ type: 'changed', ids: [added.id] }));
    expect(events).toContainEqual({ type: 'library' });
    const found = await call<{ total: number }>(reader, 'search.query', { query: '征集' });
    expect(found.total).toBe(1);
    expect((await info(reader)).readOnly).toBe(true);

    // The writer goes: the reader takes the lock, is told, and can write.
    const last = await writer.createItem({ kind: 'document', title: '最后一条' });
    await writer.close();
    await expect.poll(async () => (await info(reader)).readOnly, { timeout: 30_000 }).toBe(false);
    expect((await info(reader)).itemCount).toBe(3);
    // Told within the change feed's batching window.
    await expect
      .poll(() => events.flatMap((e) => (e.type === 'changed' ? e.ids : [])), { timeout: 5000 })
      .toContain(last.id);
    const mine = await call<{ id: string }>(reader, 'items.create', {
      kind: 'document',
      title: '接手后的条目',
    });
    await reader.close();

    const after = await Library.open(root);
    expect(after.readOnly).toBe(false);
    expect(after.catalog.size).toBe(4);
    expect(after.catalog.get(mine.id)?.title).toBe('接手后的条目');
    await after.close();
  });

  it('a library opened read-only on purpose follows the writer but never takes the lock', async () => {
    const root = await tempDir();
    const writer = await Library.create(root, 'lib');
    const reader = await Application.open(root, { fonts, readOnly: true });
    await writer.createItem({ kind: 'document', title: '甲' });
    await expect.poll(async () => (await info(reader)).itemCount, { timeout: 30_000 }).toBe(1);
    await writer.close();
    const other = await Library.open(root);
    expect(other.readOnly).toBe(false);
    await other.close();
    expect((await info(reader)).readOnly).toBe(true);
    await reader.close();
  });

  it('takes the lock when a writer in another process exits', async () => {
    const root = await tempDir();
    await (await Library.create(root, 'lib')).close();
    const holder = runScript('holdLibrary.ts', [root]);
    expect(await waitForLine(holder, (line) => / \d+$/.test(line))).toBe(`writable ${holder.pid}`);
    const reader = await Application.open(root, { fonts });
    const told: ApiEvent[] = [];
    reader.onEvent((event) => told.push(event));
    expect((await info(reader)).readOnly).toBe(true);
    holder.stdin.end();
    await exited(holder);
    await expect.poll(async () => (await info(reader)).readOnly, { timeout: 30_000 }).toBe(false);
    expect(told).toContainEqual({ type: 'library' });
    await call(reader, 'items.create', { kind: 'document', title: '甲' });
    await reader.close();
  });
});
