/**
 * Which document the running script is bound to: the id of the container spreadsheet, used to
 * scope document properties, caches, locks and add-on triggers.
 */
import type { SpreadsheetService } from '../spreadsheet';

export function containerDocumentId(spreadsheet: SpreadsheetService): string {
  const active = spreadsheet._active() as { getId?: () => unknown } | null | undefined;
  const id = active && typeof active.getId === 'function' ? active.getId() : undefined;
  return typeof id === 'string' && id !== '' ? id : 'container-document';
}

/** The id of a Spreadsheet object (or a key string) given to `forSpreadsheet`. */
export function spreadsheetIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const ss = value as { getId?: () => unknown } | null | undefined;
  const id = ss && typeof ss.getId === 'function' ? ss.getId() : undefined;
  return typeof id === 'string' ? id : undefined;
}
