import { vi } from 'vitest';
import type { ApiEvent } from '../../electron/contract';

/**
 * A stand-in for the renderer's api client, for `vi.mock('…/api/client', () => fakeApiModule())`:
 * `call` is a mock the test answers, and `emit` sends an event to whoever listens.
 */
export function createFakeApi() {
  const listeners = new Set<(event: ApiEvent) => void>();
  return {
    desktop: false,
    call: vi.fn<(op: string, args?: unknown, meta?: unknown) => Promise<unknown>>(),
    onEvent: (listener: (event: ApiEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCommand: () => () => undefined,
    switchLibrary: null,
    exportUrl: (fileName: string) => `/exports/${encodeURIComponent(fileName)}`,
    previewUrl: (fileName: string) => `/exports/${encodeURIComponent(fileName)}?inline=1`,
    fileUrl: (sha256: string) => `/files/${sha256}`,
    choosePath: null,
    pathOf: () => null,
    uploadFile: vi.fn(async (file: File) => ({ batchId: 'batch-0001', name: file.name })),
    backupUrl: (jobId: string) => `/backup.zip?jobId=${jobId}`,
    readProof: vi.fn<(file: File, itemId: string) => Promise<unknown>>(),
    emit: (event: ApiEvent) => listeners.forEach((l) => l(event)),
    setActor: vi.fn<(name: string | null) => void>(),
    person: vi.fn(async () => ({ name: null as string | null, systemName: '' })),
    setPerson: vi.fn(async (name: string) => ({ name, systemName: '' })),
  };
}

export type FakeApi = ReturnType<typeof createFakeApi>;
