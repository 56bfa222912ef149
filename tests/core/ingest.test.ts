import { readFileSync } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { Library, derivedPaths } from '../../electron/core/library';
import {
  addPaths,
  cleanupDiff,
  groupFiles,
  offerTypeset,
  reviewSuggestion,
} from '../../electron/core/ingest';
import { detectMojibake } from '../../electron/core/text';
import { PAGE_BREAK } from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';
import { noiseJpeg } from '../helpers/images';

const SAMPLES = new URL('../fixtures/', import.meta.url);
const SCRAPED = new URL('zhengxie-plan-web-scraped.txt', SAMPLES).pathname;
const GB18030 = new URL('zhengxie-plan-gb18030.txt', SAMPLES).pathname;
const scraped = readFileSync(SCRAPED, 'utf8');
const han = (s: string) => s.match(/\p{Script=Han}/gu)!.join('');

async function newLibrary(): Promise<Library> {
  return Library.create(path.join(await tempDir(), 'lib'), '测试');
}

async function importOne(library: Library, file: string) {
  const result = await addPaths(library, [file]);
  expect(result.failed).toEqual([]);
  expect(result.added).toHaveLength(1);
  return library.catalog.get(result.added[0]!)!;
}

/** A WAV of silence: 8 kHz, 8-bit mono, so a second is 8,000 bytes. */
function wav(seconds: number): Buffer {
  const data = 8000 * seconds;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(data, 40);
  return Buffer.concat([header, Buffer.alloc(data, 128)]);
}

