/**
 * The exact lexer of each SQL dialect: cuts SQL into words, quoted identifiers, strings,
 * comments, white space and single-character symbols, following the server's own rules, so
 * that the read-only check and the parameter code see the statement the server will see.
 * - PostgreSQL: identifiers take non-ASCII letters, digits, `_` and `$` (so `é$a$` is one
 *   identifier, not a dollar quote); dollar quotes `$tag$...$tag$` start only where a token
 *   starts; `E'...'` strings take backslash escapes, standard strings (and `U&'...'`) do not;
 *   `/* *\/` comments nest; `--` starts a comment wherever it appears.
 * - MySQL / MariaDB: strings take backslash escapes; `#` starts a comment, `--` only when a
 *   space or a control character follows it (`--1` is minus minus one); backtick
 *   identifiers; `/*! *\/`, `/*!50000 *\/` and `/*M! *\/` are executable comments, flagged.
 * - SQL Server: `[ ]` and `" "` identifiers, nested comments.
 * A quote or comment that is never closed is flagged ('unterminated'). The other readings
 * lex as a server with other settings would: PostgreSQL with standard_conforming_strings off
 * (backslash escapes in every string); MySQL with NO_BACKSLASH_ESCAPES, ANSI_QUOTES, or both.
 */
import type { Dialect } from '../../datasources/kind';

export type TokenKind = 'word' | 'identifier' | 'string' | 'comment' | 'space' | 'symbol';
export type TokenProblem = 'unterminated' | 'executable-comment';

/**
 * The server's default settings, or other settings that change where a quote ends: 'other' is
 * PostgreSQL with standard_conforming_strings off, MySQL with NO_BACKSLASH_ESCAPES and
 * ANSI_QUOTES; MySQL also has each of those two alone.
 */
export type Reading = 'default' | 'other' | 'ansi-quotes' | 'no-backslash-escapes';

/** The readings other than the default that a server of each dialect may be set to. */
export const OTHER_READINGS: Record<Dialect, readonly Reading[]> = {
  postgresql: ['other'],
  mysql: ['other', 'ansi-quotes', 'no-backslash-escapes'],
  transactsql: [],
};

export interface SqlToken {
  kind: TokenKind;
  text: string;
  start: number;
  /** A word as written, a quoted identifier or string without its quotes (doubled quotes undone). */
  value: string;
  problem?: TokenProblem;
}

interface Lexeme {
  kind: TokenKind;
  end: number;
  problem?: TokenProblem;
}

type NextToken = (sql: string, i: number, reading: Reading) => Lexeme;

export function tokenize(sql: string, dialect: Dialect, reading: Reading): SqlToken[] {
  const next = lexerOf(dialect);
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const lexeme = next(sql, i, reading);
    const text = sql.slice(i, lexeme.end);
    const token: SqlToken = { kind: lexeme.kind, text, start: i, value: unquotedValue(lexeme.kind, text) };
    if (lexeme.problem) token.problem = lexeme.problem;
    tokens.push(token);
    i = lexeme.end;
  }
  return tokens;
}

function lexerOf(dialect: Dialect): NextToken {
  switch (dialect) {
    case 'postgresql':
      return nextPostgres;
    case 'mysql':
      return nextMysql;
    case 'transactsql':
      return nextTransactSql;
    default: {
      const unknown: never = dialect;
      throw new Error(`No SQL lexer for the dialect "${String(unknown)}".`);
    }
  }
}

