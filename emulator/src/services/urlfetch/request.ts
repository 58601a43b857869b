/**
 * Turns the arguments of `UrlFetchApp.fetch(url, params)` into a prepared request: checks the
 * URL (empty, too long, malformed), the method and header count, encodes the payload as
 * Apps Script does (string as UTF-8, byte array as is, a JavaScript object as an
 * application/x-www-form-urlencoded form, a Blob as its bytes and content type) and applies
 * the defaults (GET, form content type, follow redirects, validate certificates).
 */
import { validateHeaderName, validateHeaderValue } from 'node:http';
import { TextDecoder, TextEncoder } from 'node:util';
import { AppsScriptException } from '../../core/errors';
import { MAX_HEADERS, MAX_POST_BYTES, MAX_URL_LENGTH, URLFETCH_MESSAGES as M } from './messages';

export type HttpMethod = 'get' | 'delete' | 'patch' | 'post' | 'put';
const METHODS: readonly HttpMethod[] = ['get', 'delete', 'patch', 'post', 'put'];

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/** The request as the script asked for it, before host mapping. */
export interface PreparedRequest {
  /** The URL as the script wrote it. */
  url: string;
  parsed: URL;
  method: HttpMethod;
  /** Request headers the script set, in order (Content-Type excluded: see contentType). */
  headers: [string, string][];
  contentType: string | null;
  body: Uint8Array | null;
  /** The payload as getRequest reports it (a string, or the byte array). */
  payloadForReport: string | number[] | null;
  followRedirects: boolean;
  muteHttpExceptions: boolean;
  validateHttpsCertificates: boolean;
  escaping: boolean;
}

/** What the sandbox may pass as `params` (host copies). */
export type FetchParams = Partial<Record<keyof GoogleAppsScript.URL_Fetch.URLFetchRequestOptions, unknown>>;

interface BlobLike {
  getBytes(): number[];
  getContentType(): string | null;
}

function isBlobLike(value: unknown): value is BlobLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as BlobLike).getBytes === 'function' &&
    typeof (value as BlobLike).getContentType === 'function'
  );
}

