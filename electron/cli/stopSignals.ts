import os from 'node:os';

/** The signals that ask a running `wenshi serve` to stop: Ctrl+C, `kill`, a closed terminal. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Exit status after a forced stop: 128 + the signal's number, as a shell reports a killed process. */
export function forcedExitCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 0);
}

/**
 * On the first stop signal runs `stop` (close the server, flush the index, release the lock)
 * and exits 0, or 1 if closing failed. A second signal while that runs exits at once with
 * 128 + the signal number: the lock is then left behind, and the next opener on this computer
 * takes it over.
 */
export function exitOnStopSignals(
  stop: () => Promise<void>,
  say: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): void {
  let stopping = false;
  // Closing waits on promises only (a flush in a worker, file writes): this timer keeps the
  // process from ending half way because nothing else is left to keep it alive.
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      say('强制退出：资料库未正常关闭。');
      process.exit(forcedExitCode(signal));
    }
    stopping = true;
    keepAlive = setInterval(() => undefined, 60_000);
    say('正在关闭资料库…（再次按 Ctrl+C 强制退出）');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        clearInterval(keepAlive);
        say(`资料库未能正常关闭：${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
}
