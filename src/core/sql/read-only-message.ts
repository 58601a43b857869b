/**
 * The message, in the user's language, that says why a read-only data source refuses SQL
 * (from checkReadOnly's problem) and what to do instead.
 */
import { translate, type Lang } from '../i18n';
import type { Dialect } from '../../datasources/kind';
import type { ReadProblem } from './read-only';

export function readOnlyMessage(problem: ReadProblem, word: string | undefined, dialect: Dialect, lang: Lang): string {
  const named = word ?? '?';
  switch (problem) {
    case 'empty':
      return translate(lang, 'sql.empty');
    case 'unterminated':
      return translate(lang, 'sql.unterminated', { start: named });
    case 'ambiguous-quote':
      return translate(lang, 'sql.ambiguousQuote', { text: named });
    case 'executable-comment':
      return translate(lang, 'sql.executableComment');
    case 'multiple-statements':
      return translate(lang, 'sql.multiple');
    case 'unknown-statement':
      return translate(lang, 'sql.unknownStatement', { word: named });
    case 'not-a-read':
      return translate(lang, 'sql.notRead', { statement: named });
    case 'select-into':
      return translate(lang, 'sql.selectInto');
    case 'locking':
      return translate(lang, 'sql.locking', { clause: named });
    case 'transaction-control':
      return translate(lang, 'sql.transactionControl', { word: named, quoted: quoteIdentifier(named, dialect) });
    case 'side-effect-function':
      return translate(lang, 'sql.sideEffect', { name: named === 'NEXT VALUE FOR' ? named : `${named}()` });
    default: {
      const unknown: never = problem;
      return translate(lang, 'sql.notRead', { statement: String(unknown) });
    }
  }
}

function quoteIdentifier(word: string, dialect: Dialect): string {
  if (dialect === 'mysql') return `\`${word.toLowerCase()}\``;
  if (dialect === 'transactsql') return `[${word.toLowerCase()}]`;
  return `"${word.toLowerCase()}"`;
}