function unquotedValue(kind: TokenKind, text: string): string {
  if ((kind !== 'identifier' && kind !== 'string') || text.startsWith('$')) return text;
  const quote = /['"`[]/.exec(text);
  if (!quote) return text;
  const open = quote[0];
  const close = open === '[' ? ']' : open;
  const inner = text.slice(quote.index + 1, text.endsWith(close) ? -1 : undefined);
  return inner.split(close + close).join(close);
}

// --- character classes -------------------------------------------------------------------

const SPACE = /[ \t\n\r\f\v]/;

function isSpace(c: string | undefined): boolean {
  return c !== undefined && SPACE.test(c);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isHigh(c: string | undefined): boolean {
  return c !== undefined && c.charCodeAt(0) >= 0x80;
}

function spaceEnd(sql: string, i: number): number {
  let j = i;
  while (isSpace(sql[j])) j++;
  return j;
}

function runEnd(sql: string, i: number, accepts: (c: string | undefined) => boolean): number {
  let j = i;
  while (j < sql.length && accepts(sql[j])) j++;
  return j;
}

/** End of a line comment: before the first of `stops`, or the end of the text. */
function lineCommentEnd(sql: string, i: number, stops: string): number {
  let j = i;
  while (j < sql.length && !stops.includes(sql[j])) j++;
  return j;
}

/** A `/* *\/` comment, nested or not; `from` is where `/*` is. */
function blockComment(sql: string, from: number, nested: boolean): Lexeme {
  let depth = 1;
  let j = from + 2;
  while (j < sql.length) {
    if (nested && sql[j] === '/' && sql[j + 1] === '*') {
      depth++;
      j += 2;
    } else if (sql[j] === '*' && sql[j + 1] === '/') {
      depth--;
      j += 2;
      if (depth === 0) return { kind: 'comment', end: j };
    } else j++;
  }
  return { kind: 'comment', end: sql.length, problem: 'unterminated' };
}

/**
 * End (after the closing quote) of a quoted token whose opening quote is at `open`, with
 * doubled closing quotes as the only escape, or with backslash escapes too; -1 if never closed.
 */
export function quotedEnd(sql: string, open: number, close: string, backslash: boolean): number {
  let j = open + 1;
  while (j < sql.length) {
    const c = sql[j];
    if (backslash && c === '\\') j += 2;
    else if (c === close && sql[j + 1] === close) j += 2;
    else if (c === close) return j + 1;
    else j++;
  }
  return -1;
}

function quoted(kind: TokenKind, sql: string, open: number, close: string, backslash: boolean): Lexeme {
  const end = quotedEnd(sql, open, close, backslash);
  if (end < 0) return { kind, end: sql.length, problem: 'unterminated' };
  return { kind, end };
}

// --- PostgreSQL ----------------------------------------------------------------------------

function pgIdentStart(c: string | undefined): boolean {
  return isAsciiLetter(c) || c === '_' || isHigh(c);
}

function pgIdentChar(c: string | undefined): boolean {
  return pgIdentStart(c) || isDigit(c) || c === '$';
}

const PG_DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/y;
/** Hexadecimal, octal, binary or decimal (with fraction and exponent) numbers, `_` separators allowed. */
const PG_NUMBER =
  /(?:0[xX][0-9A-Fa-f_]+|0[oO][0-7_]+|0[bB][01_]+|(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?)/y;

function nextPostgres(sql: string, i: number, reading: Reading): Lexeme {
  const c = sql[i];
  const d = sql[i + 1];
  if (isSpace(c)) return { kind: 'space', end: spaceEnd(sql, i) };
  if (c === '-' && d === '-') return { kind: 'comment', end: lineCommentEnd(sql, i, '\n\r') };
  if (c === '/' && d === '*') return blockComment(sql, i, true);
  // Standard strings: backslashes are plain unless standard_conforming_strings is off.
  if (c === "'") return quoted('string', sql, i, "'", reading !== 'default');
  if (c === '"') return quoted('identifier', sql, i, '"', false);
  if (c === '$') return pgDollar(sql, i);
  if ((c === 'e' || c === 'E') && d === "'") return quoted('string', sql, i + 1, "'", true);
  if ((c === 'u' || c === 'U') && d === '&' && (sql[i + 2] === "'" || sql[i + 2] === '"')) {
    return quoted(sql[i + 2] === "'" ? 'string' : 'identifier', sql, i + 2, sql[i + 2], false);
  }
  if (/[bBxXnN]/.test(c) && d === "'") return quoted('string', sql, i + 1, "'", reading !== 'default');
  if (pgIdentStart(c)) return { kind: 'word', end: runEnd(sql, i, pgIdentChar) };
  const number = isDigit(c) || (c === '.' && isDigit(d)) ? matchAt(PG_NUMBER, sql, i) : null;
  if (number) return { kind: 'word', end: i + number[0].length };
  return { kind: 'symbol', end: i + 1 };
}

/** A sticky regular expression's match exactly at `i`, however long (no length cut-off). */
function matchAt(sticky: RegExp, sql: string, i: number): RegExpExecArray | null {
  sticky.lastIndex = i;
  return sticky.exec(sql);
}

/** `$1` (a parameter), `$tag$...$tag$` / `$$...$$` (a dollar-quoted string), or a lone `$`. */
function pgDollar(sql: string, i: number): Lexeme {
  if (isDigit(sql[i + 1])) return { kind: 'symbol', end: runEnd(sql, i + 1, isDigit) };
  const tag = matchAt(PG_DOLLAR_TAG, sql, i);
  if (!tag) return { kind: 'symbol', end: i + 1 };
  const close = sql.indexOf(tag[0], i + tag[0].length);
  if (close < 0) return { kind: 'string', end: sql.length, problem: 'unterminated' };
  return { kind: 'string', end: close + tag[0].length };
}

// --- MySQL / MariaDB -----------------------------------------------------------------------

function mysqlIdentChar(c: string | undefined): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === '_' || c === '$' || isHigh(c);
}

/** MySQL's "space or control character" after `--` (the end of the text counts as one). */
function mysqlDashCommentFollower(c: string | undefined): boolean {
  if (c === undefined) return true;
  const code = c.charCodeAt(0);
  return code <= 0x20 || code === 0x7f;
}

function nextMysql(sql: string, i: number, reading: Reading): Lexeme {
  const c = sql[i];
  const d = sql[i + 1];
  if (isSpace(c)) return { kind: 'space', end: spaceEnd(sql, i) };
  if (c === '#') return { kind: 'comment', end: lineCommentEnd(sql, i, '\n') };
  if (c === '-' && d === '-' && mysqlDashCommentFollower(sql[i + 2])) {
    return { kind: 'comment', end: lineCommentEnd(sql, i, '\n') };
  }
  if (c === '/' && d === '*') {
    const comment = blockComment(sql, i, false);
    const executable = sql[i + 2] === '!' || (/[mM]/.test(sql[i + 2] ?? '') && sql[i + 3] === '!');
    return executable && !comment.problem ? { ...comment, problem: 'executable-comment' } : comment;
  }
  // Backslash escapes unless the server runs with NO_BACKSLASH_ESCAPES; `"` is a string
  // unless ANSI_QUOTES (then an identifier, without escapes).
  const backslash = reading === 'default' || reading === 'ansi-quotes';
  const ansiQuotes = reading === 'other' || reading === 'ansi-quotes';
  if (c === "'") return quoted('string', sql, i, c, backslash);
  if (c === '"') return ansiQuotes ? quoted('identifier', sql, i, c, false) : quoted('string', sql, i, c, backslash);
  if (c === '`') return quoted('identifier', sql, i, '`', false);
  if (mysqlIdentChar(c)) return { kind: 'word', end: runEnd(sql, i, mysqlIdentChar) };
  return { kind: 'symbol', end: i + 1 };
}

// --- SQL Server ----------------------------------------------------------------------------

function tsqlIdentStart(c: string | undefined): boolean {
  return isAsciiLetter(c) || c === '_' || c === '@' || c === '#' || isHigh(c);
}

function tsqlIdentChar(c: string | undefined): boolean {
  return tsqlIdentStart(c) || isDigit(c) || c === '$';
}

function nextTransactSql(sql: string, i: number): Lexeme {
  const c = sql[i];
  const d = sql[i + 1];
  if (isSpace(c)) return { kind: 'space', end: spaceEnd(sql, i) };
  if (c === '-' && d === '-') return { kind: 'comment', end: lineCommentEnd(sql, i, '\n\r') };
  if (c === '/' && d === '*') return blockComment(sql, i, true);
  if (c === "'") return quoted('string', sql, i, "'", false);
  if (c === '"') return quoted('identifier', sql, i, '"', false);
  if (c === '[') return quoted('identifier', sql, i, ']', false);
  if (tsqlIdentStart(c)) return { kind: 'word', end: runEnd(sql, i, tsqlIdentChar) };
  if (isDigit(c)) return { kind: 'word', end: runEnd(sql, i, (x) => isDigit(x) || x === '.') };
  return { kind: 'symbol', end: i + 1 };
}
