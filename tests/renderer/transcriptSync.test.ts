import { describe, expect, it } from 'vitest';
import { activeLineAt, formatTimecode } from '../../renderer/src/features/item/transcriptSync';

const lines = [
  { start: 0, end: 4.5, text: '我叫张三。' },
  { start: 5, end: 12, text: '一九八四年春天，' },
  { start: 12, text: '我们开始收头发。' },
  { start: 30, end: 35, text: '后来办了厂。' },
];

describe('transcript sync', () => {
  it.each([
    [0, 0],
    [4.4, 0],
    [4.7, -1], // a pause between lines highlights nothing
    [5, 1],
    [11.99, 1],
    [12, 2],
    [29, 2], // no end: lasts until the next line starts
    [30, 3],
    [35, -1],
    [99, -1],
  ])('at %ss highlights line %i', (time, expected) => {
    expect(activeLineAt(lines, time)).toBe(expected);
  });

  it('highlights nothing before the first line or with no lines', () => {
    expect(activeLineAt([{ start: 3, text: 'x' }], 1)).toBe(-1);
    expect(activeLineAt([], 1)).toBe(-1);
  });

  it('formats timecodes', () => {
    expect(formatTimecode(5)).toBe('00:05');
    expect(formatTimecode(65.9)).toBe('01:05');
    expect(formatTimecode(3725)).toBe('1:02:05');
  });
});
