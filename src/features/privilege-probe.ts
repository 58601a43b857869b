/**
 * What "Test connection" says about the database user's grants: runs the kind's privilege
 * probe (datasources/privilege-sql.ts) on the open connection and turns each right beyond
 * reading (superuser, writing tables, creating objects, server files, server programs) into a
 * warning in the user's language. A read-only data source relies on a read-only user.
 */
import { translate, type Lang, type MessageKey } from '../core/i18n';
import { errorMessage } from '../core/user-error';
import type { DataSourceKind } from '../datasources/kind';

/** The probe's columns, in order, and the warning each one raises. */
const FLAGS: readonly { column: number; key: MessageKey }[] = [
  { column: 2, key: 'ds.warnWrite' },
  { column: 3, key: 'ds.warnCreate' },
  { column: 4, key: 'ds.warnReadFiles' },
  { column: 5, key: 'ds.warnWriteFiles' },
  { column: 6, key: 'ds.warnPrograms' },
];

export function probePrivileges(
  connection: GoogleAppsScript.JDBC.JdbcConnection,
  kind: DataSourceKind,
  lang: Lang,
): string[] {
  if (!kind.privilegeSql) return [translate(lang, 'ds.privilegesUnchecked', { kind: kind.label[lang] })];
  let flags: number[];
  try {
    const statement = connection.createStatement();
    try {
      const rs = statement.executeQuery(kind.privilegeSql);
      if (!rs.next()) return [translate(lang, 'ds.privilegesUnknown', { error: 'no row' })];
      flags = [1, 2, 3, 4, 5, 6].map((column) => rs.getInt(column));
    } finally {
      statement.close();
    }
  } catch (error) {
    return [translate(lang, 'ds.privilegesUnknown', { error: errorMessage(error) })];
  }
  // A superuser can do all of it: one warning says so.
  if (flags[0] === 1) return [translate(lang, 'ds.warnSuperuser')];
  return FLAGS.filter((flag) => flags[flag.column - 1] === 1).map((flag) => translate(lang, flag.key));
}
