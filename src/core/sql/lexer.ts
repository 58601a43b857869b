/**
 * The statements and bare words of SQL, outside string literals, quoted identifiers,
 * dollar-quoted bodies and comments (split by segments.ts, per dialect). The read-only check
 * uses it to count statements and as its conservative fallback when the parser gives up.
 */
import type { Dialect } from '../../datasources/kind';
import { splitSql } from './segments';

export interface SqlScan {
  /** Upper-cased bare words outside literals and comments, per statement. */
  statements: string[][];
}

export function scanSql(sql: string, dialect: Dialect = 'postgresql'): SqlScan {
  const statements: string[][] = [[]];
  for (const segment of splitSql(sql, dialect)) {
    if (segment.kind !== 'code') continue;
    for (const token of segment.text.match(/;|[A-Za-z_][A-Za-z0-9_$]*/g) ?? []) {
      if (token === ';') statements.push([]);
      else statements[statements.length - 1].push(token.toUpperCase());
    }
  }
  return { statements: statements.filter((words) => words.length > 0) };
}
