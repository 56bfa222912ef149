import { describe, expect, it } from 'vitest';
import { isAppUrl, parseExportUrl, parseLibraryFileUrl } from '../../electron/main/windowOptions';

describe('desktop window policy', () => {
  it('allows navigation only within the app', () => {
    const app = 'wenshi://app/index.html';
    expect(isAppUrl(app, app)).toBe(true);
    expect(isAppUrl(app + '#/search', app)).toBe(true);
    expect(isAppUrl('wenshi://app/assets/index.js', app)).toBe(true);
    // The library's files and exports are other hosts of the scheme, not pages of the app.
    expect(isAppUrl('wenshi://files/' + 'a'.repeat(64), app)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('https://example.com/', app)).toBe(false);
    expect(isAppUrl('http://localhost:5173/items', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
  });

  it('maps library file URLs only to content hashes', () => {
    const hash = 'a'.repeat(64);
    expect(parseLibraryFileUrl(`wenshi://files/${hash}`)).toEqual({ sha256: hash, size: 'original' });
    expect(parseLibraryFileUrl(`wenshi://files/${hash}?size=thumb`)).toEqual({ sha256: hash, size: 'thumb' });
    for (const url of [
      'wenshi://files/..%2F..%2Fetc%2Fpasswd',
      'wenshi://files/../../etc/passwd',
      'wenshi://files//etc/passwd',
      `wenshi://other/${hash}`,
      `file:///${hash}`,
      'wenshi://files/' + 'g'.repeat(64),
    ])
      expect(parseLibraryFileUrl(url), url).toBeNull();
  });

  it('serves compiled PDFs by bare file name only', () => {
    expect(parseExportUrl(`wenshi://exports/${encodeURIComponent('许昌改革记忆-20240501.pdf')}`)).toBe(
      '许昌改革记忆-20240501.pdf',
    );
    expect(parseExportUrl('wenshi://exports/..%2F..%2Flibrary.json')).toBeNull();
    expect(parseExportUrl('wenshi://exports/..%2Fcatalog%2Fx.pdf')).toBeNull();
    expect(parseExportUrl('wenshi://files/abc.pdf')).toBeNull();
  });
});
