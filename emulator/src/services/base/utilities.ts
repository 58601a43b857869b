/**
 * Utilities: formatDate, formatString, sleep (advances the virtual clock), digests and HMACs
 * as signed byte arrays, Base64 (standard and web-safe), UUIDs, blobs, CSV and JSON, and the
 * DigestAlgorithm, MacAlgorithm, RsaAlgorithm and Charset enums.
 */
import { createHash, createHmac, createSign, randomUUID } from 'node:crypto';
import { AppsScriptException } from '../../core/errors';
import type { ServiceHost } from '../../core/host';
import { BlobFake } from './blob';
import { isByteArray, nodeEncoding, toBuffer, toSignedBytes } from './bytes';
import { enumName, makeEnum } from './enums';
import { formatDate } from './format-date';
import { formatString } from './format-string';
import { gunzipBytes, gzipBytes, unzipEntries, zipEntries } from './archive';
import { parseDate } from './parse-date';

export const MAX_SLEEP_MS = 300_000;

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

type Methods =
  | 'formatDate'
  | 'formatString'
  | 'sleep'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'computeRsaSha256Signature'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'getUuid'
  | 'newBlob'
  | 'parseCsv'
  | 'jsonStringify'
  | 'jsonParse'
  | 'parseDate'
  | 'zip'
  | 'unzip'
  | 'gzip'
  | 'ungzip';

function signatureError(method: string, args: unknown[]): AppsScriptException {
  const type = (v: unknown) =>
    v === null || v === undefined
      ? 'null'
      : v instanceof Date
        ? 'Date'
        : Array.isArray(v)
          ? 'number[]'
          : typeof v === 'object'
            ? 'Object'
            : typeof v === 'number'
              ? 'number'
              : typeof v === 'boolean'
                ? 'Boolean'
                : 'String';
  return new AppsScriptException(
    `The parameters (${args.map(type).join(',')}) don't match the method signature for Utilities.${method}.`,
  );
}

export class UtilitiesFake implements Pick<GoogleAppsScript.Utilities.Utilities, Methods> {
  static readonly appsScriptName = 'Utilities';
  /** The digest and MAC overloads of the Utilities reference (core/signatures.ts). */
  static readonly appsScriptSignatures = {
    computeDigest: [
      'Utilities.DigestAlgorithm,Byte[]',
      'Utilities.DigestAlgorithm,String',
      'Utilities.DigestAlgorithm,String,Utilities.Charset',
    ],
    computeHmacSignature: [
      'Utilities.MacAlgorithm,Byte[],Byte[]',
      'Utilities.MacAlgorithm,String,String',
      'Utilities.MacAlgorithm,String,String,Utilities.Charset',
    ],
    computeHmacSha256Signature: ['Byte[],Byte[]', 'String,String', 'String,String,Utilities.Charset'],
    parseDate: ['String,String,String'],
    zip: ['Object[]', 'Object[],String'],
    unzip: ['Object'],
    gzip: ['Object', 'Object,String'],
    ungzip: ['Object'],
  };
  readonly DigestAlgorithm = makeEnum('Utilities.DigestAlgorithm', [
    'MD2',
    'MD5',
    'SHA_1',
    'SHA_256',
    'SHA_384',
    'SHA_512',
  ] as const);
  readonly MacAlgorithm = makeEnum('Utilities.MacAlgorithm', [
    'HMAC_MD5',
    'HMAC_SHA_1',
    'HMAC_SHA_256',
    'HMAC_SHA_384',
    'HMAC_SHA_512',
  ] as const);
  readonly RsaAlgorithm = makeEnum('Utilities.RsaAlgorithm', ['RSA_SHA_1', 'RSA_SHA_256'] as const);
  readonly Charset = makeEnum('Utilities.Charset', ['US_ASCII', 'UTF_8'] as const);

  constructor(private readonly _host: ServiceHost) {}

  formatDate(date: unknown, timeZone: unknown, format: unknown): string {
    if (!(date instanceof Date) || typeof timeZone !== 'string' || typeof format !== 'string')
      throw signatureError('formatDate', [date, timeZone, format]);
    return formatDate(date, timeZone, format);
  }

  formatString(template: unknown, ...args: unknown[]): string {
    return formatString(String(template), args);
  }

  sleep(milliseconds: unknown): void {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new AppsScriptException('Invalid argument: milliseconds');
    if (ms > MAX_SLEEP_MS) throw new AppsScriptException('Invalid argument: milliseconds');
    this._host.clock.advance(Math.trunc(ms));
  }

