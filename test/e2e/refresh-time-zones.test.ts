import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, type EngineCase, type TestDatabase } from '../helpers/engines';
import { lastExecution, setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

/** UTC instants, stored as such in the instant column and as text in the wall-clock column. */
const INSTANTS = [
  '2024-01-15 12:00:00', // winter
  '2024-07-01 12:00:00', // summer
  '2024-03-10 09:59:59', // Los Angeles: last second of PST
  '2024-03-10 10:00:00', // Los Angeles: first second of PDT (02:00 PST became 03:00 PDT)
  '2024-03-31 00:59:59', // London: last second of GMT
  '2024-03-31 01:00:00', // London: first second of BST
  '2024-10-27 00:59:59', // London: last second of BST
  '2024-10-27 01:00:00', // London: first second of GMT again
  '2024-11-03 08:59:59', // Los Angeles: last second of PDT
  '2024-11-03 09:00:00', // Los Angeles: first second of PST again
] as const;

const SHOWN: Record<string, string[]> = {
  'America/Los_Angeles': [
    '2024-01-15 04:00:00',
    '2024-07-01 05:00:00',
    '2024-03-10 01:59:59',
    '2024-03-10 03:00:00',
    '2024-03-30 17:59:59',
    '2024-03-30 18:00:00',
    '2024-10-26 17:59:59',
    '2024-10-26 18:00:00',
    '2024-11-03 01:59:59',
    '2024-11-03 01:00:00',
  ],
  'Europe/London': [
    '2024-01-15 12:00:00',
    '2024-07-01 13:00:00',
    '2024-03-10 09:59:59',
    '2024-03-10 10:00:00',
    '2024-03-31 00:59:59',
    '2024-03-31 02:00:00',
    '2024-10-27 01:59:59',
    '2024-10-27 01:00:00',
    '2024-11-03 08:59:59',
    '2024-11-03 09:00:00',
  ],
};

/** Dates of the run: "today" in winter and in summer, so today's offset is wrong for half the values. */
const RUN_DATES = [
  ['winter', Date.UTC(2026, 0, 20, 18)],
  ['summer', Date.UTC(2026, 6, 20, 18)],
] as const;

function ddl(db: TestDatabase): string {
  const utc = db.kind === 'mysql' ? '' : '+00';
  const rows = INSTANTS.map((at, i) => `(${i + 1}, '${at}${utc}', '${at}')`);
  const table =
    db.kind === 'mysql'
      ? 'CREATE TABLE tz (id INT, at_instant TIMESTAMP NULL, at_wall DATETIME)'
      : 'CREATE TABLE tz (id INT, at_instant TIMESTAMPTZ, at_wall TIMESTAMP)';
  // The fixture's MySQL session is UTC: TIMESTAMP literals are read as UTC instants.
  return `${table}\n;\nINSERT INTO tz VALUES ${rows.join(', ')}`;
}

/** The MySQL server with time zone tables named by TEST_MYSQL_TZ_URL, if any. */
function namedZoneEngines(): EngineCase[] {
  const url = process.env.TEST_MYSQL_TZ_URL;
  return url ? [{ name: 'mysql', adminUrl: url, enabled: true }] : [];
}

const cases = [
  ...enabledEngines().map((e) => [e.name, e] as const),
  ...namedZoneEngines().map((e) => ['mysql with time zone tables', e] as const),
];

describe.each(cases)('time zones on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(ddl(db));
  });
  afterAll(() => db?.drop());

  const zones = Object.keys(SHOWN);
  const runs = zones.flatMap((zone) => RUN_DATES.map(([season, at]) => [zone, season, at] as const));

  it.each(runs)('shows instants in %s across DST, on a run in %s', (zone, _season, at) => {
    const { rt, refresh } = setupWithDataSource(db, { spreadsheet: { timeZone: zone } });
    rt.clock.set(at);
    const result = refresh(`SELECT id, at_instant, at_wall FROM ${db.schema}.tz ORDER BY id`);
    expect(result).toMatchObject({ ok: true, rows: INSTANTS.length, message: '' });
    const shown = rt.spreadsheet._sheetDisplayValues('Result').slice(1);
    expect(shown.map((row) => row[1])).toEqual(SHOWN[zone]);
    expect(shown.map((row) => row[2])).toEqual([...INSTANTS]);
    // The values are date-times (getValues gives Dates), not text that looks like one.
    const types = rt.spreadsheet
      ._sheetValues('Result')
      .slice(1)
      .flatMap((row) => row.slice(1));
    expect(new Set(types.map((v) => Object.prototype.toString.call(v)))).toEqual(new Set(['[object Date]']));
  });

  it('lands 2024-07-01 12:00 UTC at 05:00 in Los Angeles, in the result tab and the preview, on a winter day', () => {
    const { rt, refresh, dataSourceId } = setupWithDataSource(db, { spreadsheet: { timeZone: 'America/Los_Angeles' } });
    rt.clock.set(Date.UTC(2026, 0, 20, 18));
    const sql = `SELECT at_instant FROM ${db.schema}.tz WHERE id = 2`;
    expect(refresh(sql)).toMatchObject({ ok: true, rows: 1 });
    expect(rt.spreadsheet._sheetDisplayValues('Result')[1]).toEqual(['2024-07-01 05:00:00']);
    const preview = api(rt, 'previewQuery', { dataSourceId, sql });
    expect(preview.rows[0][0]).toMatch(/^2024-07-01 05:00:00(\.0)?(-07)?$/);
  });

  it('sets the named zone when the server has time zone tables, else the offset of the day', () => {
    const { rt, refresh } = setupWithDataSource(db, { spreadsheet: { timeZone: 'Europe/London' } });
    rt.clock.set(Date.UTC(2026, 6, 20, 18));
    let hasTables = true; // PostgreSQL always knows zone names
    if (db.kind === 'mysql') {
      expect(refresh('SELECT COUNT(*) AS zones FROM mysql.time_zone_name')).toMatchObject({ ok: true });
      hasTables = Number(rt.spreadsheet._sheetValues('Result')[1][0]) > 0;
      if (engine.adminUrl === process.env.TEST_MYSQL_TZ_URL) expect(hasTables).toBe(true);
    }
    const sql =
      db.kind === 'mysql' ? 'SELECT @@session.time_zone AS zone' : "SELECT current_setting('TimeZone') AS zone";
    expect(refresh(sql)).toMatchObject({ ok: true });
    expect(rt.spreadsheet._sheetValues('Result')[1]).toEqual([hasTables ? 'Europe/London' : '+01:00']);
    // One statement sets the zone; a server without the tables costs one more.
    const calls = lastExecution(rt).calls;
    expect(calls.get('Jdbc.JdbcStatement.execute')).toBe(hasTables ? 1 : 2);
  });

  it('reads zone-less literals in the query as the spreadsheet zone reads them today', () => {
    const { rt, refresh } = setupWithDataSource(db, { spreadsheet: { timeZone: 'America/Los_Angeles' } });
    rt.clock.set(Date.UTC(2026, 6, 20, 18));
    // 2024-07-01 05:00 in Los Angeles is 12:00 UTC, the second row.
    const sql = `SELECT id FROM ${db.schema}.tz WHERE at_instant = '2024-07-01 05:00:00'`;
    expect(refresh(sql)).toMatchObject({ ok: true, rows: 1 });
    expect(rt.spreadsheet._sheetValues('Result')[1]).toEqual([2]);
  });
});
