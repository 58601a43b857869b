/**
 * The Format button's logic (pure): sql-formatter in the data source's dialect, keeping
 * `{{ name }}` placeholders intact. Only the three dialects we connect to are bundled.
 */
import { formatDialect, mysql, postgresql, transactsql } from 'sql-formatter';
import type { KindView } from '../../shared/api-types';

export type Dialect = KindView['dialect'];

const DIALECTS = { postgresql, mysql, transactsql };

/** A `{{ name }}` or `{{ name.start }}` placeholder, formatted as a parameter, not parsed as SQL. */
const PLACEHOLDER_PARAM = { regex: String.raw`\{\{\s*[A-Za-z_][A-Za-z0-9_]*(?:\.(?:start|end))?\s*\}\}` };

export function formatSql(sql: string, dialect: Dialect): string {
  return formatDialect(sql, {
    dialect: DIALECTS[dialect] ?? postgresql,
    keywordCase: 'upper',
    tabWidth: 2,
    paramTypes: { custom: [PLACEHOLDER_PARAM] },
  });
}
