import { pinyin } from 'pinyin-pro';

// Names and places repeat across thousands of items; pinyin-pro reads each string in context
// (重庆 → chongqing), which is worth doing once per distinct string.
const cache = new Map<string, string[]>();
const CACHE_LIMIT = 200_000;

/** The pinyin syllables of a short value's Han characters, without tones (许昌 → xu, chang). */
export function pinyinSyllables(value: string): string[] {
  let syllables = cache.get(value);
  if (syllables) return syllables;
  const han = value.replace(/[^\u3400-\u9fff\uf900-\ufaff]/g, '');
  syllables = han
    ? pinyin(han, { toneType: 'none', type: 'array', v: true }).filter((s) => /^[a-z]+$/.test(s))
    : [];
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(value, syllables);
  return syllables;
}

/**
 * The pinyin forms a short Chinese value is found by: each syllable, all syllables joined, and
 * the initials (许昌 → xu, chang, xuchang, xc). Values without Han characters give none.
 */
export function pinyinTerms(value: string): string[] {
  const syllables = pinyinSyllables(value);
  return syllables.length
    ? [...new Set([...syllables, syllables.join(''), syllables.map((s) => s[0]).join('')])]
    : [];
}
