/**
 * CacheService: script, user and document caches. Entries expire on the virtual clock
 * (default 600 s, at most 21,600 s). Keys over 250 characters and values over 100 KB are
 * refused with Apps Script's texts. Past 1,000 items a cache keeps the 900 farthest from
 * expiration, as Google documents.
 */
import { AppsScriptException } from '../../core/errors';
import type { ServiceHost } from '../../core/host';
import type { SpreadsheetService } from '../spreadsheet';
import { containerDocumentId } from './document';

export const CACHE_MAX_KEY_CHARS = 250;
export const CACHE_MAX_VALUE_BYTES = 100 * 1024;
export const CACHE_MAX_ITEMS = 1000;
export const CACHE_KEEP_ON_EVICTION = 900;
export const CACHE_DEFAULT_SECONDS = 600;
export const CACHE_MAX_SECONDS = 21600;

interface Entry {
  value: string;
  expiresAt: number;
}

type Methods = 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll';

export class CacheFake implements Pick<GoogleAppsScript.Cache.Cache, Methods> {
  static readonly appsScriptName = 'CacheService.Cache';

  constructor(
    private readonly _entries: Map<string, Entry>,
    private readonly _host: ServiceHost,
  ) {}

  get(key: unknown): string | null {
    const k = checkKey(key);
    const e = this._live(k);
    return e ? e.value : null;
  }

  getAll(keys: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    for (const key of asArray(keys)) {
      const k = checkKey(key);
      const e = this._live(k);
      if (e) out[k] = e.value;
    }
    return out;
  }

  put(key: unknown, value: unknown, expirationInSeconds?: unknown): void {
    const k = checkKey(key);
    const v = checkValue(value);
    this._entries.set(k, { value: v, expiresAt: this._expiry(expirationInSeconds) });
    this._evict();
  }

  putAll(values: unknown, expirationInSeconds?: unknown): void {
    const entries = Object.entries((values ?? {}) as Record<string, unknown>).map(
      ([k, v]) => [checkKey(k), checkValue(v)] as const,
    );
    const expiresAt = this._expiry(expirationInSeconds);
    for (const [k, v] of entries) this._entries.set(k, { value: v, expiresAt });
    this._evict();
  }

  remove(key: unknown): void {
    this._entries.delete(checkKey(key));
  }

  removeAll(keys: unknown): void {
    for (const key of asArray(keys)) this._entries.delete(checkKey(key));
  }

  private _live(key: string): Entry | undefined {
    const e = this._entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this._host.clock.now()) {
      this._entries.delete(key);
      return undefined;
    }
    return e;
  }

  private _expiry(seconds: unknown): number {
    let s = seconds === undefined || seconds === null ? CACHE_DEFAULT_SECONDS : Number(seconds);
    if (!Number.isFinite(s)) s = CACHE_DEFAULT_SECONDS;
    s = Math.min(Math.max(Math.trunc(s), 1), CACHE_MAX_SECONDS);
    return this._host.clock.now() + s * 1000;
  }

  private _evict(): void {
    const now = this._host.clock.now();
    for (const [k, e] of this._entries) if (e.expiresAt <= now) this._entries.delete(k);
    if (this._entries.size <= CACHE_MAX_ITEMS) return;
    const keep = [...this._entries].sort((a, b) => b[1].expiresAt - a[1].expiresAt).slice(0, CACHE_KEEP_ON_EVICTION);
    this._entries.clear();
    for (const [k, e] of keep) this._entries.set(k, e);
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function checkKey(key: unknown): string {
  const k = String(key);
  if (k.length > CACHE_MAX_KEY_CHARS) throw new AppsScriptException('Argument too large: key');
  return k;
}

function checkValue(value: unknown): string {
  const v = String(value);
  if (Buffer.byteLength(v, 'utf8') > CACHE_MAX_VALUE_BYTES) throw new AppsScriptException('Argument too large: value');
  return v;
}

export class CacheServiceFake
  implements Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getUserCache' | 'getDocumentCache'>
{
  static readonly appsScriptName = 'CacheService';
  private readonly _caches = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly _host: ServiceHost,
    private readonly _spreadsheet: SpreadsheetService,
  ) {}

  getScriptCache(): GoogleAppsScript.Cache.Cache {
    return this._cache('script');
  }

  getUserCache(): GoogleAppsScript.Cache.Cache {
    return this._cache(`user:${this._host.currentExecution()?.user.email ?? ''}`);
  }

  getDocumentCache(): GoogleAppsScript.Cache.Cache {
    return this._cache(`document:${containerDocumentId(this._spreadsheet)}`);
  }

  /** Live (unexpired) entries of one cache: "script", "user:<email>" or "document:<id>". */
  _entries(name: string): Record<string, string> {
    const now = this._host.clock.now();
    const out: Record<string, string> = {};
    for (const [k, e] of this._caches.get(name) ?? []) if (e.expiresAt > now) out[k] = e.value;
    return out;
  }

  private _cache(name: string): GoogleAppsScript.Cache.Cache {
    let entries = this._caches.get(name);
    if (!entries) {
      entries = new Map();
      this._caches.set(name, entries);
    }
    return new CacheFake(entries, this._host) as unknown as GoogleAppsScript.Cache.Cache;
  }
}
