/**
 * HTTPResponse and a minimal Blob as UrlFetchApp returns them: the status, the headers with
 * the server's casing (getHeaders keeps the last value of a repeated header, getAllHeaders
 * gives arrays), the body as signed Java bytes, as text in a charset, or as a Blob.
 */
import { TextDecoder } from 'node:util';
import { AppsScriptException } from '../../core/errors';
import { URLFETCH_MESSAGES as M } from './messages';

/** Java bytes: -128..127. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] > 127 ? bytes[i] - 256 : bytes[i];
  return out;
}

export function decodeText(bytes: Uint8Array, charset: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new AppsScriptException(M.invalidArgument(charset));
  }
  return decoder.decode(bytes);
}

/** The charset named in a Content-Type header, if any. */
export function charsetOf(contentType: string | null): string | null {
  const m = contentType ? /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType) : null;
  return m ? m[1] : null;
}

type BlobMethods = 'getBytes' | 'getDataAsString' | 'getContentType' | 'getName';

export class BlobFake implements Pick<GoogleAppsScript.Base.Blob, BlobMethods> {
  static readonly appsScriptName = 'Blob';

  constructor(
    private readonly bytes: Uint8Array,
    private readonly contentType: string | null,
    private readonly name: string | null,
  ) {}

  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }

  getDataAsString(charset?: string): string {
    return decodeText(this.bytes, charset ?? charsetOf(this.contentType) ?? 'utf-8');
  }

  /** The MIME type without parameters, as Blob.getContentType gives it. */
  getContentType(): string {
    return (this.contentType ?? '').split(';')[0].trim() || (null as unknown as string);
  }

  getName(): string {
    return this.name as string;
  }

  _bytes(): Uint8Array {
    return this.bytes;
  }
}

type ResponseMethods = 'getResponseCode' | 'getContentText' | 'getContent' | 'getHeaders' | 'getAllHeaders' | 'getBlob';

export class HTTPResponseFake implements Pick<GoogleAppsScript.URL_Fetch.HTTPResponse, ResponseMethods> {
  static readonly appsScriptName = 'UrlFetchApp.HTTPResponse';

  constructor(
    private readonly status: number,
    /** Alternating names and values, as Node's rawHeaders. */
    private readonly rawHeaders: readonly string[],
    private readonly body: Uint8Array,
    /** The URL the script fetched (after redirects): the blob is named after its last path segment. */
    private readonly url: string = '',
  ) {}

  getResponseCode(): number {
    return this.status;
  }

  getContentText(charset?: string): string {
    return decodeText(this.body, charset ?? charsetOf(this.header('content-type')) ?? 'utf-8');
  }

  getContent(): number[] {
    return toSignedBytes(this.body);
  }

  getHeaders(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, values] of this.grouped()) out[name] = values[values.length - 1];
    return out;
  }

  getAllHeaders(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [name, values] of this.grouped()) out[name] = values.length === 1 ? values[0] : values;
    return out;
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    const disposition = this.header('content-disposition');
    const name = disposition ? (/filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null) : null;
    return new BlobFake(
      this.body,
      this.header('content-type'),
      name ?? nameFromUrl(this.url),
    ) as unknown as GoogleAppsScript.Base.Blob;
  }

  /** The body as text (UTF-8 unless the response names a charset), for host code. */
  _text(): string {
    return this.getContentText();
  }

  /** Headers grouped case-insensitively under the casing the server first used. */
  private grouped(): Map<string, string[]> {
    const byLower = new Map<string, { name: string; values: string[] }>();
    for (let i = 0; i + 1 < this.rawHeaders.length; i += 2) {
      const name = this.rawHeaders[i];
      const entry = byLower.get(name.toLowerCase());
      if (entry) entry.values.push(this.rawHeaders[i + 1]);
      else byLower.set(name.toLowerCase(), { name, values: [this.rawHeaders[i + 1]] });
    }
    return new Map([...byLower.values()].map((e) => [e.name, e.values]));
  }

  private header(lowerName: string): string | null {
    const values = [...this.grouped()].find(([name]) => name.toLowerCase() === lowerName)?.[1];
    return values ? values[values.length - 1] : null;
  }
}

/** A response blob's default name: the URL's last non-empty path segment, else its host. */
function nameFromUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    const segment = parsed.pathname.split('/').filter(Boolean).pop();
    return segment ? decodeURIComponent(segment) : parsed.hostname;
  } catch {
    return null;
  }
}
