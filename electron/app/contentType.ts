/**
 * What a stored file is, read from its first bytes. A catalog's `mime` field is whatever an edit or a
 * merged package wrote there, so it never decides how a file is served: a text file labelled
 * `text/html` would otherwise become a page running script in the app's origin.
 */

/** How a file may be shown: in place (images, audio, video, PDF, plain text) or only downloaded. */
export interface ContentType {
  /** The Content-Type to send. */
  mime: string;
  /** Shown in the browser; everything else is a download in a sandbox. */
  inline: boolean;
}

/** How many leading bytes the sniffer needs. */
export const SNIFF_BYTES = 4096;

export const DOWNLOAD_ONLY: ContentType = { mime: 'application/octet-stream', inline: false };

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

/** ISO base media files (MP4, M4A, AVIF) name their kind in the `ftyp` box. */
function isoMedia(bytes: Uint8Array): ContentType | null {
  if (!ascii(bytes, 4, 'ftyp')) return null;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  if (brand === 'avif' || brand === 'avis') return { mime: 'image/avif', inline: true };
  if (brand.startsWith('M4A') || brand.startsWith('M4B')) return { mime: 'audio/mp4', inline: true };
  // HEIC and QuickTime do not play in a browser; they are kept and downloaded.
  if (brand.startsWith('hei') || brand.startsWith('mif') || brand === 'qt  ') return null;
  return { mime: 'video/mp4', inline: true };
}

/**
 * UTF-8 text without markup. A page could be run from HTML, SVG or XML, and text in another encoding
 * would be shown garbled as UTF-8: those are downloads.
 */
function plainText(bytes: Uint8Array, complete: boolean): ContentType | null {
  if (bytes.includes(0)) return null;
  let text: string;
  try {
    // A sample cut inside a character is still valid UTF-8 up to there: `stream` keeps it pending.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
  } catch {
    return null;
  }
  if (/^\uFEFF?\s*</.test(text)) return null;
  return { mime: 'text/plain; charset=utf-8', inline: true };
}

/**
 * The type of a file from its first bytes (up to SNIFF_BYTES), from an allowlist of what the app
 * shows. `complete` says the sample is the whole file.
 */
export function sniffContentType(bytes: Uint8Array, complete: boolean): ContentType {
  if (bytes.length === 0) return DOWNLOAD_ONLY;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', inline: true };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', inline: true };
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return { mime: 'image/gif', inline: true };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return { mime: 'image/webp', inline: true };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return { mime: 'audio/wav', inline: true };
  if (ascii(bytes, 0, '%PDF-')) return { mime: 'application/pdf', inline: true };
  if (ascii(bytes, 0, 'ID3')) return { mime: 'audio/mpeg', inline: true };
  if (ascii(bytes, 0, 'OggS')) return { mime: 'audio/ogg', inline: true };
  if (ascii(bytes, 0, 'fLaC')) return { mime: 'audio/flac', inline: true };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return { mime: 'video/webm', inline: true };
  const media = isoMedia(bytes);
  if (media) return media;
  // An MPEG audio frame without an ID3 tag: eleven set sync bits, then a valid layer.
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0)
    return { mime: 'audio/mpeg', inline: true };
  return plainText(bytes, complete) ?? DOWNLOAD_ONLY;
}
