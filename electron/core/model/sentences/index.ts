// Every failure the core names, by key, in each interface language. Failures travel as a key and
// parameters and become sentences where they reach a person, in that person's language. The table is
// plain data in the model so that the core (to fill its messages) and the contract (to say them in
// any language, in the renderer too) both reach it.
import { ARCHIVE_SENTENCES } from './archive';
import { INGEST_SENTENCES } from './ingest';
import type { Language } from './language';
import { LIBRARY_SENTENCES } from './library';
import { PROOF_SENTENCES } from './proof';
import { VALIDATION_SENTENCES } from './validation';

export { LANGUAGES, type Language, type SentenceTable } from './language';

export const CORE_SENTENCES = {
  ...LIBRARY_SENTENCES,
  ...INGEST_SENTENCES,
  ...ARCHIVE_SENTENCES,
  ...VALIDATION_SENTENCES,
  ...PROOF_SENTENCES,
};
export type CoreSentence = keyof typeof CORE_SENTENCES;

/** The `{name}`s of a template, as a union of names. */
type PlaceholdersOf<T extends string> = T extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PlaceholdersOf<Rest>
  : never;
/** The parameters a sentence needs: each of its placeholders, as text or a number. */
export type SentenceParams<K extends CoreSentence> = Record<
  PlaceholdersOf<(typeof CORE_SENTENCES)[K]['zh-Hans']>,
  string | number
>;
/** The argument list after the key: nothing for a sentence without placeholders. */
export type SentenceArgs<K extends CoreSentence> = [
  PlaceholdersOf<(typeof CORE_SENTENCES)[K]['zh-Hans']>,
] extends [never]
  ? []
  : [params: SentenceParams<K>];

/** Parameters as they travel: text only. */
export function paramText(params: Record<string, string | number> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
}

/** A template with its `{name}`s filled in; a parameter not given reads as nothing. */
export function fillSentence(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : '',
  );
}

export function isCoreSentence(key: string): key is CoreSentence {
  return Object.hasOwn(CORE_SENTENCES, key);
}

/** A sentence of the core in one language (Simplified Chinese unless asked). */
export function coreSentence<K extends CoreSentence>(
  key: K,
  params: Record<string, string | number> = {},
  language: Language = 'zh-Hans',
): string {
  return fillSentence(CORE_SENTENCES[key][language], params);
}

/** Each validation sentence as a pattern of its Simplified Chinese text, placeholders captured. */
const PATTERNS = (Object.keys(VALIDATION_SENTENCES) as (keyof typeof VALIDATION_SENTENCES)[]).map((key) => {
  const template: string = VALIDATION_SENTENCES[key]['zh-Hans'];
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const source = template
    .split(/\{\w+\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.*)');
  return { key, names, pattern: new RegExp(`^${source}$`, 's') };
});

/**
 * The key and parameters of a schema's message, when it is one of the model's sentences: zod
 * carries only a message, so the message in Simplified Chinese is matched against the table.
 */
export function sentenceOfMessage(
  message: string,
): { sentence: CoreSentence; params: Record<string, string> } | undefined {
  for (const { key, names, pattern } of PATTERNS) {
    const match = pattern.exec(message);
    if (match)
      return { sentence: key, params: Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) };
  }
  return undefined;
}
