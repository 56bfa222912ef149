// How calls travel: the meta sent with each, the IPC channels and the HTTP paths.
import { z } from 'zod';

/** Sent with a call: a job id lets the caller cancel the work and match its progress events. */
export const CallMetaSchema = z
  .object({
    jobId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, '任务编号无效')
      .optional(),
  })
  .strict();
export type CallMeta = z.infer<typeof CallMetaSchema>;

export const IPC_INVOKE_CHANNEL = 'wenshi:invoke';
export const IPC_EVENT_CHANNEL = 'wenshi:event';
export const IPC_COMMAND_CHANNEL = 'wenshi:command';
export const IPC_LIBRARY_CHANNEL = 'wenshi:switch-library';
export const IPC_DIALOG_CHANNEL = 'wenshi:choose-path';
/** The HTTP door: POST `${HTTP_API_PREFIX}<op>`, events at `${HTTP_API_PREFIX}events`. */
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EXPORTS_PREFIX = '/exports/';
/** Library files by content hash: `${HTTP_FILES_PREFIX}<sha256>` (`?size=thumb` for a thumbnail). */
export const HTTP_FILES_PREFIX = '/files/';
/** Browser mode sends dropped files with PUT `${HTTP_UPLOADS_PREFIX}<batch>/<relative path>`, then calls `uploads.import`. */
export const HTTP_UPLOADS_PREFIX = '/uploads/';
/** Browser mode downloads the whole library as a BagIt zip here (`?jobId=` for progress and cancel). */
export const HTTP_BACKUP_PATH = '/backup.zip';
export const HTTP_TOKEN_COOKIE = 'wenshi_token';
