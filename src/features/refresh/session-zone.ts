/**
 * Puts a query's database session in the spreadsheet's time zone with the kind's SQL: the
 * named zone when the server takes it (one statement, as before), else the zone's current
 * fixed offset (MySQL without time zone tables), in which case the columns holding instants
 * (MySQL TIMESTAMP) are moved into the zone value by value, since today's offset is an hour
 * off across a DST change. A refused zone name is recognised by the statement throwing, never
 * by its (localized) message.
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
}

const noShift = (statement: GoogleAppsScript.JDBC.JdbcStatement | null): SessionZone => ({
  shiftFor: () => undefined,
  statement,
});

/** `nowMs` is the execution clock's now: today's offset is taken at that instant. */
export function setSessionTimeZone(
  connection: GoogleAppsScript.JDBC.JdbcConnection,
  kind: DataSourceKind,
  timeZone: string,
  nowMs: number,
): SessionZone {
  const offsetAt = spreadsheetZoneOffsets(timeZone);
  const offsetMs = offsetAt(nowMs);
  const offset = offsetText(offsetMs);
  const named = kind.sessionTimeZoneSql(timeZone, offset);
  if (named === null) return noShift(null);
  const statement = connection.createStatement();
  try {
    statement.execute(named);
    return noShift(statement);
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
  return { shiftFor: (typeName) => (instantTypes.has(typeName.toUpperCase()) ? shift : undefined), statement };
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
