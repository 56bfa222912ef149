import { describe, expect, it } from 'vitest';
import { coalesce } from '../../renderer/src/api/coalesce';

describe('coalesce: reloads during a burst of changes', () => {
  it('runs once at a time and folds every call made meanwhile into one more run', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const reload = coalesce(() => {
      runs++;
      return new Promise<void>((resolve) => (release = resolve));
    });
    reload();
    for (let i = 0; i < 1000; i++) reload();
    expect(runs).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
    reload();
    expect(runs).toBe(3);
  });

  it('keeps going after a failed run', async () => {
    let runs = 0;
    const reload = coalesce(async () => {
      runs++;
      throw new Error('offline');
    });
    reload();
    await new Promise((r) => setTimeout(r, 0));
    reload();
    expect(runs).toBe(2);
  });
});
