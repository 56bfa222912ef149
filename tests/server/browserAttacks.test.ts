// Attacks on the browser door (`wenshi serve`), each reproduced with real requests to a real server.
import { libraryOf } from '../helpers/libraryOf';
import { mkdir, readFile, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { browserDoor, rawRequest } from '../helpers/browserDoor';
import { noiseJpeg } from '../helpers/images';

const PAGE = '<!doctype html><html><body><script>fetch("/api/items.delete")</script>许昌</body></html>\n';

describe('a stored file never becomes a web page', () => {
  it('ignores a catalog mime of text/html: the type comes from the content, and markup is only downloaded, sandboxed', async () => {
    const door = await browserDoor();
    const [stored] = await door.addFiles({ '说明.txt': PAGE });
    const item = libraryOf(door.service).catalog.get(stored!.itemId)!;
    const files = item.files.map((f) => ({ ...f, mime: 'text/html' }));
    const updated = await door.call('items.update', { id: item.id, patch: { files } });
    expect(updated.json.ok).toBe(true);

    const served = await rawRequest(`${door.origin}/files/${stored!.sha256}`, { headers: door.cookie });
    expect(served.status).toBe(200);
    expect(served.text).toBe(PAGE);
    expect(served.headers['content-type']).not.toMatch(/html/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toMatch(/^attachment/);
    expect(served.headers['content-security-policy']).toBe('sandbox');
  });

  it('shows images, PDF and plain UTF-8 text in place with their sniffed type, whatever the catalog says', async () => {
    const door = await browserDoor();
    const pdfDocument = await PDFDocument.create();
    pdfDocument.addPage();
    const [photo, pdf, text] = await door.addFiles({
      '老照片.jpg': await noiseJpeg(7, 300, 200),
      '书稿.pdf': Buffer.from(await pdfDocument.save()),
      '口述.txt': '一九八四年春，许昌的发制品产业刚刚起步。\n',
    });
    for (const { itemId } of [photo!, pdf!, text!]) {
      const item = libraryOf(door.service).catalog.get(itemId)!;
      const files = item.files.map((f) => ({ ...f, mime: 'text/html' }));
      expect((await door.call('items.update', { id: itemId, patch: { files } })).json.ok).toBe(true);
    }
    const get = (sha: string, query = '') =>
      rawRequest(`${door.origin}/files/${sha}${query}`, { headers: door.cookie });
    const image = await get(photo!.sha256);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['content-disposition']).toMatch(/^inline/);
    const thumb = await get(photo!.sha256, '?size=thumb');
    expect(thumb.headers['content-type']).toBe('image/webp');
    const document = await get(pdf!.sha256);
    expect(document.headers['content-type']).toBe('application/pdf');
    expect(document.headers['content-disposition']).toMatch(/^inline/);
    // Chromium's PDF viewer does not run in a sandboxed document.
    expect(document.headers['content-security-policy']).toBeUndefined();
    const plain = await get(text!.sha256);
    expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('symbolic links never lead out of the library', () => {
  it('refuses a thumbnail and an export that are links to a file outside, also on a read-only LAN door', async () => {
    for (const options of [{ allowEdit: true }, { allowEdit: false, lan: true }]) {
      const door = await browserDoor(options);
      const [stored] = await door.addFiles({ '记录.txt': '许昌\n' });
      const sha = stored!.sha256;
      await mkdir(path.join(door.root, 'derived', sha.slice(0, 2)), { recursive: true });
      await symlink('/etc/passwd', path.join(door.root, 'derived', sha.slice(0, 2), `${sha}-256.webp`));
      await symlink('/etc/passwd', path.join(door.root, 'exports', 'leak.pdf'));
      for (const p of [`/files/${sha}?size=thumb`, '/exports/leak.pdf', '/exports/leak.pdf?inline=1']) {
        const response = await rawRequest(door.origin + p, { headers: door.bearer });
        expect(response.text, p).not.toMatch(/root:/);
      }
      expect((await rawRequest(`${door.origin}/exports/leak.pdf`, { headers: door.bearer })).status).toBe(
        404,
      );
    }
  });
});

describe('changes only from the app’s own origin (CSRF)', () => {
  it('refuses a no-cors text/plain POST from another local port, which the browser sends with the cookie', async () => {
    const door = await browserDoor();
    const created = await door.call('items.create', { kind: 'document', title: '许昌改革' });
    const id = (created.json.value as { id: string }).id;
    const attackerOrigin = `http://127.0.0.1:${Number(new URL(door.origin).port) + 1}`;
    const attack = await rawRequest(`${door.origin}/api/items.delete`, {
      method: 'POST',
      headers: { ...door.cookie, Origin: attackerOrigin, 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ args: { id } }),
    });
    expect(attack.status).toBe(403);
    // Same origin but not JSON: a form post cannot do it either.
    const notJson = await rawRequest(`${door.origin}/api/items.delete`, {
      method: 'POST',
      headers: { ...door.cookie, Origin: door.origin, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ args: { id } }),
    });
    expect(notJson.status).toBe(415);
    // Without Origin, the cookie alone is not enough: the browser's Sec-Fetch-Site or our header is.
    const noOrigin = await rawRequest(`${door.origin}/api/items.delete`, {
      method: 'POST',
      headers: { ...door.cookie, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-site' },
      body: JSON.stringify({ args: { id } }),
    });
    expect(noOrigin.status).toBe(403);
    expect(libraryOf(door.service).catalog.get(id)).toBeDefined();
    // The app's own page does it.
    const own = await rawRequest(`${door.origin}/api/items.delete`, {
      method: 'POST',
      headers: { ...door.cookie, Origin: door.origin, 'Content-Type': 'application/json', 'X-Wenshi': '1' },
      body: JSON.stringify({ args: { id } }),
    });
    expect(own.status).toBe(200);
    expect(libraryOf(door.service).catalog.get(id)).toBeUndefined();
  });

  it('takes uploads only with the app’s header and from its origin', async () => {
    const door = await browserDoor();
    const url = `${door.origin}/uploads/batch-0001/照片.txt`;
    const foreign = await rawRequest(url, {
      method: 'PUT',
      headers: { ...door.cookie, Origin: 'http://127.0.0.1:1', 'X-Wenshi': '1' },
      body: '许昌',
    });
    expect(foreign.status).toBe(403);
    const bare = await rawRequest(url, {
      method: 'PUT',
      headers: { ...door.cookie, Origin: door.origin },
      body: '许昌',
    });
    expect(bare.status).toBe(403);
    const own = await rawRequest(url, {
      method: 'PUT',
      headers: { ...door.cookie, Origin: door.origin, 'X-Wenshi': '1' },
      body: '许昌',
    });
    expect(own.status).toBe(200);
    // A name with a percent sign in it arrives as it was named.
    const percent = await rawRequest(`${door.origin}/uploads/batch-0001/100%25.txt`, {
      method: 'PUT',
      headers: { ...door.cookie, Origin: door.origin, 'X-Wenshi': '1' },
      body: '许昌',
    });
    expect(percent.status).toBe(200);
    expect(await readFile(path.join(door.root, '.incoming', 'batch-0001', '100%.txt'), 'utf8')).toBe('许昌');
  });
});

describe('DNS rebinding', () => {
  it('answers only to its own names: another Host is refused even with the cookie', async () => {
    const door = await browserDoor();
    const port = new URL(door.origin).port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`]) {
      const response = await rawRequest(`${door.origin}/`, { headers: { ...door.cookie, Host: host } });
      expect([421, 403], host).toContain(response.status);
      expect(response.text, host).not.toContain('文史典藏');
    }
    // This computer's own name is for the LAN door only.
    const named = await rawRequest(`${door.origin}/`, {
      headers: { ...door.cookie, Host: `${os.hostname()}:${port}` },
    });
    expect(named.status).toBe(421);
    const lan = await browserDoor({ lan: true, allowEdit: false });
    const lanPort = new URL(lan.origin).port;
    for (const host of [`${os.hostname()}:${lanPort}`, `${os.hostname()}.local:${lanPort}`])
      expect(
        (await rawRequest(`${lan.origin}/`, { headers: { ...lan.cookie, Host: host } })).status,
        host,
      ).toBe(200);
    expect(
      (await rawRequest(`${lan.origin}/`, { headers: { ...lan.cookie, Host: `evil.example:${lanPort}` } }))
        .status,
    ).toBe(421);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`])
      expect(
        (await rawRequest(`${door.origin}/`, { headers: { ...door.cookie, Host: host } })).status,
        host,
      ).toBe(200);
  });
});

describe('bad input is answered 4xx, never 500, never with a stack', () => {
  it('//?token=…, %c0%ae, a JSON null body, an 11 MiB body', async () => {
    const door = await browserDoor();
    const slashes = await rawRequest(door.origin, { path: '//?token=wrong' });
    expect([401, 404]).toContain(slashes.status);
    const overlong = await rawRequest(door.origin, {
      path: '/assets/%c0%ae%c0%ae/x.js',
      headers: door.cookie,
    });
    expect(overlong.status).toBe(400);
    const json = { ...door.bearer, 'Content-Type': 'application/json' };
    const nullBody = await rawRequest(`${door.origin}/api/items.list`, {
      method: 'POST',
      headers: json,
      body: 'null',
    });
    expect(nullBody.status).toBe(400);
    const huge = await rawRequest(`${door.origin}/api/items.list`, {
      method: 'POST',
      headers: json,
      body: Buffer.alloc(11 * 1024 * 1024, 0x20),
    });
    expect(huge.status).toBe(413);
    for (const response of [slashes, overlong, nullBody, huge]) expect(response.text).not.toMatch(/\n\s+at /);
  });

  it('answers HEAD wherever GET works, without a body', async () => {
    const door = await browserDoor();
    const [stored] = await door.addFiles({ '记录.txt': '许昌\n' });
    for (const p of ['/', `/files/${stored!.sha256}`, '/api/events']) {
      const head = await rawRequest(door.origin + p, { method: 'HEAD', headers: door.cookie });
      expect(head.status, p).toBe(200);
      expect(head.body.length, p).toBe(0);
    }
  });

  it('refuses a bare Authorization without Bearer; takes the URL token only to set the cookie and redirect', async () => {
    const door = await browserDoor();
    const bare = await rawRequest(`${door.origin}/`, { headers: { Authorization: door.server.token } });
    expect(bare.status).toBe(401);
    const entry = await rawRequest(`${door.origin}/?token=${door.server.token}&x=1`);
    expect(entry.status).toBe(303);
    expect(entry.headers.location).toBe('/?x=1');
    expect(entry.headers['set-cookie']?.[0]).toMatch(/^wenshi_token=.+HttpOnly/);
    // The token in a URL opens the door; it does not make calls.
    const viaUrl = await rawRequest(`${door.origin}/api/items.list?token=${door.server.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: door.origin },
      body: '{"args":{}}',
    });
    expect(viaUrl.status).toBe(401);
    // `//evil.example` as a Location would leave the server.
    const open = await rawRequest(door.origin, { path: `//evil.example/?token=${door.server.token}` });
    expect(open.headers.location).toBe('/evil.example/');
  });

  it('a read-only LAN door says it is read-only and shows no absolute path', async () => {
    const door = await browserDoor({ allowEdit: false, lan: true });
    const info = await door.call('library.info', {});
    expect(info.json.value.readOnly).toBe(true);
    expect(JSON.stringify(info.json)).not.toContain(door.root);
    const local = await browserDoor({ allowEdit: true });
    expect((await local.call('library.info', {})).json.value.readOnly).toBe(false);
  });
});
