import { createInflate } from 'node:zlib';
import { WenshiError } from '../errors';
import { MAX_IMAGE_PIXELS } from './checkImage';

/**
 * Budgets for a PDF, checked on its raw bytes before pdf.js reads it.
 *
 * A scanned book is the largest honest PDF here: 500 pages at 300 dpi, each page one JPEG of about
 * 1 MB, so 500 MB in the file and several gigabytes once every page is decoded. But reading a PDF's
 * text decodes no image (pdf.js only parses the content streams), and the viewer decodes one page at
 * a time. So image streams (`/Subtype /Image`) are counted at their stored size and checked only for
 * the pixels they declare, as photos are; the file size bounds their sum. Everything else (content
 * streams, fonts, object streams) is what pdf.js inflates, and that is actually inflated here,
 * counting bytes without keeping them: a real book's content streams come to tens of megabytes,
 * while a bomb (a Flate stream of zeros inflates about 1000:1) passes the budget within the first
 * megabyte of its file.
 */
export const PDF_BUDGET = {
  /** Bytes of non-image streams after inflating, all together. */
  inflatedBytes: 256 * 1024 * 1024,
  /** pdf.js holds the whole file in memory. */
  fileBytes: 2 * 1024 * 1024 * 1024 - 1,
  pages: 10_000,
  /** For reading the text, page by page, after the checks. */
  seconds: 300,
};

export interface PdfFindings {
  /** Active content found (JavaScript, Launch, an action run on opening): kept, never run, flagged for review. */
  activeContent: string[];
}

function bomb(name: string): WenshiError {
  return new WenshiError('unsupported', 'pdf_bomb', { mb: PDF_BUDGET.inflatedBytes / 1024 / 1024, name });
}

/**
 * Names in a PDF may be written with `#xx` escapes (`/J#61vaScript`); undone before matching.
 * An /OpenAction that is an inline array only opens a page at a zoom; one that is a dictionary or
 * a reference may be any action, so it is named too.
 */
const ACTIVE: [string, RegExp][] = [
  ['JavaScript', /\/(?:JavaScript|JS)\b/],
  ['Launch', /\/Launch\b/],
  ['OpenAction', /\/OpenAction\s*(?:<<|\d+\s+\d+\s+R)/],
  ['SubmitForm', /\/(?:SubmitForm|ImportData)\b/],
  ['RichMedia', /\/(?:RichMedia|EmbeddedFile)\b/],
];

function unescapeNames(text: string): string {
  return text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Counts what a Flate stream inflates to, stopping past `limit`; keeps the text when asked (object streams). */
async function inflatedSize(
  data: Buffer,
  limit: number,
  keep: boolean,
): Promise<{ size: number; text: string }> {
  return new Promise((resolve) => {
    const inflater = createInflate();
    let size = 0;
    const kept: Buffer[] = [];
    const finish = () => resolve({ size, text: keep ? Buffer.concat(kept).toString('latin1') : '' });
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (keep) kept.push(chunk);
      if (size > limit) {
        inflater.destroy();
        finish();
      }
    });
    // A damaged or encrypted stream inflates as far as it does; pdf.js will say if it cannot read it.
    inflater.on('error', finish);
    inflater.on('end', finish);
    inflater.end(data);
  });
}

interface StreamInfo {
  dict: string;
  data: Buffer;
}

/** The streams of a PDF with their dictionaries, and the text outside every stream (where actions are written). */
function* streamsOf(bytes: Buffer, outside: string[]): Generator<StreamInfo> {
  let at = 0;
  for (;;) {
    const keyword = bytes.indexOf('stream', at, 'latin1');
    if (keyword < 0) break;
    if (bytes.toString('latin1', keyword - 3, keyword) === 'end') {
      at = keyword + 6;
      continue;
    }
    const before = bytes.toString('latin1', at, keyword);
    outside.push(before);
    const dictStart = Math.max(
      before.lastIndexOf(' obj'),
      before.lastIndexOf('\nobj'),
      before.lastIndexOf('\robj'),
    );
    const dict = dictStart >= 0 ? before.slice(dictStart) : before.slice(-4096);
    let start = keyword + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let end = declared ? start + Number(declared[1]) : -1;
    if (end < start || end > bytes.length || bytes.indexOf('endstream', end, 'latin1') - end > 2)
      end = bytes.indexOf('endstream', start, 'latin1');
    if (end < 0) end = bytes.length;
    yield { dict, data: bytes.subarray(start, end) };
    at = end;
  }
  outside.push(bytes.toString('latin1', at));
}

/**
 * Checks a PDF against its budgets (inflated size, image pixels, page count) and finds active
 * content. Refuses a bomb with a sentence; returns what a person should review.
 */
export async function checkPdf(bytes: Buffer, name: string): Promise<PdfFindings> {
  const outside: string[] = [];
  const objectStreams: string[] = [];
  let inflated = 0;
  for (const { dict, data } of streamsOf(bytes, outside)) {
    if (/\/Subtype\s*\/Image\b/.test(dict)) {
      const width = Number(/\/Width\s+(\d+)/.exec(dict)?.[1] ?? 0);
      const height = Number(/\/Height\s+(\d+)/.exec(dict)?.[1] ?? 0);
      if (width * height > MAX_IMAGE_PIXELS)
        throw new WenshiError('unsupported', 'pdf_image_too_large', { width, height, name });
      continue;
    }
    const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? '';
    if (!/FlateDecode|\/Fl\b/.test(filters)) {
      // Unfiltered or in a rare filter: counted as stored (the file size bounds it).
      inflated += data.length;
    } else {
      const isObjectStream = /\/Type\s*\/ObjStm\b/.test(dict);
      const result = await inflatedSize(data, PDF_BUDGET.inflatedBytes - inflated, isObjectStream);
      inflated += result.size;
      if (isObjectStream) objectStreams.push(result.text);
    }
    if (inflated > PDF_BUDGET.inflatedBytes) throw bomb(name);
  }
  // Objects are outside streams or packed in object streams; actions and pages are found in both.
  const objects = unescapeNames([...outside, ...objectStreams].join('\n'));
  const pages = objects.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  if (pages > PDF_BUDGET.pages)
    throw new WenshiError('unsupported', 'pdf_too_many_pages', { pages, max: PDF_BUDGET.pages, name });
  return { activeContent: ACTIVE.filter(([, pattern]) => pattern.test(objects)).map(([label]) => label) };
}
