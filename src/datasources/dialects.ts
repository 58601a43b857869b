/**
 * The SQL parser of each dialect (node-sql-parser's per-dialect builds), created on first
 * use: module scope stays free of work, since Apps Script re-runs it on every execution.
 * SQL Server has no parser in the bundle (each costs ~300 KB that Apps Script parses on every
 * execution): its queries get the keyword check, with the read-only session as backstop.
 */
import type { SqlParser } from '../core/sql/read-only';
import type { Dialect } from './kind';
import { Parser as MysqlParser } from 'node-sql-parser/build/mysql';
import { Parser as PostgresParser } from 'node-sql-parser/build/postgresql';

const cache: Partial<Record<Dialect, SqlParser>> = {};

const NO_PARSER: SqlParser = {
  astify() {
    throw new Error('no parser for this dialect');
  },
};

export function parserFor(dialect: Dialect): SqlParser {
  const cached = cache[dialect];
  if (cached) return cached;
  if (dialect === 'transactsql') return NO_PARSER;
  const parser = dialect === 'postgresql' ? new PostgresParser() : new MysqlParser();
  const adapter: SqlParser = { astify: (sql) => parser.astify(sql, { database: dialect }) };
  cache[dialect] = adapter;
  return adapter;
}
