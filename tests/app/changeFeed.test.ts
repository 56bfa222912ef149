import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../electron/app/changeFeed';
import type { ApiEvent, ItemSummary } from '../../electron/contract';

describe('the change feed', () => {
  it('tells of one change at once, and of a burst in a few batches that name every item', async () => {
    const feed = new ChangeFeed();
    const changed: string[][] = [];
    feed.listen((event: ApiEvent) => {
      if (event.type === 'changed') changed.push(event.ids);
    });
    feed.changed('first');
    expect(changed).toEqual([['first']]);
    const burst = Array.from({ length: 2000 }, (_, i) => `item-${i}`);
    for (const id of burst) feed.changed(id);
    await expect.poll(() => new Set(changed.flat()).size, { timeout: 5000 }).toBe(2001);
    expect(new Set(changed.flat())).toEqual(new Set(['first', ...burst]));
    // Far fewer events than items: a window reloads its list a few times, not 2,000 times.
    expect(changed.length).toBeLessThan(10);
    feed.close();
  });

  it('carries the rows of a small batch, and only the ids of a large one', async () => {
    const row = (id: string) => ({ id, title: `题名 ${id}` }) as unknown as ItemSummary;
    const feed = new ChangeFeed((ids) => ids.filter((id) => id !== 'deleted').map(row));
    const events: Extract<ApiEvent, { type: 'changed' }>[] = [];
    feed.listen((event) => {
      if (event.type === 'changed') events.push(event);
    });
    feed.changed('edited');
    expect(events[0]).toEqual({ type: 'changed', ids: ['edited'], items: [row('edited')] });
    feed.changed('deleted');
    await expect.poll(() => events.length, { timeout: 5000 }).toBe(2);
    expect(events[1]).toEqual({ type: 'changed', ids: ['deleted'], items: [] });
    const burst = Array.from({ length: 500 }, (_, i) => `item-${i}`);
    for (const id of burst) feed.changed(id);
    await expect.poll(() => events.flatMap((e) => e.ids).length, { timeout: 5000 }).toBe(502);
    // Told at once or batched, depending on the window: a batch of more than a page has no rows.
    const large = events.filter((e) => e.ids.length > 200);
    expect(large).toHaveLength(1);
    expect(large[0]!.items).toBeUndefined();
    for (const small of events.filter((e) => e.ids.length <= 200))
      expect(small.items).toHaveLength(small.ids.length - (small.ids.includes('deleted') ? 1 : 0));
    feed.close();
  });

  it('stops telling a listener once it unsubscribes', () => {
    const feed = new ChangeFeed();
    const seen: ApiEvent[] = [];
    const stop = feed.listen((event) => seen.push(event));
    feed.emit({ type: 'library' });
    stop();
    feed.emit({ type: 'library' });
    expect(seen).toEqual([{ type: 'library' }]);
  });
});