describe('web-scraped text', () => {
  it('removes all 379 pinyin annotations, changes no Chinese character, flags the 2 mojibake runs and keeps the raw text', async () => {
    const library = await newLibrary();
    const item = await importOne(library, SCRAPED);
    expect(item.rawText).toBe(scraped);
    expect(han(item.text)).toBe(han(scraped));
    expect(item.text).not.toMatch(/\p{Script=Han}[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/u);
    expect(cleanupDiff(item).edits).toHaveLength(379);
    expect(item.suggestions).toEqual([
      expect.objectContaining({ field: 'text', value: { pinyinRemoved: 379 } }),
      expect.objectContaining({ field: 'typeset', value: { kind: 'punctuation', count: 76 } }),
      expect.objectContaining({ field: 'typeset', value: { kind: 'linebreaks', count: 1 } }),
    ]);

    expect(item.mojibake.map((run) => run.text)).toEqual(['?cè)囶}', '?!钡膬?']);
    for (const run of item.mojibake) expect(item.text.slice(run.start, run.end)).toBe(run.text);
  });

  it('shows the cleanup as edits that turn the raw text into the cleaned one', async () => {
    const library = await newLibrary();
    const item = await importOne(library, SCRAPED);
    const diff = cleanupDiff(item);
    expect(diff.matchesCleanup).toBe(true);
    let rebuilt = '';
    let at = 0;
    for (const edit of diff.edits) {
      expect(diff.raw.slice(edit.start, edit.start + edit.removed.length)).toBe(edit.removed);
      rebuilt += diff.raw.slice(at, edit.start);
      at = edit.start + edit.removed.length;
    }
    expect(rebuilt + diff.raw.slice(at)).toBe(diff.cleaned);
    expect(diff.edits[0]).toEqual({ start: 2, removed: '(lái)', reason: 'pinyin' });
  });

  it('restores the raw text when the cleanup is rejected, and the rejection can be undone', async () => {
    const library = await newLibrary();
    const item = await importOne(library, SCRAPED);
    const rejected = await reviewSuggestion(library, item.id, 0, false);
    expect(rejected.text).toBe(scraped);
    expect(rejected.suggestions.map((s) => s.field)).toEqual(['typeset', 'typeset']);
    expect(rejected.mojibake.map((run) => run.text)).toEqual(['?cè)囶}', '?!钡膬?']);
    const history = await library.audit.entriesFor(item.id);
    const restored = await library.undo(history[history.length - 1]!.id);
    expect(restored.text).toBe(item.text);

    const accepted = await reviewSuggestion(library, item.id, 0, true);
    expect(accepted.text).toBe(item.text);
    expect(accepted.rawText).toBe(scraped);
    expect(accepted.suggestions.map((s) => s.field)).toEqual(['typeset', 'typeset']);
  });

  it('offers typesetting cleanups by kind and changes the text only for the kind accepted, as an audited edit', async () => {
    const library = await newLibrary();
    const item = await importOne(library, SCRAPED);
    const cleaned = item.text;
    expect(cleaned).toMatch(/\p{Script=Han},\p{Script=Han}/u);
    const index = item.suggestions.findIndex((s) => (s.value as { kind?: string }).kind === 'punctuation');
    const accepted = await reviewSuggestion(library, item.id, index, true);
    expect(accepted.text).not.toMatch(/[\p{Script=Han}”][,!:;][\p{Script=Han}“]/u);
    expect(accepted.text.split('\n')).toHaveLength(cleaned.split('\n').length);
    expect(han(accepted.text)).toBe(han(cleaned));
    expect(accepted.text).toContain('\n“大文史”');
    expect(accepted.rawText).toBe(scraped);
    for (const run of accepted.mojibake) expect(accepted.text.slice(run.start, run.end)).toBe(run.text);

    const lines = accepted.suggestions.findIndex((s) => (s.value as { kind?: string }).kind === 'linebreaks');
    const rejected = await reviewSuggestion(library, item.id, lines, false);
    expect(rejected.text).toBe(accepted.text);
    expect(rejected.suggestions.map((s) => s.field)).toEqual(['text']);
    const history = await library.audit.entriesFor(item.id);
    expect((await library.undo(history[history.length - 2]!.id)).text).toBe(cleaned);
  });

  it('offers the cleanups again for an item edited since, from its current text', async () => {
    const library = await newLibrary();
    const item = await library.createItem({ kind: 'document', title: '测试', text: '甲,乙"丙"' });
    expect(item.suggestions).toEqual([]);
    await library.updateInfo({ settings: { quoteStyle: 'corner' } });
    const offered = await offerTypeset(library, item.id);
    expect(offered.text).toBe('甲,乙"丙"');
    expect(offered.suggestions.map((s) => s.value)).toEqual([
      { kind: 'punctuation', count: 1 },
      { kind: 'quotes', count: 2 },
    ]);
    expect((await offerTypeset(library, item.id)).suggestions).toHaveLength(2);
    const quoted = await reviewSuggestion(library, item.id, 1, true);
    expect(quoted.text).toBe('甲,乙「丙」');
    expect(quoted.rawText).toBe('甲,乙"丙"');
  });

  it('flags nothing in clean text, in simplified or traditional script', () => {
    expect(detectMojibake('许昌市政协文史资料委员会，一九八四年春？(注1) IMG_0001')).toEqual([]);
    expect(detectMojibake('許昌市政協文史資料委員會，一九八四年春? 鋇')).toEqual([]);
    expect(detectMojibake('許昌市政協\ufffd\ufffd钡委員會').map((run) => run.text)).toEqual([
      '\ufffd\ufffd钡',
    ]);
  });
});

describe('text encodings', () => {
  it('reads the GB18030 sample as the same text as the UTF-8 one and records the encoding', async () => {
    const library = await newLibrary();
    const utf8 = await importOne(library, SCRAPED);
    const gb = await importOne(library, GB18030);
    expect(gb.files[0]!.encoding).toBe('GB18030');
    expect(utf8.files[0]!.encoding).toBe('UTF-8');
    expect(gb.text).toBe(utf8.text);
    expect(gb.rawText).toBe(utf8.rawText);
  });

  it.each([
    ['Big5', 'Big5', false],
    ['UTF-16LE', 'utf-16le', true],
    ['UTF-16BE', 'utf-16be', true],
  ])('detects %s', async (expected, encoding, bom) => {
    const library = await newLibrary();
    const text = '許昌市政協文史資料委員會\n一九八四年春，許昌發制品廠開工。';
    const file = path.join(await tempDir(), `${expected}.txt`);
    const body = iconv.encode(text, encoding);
    const mark = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    await writeFile(file, bom ? Buffer.concat([Buffer.from(mark), body]) : body);
    const item = await importOne(library, file);
    expect(item.files[0]!.encoding).toBe(expected);
    expect(item.text).toBe(text);
  });
});

describe('documents', () => {
  it('reads a PDF page by page, keeps its page breaks and records the page count', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    // The middle page is a scan without a text layer: it keeps its place, so page 3 stays page 3.
    for (const words of ['Xuchang reform memory', '', 'Third page of the record'])
      pdf.addPage([300, 200]).drawText(words, { x: 20, y: 100, size: 12, font });
    const file = path.join(await tempDir(), 'record.pdf');
    await writeFile(file, await pdf.save());
    const item = await importOne(await newLibrary(), file);
    expect(item.kind).toBe('document');
    expect(item.document?.pages).toBe(3);
    expect(item.text).toBe(['Xuchang reform memory', '', 'Third page of the record'].join(PAGE_BREAK));
    expect(item.title).toBe('Xuchang reform memory');
  });

  it('reports a damaged PDF and a damaged .doc by name, and imports the rest', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'broken.pdf'), '%PDF-1.7\nnot really');
    await writeFile(path.join(dir, 'broken.doc'), 'not a word file at all');
    await writeFile(path.join(dir, 'fine.txt'), '许昌改革记忆');
    const library = await newLibrary();
    const result = await addPaths(library, [dir]);
    expect(result.added).toHaveLength(1);
    expect(result.failed).toEqual(
      [
        { path: path.join(dir, 'broken.doc'), reason: expect.stringMatching(/\.doc.*另存为 \.docx/) },
        { path: path.join(dir, 'broken.pdf'), reason: 'PDF 文件已损坏或格式无法识别' },
      ].sort(
        (a, b) =>
          result.failed.findIndex((f) => f.path === a.path) -
          result.failed.findIndex((f) => f.path === b.path),
      ),
    );
    expect(library.catalog.size).toBe(1);
  });
});

