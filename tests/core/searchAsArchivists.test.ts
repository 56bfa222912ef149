import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { SearchIndex } from '../../electron/core/search';
import {
  hanNumeralToDigits,
  numberToHanPositional,
  numeralVariants,
  placesWithin,
} from '../../electron/core/search/queryExpansion';
import type { ItemFieldsInput } from '../../electron/core/model';
import { tempDir } from '../helpers/tempDir';

const CORPUS: ItemFieldsInput[] = [
  { kind: 'document', title: '汉字年份', text: '一九八四年春节前后，厂里第一次发了奖金。' },
  { kind: 'document', title: '数字年份', text: '1984年，许昌发制品厂扩建。' },
  { kind: 'document', title: '零的写法', text: '一九八零年代初的乡镇企业。' },
  { kind: 'document', title: '三十年', text: '改革开放三十年的变化。' },
  { kind: 'document', title: '无关', text: '钧瓷的烧制。' },
  { kind: 'oral', title: '后河镇口述', places: ['后河镇'] },
  { kind: 'oral', title: '长葛县旧称', places: ['长葛县'] },
  { kind: 'oral', title: '长葛市口述', places: ['长葛市'] },
  { kind: 'oral', title: '神垕镇口述', places: ['神垕镇'] },
];

async function search() {
  const library = await Library.create(await tempDir(), 'lib');
  for (const item of CORPUS) await library.createItem(item);
  const index = new SearchIndex(library.catalog, {});
  await index.ready;
  return (query: string) =>
    index
      .search(query, { limit: 100 })
      .hits.map((h) => h.title)
      .sort();
}

describe('numbers in either writing', () => {
  it('converts between digits and Chinese numerals', () => {
    expect(hanNumeralToDigits('一九八四')).toBe('1984');
    expect(hanNumeralToDigits('二〇〇八')).toBe('2008');
    expect(hanNumeralToDigits('二零零八')).toBe('2008');
    expect(hanNumeralToDigits('三十')).toBe('30');
    expect(hanNumeralToDigits('十五')).toBe('15');
    expect(hanNumeralToDigits('一百零五')).toBe('105');
    expect(hanNumeralToDigits('三千零五')).toBe('3005');
    expect(hanNumeralToDigits('二三十')).toBeNull();
    expect(numberToHanPositional(30)).toBe('三十');
    expect(numberToHanPositional(15)).toBe('十五');
    expect(numberToHanPositional(105)).toBe('一百零五');
    expect(numeralVariants('1984年')).toEqual(['一九八四年']);
    expect(numeralVariants('1980年代')).toEqual(['一九八〇年代', '一九八零年代']);
    expect(numeralVariants('改革')).toEqual([]);
  });

  it('finds 一九八四 for 1984 and 1984 for 一九八四, in the text', async () => {
    const titles = await search();
    expect(await titles('1984')).toEqual(['数字年份', '汉字年份']);
    expect(await titles('一九八四')).toEqual(['数字年份', '汉字年份']);
    expect(await titles('1984年')).toEqual(['数字年份', '汉字年份']);
    expect(await titles('一九八四年')).toEqual(['数字年份', '汉字年份']);
    expect(await titles('1980年代')).toEqual(['零的写法']);
    expect(await titles('30年')).toEqual(['三十年']);
    expect(await titles('三十年')).toEqual(['三十年']);
  });
});

describe('a place query covers the places inside it', () => {
  it('knows the gazetteer: towns of a city, and former names', () => {
    expect(placesWithin('长葛市')).toContain('后河镇');
    expect(placesWithin('长葛市')).toContain('长葛县');
    expect(placesWithin('禹县')).toContain('神垕镇');
    expect(placesWithin('后河镇')).toEqual([]);
    expect(placesWithin('不存在的地方')).toEqual([]);
  });

  it('地点:长葛市 finds items placed in its towns and under its former name, and no others', async () => {
    const titles = await search();
    expect(await titles('地点:长葛市')).toEqual(['后河镇口述', '长葛县旧称', '长葛市口述']);
    expect(await titles('地点:后河镇')).toEqual(['后河镇口述']);
    expect(await titles('-地点:长葛市 类型:口述')).toEqual(['神垕镇口述']);
  });
});
