/**
 * The fallback for drivers that refuse `?` binding (reported for external MySQL 8 through
 * Apps Script): each `?` outside string literals, quoted identifiers and comments is replaced
 * by the value written as a literal of the dialect. (Being written: placeholder.)
 */
import type { Dialect } from '../../datasources/kind';
import type { BoundSql } from './bound-sql';

export function inlineLiterals(_bound: BoundSql, _dialect: Dialect): string {
  throw new Error('inlineLiterals is not written yet');
}
