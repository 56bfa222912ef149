// The reused scratch memory of a query: a search matching most of a 100,000-item library once
// failed with 内部错误, its document numbers overwritten by its scores when the arena grew.
import { describe, expect, it } from 'vitest';
import { QueryArena } from '../../electron/core/search/postings';

describe('a query arena', () => {
  it('keeps every array it handed out intact when it grows', () => {
    const arena = new QueryArena();
    const docs = arena.u32(100_000).fill(7);
    const scores = arena.f32(100_000).fill(1000);
    // Past the first megabyte: the arena takes a bigger buffer.
    const more = arena.u32(100_000).fill(3);
    const flags = arena.u8(300_000).fill(1);
    expect(docs.every((d) => d === 7)).toBe(true);
    expect(scores.every((s) => s === 1000)).toBe(true);
    expect(more.every((d) => d === 3)).toBe(true);
    expect(flags.every((f) => f === 1)).toBe(true);
  });

  it('hands out the same memory again after a reset', () => {
    const arena = new QueryArena();
    const first = arena.u32(16);
    arena.reset();
    const again = arena.u32(16);
    expect(again.buffer).toBe(first.buffer);
    expect(again.byteOffset).toBe(first.byteOffset);
  });
});
