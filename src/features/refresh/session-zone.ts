/**
 * Sets a query's database session up with one statement of the kind's SQL: the spreadsheet's
 * time zone; for a read-only source of a kind whose driver does not do it (PostgreSQL),
 * read-only transactions; and where the kind can (PostgreSQL), the statement timeout. The
 * zone is the named zone when the server takes it, else the zone's current fixed offset (MySQL
 * without time zone tables), in which case the columns holding instants (MySQL TIMESTAMP) are
 * moved into the zone value by value, since today's offset is an hour off across a DST change.
 * A refused zone name is recognised by the statement throwing, never by its (localized) message.
 */
import { cachedPerQuarterHour, zoneOffsets, type OffsetAt, type ZoneShift } from '../../core/values/zone-offsets';
import type { DataSourceKind } from '../../datasources/kind';

export interface SessionZone {
  /** The move into the spreadsheet's zone for a column of this driver type name, if it needs one. */
  shiftFor(typeName: string): ZoneShift | undefined;
  /**
   * The statement that set the zone, left open so the query can run on it (one createStatement
   * and no close per refresh); null when the kind has no session zone.
   */
  statement: GoogleAppsScript.JDBC.JdbcStatement | null;
  /** True when the session statement set the statement timeout (no setQueryTimeout needed). */
  timeoutSet: boolean;
}

const noShift = (statement: GoogleAppsScript.JDBC.JdbcStatement | null, timeoutSet: boolean): SessionZone => ({
  shiftFor: () => undefined,
  statement,
  timeoutSet,
});

export interface SessionSetup {
  timeZone: string;
  /** The execution clock's now: today's offset is taken at that instant. */
  nowMs: number;
  /** Make the session's transactions read-only, where the kind does that in its session SQL. */
  readOnly: boolean;
  /** The statement timeout, set here where the kind's session SQL can (see DataSourceKind.timeoutInSession). */
  timeoutSeconds: number;
}

export function setUpSession(
  connection: GoogleAppsScript.JDBC.JdbcConnection,
  kind: DataSourceKind,
  setup: SessionSetup,
): SessionZone {
  const offsetAt = spreadsheetZoneOffsets(setup.timeZone);
  const offsetMs = offsetAt(setup.nowMs);
  const offset = offsetText(offsetMs);
  const timeoutMs = setup.timeoutSeconds * 1000;
  const named = kind.sessionSql({ timeZone: setup.timeZone, offset, readOnly: setup.readOnly, timeoutMs });
  if (named === null) {
    // Fail closed: a kind that promises read-only or the timeout in its session SQL must have some.
    if ((setup.readOnly && kind.readOnlySession === 'sessionSql') || kind.timeoutInSession)
      throw new Error(`${kind.id}: no session SQL`);
    return noShift(null, false);
  }
  const statement = connection.createStatement();
  try {
    statement.execute(named);
    return noShift(statement, kind.timeoutInSession);
  } catch (error) {
    if (!kind.sessionOffsetSql) {
      statement.close();
      throw error;
    }
  }
  try {
    statement.execute(kind.sessionOffsetSql(offset));
  } catch (error) {
    statement.close();
    throw error;
  }
  const shift: ZoneShift = { sessionOffsetMs: offsetMs, offsetAt };
  const instantTypes = new Set((kind.instantTypeNames ?? []).map((name) => name.toUpperCase()));
  return {
    shiftFor: (typeName) => (instantTypes.has(typeName.toUpperCase()) ? shift : undefined),
    statement,
    timeoutSet: false,
  };
}

/** "+09:00", "-07:00", "+00:00" (MySQL's form of an offset). */
export function offsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** The zone's offsets from the engine's time-zone data, else from Utilities (one call per quarter hour). */
function spreadsheetZoneOffsets(timeZone: string): OffsetAt {
  return zoneOffsets(timeZone) ?? cachedPerQuarterHour((utcMs) => utilitiesOffset(utcMs, timeZone));
}

function utilitiesOffset(utcMs: number, timeZone: string): number {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(Utilities.formatDate(new Date(utcMs), timeZone, 'Z'));
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
}
