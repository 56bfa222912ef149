import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileVolume,
  breakLines,
  toUnits,
  toChineseNumeral,
  toRoman,
  type Book,
} from '../../electron/core/compile';
import { resolveBook, volumeFromItems } from '../../electron/core/volumes';
import { removePinyinAnnotations } from '../../electron/core/text';
import { ItemFieldsSchema, VolumeSchema, type Item } from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';
import { pdfFonts, pdfReadingText, pdfText, qpdfCheck, ghostscriptRewrite } from '../helpers/pdfTools';

const scraped = removePinyinAnnotations(
  readFileSync(new URL('../fixtures/zhengxie-plan-web-scraped.txt', import.meta.url), 'utf8'),
).text;

function item(title: string, text: string, extra: Partial<Item> = {}): Item {
  return {
    ...ItemFieldsSchema.parse({ kind: 'oral', title, text }),
    id: title,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

const NO_LINE_START = '。，、；：？！）」』》〉';
const NO_LINE_END = '（「『《〈';

/** The book the CLI's quick print makes of items: one untitled section. */
function bookOf(items: Item[], title = '许昌改革记忆'): Book {
  const volume = VolumeSchema.parse({
    ...volumeFromItems(title, items),
    id: 'v',
    createdAt: '',
    updatedAt: '',
  });
  return resolveBook(volume, {
    get: (id) => items.find((i) => i.id === id),
    filePath: () => '',
  });
}

async function compileToFile(items: Item[], title = '许昌改革记忆') {
  const dir = await tempDir();
  const file = path.join(dir, 'volume.pdf');
  const { pdf, report } = await compileVolume({
    book: bookOf(items, title),
    fonts,
    date: new Date('2024-05-01T00:00:00Z'),
  });
  await writeFile(file, pdf);
  return { file, pdf, report, dir };
}

describe('compileVolume', () => {
  it('writes a valid PDF with subset CID TrueType fonts whose text extracts back', async () => {
    const { file } = await compileToFile([
      item('许昌发制品产业的起步', '一九八四年春，许昌的发制品产业刚刚起步。\n我们从收购头发开始。', {
        people: [
          { name: '张三', role: 'narrator' },
          { name: '李四', role: 'transcriber' },
        ],
      }),
      item('政協五年規劃', scraped),
    ]);
    expect(qpdfCheck(file).ok).toBe(true);
    const rows = pdfFonts(file);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.type).toBe('CID TrueType');
      expect(row).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(row.name).toMatch(/^[A-Z]{6}\+/);
    }
    const text = pdfReadingText(file, ['许昌改革记忆', '政協五年規劃']);
    expect(pdfText(file)).toContain('许昌改革记忆');
    expect(text).toContain('许昌发制品产业的起步');
    expect(text).toContain('口述张三整理李四');
    expect(text).toContain('一九八四年春，许昌的发制品产业刚刚起步。');
    expect(text).toContain(scraped.replace(/\s+/g, ''));
  });

  it('writes ToUnicode maps in blocks of at most 100 entries, so text survives a Ghostscript pass', async () => {
    const { file, dir } = await compileToFile([item('政協五年規劃', scraped)]);
    const expanded = path.join(dir, 'qdf.pdf');
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, expanded]);
    const counts = [...readFileSync(expanded, 'latin1').matchAll(/(\d+) beginbfchar/g)].map((m) =>
      Number(m[1]),
    );
    expect(counts.length).toBeGreaterThan(1);
    expect(Math.max(...counts)).toBeLessThanOrEqual(100);

    const rewritten = path.join(dir, 'gs.pdf');
    ghostscriptRewrite(file, rewritten);
    expect(pdfText(rewritten).replace(/\s+/g, '')).toContain(scraped.replace(/\s+/g, '').slice(0, 300));
  });

  it('never starts a line with closing punctuation or ends one with an opening mark', async () => {
    const text = Array.from(
      { length: 40 },
      (_, i) => `第${i}段「引文」（注释），又一句。${'许昌'.repeat(i % 7)}》《书名》。`,
    ).join('');
    const { file } = await compileToFile([item('标点', text), item('政協', scraped)]);
    const lines = pdfText(file, ['-layout'])
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) {
      expect(NO_LINE_START).not.toContain(line[0]);
      expect(NO_LINE_END).not.toContain(line[line.length - 1]);
    }
  });

  it('reports characters the fonts lack instead of dropping them silently', async () => {
    const { report, file } = await compileToFile([item('缺字', '这里有一个罕见字：\u{2B81D}。')]);
    expect(report.missingGlyphs).toEqual([{ char: '\u{2B81D}', articles: ['缺字'] }]);
    expect(pdfText(file)).toContain('这里有一个罕见字');
  });

  it('produces the same bytes for the same volume and date', async () => {
    const a = await compileToFile([item('甲', scraped.slice(0, 500))]);
    const b = await compileToFile([item('甲', scraped.slice(0, 500))]);
    expect(Buffer.compare(Buffer.from(a.pdf), Buffer.from(b.pdf))).toBe(0);
  });
});