/** Characters no URL may hold unescaped; Apps Script answers "Invalid argument" for them. */
const ILLEGAL_URL_CHARS = /[\s"<>\\^`{|}]/;

export function parseUrl(raw: unknown): { url: string; parsed: URL } {
  if (raw === undefined || raw === null || raw === '') throw new AppsScriptException(M.noUrl);
  const url = String(raw);
  if (url.length > MAX_URL_LENGTH) throw new AppsScriptException(M.urlLength);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppsScriptException(M.invalidArgument(url));
  }
  if (
    (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
    !parsed.hostname ||
    ILLEGAL_URL_CHARS.test(url)
  ) {
    throw new AppsScriptException(M.invalidArgument(url));
  }
  return { url, parsed };
}

export function prepareRequest(rawUrl: unknown, rawParams: unknown): PreparedRequest {
  const { url, parsed } = parseUrl(rawUrl);
  const params: FetchParams = typeof rawParams === 'object' && rawParams !== null ? (rawParams as FetchParams) : {};

  const methodName =
    params.method === undefined || params.method === null ? 'get' : String(params.method).toLowerCase();
  if (!METHODS.includes(methodName as HttpMethod)) throw new AppsScriptException(M.invalidArgument('method'));
  const method = methodName as HttpMethod;

  const headers: [string, string][] = [];
  let headerContentType: string | null = null;
  if (typeof params.headers === 'object' && params.headers !== null) {
    const entries = Object.entries(params.headers as Record<string, unknown>);
    if (entries.length > MAX_HEADERS) throw new AppsScriptException(M.headerCount);
    for (const [name, value] of entries) {
      if (value === undefined || value === null) continue;
      try {
        validateHeaderName(name);
        validateHeaderValue(name, String(value));
      } catch {
        throw new AppsScriptException(M.invalidArgument(name));
      }
      if (name.toLowerCase() === 'content-type') headerContentType = String(value);
      else headers.push([name, String(value)]);
    }
  }

  let body: Uint8Array | null = null;
  let payloadForReport: string | number[] | null = null;
  let defaultType: string | null = null;
  const payload = params.payload;
  if (payload !== undefined && payload !== null) {
    if (typeof payload === 'string') {
      body = new TextEncoder().encode(payload);
      payloadForReport = payload;
      defaultType = FORM_CONTENT_TYPE;
    } else if (Array.isArray(payload)) {
      body = Uint8Array.from(payload, (b) => Number(b) & 0xff);
      payloadForReport = payload.map((b) => Number(b));
      defaultType = FORM_CONTENT_TYPE;
    } else if (isBlobLike(payload)) {
      const bytes = payload.getBytes();
      body = Uint8Array.from(bytes, (b) => b & 0xff);
      payloadForReport = bytes;
      defaultType = payload.getContentType() ?? FORM_CONTENT_TYPE;
    } else if (typeof payload === 'object') {
      const form = encodeForm(payload as Record<string, unknown>);
      body = new TextEncoder().encode(form);
      payloadForReport = form;
      defaultType = FORM_CONTENT_TYPE;
    } else {
      const text = String(payload);
      body = new TextEncoder().encode(text);
      payloadForReport = text;
      defaultType = FORM_CONTENT_TYPE;
    }
    if (body.byteLength > MAX_POST_BYTES) throw new AppsScriptException(M.postSize);
    // GET does not take a payload (Google: "Certain HTTP methods (e.g. GET) do not accept a payload").
    if (method === 'get') body = null;
  }

  const explicitType =
    params.contentType === undefined || params.contentType === null ? null : String(params.contentType);
  const contentType = explicitType ?? headerContentType ?? (body ? defaultType : null);

  return {
    url,
    parsed,
    method,
    headers,
    contentType,
    body,
    payloadForReport,
    followRedirects: params.followRedirects === undefined ? true : Boolean(params.followRedirects),
    muteHttpExceptions: Boolean(params.muteHttpExceptions),
    validateHttpsCertificates:
      params.validateHttpsCertificates === undefined ? true : Boolean(params.validateHttpsCertificates),
    escaping: params.escaping === undefined ? true : Boolean(params.escaping),
  };
}

/**
 * A JavaScript object as a form body, encoded as Java's URLEncoder does (UTF-8; letters,
 * digits and ".-*_" kept; space as "+"; everything else %XX in upper case).
 */
export function encodeForm(fields: Record<string, unknown>): string {
  return Object.keys(fields)
    .map((key) => `${formEscape(key)}=${formEscape(formValue(fields[key]))}`)
    .join('&');
}

function formValue(value: unknown): string {
  if (isBlobLike(value)) return new TextDecoder().decode(Uint8Array.from(value.getBytes(), (b) => b & 0xff));
  return String(value);
}

function formEscape(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (byte === 0x20) out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** What `UrlFetchApp.getRequest` returns for a prepared request. */
export function describeRequest(request: PreparedRequest): Record<string, unknown> {
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers) headers[name] = value;
  const out: Record<string, unknown> = {
    url: request.url,
    method: request.method,
    headers,
    followRedirects: request.followRedirects,
    validateHttpsCertificates: request.validateHttpsCertificates,
    useIntranet: false,
    muteHttpExceptions: request.muteHttpExceptions,
  };
  // A POST/PUT/PATCH without payload still reports the form content type.
  const bodyMethod = request.method === 'post' || request.method === 'put' || request.method === 'patch';
  const contentType = request.contentType ?? (bodyMethod ? FORM_CONTENT_TYPE : null);
  if (contentType !== null) out.contentType = contentType;
  if (request.payloadForReport !== null) out.payload = request.payloadForReport;
  return out;
}
