import {
  HTTP_API_PREFIX,
  HTTP_EXPORTS_PREFIX,
  type ApiEvent,
  type CallMeta,
  type OpInput,
  type OpName,
  type OpOutput,
  type Result,
  type WenshiBridge,
} from '../../../electron/api/contract';

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload script. */
    wenshi?: WenshiBridge;
  }
}

/** A failed call, with the service's message for people. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ApiClient {
  /** Calls an operation; resolves with its value or rejects with an ApiCallError. */
  call<K extends OpName>(op: K, args: OpInput<K>, meta?: CallMeta): Promise<OpOutput<K>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Desktop: files are opened from disk; browser: exported files are downloaded from this URL. */
  exportUrl(fileName: string): string | null;
  /** Where a compiled PDF can be shown inside the app (an iframe). */
  previewUrl(fileName: string): string;
  readonly desktop: boolean;
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error.code, result.error.message);
}

function ipcClient(bridge: WenshiBridge): ApiClient {
  return {
    desktop: true,
    call: async (op, args, meta) => {
      const method = bridge[op] as (a: typeof args, m?: CallMeta) => Promise<Result<OpOutput<typeof op>>>;
      return unwrap(await method(args, meta));
    },
    onEvent: (listener) => bridge.onEvent(listener),
    exportUrl: () => null,
    previewUrl: (fileName) => `wenshi://exports/${encodeURIComponent(fileName)}`,
  };
}

/** Browser mode: the page was opened with ?token=…, which the server also set as a cookie. */
function httpClient(): ApiClient {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | undefined;
  return {
    desktop: false,
    call: async (op, args, meta) => {
      const response = await fetch(`${HTTP_API_PREFIX}${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ args, meta }),
      });
      if (response.status === 401) throw new ApiCallError('unauthorized', 'unauthorized');
      return unwrap((await response.json()) as Result<OpOutput<typeof op>>);
    },
    onEvent: (listener) => {
      listeners.add(listener);
      if (!source) {
        source = new EventSource(`${HTTP_API_PREFIX}events`);
        source.onmessage = (message) => {
          const event = JSON.parse(message.data as string) as ApiEvent;
          for (const l of listeners) l(event);
        };
      }
      return () => listeners.delete(listener);
    },
    exportUrl: (fileName) => `${HTTP_EXPORTS_PREFIX}${encodeURIComponent(fileName)}`,
    previewUrl: (fileName) => `${HTTP_EXPORTS_PREFIX}${encodeURIComponent(fileName)}?inline=1`,
  };
}

export const api: ApiClient = window.wenshi ? ipcClient(window.wenshi) : httpClient();
