import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { WenshiError } from '../errors';

const inflateRawAsync = promisify(inflateRaw);

/** A Word document's XML parts are text; beyond this size they are not a document but a bomb. */
const MAX_XML_PART_BYTES = 64 * 1024 * 1024;
/** All parts together, pictures included. */
const MAX_TOTAL_BYTES = 1024 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function bomb(name: string): WenshiError {
  return new WenshiError('unsupported', 'docx_zip_bomb', { name });
}

function damaged(name: string): WenshiError {
  return new WenshiError('unsupported', 'docx_damaged_named', { name });
}

/**
 * Checks a .docx (a zip) before any zip library inflates it: the sizes its central directory
 * declares must be sane, and each XML part, actually inflated with its output capped at the
 * declared size, must not be larger than declared (a zip can lie about its sizes).
 */
export async function checkZip(file: string, name: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged(name);
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    // ZIP64 markers: no Word document needs them.
    if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw bomb(name);
    if (count > MAX_ENTRIES || directoryOffset + directorySize > size) throw damaged(name);

    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries: Entry[] = [];
    let total = 0;
    for (let at = 0, i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw damaged(name);
      const nameLength = directory.readUInt16LE(at + 28);
      const entry: Entry = {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localOffset: directory.readUInt32LE(at + 42),
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      };
      if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw bomb(name);
      total += entry.size;
      const isXml = /\.(xml|rels)$/i.test(entry.name);
      if (total > MAX_TOTAL_BYTES || (isXml && entry.size > MAX_XML_PART_BYTES)) throw bomb(name);
      if (isXml) entries.push(entry);
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }

    for (const entry of entries) {
      const header = Buffer.alloc(30);
      await handle.read(header, 0, 30, entry.localOffset);
      if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw damaged(name);
      const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      if (start + entry.compressedSize > size) throw damaged(name);
      if (entry.method === 0) {
        if (entry.compressedSize !== entry.size) throw bomb(name);
        continue;
      }
      if (entry.method !== 8) throw damaged(name);
      const compressed = Buffer.alloc(entry.compressedSize);
      await handle.read(compressed, 0, entry.compressedSize, start);
      let inflated: Buffer;
      try {
        inflated = await inflateRawAsync(compressed, { maxOutputLength: Math.max(1, entry.size) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw bomb(name);
        throw damaged(name);
      }
      if (inflated.length !== entry.size) throw damaged(name);
    }
  } finally {
    await handle.close();
  }
}
