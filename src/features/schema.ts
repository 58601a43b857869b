/**
 * The schema browser: tables, views and their columns of a data source, read from JDBC
 * metadata (one getTables and one getColumns call, read with getRows) and kept in the document
 * cache for six hours. A cache value holds at most 100 KB, so the JSON is split into chunks;
 * past MAX_TABLES tables the list is cut, with a note. `refresh` re-reads the database.
 */
import { translate, type Lang } from '../core/i18n';
import { closeQuietly } from '../adapters/jdbc';
import type { SchemaView } from '../shared/api-types';
import { connect, getDataSource } from './datasources';

const CACHE_PREFIX = 'sheetdash.schema.';
const CACHE_SECONDS = 6 * 60 * 60;
/** Characters per cache value: 100 KB even if every character takes 3 bytes in UTF-8. */
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 60;
export const MAX_TABLES = 2_000;
const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema', 'mysql', 'performance_schema', 'sys', 'pg_toast']);
const BATCH = 5_000;

export function getSchema(dataSourceId: string, refresh: boolean, lang: Lang): SchemaView {
  const cache = CacheService.getDocumentCache();
  if (!refresh && cache) {
    const cached = readCached(cache, dataSourceId);
    if (cached) return cached;
  }
  const view = readSchema(dataSourceId, lang);
  if (cache) writeCached(cache, dataSourceId, view);
  return view;
}

function readSchema(dataSourceId: string, lang: Lang): SchemaView {
  const config = getDataSource(dataSourceId, lang);
  const connection = connect(config, lang, { scheduled: false });
  try {
    connection.setReadOnly(true);
    const meta = connection.getMetaData();
    const tables = new Map<string, SchemaView['tables'][number]>();
    const key = (schema: string, name: string) => `${schema}\u0000${name}`;
    const tableRows = meta.getTables(null as unknown as string, null as unknown as string, '%', ['TABLE', 'VIEW']);
    for (const [catalog, schema, name] of readAll(tableRows, 'getString(1),getString(2),getString(3)')) {
      const owner = schema ?? catalog ?? '';
      if (SYSTEM_SCHEMAS.has(owner.toLowerCase()) || owner.startsWith('pg_temp') || name === null) continue;
      tables.set(key(owner, name), { schema: owner, name, columns: [] });
    }
    const columnRows = meta.getColumns(null as unknown as string, null as unknown as string, '%', '%');
    for (const [catalog, schema, table, column, type] of readAll(
      columnRows,
      'getString(1),getString(2),getString(3),getString(4),getString(6)',
    )) {
      const entry = tables.get(key(schema ?? catalog ?? '', table ?? ''));
      if (entry && column !== null) entry.columns.push({ name: column, type: type ?? '' });
    }
    const all = [...tables.values()].sort((a, b) => a.schema.localeCompare(b.schema) || a.name.localeCompare(b.name));
    const view: SchemaView = { dataSourceId, cachedAt: new Date().toISOString(), tables: all.slice(0, MAX_TABLES) };
    if (all.length > MAX_TABLES)
      view.note = translate(lang, 'schema.trimmed', { tables: MAX_TABLES, total: all.length });
    return view;
  } finally {
    closeQuietly(connection);
  }
}

function readAll(resultSet: GoogleAppsScript.JDBC.JdbcResultSet, spec: string): (string | null)[][] {
  const out: (string | null)[][] = [];
  try {
    for (;;) {
      const batch = resultSet.getRows(spec, BATCH) as (string | null)[][];
      if (batch.length === 0) break;
      out.push(...batch);
    }
  } finally {
    closeQuietly(resultSet);
  }
  return out;
}

function readCached(cache: GoogleAppsScript.Cache.Cache, dataSourceId: string): SchemaView | null {
  const head = cache.get(CACHE_PREFIX + dataSourceId);
  if (!head) return null;
  const count = Number(head);
  if (!Number.isInteger(count) || count < 1 || count > MAX_CHUNKS) return null;
  const keys = Array.from({ length: count }, (_, i) => `${CACHE_PREFIX}${dataSourceId}.${i}`);
  const chunks = cache.getAll(keys);
  if (keys.some((k) => typeof chunks[k] !== 'string')) return null;
  try {
    return JSON.parse(keys.map((k) => chunks[k]).join('')) as SchemaView;
  } catch {
    return null;
  }
}

function writeCached(cache: GoogleAppsScript.Cache.Cache, dataSourceId: string, view: SchemaView): void {
  let json = JSON.stringify(view);
  let trimmed = view;
  while (json.length > CHUNK_CHARS * MAX_CHUNKS && trimmed.tables.length > 1) {
    trimmed = { ...trimmed, tables: trimmed.tables.slice(0, Math.floor(trimmed.tables.length / 2)) };
    json = JSON.stringify(trimmed);
  }
  const values: Record<string, string> = {};
  let count = 0;
  for (let i = 0; i < json.length; i += CHUNK_CHARS)
    values[`${CACHE_PREFIX}${dataSourceId}.${count++}`] = json.slice(i, i + CHUNK_CHARS);
  try {
    cache.putAll(values, CACHE_SECONDS);
    cache.put(CACHE_PREFIX + dataSourceId, String(count), CACHE_SECONDS);
  } catch {
    // a full cache only costs a re-read next time
  }
}
