/** Runs a function under the document lock, or reports that another execution holds it. */
export function withDocumentLock<T>(waitMs: number, fn: () => T): { ok: true; value: T } | { ok: false } {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(waitMs)) return { ok: false };
  try {
    return { ok: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}
