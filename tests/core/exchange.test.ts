import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import {
  exportCsv,
  importRegister,
  parseCsv,
  previewRegister,
  readRegister,
} from '../../electron/core/exchange';
import { tempDir } from '../helpers/tempDir';

const HEADER = [
  '档号',
  '题名',
  '类型',
  '口述人',
  '整理人',
  '事件时间',
  '地点',
  '主题词',
  '三亲',
  '审稿状态',
  '授权书',
  '开放级别',
  '备注',
];
const ROWS = [
  [
    'XCGG-2023-0001',
    '许昌发制品产业的起步',
    '口述',
    '张三',
    '李四',
    '1984年春',
    '许昌市、长葛市',
    '发制品产业',
    '亲历',
    '初审',
    '是',
    '公开',
    '',
  ],
  [
    'XCGG-2023-0002',
    '禹州钧瓷复烧记',
    '口述',
    '王五',
    '',
    '八十年代初',
    '禹州市',
    '钧瓷',
    '亲见',
    '征集',
    '否',
    '内部',
    '=1+1',
  ],
  ['XCGG-2023-0003', '', '照片', '', '', '1990年', '', '', '', '', '', '', '缺题名'],
  ['XCGG-2023-0004', '日期写错的一行', '文献', '', '', '明天', '', '', '', '', '', '', ''],
  ['XCGG-2023-0005', '类型写错的一行', '录像', '', '', '', '', '', '', '', '', '', ''],
];

async function xlsx(dir: string, rows: string[][]): Promise<string> {
  const file = path.join(dir, '登记表.xlsx');
  await writeXlsxFile(rows.map((row) => row.map((value) => ({ value })))).toFile(file);
  return file;
}

describe('register spreadsheets', () => {
  it('previews per-row errors in Chinese and imports only whole, valid rows', async () => {
    const dir = await tempDir();
    const file = await xlsx(dir, [HEADER, ...ROWS]);
    const preview = previewRegister(await readRegister(file));
    expect(preview).toMatchObject({ valid: 3, invalid: 2 });
    const errors = Object.fromEntries(preview.rows.map((r) => [r.row, r.errors.join('；')]));
    expect(errors[4]).toMatch(/题名：题名不能为空/);
    // A date that cannot be read is kept as written (and listed for review), not refused.
    expect(errors[5]).toBe('');
    expect(errors[6]).toMatch(/类型：无法识别的类型「录像」/);

    const library = await Library.create(path.join(dir, 'lib'), 'lib');
    const result = await importRegister(library, file);
    expect(result.added).toHaveLength(3);
    const items = library.catalog.all().sort((a, b) => a.identifier.localeCompare(b.identifier));
    expect(items.map((i) => i.identifier)).toEqual(['XCGG-2023-0001', 'XCGG-2023-0002', 'XCGG-2023-0004']);
    expect(items[0]).toMatchObject({
      title: '许昌发制品产业的起步',
      kind: 'oral',
      people: [
        { name: '张三', role: 'narrator' },
        { name: '李四', role: 'transcriber' },
      ],
      eventDate: { text: '1984年春', edtf: '1984-21' },
      places: ['许昌市', '长葛市'],
      subjects: ['发制品产业'],
      witnessType: 'lived',
      editorialStatus: 'review1',
      rights: { releaseSigned: true, access: 'public' },
    });
    expect(items[1]).toMatchObject({
      eventDate: { text: '八十年代初', edtf: '1980/1983' },
      rights: { releaseSigned: false, access: 'internal' },
      notes: '=1+1',
    });

    // Importing again adds nothing: the 档号 are known.
    const again = await importRegister(library, file);
    expect(again.added).toEqual([]);
    expect(items[2]!.eventDate).toEqual({ text: '明天', edtf: '' });
    expect(again.skipped.map((s) => s.row)).toEqual([2, 3, 5]);
    await library.close();
  });

  it('a dry run changes nothing', async () => {
    const dir = await tempDir();
    const file = await xlsx(dir, [HEADER, ROWS[0]!]);
    const library = await Library.create(path.join(dir, 'lib'), 'lib');
    const result = await importRegister(library, file, { dryRun: true });
    expect(result).toMatchObject({ valid: 1, added: [] });
    expect(library.catalog.size).toBe(0);
    await library.close();
  });

  it('reads CSV registers in GB18030 as well as UTF-8', async () => {
    const dir = await tempDir();
    const iconv = (await import('iconv-lite')).default;
    const csv = [HEADER, ROWS[0]!].map((r) => r.join(',')).join('\r\n');
    const file = path.join(dir, 'register.csv');
    await writeFile(file, iconv.encode(csv, 'gb18030'));
    const preview = previewRegister(await readRegister(file));
    expect(preview).toMatchObject({ valid: 1, invalid: 0 });
    expect(preview.rows[0]!.title).toBe('许昌发制品产业的起步');
  });

  it('refuses a sheet without a 题名 column and a file that is not a spreadsheet', async () => {
    const dir = await tempDir();
    await expect(readRegister(path.join(dir, 'none.xlsx'))).rejects.toThrow(/找不到登记表/);
    const bogus = path.join(dir, 'bogus.xlsx');
    await writeFile(bogus, 'not a zip');
    await expect(readRegister(bogus)).rejects.toThrow(/不是有效的 Excel/);
    expect(() =>
      previewRegister([
        ['名称', '日期'],
        ['x', '1984'],
      ]),
    ).toThrow(/缺少「题名」列/);
  });

  it('exports CSV with a BOM and neutralized formulas, and the export round-trips', async () => {
    const dir = await tempDir();
    const source = await Library.create(path.join(dir, 'a'), 'a');
    await importRegister(source, await xlsx(dir, [HEADER, ROWS[0]!, ROWS[1]!]));
    const csv = exportCsv(source.catalog.all());
    expect(csv.startsWith('\uFEFF档号,')).toBe(true);
    expect(csv).toContain("'=1+1");
    expect(csv).not.toMatch(/,=1\+1/);

    const file = path.join(dir, 'export.csv');
    await writeFile(file, csv);
    expect(parseCsv(await readFile(file, 'utf8'))[0]!.slice(0, 3)).toEqual(['档号', '类型', '题名']);
    const copy = await Library.create(path.join(dir, 'b'), 'b');
    const result = await importRegister(copy, file);
    expect(result.invalid).toBe(0);
    const strip = (i: { id: string; createdAt: string; updatedAt: string }) => ({
      ...i,
      id: '',
      createdAt: '',
      updatedAt: '',
    });
    const sort = <T extends { identifier: string }>(items: T[]) =>
      items.sort((a, b) => a.identifier.localeCompare(b.identifier));
    expect(sort(copy.catalog.all()).map(strip)).toEqual(sort(source.catalog.all()).map(strip));
    await source.close();
    await copy.close();
  });
});
