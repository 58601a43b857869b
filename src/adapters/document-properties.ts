/**
 * JSON values in Document properties: the add-on's per-spreadsheet storage. Document, not
 * Script, properties: in a published add-on Script properties are shared by every customer.
 */
export function readJson<T>(key: string): T | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  PropertiesService.getDocumentProperties().setProperty(key, JSON.stringify(value));
}

export function deleteKey(key: string): void {
  PropertiesService.getDocumentProperties().deleteProperty(key);
}

/** Every property whose key starts with `prefix`, parsed. */
export function readAllWithPrefix<T>(prefix: string): T[] {
  const all = PropertiesService.getDocumentProperties().getProperties();
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
