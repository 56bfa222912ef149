import type {
  ApiError,
  ApiEvent,
  AppCommand,
  CallMeta,
  LibraryChoice,
  OpInput,
  PathPurpose,
  OpName,
  OpOutput,
  PersonInfo,
  Result,
  WenshiBridge,
} from '../../../electron/contract';
import {
  ActorSchema,
  HTTP_API_PREFIX,
  HTTP_BACKUP_PATH,
  HTTP_EXPORTS_PREFIX,
  HTTP_FILES_PREFIX,
  HTTP_UPLOADS_PREFIX,
} from '../../../electron/contract/shared';

declare global {
  interface Window {
    /** Present in the desktop app, exposed by the preload script. */
    wenshi?: WenshiBridge;
  }
}

/** A failed call: its code, and the failure to say to people (`describeError`). */
export class ApiCallError extends Error {
  readonly failure: ApiError;
  constructor(
    readonly code: string,
    message: string,
    failure?: ApiError,
  ) {
    super(message);
    this.failure = failure ?? { code, message };
  }
}

export interface ApiClient {
  /** Calls an operation; resolves with its value or rejects with an ApiCallError. */
  call<K extends OpName>(op: K, args: OpInput<K>, meta?: CallMeta): Promise<OpOutput<K>>;
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Commands from the desktop menu; browser mode has no menu, and no commands come. */
  onCommand(listener: (command: AppCommand) => void): () => void;
  /**
   * Desktop: shows another library in the window, which reloads. Null in browser mode, where
   * `wenshi serve` serves the one library it was started with.
   */
  readonly switchLibrary: ((choice: LibraryChoice) => Promise<void>) | null;
  /** Desktop: files are opened from disk; browser: exported files are downloaded from this URL. */
  exportUrl(fileName: string): string | null;
  /** A library file by content hash, or its derived thumbnail/preview. */
  fileUrl(sha256: string, size?: 'thumb' | 'preview'): string;
  /**
   * Imports dropped files. The desktop app passes their paths; browser mode first uploads them
   * (keeping their folder structure), reporting bytes sent, then imports the batch.
   */
  importFiles(
    files: DroppedFile[],
    options: {
      jobId: string;
      /** 识别文字: read the scans imported, in the same job. */
      ocr?: boolean;
      onUpload?: (sent: number, total: number) => void;
      signal?: AbortSignal;
    },
  ): Promise<OpOutput<'items.add'>>;
  /** Where a compiled PDF can be shown inside the app (an iframe). */
  previewUrl(fileName: string): string;
  /**
   * Desktop: a path chosen in a native dialog (null when cancelled). Null in browser mode, which
   * uploads and downloads files instead of naming them.
   */
  readonly choosePath: ((purpose: PathPurpose, suggestedName?: string) => Promise<string | null>) | null;
  /** Browser mode: sends one file to the server's staging area, for an operation that takes an upload. */
  uploadFile(
    file: File,
    options: { onUpload?: (sent: number, total: number) => void; signal?: AbortSignal },
  ): Promise<UploadRef>;
  /** Desktop: the path of a dropped or chosen file; null in browser mode, which uploads it. */
  pathOf(file: File): string | null;
  /** Browser mode: where the whole library downloads as a BagIt zip, reporting progress under `jobId`. */
  backupUrl(jobId: string): string;
  /** Reads a proofed Word file back: the desktop app passes its path, browser mode uploads it first. */
  readProof(file: File, itemId: string): Promise<OpOutput<'items.proofDiff'>>;
  readonly desktop: boolean;
  /** The person named in the audit log for every call from now on (null: the door's name). */
  setActor(name: string | null): void;
  /** The person's name as kept on this computer (desktop: by the app; browser: by this browser). */
  person(): Promise<PersonInfo>;
  /** Keeps the person's name; rejects with the reason when the log would not accept it. */
  setPerson(name: string): Promise<PersonInfo>;
}

/** Who is named in each call's meta; set once the person's name is known. */
let actor: string | null = null;
const withActor = (meta?: CallMeta): CallMeta | undefined => (actor ? { ...meta, actor } : meta);

const PERSON_KEY = 'wenshi.personName';

/** Browser mode keeps the name in this browser: each person at their own computer is asked once. */
const browserPerson = {
  person: async (): Promise<PersonInfo> => {
    const saved = ActorSchema.safeParse(localStorage.getItem(PERSON_KEY) ?? '');
    return { name: saved.success ? saved.data : null, systemName: '' };
  },
  setPerson: async (name: string): Promise<PersonInfo> => {
    const parsed = ActorSchema.safeParse(name);
    if (!parsed.success) throw new ApiCallError('invalid_argument', parsed.error.issues[0]!.message);
    localStorage.setItem(PERSON_KEY, parsed.data);
    return { name: parsed.data, systemName: '' };
  },
};
/** A file uploaded to the server, as the operations that take one name it. */
export interface UploadRef {
  batchId: string;
  name: string;
}

/** A file dropped or chosen, with its path inside the dropped folder (or just its name). */
export interface DroppedFile {
  file: File;
  relativePath: string;
}

function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ApiCallError(result.error.code, result.error.message, result.error);
}

