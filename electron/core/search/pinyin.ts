import { pinyin } from 'pinyin-pro';

// Names and places repeat across thousands of items; pinyin-pro reads each string in context
// (重庆 → chongqing), which is worth doing once per distinct string.
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 200_000;

/**
 * The pinyin forms a short Chinese value is found by: each syllable, all syllables joined, and
 * the initials (许昌 → xu, chang, xuchang, xc). Values without Han characters give none.
 */
export function pinyinTerms(value: string): string[] {
  let terms = cache.get(value);
  if (terms) return terms;
  const han = value.replace(/[^\u3400-\u9fff\uf900-\ufaff]/g, '');
  if (!han) terms = [];
  else {
    const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true }).filter((s) =>
      /^[a-z]+$/.test(s),
    );
    terms = syllables.length
      ? [...new Set([...syllables, syllables.join(''), syllables.map((s) => s[0]).join('')])]
      : [];
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(value, terms);
  return terms;
}
