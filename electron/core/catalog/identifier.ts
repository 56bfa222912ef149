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