describe('breakLines', () => {
  const measure = (s: string) => [...s].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.5 : 1), 0);
  const lines = (text: string, width: number) =>
    breakLines(toUnits(text, measure), width, 0, measure).map((l) => l.units.map((u) => u.text).join(''));

  it('moves a character down rather than start a line with 。 or 」', () => {
    expect(lines('一二三四五。」六七', 5)).toEqual(['一二三四', '五。」六七']);
  });

  it('does not leave an opening bracket at a line end', () => {
    expect(lines('一二三四「五六」七八', 5)).toEqual(['一二三四', '「五六」七', '八']);
  });

  it('keeps Latin words and numbers like 1984 whole', () => {
    expect(lines('一二三四1984年', 5)).toEqual(['一二三四', '1984年']);
    expect(lines('abc internationalization de', 8)).toEqual(['abc', 'internationaliza', 'tion de']);
  });

  it('keeps …… and —— together', () => {
    expect(lines('一二三四……五', 5)).toEqual(['一二三', '四……五']);
  });

  it('keeps full-width numbers whole too', () => {
    expect(lines('一二三１９８４年', 5)).toEqual(['一二三', '１９８４年']);
  });

  it('squeezes a run of punctuation (。」 ，「) to half width each where they share a line', () => {
    const units = toUnits('好。」好，「好」', measure);
    expect(units.map((u) => u.text)).toEqual(['好。」', '好，', '「好」']);
    expect(units[0]!.width).toBe(2.5);
    // ，「 across two units: the comma gives up its blank half only when both are on one line.
    expect(units[2]!.squeezeBefore).toBe(0.5);
    const [line] = breakLines(units, 20, 0, measure);
    expect(line!.width).toBe(2.5 + 2 + 3 - 0.5);
  });

  it('never ends a line with an opening bracket, also in a run of them', () => {
    for (const width of [3, 4, 5, 6, 7]) {
      for (const line of lines('一二三四（「五六」）七八《九》十', width)) {
        expect(NO_LINE_END).not.toContain(line[line.length - 1]);
        expect(NO_LINE_START).not.toContain(line[0]);
      }
    }
  });

  it('breaks a long URL at its slashes and never inside a short word', () => {
    const broken = lines('网址 https://www.example.org/archives/xuchang/1984/index.html 可查', 12);
    for (const line of broken) expect(measure(line)).toBeLessThanOrEqual(12);
    expect(broken.join('').replace(/ /g, '')).toBe(
      '网址https://www.example.org/archives/xuchang/1984/index.html可查',
    );
    expect(broken.some((l) => l.startsWith('/'))).toBe(false);
  });

  it('keeps 1984 whole: it moves to the next line rather than split', () => {
    expect(lines('一九八四即1984年春', 6)).toEqual(['一九八四即', '1984年春']);
  });
});

describe('folio numerals', () => {
  it('writes front-matter page numbers in roman or Chinese numerals', () => {
    expect([1, 4, 9, 14, 40].map(toRoman)).toEqual(['i', 'iv', 'ix', 'xiv', 'xl']);
    expect([1, 10, 11, 20, 35, 100, 105, 110].map(toChineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '三十五',
      '一百',
      '一百零五',
      '一百一十',
    ]);
  });
});
