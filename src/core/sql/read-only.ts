/**
 * Decides whether SQL is a single read (SELECT, WITH ... SELECT, SHOW, EXPLAIN, DESCRIBE)
 * before it is sent to a read-only data source. The dialect's real parser (node-sql-parser)
 * decides; when it cannot parse a query that the database may still accept, a conservative
 * keyword check decides instead, and the server's read-only session is the backstop.
 */
import type { Dialect } from '../../datasources/kind';
import { scanSql } from './lexer';

export interface SqlParser {
  /** Returns one AST node or an array of them (one per statement); throws on a syntax it does not know. */
  astify(sql: string): unknown;
}

export type ReadCheck =
  | { ok: true; via: 'parser' | 'keywords' }
  | { ok: false; problem: 'empty' | 'multiple-statements' | 'not-a-read' | 'select-into' | 'unknown-statement'; statement?: string };

const READ_TYPES = new Set(['select', 'show', 'explain', 'desc', 'describe']);
const READ_FIRST_WORDS = new Set(['SELECT', 'WITH', 'SHOW', 'EXPLAIN', 'DESCRIBE', 'DESC', 'VALUES', 'TABLE']);
/** Reserved words (never bare identifiers in MySQL or PostgreSQL) that only a write or a lock uses. */
const WRITE_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'TRUNCATE', 'DROP', 'ALTER', 'CREATE', 'GRANT', 'REVOKE', 'INTO']);

interface AstNode {
  type?: string;
  into?: { expr?: unknown; type?: unknown } | null;
  with?: unknown;
}

export function checkReadOnly(sql: string, parser: SqlParser, dialect: Dialect): ReadCheck {
  const scan = scanSql(sql, dialect);
  if (scan.statements.length === 0) return { ok: false, problem: 'empty' };
  if (scan.statements.length > 1) return { ok: false, problem: 'multiple-statements' };
  let ast: unknown;
  try {
    ast = parser.astify(sql);
  } catch {
    return checkByKeywords(scan.statements[0]);
  }
  const nodes = (Array.isArray(ast) ? ast : [ast]).filter(Boolean) as AstNode[];
  if (nodes.length === 0) return checkByKeywords(scan.statements[0]);
  if (nodes.length > 1) return { ok: false, problem: 'multiple-statements' };
  const node = nodes[0];
  const type = String(node.type ?? '').toLowerCase();
  if (!READ_TYPES.has(type)) return { ok: false, problem: 'not-a-read', statement: type.toUpperCase() || scan.statements[0][0] };
  if (node.into && (node.into.expr || node.into.type)) return { ok: false, problem: 'select-into' };
  // The parser accepted it as a read; the keyword check still refuses writes or locks hidden
  // where a dialect grammar is lenient (a data-modifying CTE, SELECT ... FOR UPDATE).
  const words = checkByKeywords(scan.statements[0]);
  return words.ok ? { ok: true, via: 'parser' } : words;
}

/** First words of every statement kind the two dialects know: anything else is a typo. */
const STATEMENT_WORDS = new Set([
  ...READ_FIRST_WORDS, 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'UPSERT', 'REPLACE', 'CREATE', 'DROP', 'ALTER', 'TRUNCATE',
  'RENAME', 'GRANT', 'REVOKE', 'CALL', 'EXEC', 'EXECUTE', 'DO', 'COPY', 'LOCK', 'UNLOCK', 'VACUUM', 'ANALYZE', 'REINDEX',
  'CLUSTER', 'COMMENT', 'SET', 'RESET', 'LOAD', 'HANDLER', 'PREPARE', 'DEALLOCATE', 'LISTEN', 'NOTIFY', 'UNLISTEN',
  'REFRESH', 'IMPORT', 'KILL', 'SHUTDOWN', 'FLUSH', 'PURGE', 'INSTALL', 'UNINSTALL', 'OPTIMIZE', 'REPAIR', 'CHECKPOINT',
  'DISCARD', 'DECLARE', 'FETCH', 'MOVE', 'CLOSE', 'BEGIN', 'START', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'USE',
  'SECURITY', 'REASSIGN', 'ABORT', 'END', 'XA', 'BINLOG', 'CHANGE', 'RESTART', 'CHECK', 'CHECKSUM', 'BACKUP', 'RESTORE',
]);

function checkByKeywords(words: string[]): ReadCheck {
  if (!STATEMENT_WORDS.has(words[0])) return { ok: false, problem: 'unknown-statement', statement: words[0] };
  if (!READ_FIRST_WORDS.has(words[0])) return { ok: false, problem: 'not-a-read', statement: words[0] };
  const write = words.find((w) => WRITE_WORDS.has(w));
  if (write === 'INTO') return { ok: false, problem: 'select-into' };
  if (write) return { ok: false, problem: 'not-a-read', statement: write };
  return { ok: true, via: 'keywords' };
}
