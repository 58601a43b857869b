/**
 * The Format button's logic (pure): sql-formatter in the data source's dialect, keeping
 * `{{ name }}` placeholders intact. Only the three dialects we connect to (and standard SQL,
 * before a data source is chosen) are bundled.
 */
import { formatDialect, mysql, postgresql, sql as standardSql, transactsql } from 'sql-formatter';
import type { KindView } from '../../shared/api-types';

export type Dialect = KindView['dialect'];

const DIALECTS = { postgresql, mysql, transactsql };

/** A `{{ name }}` or `{{ name.start }}` placeholder, formatted as a parameter, not parsed as SQL. */
const PLACEHOLDER_PARAM = { regex: String.raw`\{\{\s*[A-Za-z_][A-Za-z0-9_]*(?:\.(?:start|end))?\s*\}\}` };

/** Formats in the data source's dialect; null (no source chosen yet) is standard SQL. */
export function formatSql(sql: string, dialect: Dialect | null): string {
  return formatDialect(sql, {
    dialect: dialect ? DIALECTS[dialect] : standardSql,
    keywordCase: 'upper',
    tabWidth: 2,
    paramTypes: { custom: [PLACEHOLDER_PARAM] },
  });
}
