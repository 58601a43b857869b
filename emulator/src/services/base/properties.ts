/**
 * PropertiesService: script properties (one store), document properties (one store per
 * container document) and user properties (one store per user). Values are strings. Limits,
 * counted in UTF-8 bytes of key + value: 9 KB (9,216 bytes) per property and 500 KB
 * (512,000 bytes) per store; both refuse with the storage-quota text. Stores live in the
 * host, can be dumped (`_store`) and persisted (`_snapshot` / `_restore`).
 */
import { AppsScriptException } from '../../core/errors';
import type { ServiceHost } from '../../core/host';
import type { SpreadsheetService } from '../spreadsheet';
import { containerDocumentId } from './document';

export const PROPERTY_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

export type PropertyScope = 'script' | 'document' | 'user';
export type PropertyMap = Record<string, string>;

export interface PropertiesSnapshot {
  script: PropertyMap;
  document: Record<string, PropertyMap>;
  user: Record<string, PropertyMap>;
}

type Methods =
  | 'getProperty'
  | 'setProperty'
  | 'setProperties'
  | 'getProperties'
  | 'getKeys'
  | 'deleteProperty'
  | 'deleteAllProperties';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class PropertiesFake implements Pick<GoogleAppsScript.Properties.Properties, Methods> {
  static readonly appsScriptName = 'PropertiesService.Properties';

  constructor(private readonly _map: Map<string, string>) {}

  getProperty(key: unknown): string | null {
    const v = this._map.get(String(key));
    return v === undefined ? null : v;
  }

  setProperty(key: unknown, value: unknown): GoogleAppsScript.Properties.Properties {
    const k = String(key);
    const v = String(value);
    const next = new Map(this._map);
    next.set(k, v);
    checkQuota(next, [k]);
    this._map.set(k, v);
    return this._self();
  }

  setProperties(properties: unknown, deleteAllOthers?: unknown): GoogleAppsScript.Properties.Properties {
    const entries = Object.entries((properties ?? {}) as Record<string, unknown>).map(
      ([k, v]) => [k, String(v)] as const,
    );
    const next = deleteAllOthers === true ? new Map<string, string>() : new Map(this._map);
    for (const [k, v] of entries) next.set(k, v);
    checkQuota(
      next,
      entries.map(([k]) => k),
    );
    this._map.clear();
    for (const [k, v] of next) this._map.set(k, v);
    return this._self();
  }

  getProperties(): PropertyMap {
    return Object.fromEntries(this._map);
  }

  getKeys(): string[] {
    return [...this._map.keys()];
  }

  deleteProperty(key: unknown): GoogleAppsScript.Properties.Properties {
    this._map.delete(String(key));
    return this._self();
  }

  deleteAllProperties(): GoogleAppsScript.Properties.Properties {
    this._map.clear();
    return this._self();
  }

  private _self(): GoogleAppsScript.Properties.Properties {
    return this as unknown as GoogleAppsScript.Properties.Properties;
  }
}

function checkQuota(store: Map<string, string>, changed: string[]): void {
  for (const k of changed) {
    if (bytes(k) + bytes(store.get(k) ?? '') > PROPERTY_VALUE_LIMIT_BYTES)
      throw new AppsScriptException(PROPERTY_QUOTA_MESSAGE);
  }
  let total = 0;
  for (const [k, v] of store) total += bytes(k) + bytes(v);
  if (total > PROPERTY_STORE_LIMIT_BYTES) throw new AppsScriptException(PROPERTY_QUOTA_MESSAGE);
}

export class PropertiesServiceFake
  implements
    Pick<
      GoogleAppsScript.Properties.PropertiesService,
      'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'
    >
{
  static readonly appsScriptName = 'PropertiesService';
  private readonly _script = new Map<string, string>();
  private readonly _documents = new Map<string, Map<string, string>>();
  private readonly _users = new Map<string, Map<string, string>>();

  constructor(
    private readonly _host: ServiceHost,
    private readonly _spreadsheet: SpreadsheetService,
  ) {}

  getScriptProperties(): GoogleAppsScript.Properties.Properties {
    return new PropertiesFake(this._script) as unknown as GoogleAppsScript.Properties.Properties;
  }

  getDocumentProperties(): GoogleAppsScript.Properties.Properties {
    return new PropertiesFake(this._map('document')) as unknown as GoogleAppsScript.Properties.Properties;
  }

  getUserProperties(): GoogleAppsScript.Properties.Properties {
    return new PropertiesFake(this._map('user')) as unknown as GoogleAppsScript.Properties.Properties;
  }

  /** The live map behind a store (document: the container's; user: `user` or the running execution's). */
  _map(scope: PropertyScope, owner?: string): Map<string, string> {
    if (scope === 'script') return this._script;
    const table = scope === 'document' ? this._documents : this._users;
    const key = owner ?? (scope === 'document' ? containerDocumentId(this._spreadsheet) : this._currentUser());
    let map = table.get(key);
    if (!map) {
      map = new Map();
      table.set(key, map);
    }
    return map;
  }

  /** A copy of one store, for assertions (e.g. that a secret lives only here). */
  _store(scope: PropertyScope, owner?: string): PropertyMap {
    return Object.fromEntries(this._map(scope, owner));
  }

  /** Every stored value of every store, for "is this secret anywhere?" checks. */
  _allValues(): string[] {
    const out = [...this._script.values()];
    for (const table of [this._documents, this._users]) for (const m of table.values()) out.push(...m.values());
    return out;
  }

  _snapshot(): PropertiesSnapshot {
    const dump = (t: Map<string, Map<string, string>>) =>
      Object.fromEntries([...t].map(([k, m]) => [k, Object.fromEntries(m)]));
    return { script: Object.fromEntries(this._script), document: dump(this._documents), user: dump(this._users) };
  }

  _restore(data: PropertiesSnapshot): void {
    const load = (target: Map<string, string>, source: PropertyMap) => {
      target.clear();
      for (const [k, v] of Object.entries(source)) target.set(k, String(v));
    };
    load(this._script, data.script ?? {});
    for (const [table, source] of [
      [this._documents, data.document ?? {}],
      [this._users, data.user ?? {}],
    ] as const) {
      table.clear();
      for (const [owner, props] of Object.entries(source)) {
        const m = new Map<string, string>();
        load(m, props);
        table.set(owner, m);
      }
    }
  }

  private _currentUser(): string {
    return this._host.currentExecution()?.user.email ?? 'user@example.com';
  }
}
