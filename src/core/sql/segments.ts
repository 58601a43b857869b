/**
 * Splits SQL into code, literal and comment segments, per dialect, so that parameter markers
 * (`{{ name }}`, `?`) are only ever recognised in code: never inside a string literal, a
 * quoted identifier, a dollar-quoted body or a comment.
 */
import type { Dialect } from '../../datasources/kind';

export interface SqlSegment {
  kind: 'code' | 'literal' | 'comment';
  text: string;
}

export function splitSql(sql: string, dialect: Dialect = 'postgresql'): SqlSegment[] {
  const segments: SqlSegment[] = [];
  let codeStart = 0;
  let i = 0;
  const n = sql.length;
  const push = (kind: SqlSegment['kind'], end: number) => {
    if (codeStart < i) segments.push({ kind: 'code', text: sql.slice(codeStart, i) });
    segments.push({ kind, text: sql.slice(i, end) });
    i = end;
    codeStart = end;
  };
  while (i < n) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === '-' && next === '-') push('comment', lineEnd(sql, i));
    else if (c === '#' && dialect === 'mysql') push('comment', lineEnd(sql, i));
    else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      push('comment', end < 0 ? n : end + 2);
    } else if (c === "'" || c === '"' || c === '`' || (c === '[' && dialect === 'transactsql')) {
      const escaped = backslashEscapes(sql, i, c, dialect);
      push('literal', quotedEnd(sql, i, c === '[' ? ']' : c, escaped));
    } else if (c === '$' && dialect === 'postgresql' && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        push('literal', end < 0 ? n : end + tag[0].length);
      } else i++;
    } else i++;
  }
  if (codeStart < n) segments.push({ kind: 'code', text: sql.slice(codeStart) });
  return segments;
}

/** MySQL strings take backslash escapes; PostgreSQL only in E'...' strings. */
function backslashEscapes(sql: string, start: number, quote: string, dialect: Dialect): boolean {
  if (quote !== "'" && quote !== '"') return false;
  if (dialect === 'mysql') return true;
  return dialect === 'postgresql' && quote === "'" && /[eE]/.test(sql[start - 1] ?? '') && !/[A-Za-z0-9_]/.test(sql[start - 2] ?? '');
}

function lineEnd(sql: string, from: number): number {
  const end = sql.indexOf('\n', from);
  return end < 0 ? sql.length : end;
}

function quotedEnd(sql: string, start: number, close: string, backslash: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (backslash && sql[i] === '\\') {
      i += 2;
      continue;
    }
    if (sql[i] === close) {
      if (sql[i + 1] === close) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}
