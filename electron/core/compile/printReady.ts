import { createHash } from 'node:crypto';
import sharp from 'sharp';
import {
  PDFArray,
  PDFDict,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFDocument,
  type PDFPage,
} from '@cantoo/pdf-lib';

const MM = 72 / 25.4;
/** Bleed the print shop trims away: 3 mm on every side, as Chinese printers ask for. */
export const BLEED = 3 * MM;
/** Room outside the bleed for crop marks. */
const MARKS = 9 * MM;

/** Where the trimmed page sits on the sheet: the offset of the trim box's lower left corner. */
export interface SheetGeometry {
  /** Offset of the trim box from the media box's origin. */
  offset: number;
  mediaWidth: number;
  mediaHeight: number;
}

export function sheetGeometry(
  width: number,
  height: number,
  pdfx: boolean,
  cropMarks: boolean,
): SheetGeometry {
  const offset = !pdfx ? 0 : BLEED + (cropMarks ? MARKS : 0);
  return { offset, mediaWidth: width + offset * 2, mediaHeight: height + offset * 2 };
}

const num = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * Crop marks at the four corners of the trim, starting 1 mm outside the bleed so no mark shows
 * on a page trimmed a little off; drawn in the sheet's own coordinates.
 */
export function cropMarkSource(width: number, height: number, geometry: SheetGeometry): string {
  const o = geometry.offset;
  const gap = BLEED + 1 * MM;
  const xs = [o, o + width];
  const ys = [o, o + height];
  const lines: string[] = [];
  for (const x of xs)
    for (const y of ys) {
      const dx = x === o ? -1 : 1;
      const dy = y === o ? -1 : 1;
      // The horizontal mark on the trim's y, the vertical one on its x, both pointing outward.
      lines.push(`${num(x + dx * gap)} ${num(y)} m ${num(x + dx * (o - 1))} ${num(y)} l`);
      lines.push(`${num(x)} ${num(y + dy * gap)} m ${num(x)} ${num(y + dy * (o - 1))} l`);
    }
  return `q\n0.25 w\n0 G\n${lines.join('\n')}\nS\nQ\n`;
}

/** Trim and bleed boxes of one page, in the media box's coordinates. */
export function setPageBoxes(page: PDFPage, width: number, height: number, geometry: SheetGeometry): void {
  const o = geometry.offset;
  page.setTrimBox(o, o, width, height);
  page.setBleedBox(o - BLEED, o - BLEED, width + BLEED * 2, height + BLEED * 2);
}

let srgb: Promise<Uint8Array> | undefined;

/**
 * An sRGB ICC profile. None ships as a file in the installed packages; libvips (inside sharp)
 * carries a compact sRGB profile built in, and hands it over when asked to tag an image with it.
 */
export function srgbProfile(): Promise<Uint8Array> {
  srgb ??= sharp({ create: { width: 1, height: 1, channels: 3, background: '#ffffff' } })
    .withIccProfile('srgb')
    .png()
    .toBuffer()
    .then((png) => sharp(png).metadata())
    .then(({ icc }) => {
      if (!icc) throw new Error('sharp gave no sRGB profile');
      return new Uint8Array(icc);
    });
  srgb.catch(() => (srgb = undefined));
  return srgb;
}

const xmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A UUID made from the book and its date, so the same volume still gives the same bytes. */
function uuidOf(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function xmpPacket(info: { title: string; author: string; date: string; documentId: string }): string {
  const author = info.author
    ? `<dc:creator><rdf:Seq><rdf:li>${xmlEscape(info.author)}</rdf:li></rdf:Seq></dc:creator>`
    : '';
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
 xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(info.title)}</rdf:li></rdf:Alt></dc:title>
${author}
<xmp:CreateDate>${info.date}</xmp:CreateDate>
<xmp:ModifyDate>${info.date}</xmp:ModifyDate>
<xmp:MetadataDate>${info.date}</xmp:MetadataDate>
<xmp:CreatorTool>文史典藏 Wenshi</xmp:CreatorTool>
<pdf:Producer>文史典藏 Wenshi</pdf:Producer>
<pdf:Trapped>False</pdf:Trapped>
<xmpMM:DocumentID>uuid:${info.documentId}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:${info.documentId}</xmpMM:InstanceID>
<xmpMM:VersionID>1</xmpMM:VersionID>
<xmpMM:RenditionClass>default</xmpMM:RenditionClass>
<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Marks the document as PDF/X-4: version 1.6 header, an sRGB output intent (GTS_PDFX) with its
 * ICC profile, GTS_PDFXVersion and Trapped in the Info dictionary, XMP metadata saying the same,
 * and a file identifier. Boxes are set per page by `setPageBoxes`.
 */
export async function markPdfX4(
  doc: PDFDocument,
  info: { title: string; author: string; date: Date },
): Promise<void> {
  const context = doc.context;
  context.header = PDFHeader.forVersion(1, 6);
  const icc = await srgbProfile();
  const profile = context.register(context.flateStream(icc, { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: profile,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));

  const date = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const documentId = uuidOf(`${info.title}\u0000${date}`);
  const xmp = Buffer.from(xmpPacket({ title: info.title, author: info.author, date, documentId }), 'utf8');
  // Left uncompressed, as XMP is meant to be findable by tools that do not parse PDF.
  const metadata = context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(metadata));

  // Written after the document information, whose dictionary pdf-lib creates on the first setter.
  const infoDict = context.lookup(context.trailerInfo.Info, PDFDict);
  infoDict.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'));
  infoDict.set(PDFName.of('Trapped'), PDFName.of('False'));
  const id = PDFHexString.of(documentId.replace(/-/g, '').toUpperCase());
  context.trailerInfo.ID = PDFArray.withContext(context);
  (context.trailerInfo.ID as PDFArray).push(id);
  (context.trailerInfo.ID as PDFArray).push(id);
}
