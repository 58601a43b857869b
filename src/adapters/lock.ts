/**
 * The document lock of this execution. Re-entrant: a step that already runs under the lock
 * (a refresh inside the tick, which holds it for its whole run) does not take it again and does
 * not release it early; only the outermost holder releases it, after flushing: Apps Script may
 * hold spreadsheet changes back, and its Lock reference says to call SpreadsheetApp.flush()
 * before releaseLock(), or the next holder can read the document as it was before them and
 * write over them. Module state lives for one execution, as every global does in Apps Script.
 */
let documentLock: GoogleAppsScript.Lock.Lock | null = null;
let depth = 0;

/** Runs a function under the document lock, or reports that another execution holds it. */
export function withDocumentLock<T>(waitMs: number, fn: () => T): { ok: true; value: T } | { ok: false } {
  if (depth > 0) {
    depth++;
    try {
      return { ok: true, value: fn() };
    } finally {
      depth--;
    }
  }
  documentLock ??= LockService.getDocumentLock();
  if (!documentLock.tryLock(waitMs)) return { ok: false };
  depth = 1;
  try {
    return { ok: true, value: fn() };
  } finally {
    depth = 0;
    // If the flush fails, the lock stays held until this execution ends, as Apps Script does then.
    SpreadsheetApp.flush();
    documentLock.releaseLock();
  }
}