describe('oral histories', () => {
  it('makes one oral history of a recording and its same-named SRT transcript, with duration and segments', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '张三访谈.wav'), wav(3));
    await writeFile(
      path.join(dir, '张三访谈.srt'),
      '1\n00:00:00,000 --> 00:00:01,500\n那年春天，\n\n2\n00:00:01,500 --> 00:00:03,000\n我们在许昌开始做发制品。\n',
    );
    const library = await newLibrary();
    const result = await addPaths(library, [dir]);
    expect(result.failed).toEqual([]);
    expect(result.added).toHaveLength(1);
    const item = library.catalog.get(result.added[0]!)!;
    expect(item.kind).toBe('oral');
    expect(item.files.map((f) => [f.name, f.role])).toEqual([
      ['张三访谈.wav', 'audio'],
      ['张三访谈.srt', 'transcript'],
    ]);
    expect(item.oral?.duration).toBe(3);
    expect(item.oral?.segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [0, 1.5, '那年春天，'],
      [1.5, 3, '我们在许昌开始做发制品。'],
    ]);
    expect(item.text).toBe('那年春天，\n我们在许昌开始做发制品。');
  });

  it('keeps WebVTT cues and timed lines of a plain transcript as segments', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'a.vtt'),
      'WEBVTT\n\nNOTE 采访录音\n\n00:05.000 --> 00:09.250\n<v 张三>公社那时候\n\n01:00:00.000 --> 01:00:02.000\n结束\n',
    );
    await writeFile(
      path.join(dir, 'b.txt'),
      '李四访谈\n[00:00:10] 问：您哪年进厂？\n[00:01:05] 答：一九八四年。\n补充一句。',
    );
    const library = await newLibrary();
    const result = await addPaths(library, [path.join(dir, 'a.vtt')]);
    expect(
      library.catalog.get(result.added[0]!)!.oral?.segments.map((s) => [s.start, s.end, s.text]),
    ).toEqual([
      [5, 9.25, '公社那时候'],
      [3600, 3602, '结束'],
    ]);
    const timed = await addPaths(library, [path.join(dir, 'b.txt')], { kind: 'oral' });
    const transcript = library.catalog.get(timed.added[0]!)!;
    expect(transcript.title).toBe('李四访谈');
    expect(transcript.oral?.segments.map((s) => [s.start, s.end, s.text])).toEqual([
      [10, 65, '问：您哪年进厂？'],
      [65, undefined, '答：一九八四年。\n补充一句。'],
    ]);
  });
});

