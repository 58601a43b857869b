/**
 * Decides whether SQL is one plain read (SELECT, WITH ... SELECT, SHOW, EXPLAIN, DESCRIBE,
 * VALUES, TABLE) before it is sent to a read-only data source, from the dialect's exact lexer
 * (lexer.ts). It refuses, and says why: a quote or comment whose end the server could see
 * elsewhere, MySQL's executable comments, more than one statement, a first word that is not
 * a read, and anywhere in the statement a write, SELECT ... INTO, a row lock, transaction or
 * session control, or a call to a function with side effects (side-effects.ts). This check
 * explains; the real guarantee is a database user with read-only grants (README, "Security
 * model"), with the connection's read-only session as a second line.
 */
import type { Dialect } from '../../datasources/kind';
import { OTHER_READINGS, tokenize, type SqlToken } from './lexer';
import { sideEffectEntry } from './side-effects';
import {
  CONTROL_WORDS,
  LOCK_AFTER_FOR,
  READ_FIRST_WORDS,
  STATEMENT_WORDS,
  TSQL_ALLOWED_INSIDE,
  WRITE_WORDS,
} from './statement-words';

export type ReadProblem =
  | 'empty'
  | 'unterminated'
  | 'ambiguous-quote'
  | 'executable-comment'
  | 'multiple-statements'
  | 'unknown-statement'
  | 'not-a-read'
  | 'select-into'
  | 'locking'
  | 'transaction-control'
  | 'side-effect-function';

export type ReadCheck = { ok: true } | { ok: false; problem: ReadProblem; word?: string };

const OK: ReadCheck = { ok: true };

export function checkReadOnly(sql: string, dialect: Dialect): ReadCheck {
  const tokens = tokenize(sql, dialect, 'default');
  const flagged = tokens.find((t) => t.problem);
  if (flagged?.problem === 'unterminated')
    return { ok: false, problem: 'unterminated', word: flagged.text.slice(0, 2) };
  if (flagged?.problem === 'executable-comment') return { ok: false, problem: 'executable-comment' };
  const check = checkTokens(tokens, dialect);
  if (!check.ok) return check;
  // A server with other settings (backslashes in strings, ANSI_QUOTES, each alone or both)
  // may end a quote elsewhere: every such reading must be a plain read too. A quote it never
  // closes is the server's syntax error, so nothing runs.
  for (const reading of OTHER_READINGS[dialect]) {
    const other = tokenize(sql, dialect, reading);
    const differs = other.findIndex((t, i) => t.text !== tokens[i]?.text || t.kind !== tokens[i]?.kind);
    if (differs < 0) continue;
    const otherCheck = checkTokens(other, dialect);
    if (otherCheck.ok || otherCheck.problem === 'empty') continue;
    return { ok: false, problem: 'ambiguous-quote', word: (tokens[differs] ?? other[differs]).text.slice(0, 40) };
  }
  return check;
}

function checkTokens(tokens: SqlToken[], dialect: Dialect): ReadCheck {
  const statements = splitStatements(tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment'));
  if (statements.length === 0) return { ok: false, problem: 'empty' };
  if (statements.length > 1) return { ok: false, problem: 'multiple-statements' };
  return checkStatement(statements[0], dialect);
}

/** Significant tokens cut at `;`, empty statements (a trailing `;`) dropped. */
function splitStatements(tokens: SqlToken[]): SqlToken[][] {
  const statements: SqlToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'symbol' && token.text === ';') statements.push([]);
    else statements[statements.length - 1].push(token);
  }
  return statements.filter((statement) => statement.length > 0);
}

function checkStatement(tokens: SqlToken[], dialect: Dialect): ReadCheck {
  const first = tokens.find((t) => !(t.kind === 'symbol' && t.text === '('));
  if (first?.kind !== 'word') return { ok: false, problem: 'unknown-statement', word: first?.text ?? '(' };
  const firstWord = first.value.toUpperCase();
  if (!STATEMENT_WORDS.has(firstWord)) return { ok: false, problem: 'unknown-statement', word: first.value };
  if (!READ_FIRST_WORDS.has(firstWord)) return { ok: false, problem: 'not-a-read', word: firstWord };
  for (let i = 0; i < tokens.length; i++) {
    const problem = checkToken(tokens, i, dialect);
    if (problem) return problem;
  }
  return OK;
}

