/**
 * Splits SQL into code, literal and comment segments with the dialect's exact lexer, so that
 * parameter markers (`{{ name }}`, `?`) are only ever recognised in code: never inside a
 * string literal, a quoted identifier, a dollar-quoted body or a comment.
 */
import type { Dialect } from '../../datasources/kind';
import { tokenize } from './lexer';

export interface SqlSegment {
  kind: 'code' | 'literal' | 'comment';
  text: string;
}

export function splitSql(sql: string, dialect: Dialect): SqlSegment[] {
  const segments: SqlSegment[] = [];
  for (const token of tokenize(sql, dialect, 'default')) {
    const kind: SqlSegment['kind'] =
      token.kind === 'comment'
        ? 'comment'
        : token.kind === 'string' || token.kind === 'identifier'
          ? 'literal'
          : 'code';
    const last = segments[segments.length - 1];
    if (kind === 'code' && last?.kind === 'code') last.text += token.text;
    else segments.push({ kind, text: token.text });
  }
  return segments;
}