describe('grouping', () => {
  const files = (...names: string[]) => names.map((name) => ({ path: path.join('/in', name), size: 1 }));

  it('joins front and back of a photo, parts of a recording with its transcript, and nothing else', () => {
    const items = groupFiles(
      files(
        '合影_front.jpg',
        '合影_back.jpg',
        '奖状-1.tif',
        '奖状-2.tif',
        'IMG_0001.jpg',
        'IMG_0002.jpg',
        '访谈-1.mp3',
        '访谈-2.mp3',
        '访谈.docx',
        '单张-1.jpg',
        '说明.txt',
      ),
    );
    const summary = items.map((item) => [
      item.kind,
      item.files.map((f) => `${path.basename(f.path)}:${f.role ?? ''}`),
    ]);
    // In the order of their first file's name (the app's collation: Chinese by pinyin, then Latin), the order of their 档号.
    expect(summary).toEqual([
      ['photo', ['单张-1.jpg:']],
      ['oral', ['访谈-1.mp3:audio', '访谈-2.mp3:audio', '访谈.docx:transcript']],
      ['photo', ['合影_front.jpg:front', '合影_back.jpg:back']],
      ['photo', ['奖状-1.tif:front', '奖状-2.tif:back']],
      ['document', ['说明.txt:']],
      ['photo', ['IMG_0001.jpg:']],
      ['photo', ['IMG_0002.jpg:']],
    ]);
  });

  it('does not group across folders', () => {
    const items = groupFiles([
      { path: '/a/x.mp3', size: 1 },
      { path: '/b/x.txt', size: 1 },
    ]);
    expect(items.map((i) => i.kind)).toEqual(['oral', 'document']);
  });
});

describe('photos', () => {
  it('honours EXIF orientation, records the size, writes thumbnail and preview, and suggests EXIF facts without filling fields', async () => {
    const dir = await tempDir();
    const file = path.join(dir, '老照片.jpg');
    await writeFile(
      file,
      await noiseJpeg(1, 40, 20, {
        tags: { IFD0: { Make: 'Seagull', Model: 'DF-1' }, IFD2: { DateTimeOriginal: '1984:03:15 10:20:30' } },
        orientation: 6,
      }),
    );
    const library = await newLibrary();
    const item = await importOne(library, file);
    expect(item.kind).toBe('photo');
    expect(item.photo).toMatchObject({ width: 20, height: 40 });
    expect(item.createdDate).toEqual({ text: '', edtf: '' });
    expect(item.suggestions).toEqual([
      { field: 'createdDate', value: '1984-03-15', source: 'EXIF 拍摄时间' },
      { field: 'photo.camera', value: 'Seagull DF-1', source: 'EXIF 相机' },
    ]);
    const derived = derivedPaths(library.root, item.files[0]!.sha256);
    await access(derived.thumbnail);
    await access(derived.preview);

    const dated = await reviewSuggestion(library, item.id, 0, true);
    expect(dated.createdDate).toEqual({ text: '1984年3月15日', edtf: '1984-03-15' });
    const noted = await reviewSuggestion(library, item.id, 0, true);
    // The camera lands in a field the form shows, and the photo's measured size stays.
    expect(noted.photo).toMatchObject({ camera: 'Seagull DF-1', width: 20, height: 40 });
    expect(noted.notes).toBe('');
    expect(noted.suggestions).toEqual([]);
  });

  it('reports a dry run without writing anything', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'a_front.jpg'), await noiseJpeg(2));
    await writeFile(path.join(dir, 'a_back.jpg'), await noiseJpeg(3));
    await writeFile(path.join(dir, 'sub', 'b.jpg'), await noiseJpeg(4));
    const library = await newLibrary();
    const flat = await addPaths(library, [dir], { dryRun: true });
    expect(flat.planned).toEqual([
      { kind: 'photo', name: 'a', files: [path.join(dir, 'a_front.jpg'), path.join(dir, 'a_back.jpg')] },
    ]);
    expect(flat.skipped).toEqual([
      { path: path.join(dir, 'sub'), reason: expect.stringMatching(/子文件夹/) },
    ]);
    const deep = await addPaths(library, [dir], { dryRun: true, recursive: true });
    expect(deep.planned.map((p) => p.name)).toEqual(['a', 'b']);
    expect(deep.added).toEqual([]);
    expect(library.catalog.size).toBe(0);
  });
});