function ipcClient(bridge: WenshiBridge): ApiClient {
  return {
    desktop: true,
    call: async (op, args, meta) => {
      const method = bridge[op] as (a: typeof args, m?: CallMeta) => Promise<Result<OpOutput<typeof op>>>;
      return unwrap(await method(args, withActor(meta)));
    },
    onEvent: (listener) => bridge.onEvent(listener),
    onCommand: (listener) => bridge.onCommand(listener),
    switchLibrary: (choice) => bridge.switchLibrary(choice),
    exportUrl: () => null,
    fileUrl: (sha256, size) => `wenshi://files/${sha256}${size ? `?size=${size}` : ''}`,
    importFiles: async (files, { jobId, ocr }) => {
      const paths = files.map((f) => bridge.pathForFile(f.file)).filter(Boolean);
      return unwrap(await bridge['items.add']({ paths, ocr }, withActor({ jobId })));
    },
    previewUrl: (fileName) => `wenshi://exports/${encodeURIComponent(fileName)}`,
    setActor: (name) => {
      actor = name;
    },
    person: () => bridge.person(),
    setPerson: async (name) => unwrap(await bridge.setPerson(name)),
    choosePath: (purpose, suggestedName) => bridge.choosePath(purpose, suggestedName),
    pathOf: (file) => bridge.pathForFile(file) || null,
    uploadFile: () => Promise.reject(new ApiCallError('unsupported', 'desktop reads files where they are')),
    backupUrl: () => '',
    readProof: async (file, itemId) =>
      unwrap(await bridge['items.proofDiff']({ id: itemId, path: bridge.pathForFile(file) })),
  };
}

/** One PUT of a file to the staging area, with upload progress (fetch has none for request bodies). */
function putFile(
  url: string,
  file: File,
  onUpload: ((sent: number, total: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('X-Wenshi', '1');
    request.upload.onprogress = (e) => onUpload?.(e.loaded, e.total || file.size);
    request.onload = () =>
      request.status === 200 ? resolve() : reject(new ApiCallError('upload', request.responseText));
    request.onerror = () => reject(new ApiCallError('upload', request.responseText || 'upload failed'));
    request.onabort = () => reject(new ApiCallError('cancelled', 'cancelled'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

/**
 * What the browser door asks of a change besides the cookie: our own header, which a page on another
 * origin cannot add without a CORS preflight the server never grants (the browser also sends Origin).
 */
const SAME_APP_HEADER = { 'X-Wenshi': '1' };

/** Browser mode: the page was opened with ?token=…, which the server turned into a cookie. */
function httpClient(): ApiClient {
  const listeners = new Set<(event: ApiEvent) => void>();
  let source: EventSource | undefined;
  return {
    desktop: false,
    call: async (op, args, meta) => {
      const response = await fetch(`${HTTP_API_PREFIX}${op}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...SAME_APP_HEADER },
        credentials: 'same-origin',
        body: JSON.stringify({ args, meta: withActor(meta) }),
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
    onCommand: () => () => undefined,
    switchLibrary: null,
    exportUrl: (fileName) => `${HTTP_EXPORTS_PREFIX}${encodeURIComponent(fileName)}`,
    fileUrl: (sha256, size) => `${HTTP_FILES_PREFIX}${sha256}${size ? `?size=${size}` : ''}`,
    async importFiles(files, { jobId, ocr, onUpload, signal }) {
      const batchId = crypto.randomUUID();
      const total = files.reduce((sum, f) => sum + f.file.size, 0);
      let sent = 0;
      for (const { file, relativePath } of files) {
        const url = `${HTTP_UPLOADS_PREFIX}${batchId}/${relativePath.split('/').map(encodeURIComponent).join('/')}`;
        const response = await fetch(url, {
          method: 'PUT',
          body: file,
          headers: SAME_APP_HEADER,
          credentials: 'same-origin',
          signal,
        });
        if (!response.ok) throw new ApiCallError('upload', await response.text());
        sent += file.size;
        onUpload?.(sent, total);
      }
      return this.call('uploads.import', { batchId, ocr }, { jobId });
    },
    previewUrl: (fileName) => `${HTTP_EXPORTS_PREFIX}${encodeURIComponent(fileName)}?inline=1`,
    setActor: (name) => {
      actor = name;
    },
    ...browserPerson,
    choosePath: null,
    pathOf: () => null,
    async uploadFile(file, { onUpload, signal }) {
      const batchId = crypto.randomUUID();
      await putFile(
        `${HTTP_UPLOADS_PREFIX}${batchId}/${encodeURIComponent(file.name)}`,
        file,
        onUpload,
        signal,
      );
      return { batchId, name: file.name };
    },
    backupUrl: (jobId) => `${HTTP_BACKUP_PATH}?jobId=${encodeURIComponent(jobId)}`,
    async readProof(file, itemId) {
      const batchId = crypto.randomUUID();
      const response = await fetch(`${HTTP_UPLOADS_PREFIX}${batchId}/proof.docx`, {
        method: 'PUT',
        body: file,
        headers: SAME_APP_HEADER,
        credentials: 'same-origin',
      });
      if (!response.ok) throw new ApiCallError('upload', await response.text());
      return this.call('items.proofDiff', { id: itemId, batchId });
    },
  };
}

export const api: ApiClient = window.wenshi ? ipcClient(window.wenshi) : httpClient();
