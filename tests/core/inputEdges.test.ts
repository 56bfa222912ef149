import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../electron/core/exchange/csv';
import { decodeText } from '../../electron/core/text';
import { Library } from '../../electron/core/library';
import { addPaths } from '../../electron/core/ingest';
import { tempDir } from '../helpers/tempDir';
import { visible, jsonForTerminal } from '../../electron/cli/terminalText';

describe('CSV export against formula injection', () => {
  const dangerous = ['x;=3+3', 'a,@SUM(A1)', '名称\t-2+3', '说明; +cmd', '=1+1', '@x', '-5'];
  const harmless = ['许昌市', 'a-b', 'x = y', '1984年', 'me@example.org'];

  it('neutralises a formula at the start of a cell or after a ; , or tab inside it, and quotes it', () => {
    const csv = toCsv([[...dangerous, ...harmless]]);
    const line = csv.slice(1, -2);
    for (const cell of dangerous)
      expect(line).toContain(/[;,\t]/.test(cell) ? `"'${cell}"` : `'${cell}`);
    // Split as a semicolon locale does, quotes respected: no cell begins a formula.
    const cells = line.match(/"(?:[^"]|"")*"|[^;,]+/g)!;
    for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    for (const cell of harmless) expect(line).toContain(cell);
    expect(parseCsv(csv)).toEqual([[...dangerous, ...harmless]]);
  });
});

describe('truncated UTF-16', () => {
  it('replaces a lone surrogate or a cut-off byte with U+FFFD and counts it', () => {
    const whole = Buffer.from('\uFEFF许昌😀', 'utf16le');
    const cutPair = decodeText(whole.subarray(0, whole.length - 2));
    expect(cutPair.text).toBe('许昌\uFFFD');
    expect(cutPair.replaced).toBe(1);
    expect(decodeText(whole.subarray(0, whole.length - 3)).text).toBe('许昌\uFFFD');
    expect(decodeText(whole).replaced).toBe(0);
    expect(decodeText(Buffer.from('许昌', 'utf8')).replaced).toBe(0);
  });

  it('warns in 待复核 when a text file did not decode whole', async () => {
    const dir = await tempDir();
    const library = await Library.create(path.join(dir, 'lib'), 'lib');
    const whole = Buffer.from('\uFEFF许昌发制品😀', 'utf16le');
    const file = path.join(dir, '访谈.txt');
    await writeFile(file, whole.subarray(0, whole.length - 2));
    const [id] = (await addPaths(library, [file])).added;
    const item = library.catalog.get(id!)!;
    expect(item.text).toBe('许昌发制品\uFFFD');
    expect(item.suggestions).toEqual([
      { field: 'notes', source: '文本有无法解码的字符', value: expect.stringMatching(/1 处无法解码/) },
    ]);
    await library.close();
  });
});

describe('folder import and hidden files', () => {
  it('reports hidden files and folders as skipped, with the reason', async () => {
    const dir = await tempDir();
    const library = await Library.create(path.join(dir, 'lib'), 'lib');
    const sources = path.join(dir, 'sources');
    await mkdir(path.join(sources, '.git'), { recursive: true });
    await writeFile(path.join(sources, '.DS_Store'), 'mac');
    await writeFile(path.join(sources, '._稿件.txt'), 'apple double');
    await writeFile(path.join(sources, '稿件.txt'), '正文');
    const result = await addPaths(library, [sources]);
    expect(result.added).toHaveLength(1);
    expect(result.skipped).toEqual([
      { path: path.join(sources, '._稿件.txt'), reason: expect.stringMatching(/隐藏文件/) },
      { path: path.join(sources, '.DS_Store'), reason: expect.stringMatching(/隐藏文件/) },
      { path: path.join(sources, '.git'), reason: '隐藏文件夹，未导入' },
    ]);
    await library.close();
  });
});

describe('names shown on a terminal', () => {
  it('writes line breaks, escapes and direction overrides out visibly', () => {
    expect(visible('报告\u202Etxt.exe')).toBe('报告<U+202E>txt.exe');
    expect(visible('一\n二\x1b[31m')).toBe('一\\n二\\x1b[31m');
    expect(jsonForTerminal({ name: '报告\u202Etxt' })).toBe('{"name":"报告\\u202etxt"}');
    expect(JSON.parse(jsonForTerminal({ name: '报告\u202Etxt' }))).toEqual({ name: '报告\u202Etxt' });
  });
});
