import { describe, expect, it } from 'vitest';
import { decodeCtc, topClasses } from '../../electron/core/ocr/ctc';
import { inPageScript, pageScript, toTraditional } from '../../electron/core/ocr/script';
import type { OcrLine } from '../../electron/core/model';

// What the recognizer can return (its dictionary): 強 圓 徵 於 are there, 黨 議 are not.
const known = new Set([...'強圓徵於征于党议强圆省兩會對開創現代化河南建設的新程上']);

const line = (text: string): OcrLine => ({
  text,
  confidence: [...text].map((_, i) => 0.9 - i / 100),
  vertical: false,
  box: { x: 0.1, y: 0.1, w: 0.8, h: 0.05 },
  quad: [
    [10, 10],
    [90, 10],
    [90, 15],
    [10, 15],
  ],
});

describe('the script of a page read by OCR', () => {
  it('tells a traditional page from the text read, even with some characters come back simplified', () => {
    // As the recognizer returns a traditional page: mostly traditional, a few simplified.
    expect(pageScript('省兩會對奮力開創現代化河南建設新局面作出了部署安排，要密切结合許昌实际')).toBe('traditional');
    expect(pageScript('省两会对奋力开创现代化河南建设新局面作出了部署安排，要密切结合许昌实际')).toBe('simplified');
    // A simplified page quoting one traditional word stays simplified.
    expect(pageScript('碑上刻着「許昌」二字，是清代所立，字迹已经模糊，今天保存在市博物馆里')).toBe('simplified');
    // No script-specific characters at all: nothing to convert.
    expect(pageScript('1984年，人民大会。')).toBe('simplified');
  });

  it('puts simplified characters of a traditional page back in traditional, one for one', () => {
    expect(toTraditional('更强担当的党委决议', known)).toBe('更強擔當的黨委決議');
    expect(toTraditional('圆满', known)).toBe('圓滿');
    // 征 and 于 are traditional characters too, and the recognizer knows 徵 and 於: it read 征 and 于.
    expect(toTraditional('新征程关于', known)).toBe('新征程關于');
    // …but 党 stands in for 黨, which it cannot read.
    expect(toTraditional('党', known)).toBe('黨');
    for (const text of ['更强担当的党委决议', '里程碑里', '干部干净', '发展头发']) expect([...toTraditional(text, known)]).toHaveLength([...text].length);
  });

  it('converts a traditional page line by line with its confidences still aligned, and leaves a simplified page alone', () => {
    const traditional = [line('省兩會對奮力開創現代化河南'), line('建設新征程上更强担当的党委')];
    const { script, lines } = inPageScript(traditional, known);
    expect(script).toBe('traditional');
    expect(lines.map((l) => l.text)).toEqual(['省兩會對奮力開創現代化河南', '建設新征程上更強擔當的黨委']);
    lines.forEach((l, i) => {
      expect(l.confidence).toEqual(traditional[i]!.confidence);
      expect([...l.text]).toHaveLength(l.confidence.length);
      expect(l.box).toEqual(traditional[i]!.box);
    });

    const simplified = [line('省两会对奋力开创现代化河南'), line('建设新征程上更强担当的党委')];
    const kept = inPageScript(simplified, known);
    expect(kept.script).toBe('simplified');
    expect(kept.lines).toEqual(simplified);
  });
});

describe('CTC decoding', () => {
  // Classes: 0 blank, then the dictionary; the last class is the space.
  const dictionary = ['許', '昌', '市', '黛', ' '];
  const classes = dictionary.length + 1;
  /** Steps where a class wins with the given likelihood; blank elsewhere. */
  function steps(count: number, peaks: Record<number, [number, number][]>): Float32Array {
    const p = new Float32Array(count * classes);
    for (let t = 0; t < count; t++) {
      const row = peaks[t] ?? [];
      const rest = 1 - row.reduce((s, [, q]) => s + q, 0);
      p[t * classes] = rest;
      for (const [c, q] of row) p[t * classes + c] = q;
    }
    return p;
  }

  it('fills a character the recognizer let go as blank where the line has a hole one pitch wide', () => {
    // Characters every 6 steps; the one at step 18 lost to the blank (0.55 against 0.4).
    const peaks: Record<number, [number, number][]> = {
      0: [[1, 0.99]],
      6: [[2, 0.98]],
      12: [[3, 0.97]],
      18: [[4, 0.4]],
      24: [[1, 0.99]],
      30: [[2, 0.96]],
      36: [[3, 0.95]],
    };
    const read = decodeCtc(topClasses(steps(40, peaks), 40, classes), dictionary);
    expect(read.text).toBe('許昌市黛許昌市');
    expect(read.confidence).toEqual([0.99, 0.98, 0.97, 0.4, 0.99, 0.96, 0.95]);
    // The line's score counts only what was read outright.
    expect(read.score).toBeCloseTo((0.99 + 0.98 + 0.97 + 0.99 + 0.96 + 0.95) / 6, 5);
  });

  it('leaves a blank hole blank, and never fills with a space', () => {
    const peaks: Record<number, [number, number][]> = {
      0: [[1, 0.99]],
      6: [[2, 0.98]],
      12: [[3, 0.97]],
      18: [[5, 0.4]],
      24: [[1, 0.99]],
      30: [[2, 0.96]],
      36: [[3, 0.95]],
    };
    expect(decodeCtc(topClasses(steps(40, peaks), 40, classes), dictionary).text).toBe('許昌市許昌市');
  });
});
