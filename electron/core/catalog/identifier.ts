import { randomBytes } from 'node:crypto';

/**
 * 档号 from a pattern such as `XCGG-{year}-{seq:4}`: `{year}` is the year of registration,
 * `{seq:N}` the next number, N digits wide, among identifiers that share the rest of the pattern.
 */
export function nextIdentifier(pattern: string, existing: Iterable<string>, now: Date): string {
  const filled = pattern.replace(/\{year\}/g, String(now.getFullYear()));
  const seq = /\{seq(?::(\d+))?\}/.exec(filled);
  if (!seq) return filled;
  const width = Number(seq[1] ?? 1);
  const prefix = filled.slice(0, seq.index);
  const suffix = filled.slice(seq.index + seq[0].length);
  let max = 0;
  for (const id of existing) {
    if (!id.startsWith(prefix) || !id.endsWith(suffix)) continue;
    const middle = id.slice(prefix.length, id.length - suffix.length);
    if (/^\d+$/.test(middle)) max = Math.max(max, Number(middle));
  }
  return prefix + String(max + 1).padStart(width, '0') + suffix;
}

let randomPool = Buffer.alloc(0);
let randomOffset = 0;

/**
 * `bytes` random bytes as hex, for ids. Taken from a pool filled 4 KB at a time: an import of
 * 50,000 rows needs 100,000 ids, and one call to the system's generator each costs seconds.
 */
export function randomHex(bytes: number): string {
  if (randomOffset + bytes > randomPool.length) {
    randomPool = randomBytes(4096);
    randomOffset = 0;
  }
  randomOffset += bytes;
  return randomPool.toString('hex', randomOffset - bytes, randomOffset);
}
