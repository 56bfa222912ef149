// One rule for library files, held by both doors: each case is asked of the browser door over HTTP
// and of the desktop `wenshi://` handler, and both must answer alike.
import { libraryOf } from '../helpers/libraryOf';
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryResponse } from '../../electron/main/libraryProtocol';
import { sniffContentType } from '../../electron/app/contentType';
import { browserDoor, rawRequest } from '../helpers/browserDoor';
import { noiseJpeg } from '../helpers/images';

const SECRET = 'secret-outside-the-library';

type Door = Awaited<ReturnType<typeof browserDoor>>;

interface Answer {
  status: number;
  body: string;
  type: string | null;
  disposition: string | null;
  csp: string | null;
}

/** The same request through both doors. */
async function askBoth(door: Door, request: { files?: string; size?: string; exports?: string }) {
  const query = request.size ? `?size=${request.size}` : '';
  const httpPath = request.files ? `/files/${request.files}${query}` : `/exports/${request.exports}`;
  const desktopUrl = request.files
    ? `wenshi://files/${request.files}${query}`
    : `wenshi://exports/${request.exports}`;
  const http = await rawRequest(door.origin + httpPath + (request.exports ? '?inline=1' : ''), {
    headers: door.cookie,
  });
  const desktop = await libraryResponse(desktopUrl, door.service);
  const answers: Answer[] = [
    {
      status: http.status,
      body: http.text,
      type: (http.headers['content-type'] as string | undefined) ?? null,
      disposition: (http.headers['content-disposition'] as string | undefined) ?? null,
      csp: (http.headers['content-security-policy'] as string | undefined) ?? null,
    },
    {
      status: desktop.status,
      body: await desktop.text(),
      type: desktop.headers.get('content-type'),
      disposition: desktop.headers.get('content-disposition'),
      csp: desktop.headers.get('content-security-policy'),
    },
  ];
  return answers;
}

async function setup() {
  const door = await browserDoor();
  const outside = path.join(door.dir, 'outside');
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'secret.txt'), SECRET);
  const [text, photo] = await door.addFiles({
    '记录.txt': '许昌\n',
    '老照片.jpg': await noiseJpeg(3, 300, 200),
  });
  return { door, outside, text: text!, photo: photo! };
}

/** Where the library keeps an original, as its own files/ layout says. */
function originalPath(door: Door, sha256: string): string {
  const ref = libraryOf(door.service).catalog.fileRef(sha256)!;
  return libraryOf(door.service).files.pathFor(sha256, ref.name);
}

