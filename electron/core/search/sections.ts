/** The index file's layout: typed arrays and string lists one after another, read back section by section. */
import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export interface Section {
  name: string;
  offset: number;
  bytes: number;
}

export type TypedArray = Uint8Array | Uint32Array | Int32Array | Float64Array;

/**
 * Lays arrays out one after another, each at an 8-byte boundary. A list of strings is two sections: the UTF-16 text of all of them
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

/**
 * Reads sections from the file one by one, each straight into an array of its own: no buffer
 * of the whole file is held, and the text sections' bytes are dropped once decoded.
 */
export class SectionReader {
  private readonly byName: Map<string, Section>;

  private constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
    sections: Section[],
  ) {
    this.byName = new Map(sections.map((s) => [s.name, s]));
  }

  static async open(file: string, sections: Section[]): Promise<SectionReader> {
    const handle = await open(file, 'r');
    try {
      return new SectionReader(handle, (await handle.stat()).size, sections);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }

  /** Whether every section lies inside the file (a truncated file is rebuilt, not misread). */
  get complete(): boolean {
    return [...this.byName.values()].every((s) => s.offset + s.bytes <= this.size);
  }

  private read(section: Section, into: Uint8Array): void {
    let done = 0;
    while (done < section.bytes) {
      const n = readSync(this.handle.fd, into, done, section.bytes - done, section.offset + done);
      if (n === 0) throw new Error('index file ended early');
      done += n;
    }
  }

  view<T extends TypedArray>(name: string, Kind: { new (length: number): T; BYTES_PER_ELEMENT: number }): T {
    const section = this.byName.get(name);
    if (!section) return new Kind(0);
    const array = new Kind(section.bytes / Kind.BYTES_PER_ELEMENT);
    this.read(section, new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    return array;
  }

  strings(name: string): string[] {
    const lengths = this.view(`${name}.lengths`, Uint32Array);
    const encoding = this.byName.has(`${name}.latin1`) ? 'latin1' : 'utf16le';
    const section = this.byName.get(`${name}.${encoding}`);
    if (!section) return [];
    const bytes = Buffer.allocUnsafeSlow(section.bytes);
    this.read(section, bytes);
    const all = bytes.toString(encoding);
    const out = new Array<string>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) out[i] = all.slice(at, (at += lengths[i]!));
    return out;
  }
}
