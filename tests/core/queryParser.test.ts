import { describe, expect, it } from 'vitest';
import { parseQuery, type Clause } from '../../electron/core/search';

const text = (t: string, extra: object = {}) => ({ type: 'text' as const, text: t, exact: false, ...extra });
const one = (term: object, negate = false): Clause => ({ any: [term], negate }) as Clause;

describe('parseQuery', () => {
  it.each<[string, Clause[]]>([
    ['许昌', [one(text('许昌'))]],
    ['  许昌   发制品 ', [one(text('许昌')), one(text('发制品'))]],
    ['许昌 | 禹州', [{ any: [text('许昌'), text('禹州')], negate: false } as Clause]],
    ['许昌|禹州|长葛', [{ any: [text('许昌'), text('禹州'), text('长葛')], negate: false } as Clause]],
    ['许昌 -禹州', [one(text('许昌')), one(text('禹州'), true)]],
    ['"发制品 产业"', [one(text('发制品 产业', { exact: true }))]],
    ['“改革 开放”', [one(text('改革 开放', { exact: true }))]],
    ['题名:许昌', [one(text('许昌', { field: 'title' }))]],
    ['題名：許昌', [one(text('許昌', { field: 'title' }))]],
    ['title:"reform memory"', [one(text('reform memory', { field: 'title', exact: true }))]],
    ['人物:张三 person:li', [one(text('张三', { field: 'people' })), one(text('li', { field: 'people' }))]],
    ['地点:禹州 place:xc', [one(text('禹州', { field: 'places' })), one(text('xc', { field: 'places' }))]],
    [
      '主题:改革 subject:reform',
      [one(text('改革', { field: 'subjects' })), one(text('reform', { field: 'subjects' }))],
    ],
    ['类型:口述', [one({ type: 'kind', kind: 'oral' })]],
    ['kind:photo', [one({ type: 'kind', kind: 'photo' })]],
    ['類型:文獻', [one({ type: 'kind', kind: 'document' })]],
    ['状态:初审', [one({ type: 'status', status: 'review1' })]],
    ['status:selected', [one({ type: 'status', status: 'selected' })]],
    ['-状态:退稿', [one({ type: 'status', status: 'rejected' }, true)]],
    // A number matches in either writing: 1984 also as 一九八四 in the text.
    [
      '1984',
      [{ any: [{ type: 'years' as const, from: 1984, to: 1984, text: '1984' }, text('一九八四')], negate: false }],
    ],
    ['1978..1985', [one({ type: 'years', from: 1978, to: 1985 })]],
    ['1985..1978', [one({ type: 'years', from: 1978, to: 1985 })]],
    ['1984年', [{ any: [text('1984年'), text('一九八四年')], negate: false }]],
    [
      '一九八四',
      [{ any: [text('一九八四'), { type: 'years' as const, from: 1984, to: 1984, text: '1984' }], negate: false }],
    ],
    ['"1984"', [one(text('1984', { exact: true }))]],
    ['HIV', [one(text('HIV'))]],
    ['XCGG-2023-0001', [one(text('XCGG-2023-0001'))]],
    ['作者:张三', [one(text('作者:张三'))]],
    ['类型:未知', [one(text('类型:未知', { exact: true }))]],
    ['-', []],
    ['""', []],
    ['|许昌', [one(text('许昌'))]],
  ])('%s', (query, clauses) => {
    expect(parseQuery(query).clauses).toEqual(clauses);
  });
});
