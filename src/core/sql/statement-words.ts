/**
 * Words the read-only check looks for, upper-case: how a read may start, how any statement
 * starts (to tell a typo from a write), and the words refused wherever they appear as bare
 * words, because they write, lock, or control the transaction or the session.
 */

/** First words of a read. */
export const READ_FIRST_WORDS: ReadonlySet<string> = new Set([
  'SELECT',
  'WITH',
  'SHOW',
  'EXPLAIN',
  'DESCRIBE',
  'DESC',
  'VALUES',
  'TABLE',
]);

/** First words of every statement kind the dialects know: anything else is a typo. */
export const STATEMENT_WORDS: ReadonlySet<string> = new Set([
  ...READ_FIRST_WORDS,
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'UPSERT',
  'REPLACE',
  'CREATE',
  'DROP',
  'ALTER',
  'TRUNCATE',
  'RENAME',
  'GRANT',
  'REVOKE',
  'DENY',
  'CALL',
  'EXEC',
  'EXECUTE',
  'DO',
  'COPY',
  'LOCK',
  'UNLOCK',
  'VACUUM',
  'ANALYZE',
  'ANALYSE',
  'REINDEX',
  'CLUSTER',
  'COMMENT',
  'SET',
  'RESET',
  'LOAD',
  'HANDLER',
  'PREPARE',
  'DEALLOCATE',
  'LISTEN',
  'NOTIFY',
  'UNLISTEN',
  'REFRESH',
  'IMPORT',
  'KILL',
  'SHUTDOWN',
  'FLUSH',
  'PURGE',
  'INSTALL',
  'UNINSTALL',
  'OPTIMIZE',
  'REPAIR',
  'CHECKPOINT',
  'DISCARD',
  'DECLARE',
  'FETCH',
  'MOVE',
  'OPEN',
  'CLOSE',
  'BEGIN',
  'START',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'USE',
  'SECURITY',
  'REASSIGN',
  'ABORT',
  'END',
  'XA',
  'BINLOG',
  'CHANGE',
  'RESTART',
  'CHECK',
  'CHECKSUM',
  'BACKUP',
  'RESTORE',
  'DBCC',
  'RECONFIGURE',
  'WAITFOR',
  'BULK',
  'GOTO',
  'RETURN',
  'THROW',
  'RAISERROR',
  'PRINT',
  'IF',
  'WHILE',
]);

/** Writes, refused anywhere as bare words (a data-modifying CTE included). */
export const WRITE_WORDS: ReadonlySet<string> = new Set([
  'INSERT',
  'UPDATE',
  'DELETE',
  'MERGE',
  'UPSERT',
  'TRUNCATE',
  'DROP',
  'ALTER',
  'CREATE',
  'GRANT',
  'REVOKE',
  'DENY',
]);

/**
 * Transaction and session control, refused anywhere as bare words. SET is also refused
 * anywhere but after CHARACTER / CHAR (MySQL's `CHARACTER SET`), and START before TRANSACTION;
 * END, FETCH and the like are refused only where a statement starts (CASE ... END and
 * FETCH FIRST are reads).
 */
export const CONTROL_WORDS: ReadonlySet<string> = new Set([
  'COMMIT',
  'ROLLBACK',
  'BEGIN',
  'SAVEPOINT',
  'RELEASE',
  'ABORT',
  'DO',
  'CALL',
  'EXEC',
  'EXECUTE',
  'PREPARE',
  'DEALLOCATE',
  'LISTEN',
  'NOTIFY',
  'UNLISTEN',
  'DECLARE',
  'HANDLER',
  'WAITFOR',
  'UNLOCK',
  'RESET',
  'DISCARD',
  'KILL',
  'SHUTDOWN',
  'RECONFIGURE',
  'DBCC',
  'XA',
]);

/** After FOR, these make a row lock (FOR UPDATE, FOR SHARE, FOR NO KEY UPDATE, FOR KEY SHARE). */
export const LOCK_AFTER_FOR: ReadonlySet<string> = new Set(['UPDATE', 'SHARE', 'NO', 'KEY']);

/**
 * SQL Server needs no `;` between statements (`SELECT 1 SHUTDOWN` is two), so there every
 * statement word but these reads is refused anywhere.
 */
export const TSQL_ALLOWED_INSIDE: ReadonlySet<string> = new Set([...READ_FIRST_WORDS, 'END', 'FETCH', 'CHECK']);
