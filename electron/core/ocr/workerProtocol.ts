import type { PageReading } from './engineTypes';

export type ToOcrWorker =
  | { type: 'pages'; id: number; file: string; mime: string }
  | { type: 'read'; id: number; file: string; mime: string; page: number };

export type FromOcrWorker =
  | { type: 'pages'; id: number; pages: number[] }
  | { type: 'read'; id: number; reading: PageReading; engine: string }
  | {
      type: 'error';
      id: number;
      error: { code?: string; sentence?: string; params?: Record<string, string>; message: string };
    };