describe('library files through both doors', () => {
  it('serves a catalogued original and a thumbnail with the type their content has', async () => {
    const { door, text, photo } = await setup();
    for (const answer of await askBoth(door, { files: text.sha256 })) {
      expect(answer).toMatchObject({ status: 200, body: '许昌\n', type: 'text/plain; charset=utf-8' });
      expect(answer.disposition).toMatch(/^inline/);
    }
    for (const answer of await askBoth(door, { files: photo.sha256, size: 'thumb' }))
      expect(answer).toMatchObject({ status: 200, type: 'image/webp' });
  });

  it('refuses an original replaced by a link to a file outside', async () => {
    const { door, outside, text } = await setup();
    const file = originalPath(door, text.sha256);
    await rename(file, file + '.moved');
    await symlink(path.join(outside, 'secret.txt'), file);
    for (const answer of await askBoth(door, { files: text.sha256 })) {
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain(SECRET);
    }
  });

  it('refuses a folder of files/ that is a link, even to a folder holding the same name', async () => {
    const { door, outside, text } = await setup();
    const file = originalPath(door, text.sha256);
    const shard = path.dirname(file);
    const elsewhere = path.join(outside, 'shard');
    await rename(shard, elsewhere);
    await symlink(elsewhere, shard);
    expect(await readFile(file, 'utf8')).toBe('许昌\n');
    for (const answer of await askBoth(door, { files: text.sha256 })) expect(answer.status).toBe(404);
  });

  it('never follows a thumbnail that is a link: the original is shown instead', async () => {
    const { door, outside, photo } = await setup();
    const thumb = path.join(door.root, 'derived', photo.sha256.slice(0, 2), `${photo.sha256}-256.webp`);
    await rename(thumb, thumb + '.moved');
    await symlink(path.join(outside, 'secret.txt'), thumb);
    for (const answer of await askBoth(door, { files: photo.sha256, size: 'thumb' })) {
      expect(answer.body).not.toContain(SECRET);
      expect(answer.type).toBe('image/jpeg');
    }
  });

  it('refuses exports that are links, an exports folder that is a link, and what is not a regular file', async () => {
    const { door, outside } = await setup();
    const exportsDir = path.join(door.root, 'exports');
    await writeFile(path.join(outside, 'book.pdf'), `%PDF-1.4 ${SECRET}`);
    await symlink(path.join(outside, 'book.pdf'), path.join(exportsDir, 'leak.pdf'));
    execFileSync('mkfifo', [path.join(exportsDir, 'pipe.pdf')]);
    for (const name of ['leak.pdf', 'pipe.pdf', '..%2Foutside%2Fbook.pdf', 'missing.pdf'])
      for (const answer of await askBoth(door, { exports: name })) {
        expect(answer.status, name).toBe(404);
        expect(answer.body, name).not.toContain(SECRET);
      }
    await rename(exportsDir, path.join(outside, 'exports'));
    await symlink(path.join(outside, 'exports'), exportsDir);
    await writeFile(path.join(outside, 'exports', 'real.pdf'), `%PDF-1.4 ${SECRET}`);
    for (const answer of await askBoth(door, { exports: 'real.pdf' })) expect(answer.status).toBe(404);
  });

  it('shows a compiled PDF in place, without a sandbox that would stop the PDF viewer', async () => {
    const { door } = await setup();
    await writeFile(path.join(door.root, 'exports', '第一辑.pdf'), '%PDF-1.4\n%%EOF\n');
    for (const answer of await askBoth(door, { exports: encodeURIComponent('第一辑.pdf') })) {
      expect(answer).toMatchObject({ status: 200, type: 'application/pdf', csp: null });
      expect(answer.disposition).toMatch(/^inline/);
    }
  });

  it('refuses a browser upload through a link planted in the staging folder', async () => {
    const { door, outside } = await setup();
    await mkdir(path.join(door.root, '.incoming'), { recursive: true });
    await symlink(outside, path.join(door.root, '.incoming', 'batch-0001'));
    const response = await rawRequest(`${door.origin}/uploads/batch-0001/secret.txt`, {
      method: 'PUT',
      headers: { ...door.cookie, Origin: door.origin, 'X-Wenshi': '1' },
      body: 'overwritten',
    });
    expect(response.status).toBe(400);
    expect(await readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe(SECRET);
  });
});

describe('content sniffing', () => {
  it('names what the app shows and makes everything else a download', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(sniffContentType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]), true).mime).toBe('image/jpeg');
    expect(sniffContentType(bytes('%PDF-1.7'), true)).toEqual({ mime: 'application/pdf', inline: true });
    expect(sniffContentType(bytes('ID3\u0004'), true).mime).toBe('audio/mpeg');
    expect(sniffContentType(bytes('许昌'), true)).toEqual({
      mime: 'text/plain; charset=utf-8',
      inline: true,
    });
    // Cut inside a character: still text.
    expect(sniffContentType(bytes('许昌').subarray(0, 4), false).inline).toBe(true);
    for (const page of [
      '<!doctype html><p>x',
      '  <svg xmlns="http://www.w3.org/2000/svg"/>',
      '\uFEFF<?xml version="1.0"?>',
    ])
      expect(sniffContentType(bytes(page), true), page).toEqual({
        mime: 'application/octet-stream',
        inline: false,
      });
    // GB18030 text is not UTF-8: a download, not garbled on screen.
    expect(sniffContentType(Uint8Array.from([0xd0, 0xed, 0xb2, 0xfd]), true).inline).toBe(false);
  });
});
