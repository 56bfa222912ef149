// How calls travel: the meta sent with each, the IPC channels and the HTTP paths.
import { z } from 'zod';

/** The longest name a person may go by in the audit log. */
export const ACTOR_MAX_LENGTH = 40;

/** A person's name as the audit log records it: trimmed, not empty, short, no control characters. */
export const ActorSchema = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(ACTOR_MAX_LENGTH, `姓名不能超过 ${ACTOR_MAX_LENGTH} 字`)
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  .regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/, '姓名中有不可见的控制字符');

/**
 * Sent with a call: a job id lets the caller cancel the work and match its progress events; the
 * actor is the person making the change, recorded in the audit log (the door's name when absent).
 */
export const CallMetaSchema = z
  .object({
    jobId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, '任务编号无效')
      .optional(),
    actor: ActorSchema.optional(),
  })
  .strict();
export type CallMeta = z.infer<typeof CallMetaSchema>;

export const IPC_INVOKE_CHANNEL = 'wenshi:invoke';
export const IPC_EVENT_CHANNEL = 'wenshi:event';
export const IPC_COMMAND_CHANNEL = 'wenshi:command';
export const IPC_LIBRARY_CHANNEL = 'wenshi:switch-library';
/** The desktop's person name: invoked with no argument to read it, with a name to keep it. */
export const IPC_PERSON_CHANNEL = 'wenshi:person';
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
