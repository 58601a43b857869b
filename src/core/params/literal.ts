/**
 * The fallback for drivers that refuse `?` binding (reported for external MySQL 8 through
 * Apps Script): each `?` outside string literals, quoted identifiers and comments is replaced
 * by the value written as a literal of the dialect.
 * - PostgreSQL: a standard string, quotes doubled ('it''s'); never E'...'. Backslashes are
 *   ordinary characters there (standard_conforming_strings, on by default since 9.1). A NUL
 *   character cannot be stored in PostgreSQL text and is refused.
 * - MySQL: plain printable ASCII without backslashes is a quoted string with quotes doubled
 *   (correct whatever NO_BACKSLASH_ESCAPES says); anything else (backslashes, control
 *   characters, NUL, any non-ASCII character) is sent as hex, CONVERT(X'…' USING utf8mb4), so
 *   neither the SQL mode nor the connection's character set (GBK/SJIS tricks) can change it.
 * - SQL Server: N'...' with quotes doubled.
 * - Numbers must be finite; negative ones are parenthesised (so "x - ?" never becomes "x --1",
 *   a comment). Booleans are TRUE / FALSE (1 / 0 on SQL Server); null is NULL.
 */
import type { Dialect } from '../../datasources/kind';
import type { BoundSql, BoundValue } from './bound-sql';
import { splitSql } from '../sql/segments';

export class LiteralError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiteralError';
  }
}

export function inlineLiterals(bound: BoundSql, dialect: Dialect): string {
  let index = 0;
  let out = '';
  for (const segment of splitSql(bound.sql, dialect)) {
    if (segment.kind !== 'code') {
      out += segment.text;
      continue;
    }
    out += segment.text.replace(/\?/g, () => {
      if (index >= bound.values.length)
        throw new LiteralError(`The SQL has more ? placeholders than the ${bound.values.length} values given.`);
      return sqlLiteral(bound.values[index++], dialect);
    });
  }
  if (index !== bound.values.length)
    throw new LiteralError(`The SQL has ${index} ? placeholders but ${bound.values.length} values were given.`);
  return out;
}

export function sqlLiteral(value: BoundValue, dialect: Dialect): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return dialect === 'transactsql' ? (value ? '1' : '0') : value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new LiteralError(`${value} is not a finite number.`);
    const text = String(value);
    return value < 0 || Object.is(value, -0) ? `(${text})` : text;
  }
  if (typeof value !== 'string') throw new LiteralError(`Cannot write a ${typeof value} as SQL.`);
  if (dialect === 'mysql') return mysqlString(value);
  if (value.includes('\u0000'))
    throw new LiteralError('PostgreSQL text cannot hold the NUL character (\\0): remove it from the value.');
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return dialect === 'transactsql' ? `N${quoted}` : quoted;
}

function mysqlString(value: string): string {
  if (/^[\x20-\x5b\x5d-\x7e]*$/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return `CONVERT(X'${utf8Hex(value)}' USING utf8mb4)`;
}

/** UTF-8 bytes as hex, without TextEncoder/Buffer (Apps Script has neither). */
function utf8Hex(text: string): string {
  let hex = '';
  for (const char of text) {
    let code = char.codePointAt(0) ?? 0xfffd;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // lone surrogate: the replacement character
    const bytes =
      code < 0x80
        ? [code]
        : code < 0x800
          ? [0xc0 | (code >> 6), 0x80 | (code & 63)]
          : code < 0x10000
            ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)]
            : [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)];
    for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  }
  return hex.toUpperCase();
}
