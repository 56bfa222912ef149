import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs one of the helper scripts in its own Node process, with TypeScript loaded by tsx. */
export function runScript(name: string, args: string[]): ChildProcessWithoutNullStreams {
  const script = fileURLToPath(new URL(`./${name}`, import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'pipe' });
}

/** Resolves with the first stdout line that satisfies `test`; rejects if the process ends first. */
export function waitForLine(
  child: ChildProcessWithoutNullStreams,
  test: (line: string) => boolean,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    let stderr = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      const found = lines.find(test);
      if (found !== undefined) {
        child.stdout.off('data', onData);
        child.off('exit', onExit);
        resolve(found);
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`process ended (${code}) before the expected line: ${stderr}`));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

export function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
