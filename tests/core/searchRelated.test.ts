// `相关:`: the items linked to those whose title or 档号 has the words.
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { parseQuery, SearchIndex } from '../../electron/core/search';
import { tempDir } from '../helpers/tempDir';

async function setup() {
  const root = await tempDir();
  const library = await Library.create(root, 'lib');
  const create = (title: string, kind: 'oral' | 'photo' | 'document', identifier = '') =>
    library.createItem({ title, kind, identifier });
  const oral = await create('张德顺口述：发制品厂的起步', 'oral', 'XCGG-2023-0001');
  const workshop = await create('1984年发制品车间', 'photo');
  const group = await create('建厂合影', 'photo');
  const release = await create('张德顺授权书', 'document');
  await create('钧瓷窑口', 'photo');
  await library.relate([
    { id: oral.id, other: workshop.id, role: '照片' },
    { id: oral.id, other: group.id, role: '照片' },
    { id: release.id, other: oral.id, role: '授权书' },
  ]);
  const index = new SearchIndex(library.catalog, { dir: SearchIndex.folder(root) });
  await index.ready;
  const titles = (search: SearchIndex) => (query: string) =>
    search
      .search(query, { limit: 100 })
      .hits.map((h) => h.title)
      .sort();
  return { root, library, index, titles: titles(index), titlesOf: titles, oral, workshop };
}

describe('相关: finds the items linked to the matching ones', () => {
  it('by title words, in either script, and by 档号', async () => {
    const { titles } = await setup();
    const ofInterview = ['1984年发制品车间', '建厂合影', '张德顺授权书'].sort();
    expect(titles('相关:发制品厂的起步')).toEqual(ofInterview);
    expect(titles('相关:XCGG-2023-0001')).toEqual(ofInterview);
    expect(titles('關聯:發製品廠')).toEqual(ofInterview);
    // A photo's links lead back to the interview.
    expect(titles('相关:车間')).toEqual(['张德顺口述：发制品厂的起步']);
    // 张德顺 is in two titles: the interview's links and the release's link (the interview) together.
    expect(titles('相关:张德顺')).toEqual(
      ['1984年发制品车间', '张德顺口述：发制品厂的起步', '建厂合影', '张德顺授权书'].sort(),
    );
    expect(titles('相关:钧瓷')).toEqual([]);
    expect(titles('related:"建厂合影"')).toEqual(['张德顺口述：发制品厂的起步']);
  });

  it('combines with other terms and with leaving out', async () => {
    const { titles } = await setup();
    expect(titles('相关:XCGG-2023-0001 类型:照片')).toEqual(['1984年发制品车间', '建厂合影']);
    expect(titles('相关:XCGG-2023-0001 -车间')).toEqual(['建厂合影', '张德顺授权书']);
    expect(titles('类型:照片 -相关:起步')).toEqual(['钧瓷窑口']);
  });

  it('follows links made and taken away, and keeps them in the saved index', async () => {
    const { root, library, index, titles, titlesOf, oral, workshop } = await setup();
    await library.relate([{ id: workshop.id, other: oral.id, unlink: true }]);
    expect(titles('相关:XCGG-2023-0001')).toEqual(['建厂合影', '张德顺授权书']);
    await index.flush();
    const reopened = new SearchIndex(library.catalog, { dir: SearchIndex.folder(root) });
    await reopened.ready;
    expect(titlesOf(reopened)('相关:XCGG-2023-0001')).toEqual(['建厂合影', '张德顺授权书']);
    expect(titlesOf(reopened)('相关:建厂')).toEqual(['张德顺口述：发制品厂的起步']);
  });

  it('is read as a related term, not as words', () => {
    expect(parseQuery('相关:张德顺').clauses).toEqual([
      { any: [{ type: 'related', text: '张德顺', exact: false }], negate: false },
    ]);
    expect(parseQuery('-關聯："建厂 合影"').clauses).toEqual([
      { any: [{ type: 'related', text: '建厂 合影', exact: true }], negate: true },
    ]);
  });
});
