/**
 * SQL text helpers for prepared statements: finding the `?` placeholders outside quotes and
 * comments, then rendering the statement for each engine — `$1, $2, …` with separate values
 * for PostgreSQL, or literals inlined client-side for MySQL (as Connector/J does by default).
 */
import type { Engine } from './bridge';

/** Splits SQL at its placeholders: n placeholders give n + 1 parts. */
export function splitPlaceholders(sql: string, engine: Engine): string[] {
  const parts: string[] = [];
  let start = 0;
  let i = 0;
  const n = sql.length;
  while (i < n) {
    const ch = sql[i];
    const next = sql[i + 1];
    if (ch === "'" || ch === '"' || (ch === '`' && engine === 'mysql')) {
      i++;
      while (i < n) {
        if (engine === 'mysql' && sql[i] === '\\') {
          i += 2;
          continue;
        }
        if (sql[i] === ch) {
          if (sql[i + 1] === ch) {
            i += 2;
            continue;
          }
          break;
        }
        i++;
      }
      i++;
    } else if (ch === '-' && next === '-') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (ch === '#' && engine === 'mysql') {
      while (i < n && sql[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (ch === '$' && engine !== 'mysql' && /^\$([A-Za-z_]\w*)?\$/.test(sql.slice(i))) {
      const tag = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end < 0 ? n : end + tag.length;
    } else if (ch === '?') {
      if (engine !== 'mysql' && next === '?') {
        i += 2;
        continue;
      } // pgjdbc: "??" is a literal "?"
      parts.push(sql.slice(start, i));
      start = i + 1;
      i++;
    } else i++;
  }
  parts.push(sql.slice(start));
  if (engine !== 'mysql') return parts.map((p) => p.replace(/\?\?/g, '?'));
  return parts;
}

/** A bound parameter: its JDBC flavour and its text form. */
export type Param =
  | { kind: 'null' }
  | { kind: 'string' | 'number' | 'decimal' | 'date' | 'time' | 'timestamp'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'bytes'; bytes: Uint8Array };

export function pgText(parts: string[]): string {
  let out = parts[0];
  for (let k = 1; k < parts.length; k++) out += `$${k}${parts[k]}`;
  return out;
}

export function pgValue(p: Param): string | null {
  switch (p.kind) {
    case 'null':
      return null;
    case 'bool':
      return p.value ? 'true' : 'false';
    case 'bytes':
      return `\\x${Buffer.from(p.bytes).toString('hex')}`;
    default:
      return p.text;
  }
}

export function mysqlQuote(text: string): string {
  return (
    "'" +
    text.replace(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: MySQL escapes NUL and Ctrl-Z
      /[\0\n\r\b\t\\'"\x1a]/g,
      (c) =>
        ({
          '\0': '\\0',
          '\n': '\\n',
          '\r': '\\r',
          '\b': '\\b',
          '\t': '\\t',
          '\\': '\\\\',
          "'": "\\'",
          '"': '\\"',
          '\x1a': '\\Z',
        })[c]!,
    ) +
    "'"
  );
}

export function mysqlLiteral(p: Param): string {
  switch (p.kind) {
    case 'null':
      return 'NULL';
    case 'bool':
      return p.value ? '1' : '0';
    case 'bytes':
      return `X'${Buffer.from(p.bytes).toString('hex')}'`;
    case 'number':
    case 'decimal':
      return p.text;
    default:
      return mysqlQuote(p.text);
  }
}

export function mysqlText(parts: string[], params: Param[]): string {
  let out = parts[0];
  for (let k = 1; k < parts.length; k++) out += mysqlLiteral(params[k - 1]) + parts[k];
  return out;
}
