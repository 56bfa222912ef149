// The name of the person using this computer's desktop app, for the audit log: asked once, kept in
// the user data folder beside the recent list (not in the page's storage, which a reinstall or a
// cleared cache loses), free of Electron imports so tests can check it in Node.
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { ActorSchema } from '../../contract';
import { AppFailure } from '../errors';
import { writeFileDurably } from '../../core/storage';

const PersonFileSchema = z.object({ version: z.literal(1), name: ActorSchema });

/** The name given before, or null: none yet, or a damaged file (then it is simply asked again). */
export async function loadPersonName(file: string): Promise<string | null> {
  try {
    const parsed = PersonFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data.name : null;
  } catch {
    return null;
  }
}

/** Keeps the name, checked as every call's actor is; a bad one is refused with the reason. */
export async function savePersonName(file: string, name: unknown): Promise<string> {
  const parsed = ActorSchema.safeParse(name);
  if (!parsed.success) throw new AppFailure('invalid_argument', 'invalid_argument', { detail: parsed.error.issues[0]!.message });
  await writeFileDurably(file, JSON.stringify({ version: 1, name: parsed.data }, null, 2) + '\n');
  return parsed.data;
}

/** The system account's name, offered as the answer (an account without one offers nothing). */
export function systemUserName(): string {
  try {
    const name = userInfo().username;
    return ActorSchema.safeParse(name).success ? name : '';
  } catch {
    return '';
  }
}
