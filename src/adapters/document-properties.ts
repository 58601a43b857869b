/**
 * JSON values in Document properties: the add-on's per-spreadsheet storage. Document, not
 * Script, properties: in a published add-on Script properties are shared by every customer.
 * All of them are read with one call the first time any is needed in an execution, and
 * served from that snapshot afterwards (writes go to both): a refresh reads a data source, its
 * health and the tab directory, which would otherwise be one call each. A write the store
 * refuses (it is full: 500 KB per document, 9 KB per value) becomes a message in the user's
 * language, never Apps Script's English text.
 */
import { translate } from '../core/i18n';
import { UserError, errorMessage } from '../core/user-error';
import { userLang } from './session';

let documentProperties: GoogleAppsScript.Properties.Properties | null = null;
let snapshot: Record<string, string> | null = null;

/** The Document properties, fetched once per execution (module state lives for one execution). */
function properties(): GoogleAppsScript.Properties.Properties {
  documentProperties ??= PropertiesService.getDocumentProperties();
  return documentProperties;
}

function all(): Record<string, string> {
  snapshot ??= { ...properties().getProperties() };
  return snapshot;
}

export function readJson<T>(key: string): T | null {
  const raw = all()[key];
  if (raw === undefined) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  writeJsonText(key, JSON.stringify(value));
}

export function deleteKey(key: string): void {
  properties().deleteProperty(key);
  if (snapshot) delete snapshot[key];
}

/** Every property whose key starts with `prefix`, parsed. */
export function readAllWithPrefix<T>(prefix: string): T[] {
  const values = all();
  const out: T[] = [];
  for (const key of Object.keys(values)) {
    if (!key.startsWith(prefix)) continue;
    try {
      out.push(JSON.parse(values[key]) as T);
    } catch {
      // a hand-edited or corrupt entry is skipped, not fatal
    }
  }
  return out;
}

/** Every property whose key starts with `prefix`, as [key, parsed value] (corrupt ones skipped). */
export function readEntriesWithPrefix<T>(prefix: string): [string, T][] {
  const values = all();
  const out: [string, T][] = [];
  for (const key of Object.keys(values)) {
    if (!key.startsWith(prefix)) continue;
    try {
      out.push([key, JSON.parse(values[key]) as T]);
    } catch {
      // skipped, as in readAllWithPrefix
    }
  }
  return out;
}

/**
 * One property read from the store itself, not the snapshot (one call): under the document lock,
 * what another execution wrote since this one started. The snapshot is updated with it.
 */
export function readJsonFresh<T>(key: string): T | null {
  const raw = properties().getProperty(key);
  if (snapshot) {
    if (raw === null) delete snapshot[key];
    else snapshot[key] = raw;
  }
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** Writes a value already serialised as JSON. */
export function writeJsonText(key: string, text: string): void {
  try {
    properties().setProperty(key, text);
  } catch (error) {
    // Whatever the platform's wording: the one thing a user can do is make room.
    throw new UserError(translate(userLang(), 'props.writeFailed'), errorMessage(error));
  }
  if (snapshot) snapshot[key] = text;
}

/** Reads every property from the store again (one call): under the document lock, before deciding from many. */
export function reloadAll(): void {
  snapshot = { ...properties().getProperties() };
}