  /** A string without a charset is encoded as US-ASCII (`?` per other character), as Java's getBytes does here. */
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    const name = DIGESTS[enumName(algorithm)];
    if (!name) throw signatureError('computeDigest', [algorithm, value]);
    return toSignedBytes(
      createHash(name)
        .update(bytesOf(value, charsetName(charset) ?? 'US_ASCII'))
        .digest(),
    );
  }

  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    return this._hmac('sha256', value, key, charset);
  }

  computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
    const name = MACS[enumName(algorithm)];
    if (!name) throw signatureError('computeHmacSignature', [algorithm, value, key]);
    return this._hmac(name, value, key, charset);
  }

  computeRsaSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    try {
      const signer = createSign('RSA-SHA256');
      signer.update(toBuffer(value, charsetName(charset)));
      return toSignedBytes(signer.sign(String(key)));
    } catch {
      throw new AppsScriptException('Invalid argument: key');
    }
  }

  base64Encode(data: unknown, charset?: unknown): string {
    return toBuffer(data, charsetName(charset)).toString('base64');
  }

  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return toBuffer(data, charsetName(charset)).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: unknown, _charset?: unknown): number[] {
    return toSignedBytes(decodeBase64(String(encoded), false));
  }

  base64DecodeWebSafe(encoded: unknown, _charset?: unknown): number[] {
    return toSignedBytes(decodeBase64(String(encoded), true));
  }

  getUuid(): string {
    return randomUUID();
  }

  newBlob(data: unknown, contentType?: unknown, name?: unknown): GoogleAppsScript.Base.Blob {
    const buffer = isByteArray(data)
      ? toBuffer(data)
      : Buffer.from(data === undefined || data === null ? '' : String(data), 'utf8');
    const type =
      contentType === undefined || contentType === null
        ? isByteArray(data)
          ? null
          : 'text/plain'
        : String(contentType);
    return new BlobFake(
      buffer,
      type,
      name === undefined || name === null ? null : String(name),
    ) as unknown as GoogleAppsScript.Base.Blob;
  }

  parseCsv(csv: unknown, delimiter?: unknown): string[][] {
    return parseCsv(String(csv), delimiter === undefined ? ',' : String(delimiter));
  }

  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }

  jsonParse(jsonString: unknown): unknown {
    try {
      return JSON.parse(String(jsonString));
    } catch (error) {
      throw new AppsScriptException((error as Error).message);
    }
  }

  /** Java SimpleDateFormat parsing in a time zone (parse-date.ts). */
  parseDate(date: unknown, timeZone: unknown, format: unknown): Date {
    return new Date(parseDate(String(date), String(timeZone), String(format)));
  }

  zip(blobs: unknown, name?: unknown): GoogleAppsScript.Base.Blob {
    const entries = (blobs as unknown[]).map(asBlob).map((b, i) => ({
      name: b.getName() ?? `file${i + 1}`,
      data: bytesOfBlob(b),
    }));
    return blob(zipEntries(entries), 'application/zip', name === undefined ? 'Archive.zip' : String(name));
  }

  unzip(archive: unknown): GoogleAppsScript.Base.Blob[] {
    return unzipEntries(bytesOfBlob(archive as BlobSource)).map((e) => blob(e.data, null, e.name));
  }

  gzip(source: unknown, name?: unknown): GoogleAppsScript.Base.Blob {
    const b = asBlob(source);
    const fallback = `${b.getName() ?? 'archive'}.gz`;
    return blob(gzipBytes(bytesOfBlob(b)), 'application/x-gzip', name === undefined ? fallback : String(name));
  }

  ungzip(source: unknown): GoogleAppsScript.Base.Blob {
    const b = asBlob(source);
    const name = b.getName();
    return blob(gunzipBytes(bytesOfBlob(b)), null, name ? name.replace(/\.gz$/i, '') : null);
  }

  private _hmac(algorithm: string, value: unknown, key: unknown, charset: unknown): number[] {
    const bothBytes = isByteArray(value) && isByteArray(key);
    const bothStrings = !isByteArray(value) && !isByteArray(key);
    if (!bothBytes && !bothStrings) throw signatureError('computeHmacSignature', [value, key]);
    const cs = charsetName(charset) ?? 'US_ASCII';
    return toSignedBytes(createHmac(algorithm, bytesOf(key, cs)).update(bytesOf(value, cs)).digest());
  }
}

interface BlobSource {
  getBytes(): number[];
  getName(): string | null;
}

/** A Blob, or any BlobSource (an object with getBlob(), such as an HTTPResponse). */
function asBlob(source: unknown): BlobSource {
  const s = source as Partial<BlobSource> & { getBlob?: () => BlobSource };
  if (s && typeof s.getBytes === 'function') return s as BlobSource;
  if (s && typeof s.getBlob === 'function') return s.getBlob();
  throw new AppsScriptException('Invalid argument: blob');
}

function bytesOfBlob(b: BlobSource): Buffer {
  return toBuffer(asBlob(b).getBytes());
}

function blob(data: Buffer, contentType: string | null, name: string | null): GoogleAppsScript.Base.Blob {
  return new BlobFake(data, contentType, name) as unknown as GoogleAppsScript.Base.Blob;
}

/** A string (by charset) or a byte array; an array holding anything but numbers cannot become Java bytes. */
function bytesOf(value: unknown, charset: string): Buffer {
  if (Array.isArray(value)) {
    const bad = value.findIndex((v) => typeof v !== 'number');
    if (bad >= 0) throw new AppsScriptException(`Cannot convert ${String(value[bad])} to byte.`);
    return toBuffer(value);
  }
  return toBuffer(value, charset);
}

function charsetName(charset: unknown): string | undefined {
  return charset === undefined || charset === null ? undefined : enumName(charset);
}

function decodeBase64(text: string, webSafe: boolean): Buffer {
  const cleaned = text.replace(/\s+/g, '');
  const pattern = webSafe ? /^[A-Za-z0-9_\-+/]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!pattern.test(cleaned)) throw new AppsScriptException('Could not decode string.');
  return Buffer.from(cleaned.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** RFC 4180 CSV: quoted fields with doubled quotes and embedded newlines. */
export function parseCsv(csv: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export { nodeEncoding };
