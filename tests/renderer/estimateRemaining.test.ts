import { describe, expect, it } from 'vitest';
import {
  describeTimeLeft,
  estimateRemaining,
  nextPaceStart,
  type PaceStart,
  type ProgressSample,
} from '../../renderer/src/components/estimateRemaining';

/** Feeds samples as they would arrive and returns the estimate after each. */
function estimates(samples: ProgressSample[]): (number | undefined)[] {
  let start: PaceStart | null = null;
  return samples.map((sample) => {
    start = nextPaceStart(start, sample);
    return estimateRemaining(start, sample);
  });
}

const compile = (done: number, seconds: number): ProgressSample => ({
  phase: 'compile',
  done,
  total: 100,
  at: seconds * 1000,
});

describe('time left', () => {
  it('says nothing until a few steps and a few seconds have been seen', () => {
    expect(estimates([compile(0, 0), compile(1, 5)])).toEqual([undefined, undefined]);
    expect(estimates([compile(0, 0), compile(5, 1)])).toEqual([undefined, undefined]);
  });

  it('extrapolates the pace since the phase began', () => {
    // 4 articles in 8 s leave 96 for 192 s; 10 in 20 s leave 90 for 180 s.
    expect(estimates([compile(0, 0), compile(4, 8), compile(10, 20)])).toEqual([undefined, 192, 180]);
  });

  it('times each phase from its own start', () => {
    const images = (done: number, seconds: number): ProgressSample => ({
      phase: 'images',
      done,
      total: 10,
      at: seconds * 1000,
    });
    // The slow typesetting before does not weigh on the quick images after.
    const [, , firstImage, , later] = estimates([
      compile(0, 0),
      compile(100, 200),
      images(1, 201),
      images(2, 202),
      images(5, 205),
    ]);
    expect(firstImage).toBeUndefined();
    expect(later).toBe(5);
  });

  it('restarts when a phase starts over, and stops at the end', () => {
    expect(estimates([compile(50, 0), compile(10, 1)])[1]).toBeUndefined();
    expect(estimates([compile(0, 0), compile(100, 10)])[1]).toBeUndefined();
  });

  it('is said in round numbers, rounded up', () => {
    expect(describeTimeLeft(0.4)).toEqual({ key: 'seconds', values: { count: 5 } });
    expect(describeTimeLeft(12)).toEqual({ key: 'seconds', values: { count: 15 } });
    expect(describeTimeLeft(61)).toEqual({ key: 'minutes', values: { count: 2 } });
    expect(describeTimeLeft(3599)).toEqual({ key: 'minutes', values: { count: 60 } });
    expect(describeTimeLeft(3600)).toEqual({ key: 'hours', values: { hours: 1 } });
    expect(describeTimeLeft(4800)).toEqual({ key: 'hoursMinutes', values: { hours: 1, minutes: 20 } });
  });
});
