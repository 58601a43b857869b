/**
 * JSON values in Document properties: the add-on's per-spreadsheet storage. Document, not
 * Script, properties: in a published add-on Script properties are shared by every customer.
 */
let documentProperties: GoogleAppsScript.Properties.Properties | null = null;

/** The Document properties, fetched once per execution (module state lives for one execution). */
function properties(): GoogleAppsScript.Properties.Properties {
  documentProperties ??= PropertiesService.getDocumentProperties();
  return documentProperties;
}

export function readJson<T>(key: string): T | null {
  const raw = properties().getProperty(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  properties().setProperty(key, JSON.stringify(value));
}

export function deleteKey(key: string): void {
  properties().deleteProperty(key);
}

/** Every property whose key starts with `prefix`, parsed. */
export function readAllWithPrefix<T>(prefix: string): T[] {
  const all = properties().getProperties();
  const out: T[] = [];
  for (const key of Object.keys(all)) {
    if (!key.startsWith(prefix)) continue;
    try {
      out.push(JSON.parse(all[key]) as T);
    } catch {
      // a hand-edited or corrupt entry is skipped, not fatal
    }
  }
  return out;
}
