/**
 * Time left for a running job, from the pace seen so far. Each phase of a job (typesetting,
 * images; upload, import) runs at its own pace, so a phase is timed from its own first report.
 */

/** A progress report as it arrived: `at` in milliseconds on any steady clock. */
export interface ProgressSample {
  phase: string;
  done: number;
  total: number;
  at: number;
}

/** The first report of the phase under way: the pace is measured from here. */
export interface PaceStart {
  phase: string;
  done: number;
  at: number;
}

/** An estimate from one or two steps, or a second's work, jumps about too much to show. */
export const MIN_STEPS = 2;
export const MIN_SECONDS = 3;

/** Where pace is measured from after `sample`: the same start within a phase, a new one when it changes. */
export function nextPaceStart(start: PaceStart | null, sample: ProgressSample): PaceStart {
  if (start && start.phase === sample.phase && sample.done >= start.done) return start;
  return { phase: sample.phase, done: sample.done, at: sample.at };
}

/** Seconds left in the sample's phase, or undefined until enough progress has been seen. */
export function estimateRemaining(start: PaceStart, sample: ProgressSample): number | undefined {
  const steps = sample.done - start.done;
  const seconds = (sample.at - start.at) / 1000;
  if (start.phase !== sample.phase || steps < MIN_STEPS || seconds < MIN_SECONDS) return undefined;
  if (sample.done >= sample.total) return undefined;
  return ((sample.total - sample.done) * seconds) / steps;
}

/** How an estimate is said: the i18n key under `eta` and its values, rounded as people round. */
export type TimeLeftText =
  | { key: 'seconds'; values: { count: number } }
  | { key: 'minutes'; values: { count: number } }
  | { key: 'hours'; values: { hours: number } }
  | { key: 'hoursMinutes'; values: { hours: number; minutes: number } };

export function describeTimeLeft(seconds: number): TimeLeftText {
  // Rounded up: "about 10 s" that turns out to be 14 s reads as a broken promise.
  if (seconds < 55) return { key: 'seconds', values: { count: Math.max(5, Math.ceil(seconds / 5) * 5) } };
  if (seconds < 3600) return { key: 'minutes', values: { count: Math.ceil(seconds / 60) } };
  const minutes = Math.ceil(seconds / 60);
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0
    ? { key: 'hours', values: { hours } }
    : { key: 'hoursMinutes', values: { hours, minutes: minutes % 60 } };
}
