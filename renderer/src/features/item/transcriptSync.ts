/** A line of a timed transcript (from SRT/WebVTT or an oral history's index points). */
export interface TimedLine {
  start: number;
  end?: number;
  text: string;
}

/**
 * The line being spoken at `time` seconds: the last line that has started, unless it has an end
 * that has passed and the next has not begun (a pause), then none.
 */
export function activeLineAt(lines: readonly TimedLine[], time: number): number {
  let low = 0;
  let high = lines.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (lines[mid]!.start <= time) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  if (found < 0) return -1;
  const end = lines[found]!.end;
  return end !== undefined && time >= end ? -1 : found;
}

/** 01:02:03 or 02:03 */
export function formatTimecode(seconds: number): string {
  const s = Math.floor(seconds % 60);
  const m = Math.floor(seconds / 60) % 60;
  const h = Math.floor(seconds / 3600);
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
