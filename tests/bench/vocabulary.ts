/**
 * The vocabulary pickers on a large people list: the MiniSearch index (`TermIndex`) beside the
 * hand-written scan it replaced, in one run. Reports the first lookup (building the index, or
 * preparing the scan) and the time per keystroke while names are typed, as pinyin, initials,
 * simplified and traditional characters, and with a typo.
 * Run: npm run bench:vocabulary [-- names] (default 5,800). Not part of npm test.
 */
import { pinyinSyllables } from '../../electron/core/search';
import { TermIndex, type TermMatch } from '../../electron/core/vocabulary';
import { manyNames } from '../helpers/manyNames';
import { prepareTerms, scanTerms } from '../helpers/vocabularyScan';

const SIZE = Number(process.argv[2] ?? 5800);
const LIMIT = 20;
const ROUNDS = 30;
/** What someone types, one keystroke at a time: each prefix of these is a lookup. */
const TYPED = ['zhangdeshun', 'zds', 'deshun', 'zhangdesun', '张德顺', '張德順', '德顺', 'liuxiuying', 'wfl'];
const KEYSTROKES = TYPED.flatMap((word) => [...word].map((_, i) => word.slice(0, i + 1)));

const terms = manyNames(SIZE);
const time = <T>(run: () => T): [T, number] => {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;

// Both read a name's pinyin from the same cache; fill it first so neither pays it alone.
const [, pinyinMs] = time(() => terms.forEach((t) => pinyinSyllables(t.value)));

interface Matcher {
  name: string;
  build(): (query: string) => TermMatch[];
}
const matchers: Matcher[] = [
  {
    name: 'scan (before)',
    build: () => {
      const prepared = prepareTerms(terms);
      return (query) => scanTerms(prepared, query, LIMIT);
    },
  },
  {
    name: 'MiniSearch (after)',
    build: () => {
      const index = new TermIndex(terms);
      return (query) => index.match(query, LIMIT);
    },
  },
];

const rows: string[][] = [];
const perQuery = new Map<string, number[]>();
for (const matcher of matchers) {
  // The first lookup after a change: prepare or build, then answer.
  const builds: number[] = [];
  let lookup!: (query: string) => TermMatch[];
  for (let i = 0; i < 5; i++) builds.push(time(() => (lookup = matcher.build())(KEYSTROKES[0]!))[1]);
  const keystrokes: number[] = [];
  const byQuery = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++)
    for (const query of KEYSTROKES) {
      const [, took] = time(() => lookup(query));
      if (round > 2) keystrokes.push(took);
      if (round > 2) byQuery.set(query, [...(byQuery.get(query) ?? []), took]);
    }
  for (const [query, xs] of byQuery) perQuery.set(`${matcher.name}\u0000${query}`, xs);
  rows.push([
    matcher.name,
    `${ms(builds[0]!)} (then ${ms(quantile(builds.slice(1), 0.5))})`,
    ms(quantile(keystrokes, 0.5)),
    ms(quantile(keystrokes, 0.95)),
    ms(Math.max(...keystrokes)),
  ]);
}

// An edit changes counts (and sometimes adds a name): what the next keystroke pays for it.
const index = new TermIndex(terms);
const recounted = terms.map((t, i) => (i % 7 ? t : { ...t, count: t.count + 1 }));
const [, updateMs] = time(() => index.update([...recounted, { value: '赵新来', count: 1 }]));

console.log(
  `${SIZE} names, ${KEYSTROKES.length} keystrokes × ${ROUNDS - 3} rounds; pinyin of all names: ${ms(pinyinMs)}`,
);
console.log(['matcher', 'first lookup (build)', 'keystroke p50', 'p95', 'max'].join(' | '));
for (const row of rows) console.log(row.join(' | '));
console.log(`MiniSearch index after an edit (counts changed, one name added): ${ms(updateMs)}`);
console.log('\nslowest keystrokes (p50: before → after):');
const slow = TYPED.flatMap((w) => [...w].map((_, i) => w.slice(0, i + 1)))
  .map(
    (q) =>
      [
        q,
        quantile(perQuery.get(`scan (before)\u0000${q}`)!, 0.5),
        quantile(perQuery.get(`MiniSearch (after)\u0000${q}`)!, 0.5),
      ] as const,
  )
  .sort((a, b) => b[2] - a[2])
  .slice(0, 8);
for (const [q, before, after] of slow) console.log(`  ${q.padEnd(12)} ${ms(before)} → ${ms(after)}`);
