/** The index file's layout: typed arrays and string lists one after another, read back as views. */

export interface Section {
  name: string;
  offset: number;
  bytes: number;
}

export type TypedArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

/**
 * Lays arrays out one after another, each at an 8-byte boundary so it can be read back as a
 * view of the file's buffer. A list of strings is two sections: the UTF-16 text of all of them
 * and their lengths (splitting one long string is much faster than parsing JSON).
 */
export class SectionWriter {
  readonly sections: Section[] = [];
  private readonly parts: Buffer[] = [];
  private size = 0;

  add(name: string, array: TypedArray): void {
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    this.sections.push({ name, offset: this.size, bytes: bytes.length });
    this.parts.push(bytes);
    this.size += bytes.length;
    const pad = (8 - (this.size % 8)) % 8;
    if (pad) {
      this.parts.push(Buffer.alloc(pad));
      this.size += pad;
    }
  }

  addStrings(name: string, list: string[]): void {
    this.add(
      `${name}.lengths`,
      Uint32Array.from(list, (s) => s.length),
    );
    const all = list.join('');
    // Ids and versions are ASCII: read back as one-byte strings they compare and hash much
    // faster against the catalog's own strings than two-byte ones do.
    // eslint-disable-next-line no-control-regex -- the whole Latin-1 range is meant
    const latin1 = /^[\u0000-\u00ff]*$/.test(all);
    this.add(`${name}.${latin1 ? 'latin1' : 'utf16le'}`, Buffer.from(all, latin1 ? 'latin1' : 'utf16le'));
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}

export class SectionReader {
  private readonly byName: Map<string, Section>;
  private readonly buffer: Buffer;

  constructor(buffer: Buffer, sections: Section[]) {
    // Views need an aligned start; a fresh copy is, a slice of Node's pool may not be.
    this.buffer = buffer.byteOffset % 8 === 0 ? buffer : Buffer.from(buffer);
    this.byName = new Map(sections.map((s) => [s.name, s]));
  }

  /** Whether every section lies inside the file (a truncated file is rebuilt, not misread). */
  get complete(): boolean {
    return [...this.byName.values()].every((s) => s.offset + s.bytes <= this.buffer.length);
  }

  view<T extends TypedArray>(
    name: string,
    Kind: { new (buffer: ArrayBufferLike, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
  ): T {
    const section = this.byName.get(name);
    if (!section) return new Kind(new ArrayBuffer(0), 0, 0);
    return new Kind(
      this.buffer.buffer,
      this.buffer.byteOffset + section.offset,
      section.bytes / Kind.BYTES_PER_ELEMENT,
    );
  }

  strings(name: string): string[] {
    const lengths = this.view(`${name}.lengths`, Uint32Array);
    const encoding = this.byName.has(`${name}.latin1`) ? 'latin1' : 'utf16le';
    const section = this.byName.get(`${name}.${encoding}`);
    if (!section) return [];
    const all = this.buffer.toString(encoding, section.offset, section.offset + section.bytes);
    const out = new Array<string>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) out[i] = all.slice(at, (at += lengths[i]!));
    return out;
  }
}