/**
 * The name the token at `i` stands for, and where what follows it starts. PostgreSQL's
 * `U&"..."` identifier is decoded (`\0073` or `\+000073`, or another escape character set by
 * a `UESCAPE 'c'` clause, which is skipped): the server calls the decoded name.
 */
function nameAt(tokens: SqlToken[], i: number): { name: string; after: number } {
  const token = tokens[i];
  if (token.kind !== 'identifier' || !/^u&"/i.test(token.text)) return { name: token.value, after: i + 1 };
  const clause = tokens[i + 1]?.kind === 'word' && tokens[i + 1].value.toUpperCase() === 'UESCAPE';
  const escapeChar = clause && tokens[i + 2]?.kind === 'string' ? tokens[i + 2].value : '\\';
  return { name: decodeUnicodeEscapes(token.value, escapeChar), after: clause ? i + 3 : i + 1 };
}

/** `text` with PostgreSQL's Unicode escapes (`<e>XXXX`, `<e>+XXXXXX`, `<e><e>`) decoded; a bad one is left as it is. */
export function decodeUnicodeEscapes(text: string, escapeChar: string): string {
  if (escapeChar.length !== 1) return text;
  let out = '';
  for (let j = 0; j < text.length; ) {
    const wide = text[j + 1] === '+';
    const hex = text.slice(j + (wide ? 2 : 1), j + (wide ? 8 : 5));
    if (text[j] !== escapeChar) out += text[j++];
    else if (text[j + 1] === escapeChar) {
      out += escapeChar;
      j += 2;
    } else if (/^[0-9A-Fa-f]+$/.test(hex) && hex.length === (wide ? 6 : 4) && Number.parseInt(hex, 16) <= 0x10ffff) {
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      j += wide ? 8 : 5;
    } else out += text[j++];
  }
  return out;
}

/** What is wrong with the token at `i` of a read, if anything. */
function checkToken(tokens: SqlToken[], i: number, dialect: Dialect): ReadCheck | null {
  const token = tokens[i];
  const next = tokens[i + 1];
  if (token.kind !== 'symbol') {
    const { name, after } = nameAt(tokens, i);
    const calls = tokens[after]?.kind === 'symbol' && tokens[after].text === '(';
    if (calls && sideEffectEntry(name, dialect)) return { ok: false, problem: 'side-effect-function', word: name };
  }
  const calls = next?.kind === 'symbol' && next.text === '(';
  if (token.kind !== 'word') return null;
  const word = token.value.toUpperCase();
  const nextWord = next?.kind === 'word' ? next.value.toUpperCase() : '';
  const previous = tokens[i - 1];
  const previousWord = previous?.kind === 'word' ? previous.value.toUpperCase() : '';
  if (word === 'INTO') return { ok: false, problem: 'select-into' };
  if (word === 'FOR' && LOCK_AFTER_FOR.has(nextWord)) return { ok: false, problem: 'locking', word: `FOR ${nextWord}` };
  if (word === 'LOCK') return { ok: false, problem: 'locking', word: 'LOCK' };
  // SHOW CREATE TABLE t (MySQL) reads a definition.
  if (WRITE_WORDS.has(word) && !(word === 'CREATE' && previousWord === 'SHOW')) {
    return { ok: false, problem: 'not-a-read', word };
  }
  if (CONTROL_WORDS.has(word)) return { ok: false, problem: 'transaction-control', word };
  if (word === 'SET' && previousWord !== 'CHARACTER' && previousWord !== 'CHAR') {
    return { ok: false, problem: 'transaction-control', word };
  }
  if (word === 'START' && nextWord === 'TRANSACTION') return { ok: false, problem: 'transaction-control', word };
  if (word === 'NEXT' && nextWord === 'VALUE' && tokens[i + 2]?.value.toUpperCase() === 'FOR') {
    return { ok: false, problem: 'side-effect-function', word: 'NEXT VALUE FOR' };
  }
  if (dialect === 'transactsql' && i > 0 && !calls && STATEMENT_WORDS.has(word) && !TSQL_ALLOWED_INSIDE.has(word)) {
    return { ok: false, problem: 'not-a-read', word };
  }
  return null;
}
