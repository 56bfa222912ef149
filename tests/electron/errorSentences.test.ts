// Every failure a person may read has its sentence in each interface language, and every place that
// names a failure gives the parameters its sentence says.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_SENTENCES, LANGUAGES } from '../../electron/contract';
import {
  CORE_SENTENCES,
  sentenceOfMessage,
  type SentenceTable,
} from '../../electron/core/model';

const ELECTRON = fileURLToPath(new URL('../../electron', import.meta.url));
const TABLES: [string, SentenceTable][] = [
  ['core', CORE_SENTENCES],
  ['contract', ERROR_SENTENCES],
];
const ALL: SentenceTable = { ...CORE_SENTENCES, ...ERROR_SENTENCES };

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(full)));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** The text of a call from its opening parenthesis to the one that closes it. */
function callText(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if ('([{'.includes(source[i]!)) depth++;
    else if (')]}'.includes(source[i]!) && --depth === 0) return source.slice(open + 1, i);
  }
  throw new Error('unbalanced call');
}

/** Splits at the commas that are not inside brackets. */
function topLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if ('([{'.includes(text[i]!)) depth++;
    else if (')]}'.includes(text[i]!)) depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** Each place a failure is named with a literal key: the keys, and the parameter names given (if literal). */
async function namings(): Promise<{ where: string; keys: string[]; given: string[] | null }[]> {
  const found = [];
  for (const file of await sources(ELECTRON)) {
    const source = await readFile(file, 'utf8');
    for (const match of source.matchAll(/(?:new WenshiError|new AppFailure|namedError)\(/g)) {
      const args = topLevel(callText(source, match.index + match[0].length - 1));
      if (args.length < 2 || args[0]!.startsWith('code:')) continue;
      const keys = [...args[1]!.matchAll(/'(\w+)'/g)].map((m) => m[1]!);
      if (keys.length === 0) continue;
      const params = args[2];
      const given = !params
        ? []
        : params.startsWith('{')
          ? topLevel(params.slice(1, -1)).map((p) => /^(\w+)/.exec(p)![1]!)
          : null;
      const line = source.slice(0, match.index).split('\n').length;
      found.push({ where: `${path.relative(ELECTRON, file)}:${line}`, keys, given });
    }
  }
  return found;
}

describe('failure sentences', () => {
  it.each(TABLES)('%s: every key has a sentence in every language, with the same parameters', (_, table) => {
    for (const [key, sentences] of Object.entries(table)) {
      for (const language of LANGUAGES) {
        expect(sentences[language]?.trim(), `${key} ${language}`).toBeTruthy();
        expect(placeholders(sentences[language]), `${key} ${language}`).toEqual(
          placeholders(sentences['zh-Hans']),
        );
      }
    }
  });

  it('keeps the core’s keys apart from the application’s', () => {
    const shared = Object.keys(CORE_SENTENCES).filter((key) => key in ERROR_SENTENCES);
    expect(shared).toEqual([]);
  });

  it('gives every sentence it names, where it names it, each parameter the sentence says', async () => {
    const found = await namings();
    // The scan must see the throw sites, or it proves nothing.
    expect(found.length).toBeGreaterThan(60);
    for (const { where, keys, given } of found) {
      for (const key of keys) {
        expect(Object.hasOwn(ALL, key), `${where}: no sentence ${key}`).toBe(true);
        if (given === null) continue;
        expect([...given].sort(), `${where}: ${key}`).toEqual(placeholders(ALL[key]!['zh-Hans']));
      }
    }
  });

  it('finds the model’s sentence again in a schema’s message, with its parameters', () => {
    expect(sentenceOfMessage('题名不能为空')).toEqual({ sentence: 'title_empty', params: {} });
    expect(sentenceOfMessage('题名不能为空了')).toBeUndefined();
  });
});
