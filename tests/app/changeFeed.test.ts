import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../electron/app/changeFeed';
import type { ApiEvent } from '../../electron/contract';

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
