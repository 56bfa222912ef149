/** A copy of `list` with the element at `from` moved to `to`. */
export function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (to < 0 || to >= out.length) return out;
  const [element] = out.splice(from, 1);
  out.splice(to, 0, element!);
  return out;
}
