import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/wenshi.js', import.meta.url));

export interface ServeProcess {
  /** The URL `wenshi serve` printed, token included. */
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  /** What the server has written to stdout and stderr so far. */
  output: () => string;
  /** How the process ended, once it has. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Calls an operation as a script holding the token would (Bearer, same origin, JSON). */
  call: (op: string, args: unknown) => Promise<Response>;
  /** SIGTERM, then waits for the server to close its library and exit. */
  stop: () => Promise<void>;
}

/**
 * Starts `wenshi serve` as a person does, running `bin/wenshi.js` itself (its shebang's settings
 * included), and waits for the URL it prints. Needs the built UI.
 */
export async function startServe(root: string, options: string[] = []): Promise<ServeProcess> {
  const child = spawn(BIN, ['serve', root, ...options], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wenshi serve printed no URL: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/\S+token=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void ended.then(() => reject(new Error(`wenshi serve ended before printing its URL: ${output}`)));
  });
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token')!;
  return {
    url,
    origin,
    token,
    child,
    output: () => output,
    ended,
    call: (op, args) =>
      fetch(`${origin}/api/${op}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ args }),
      }),
    stop: async () => {
      child.kill('SIGTERM');
      await ended;
    },
  };
}
