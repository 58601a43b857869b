/**
 * Utilities.zip / unzip / gzip / ungzip on Buffers: a plain ZIP writer and reader (stored
 * names, deflate, CRC-32, no ZIP64 or encryption) and gzip through Node's zlib.
 */
import { crc32, deflateRawSync, gunzipSync, gzipSync, inflateRawSync } from 'node:zlib';
import { AppsScriptException } from '../../core/errors';

export interface ArchiveEntry {
  name: string;
  data: Buffer;
}

/** A ZIP archive holding the entries, deflated, in order. */
export function zipEntries(entries: ArchiveEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The files of a ZIP archive (directories skipped), read from its central directory. */
export function unzipEntries(zip: Buffer): ArchiveEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= 0 && i >= zip.length - 22 - 65_535; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new AppsScriptException('Could not unzip the blob: it is not a valid zip archive.');
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const out: ArchiveEntry[] = [];
  for (let k = 0; k < count; k++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const localAt = zip.readUInt32LE(p + 42);
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const packed = zip.subarray(dataAt, dataAt + size);
    if (!name.endsWith('/')) out.push({ name, data: method === 0 ? Buffer.from(packed) : inflateRawSync(packed) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

export function gzipBytes(data: Buffer): Buffer {
  return gzipSync(data);
}

export function gunzipBytes(data: Buffer): Buffer {
  try {
    return gunzipSync(data);
  } catch {
    throw new AppsScriptException('Could not decompress gzip.');
  }
}
