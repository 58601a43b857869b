/**
 * Finds the `{{ name }}` parameter markers of a query (Redash syntax; `{{ range.start }}` and
 * `{{ range.end }}` for a date range), outside string literals and comments, and lists the
 * parameters a query uses so that undeclared ones get a text parameter by default.
 */
import type { Dialect } from '../../datasources/kind';
import type { ParameterDef } from '../../shared/api-types';
import { splitSql } from '../sql/segments';

export type SqlPiece = { text: string } | { param: string; field: 'start' | 'end' | null };

const MARKER = /\{\{\s*([\p{L}\p{N}_]+)(?:\.(start|end))?\s*\}\}/gu;
const NAME = /^[\p{L}\p{N}_]{1,64}$/u;

export function isParameterName(name: string): boolean {
  return NAME.test(name);
}

/** The SQL as text pieces and parameter markers, in order. */
export function parsePlaceholders(sql: string, dialect: Dialect): SqlPiece[] {
  const pieces: SqlPiece[] = [];
  for (const segment of splitSql(sql, dialect)) {
    if (segment.kind !== 'code') {
      pieces.push({ text: segment.text });
      continue;
    }
    let last = 0;
    for (const match of segment.text.matchAll(MARKER)) {
      const at = match.index ?? last;
      if (at > last) pieces.push({ text: segment.text.slice(last, at) });
      pieces.push({ param: match[1], field: (match[2] as 'start' | 'end' | undefined) ?? null });
      last = at + match[0].length;
    }
    if (last < segment.text.length) pieces.push({ text: segment.text.slice(last) });
  }
  return pieces;
}

/** Parameter names used in the SQL, in order of first use. */
export function usedParameterNames(sql: string, dialect: Dialect): string[] {
  const names: string[] = [];
  for (const piece of parsePlaceholders(sql, dialect)) {
    if ('param' in piece && !names.includes(piece.param)) names.push(piece.param);
  }
  return names;
}

/**
 * The declared parameters that the SQL uses, plus a text parameter for each name used but not
 * declared (a name used as `.start`/`.end` defaults to a date range). Declared parameters the
 * SQL no longer uses are kept, after the used ones, so a settings edit is not lost.
 */
export function effectiveParameters(sql: string, declared: ParameterDef[], dialect: Dialect): ParameterDef[] {
  const pieces = parsePlaceholders(sql, dialect);
  const out: ParameterDef[] = [];
  for (const piece of pieces) {
    if (!('param' in piece) || out.some((p) => p.name === piece.param)) continue;
    const def = declared.find((p) => p.name === piece.param);
    out.push(def ?? { name: piece.param, type: piece.field ? 'daterange' : 'text' });
  }
  for (const def of declared) if (!out.some((p) => p.name === def.name)) out.push(def);
  return out;
}
