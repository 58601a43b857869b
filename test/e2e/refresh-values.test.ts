/**
 * Refresh, value by value, on every engine: numbers exact or text, booleans, NULL, dates and
 * timestamps in JST and UTC spreadsheets with JST and UTC database sessions, JSON/arrays/UUIDs/
 * bytes as text, and strings exactly as stored (Japanese, emoji, leading zeros, "=", "+", "-",
 * "@" never becoming formulas), values over 50,000 characters cut with a marker.
 */
import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const LONG = 'あ'.repeat(60_000);

function ddl(db: TestDatabase): string {
  if (db.kind === 'mysql') {
    return `
      CREATE TABLE vals (id INT, small SMALLINT, big BIGINT, huge BIGINT, price DECIMAL(12,2), precise DECIMAL(30,10),
        ratio DOUBLE, flag BOOLEAN, day DATE, clock TIME, at DATETIME, at_tz TIMESTAMP NULL, doc JSON, tags VARCHAR(20),
        uid CHAR(36), raw VARBINARY(8), label VARCHAR(20), note LONGTEXT) CHARACTER SET utf8mb4
      ;
      INSERT INTO vals VALUES (1, 7, 9007199254740991, 9223372036854775807, 12.50, 12345678901234567890.0123456789,
        0.1, TRUE, '2024-01-02', '13:14:15', '2024-01-02 03:04:05', '2024-01-02 03:04:05', '{"a": 1}', 'x,y',
        'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'abc', '00123', '=1+1')
      ;
      INSERT INTO vals VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, '日本語😀', '+1')
      ;
      INSERT INTO vals (id, label, note) VALUES (3, '-1', '@x')
      ;
      INSERT INTO vals (id, label, note) VALUES (4, 'long', REPEAT('あ', 60000))`;
  }
  return `
    CREATE TABLE vals (id INT, small SMALLINT, big BIGINT, huge BIGINT, price NUMERIC(12,2), precise NUMERIC(30,10),
      ratio DOUBLE PRECISION, flag BOOLEAN, day DATE, clock TIME, at TIMESTAMP, at_tz TIMESTAMPTZ, doc JSONB, tags TEXT[],
      uid UUID, raw BYTEA, label TEXT, note TEXT)
    ;
    INSERT INTO vals VALUES (1, 7, 9007199254740991, 9223372036854775807, 12.50, 12345678901234567890.0123456789,
      0.1, TRUE, '2024-01-02', '13:14:15', '2024-01-02 03:04:05', '2024-01-02 03:04:05+00', '{"a": 1}', ARRAY['x','y'],
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'abc'::bytea, '00123', '=1+1')
    ;
    INSERT INTO vals (id, label, note) VALUES (2, '日本語😀', '+1')
    ;
    INSERT INTO vals (id, label, note) VALUES (3, '-1', '@x')
    ;
    INSERT INTO vals (id, label, note) VALUES (4, 'long', REPEAT('あ', 60000))`;
}

describe.each(enabledEngines().map((e) => [e.name, e] as const))('values on %s', (_name, engine) => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase(engine);
    db.exec(ddl(db));
  });
  afterAll(() => db?.drop());

  const zones = [
    ['Asia/Tokyo', 'Asia/Tokyo', '2024-01-02 12:04:05'],
    ['Asia/Tokyo', 'UTC', '2024-01-02 12:04:05'],
    ['UTC', 'Asia/Tokyo', '2024-01-02 03:04:05'],
    ['UTC', 'UTC', '2024-01-02 03:04:05'],
  ] as const;

  it.each(zones)('converts every type (spreadsheet %s, database session %s)', (sheetZone, sessionZone, atTzShown) => {
    const { rt, refresh } = setupWithDataSource(db, {
      spreadsheet: { timeZone: sheetZone },
      jdbc: { ...JDBC_OPTIONS, jvmTimeZone: sessionZone },
    });
    const result = refresh(`SELECT * FROM ${db.schema}.vals ORDER BY id`);
    expect(result).toMatchObject({ ok: true, rows: 4, columns: 18, truncated: false, message: '' });
    const values = rt.spreadsheet._sheetValues('Result');
    const shown = rt.spreadsheet._sheetDisplayValues('Result');
    expect(values[0]).toEqual([
      'id',
      'small',
      'big',
      'huge',
      'price',
      'precise',
      'ratio',
      'flag',
      'day',
      'clock',
      'at',
      'at_tz',
      'doc',
      'tags',
      'uid',
      'raw',
      'label',
      'note',
    ]);
    const [id, small, big, huge, price, precise, ratio, flag] = values[1];
    expect([id, small, big, huge, price, precise, ratio, flag]).toEqual([
      1,
      7,
      9007199254740991,
      '9223372036854775807',
      12.5,
      '12345678901234567890.0123456789',
      0.1,
      true,
    ]);
    expect(shown[1].slice(8, 12)).toEqual(['2024-01-02', '13:14:15', '2024-01-02 03:04:05', atTzShown]);
    expect(values[1][12]).toBe('{"a": 1}');
    expect(values[1][13]).toBe(db.kind === 'mysql' ? 'x,y' : '{x,y}');
    expect(values[1][14]).toBe('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11');
    expect(values[1][15]).toBe(db.kind === 'mysql' ? 'abc' : '\\x616263');
    expect(values[1].slice(16)).toEqual(['00123', '=1+1']);
    expect(values[2].slice(1, 16)).toEqual(new Array(15).fill(''));
    expect(values[2].slice(16)).toEqual(['日本語😀', '+1']);
    expect(values[3].slice(16)).toEqual(['-1', '@x']);
    const long = values[4][17] as string;
    expect(long.length).toBe(49_999);
    expect(long.startsWith('あ'.repeat(49_000))).toBe(true);
    expect(long).toMatch(/…\[cut: 60,000 characters\]$/);
    expect(
      rt.spreadsheet
        ._sheetFormulas('Result')
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    expect(LONG.length).toBe(60_000);
  });

  it('shows where the result came from in a note on the header, without touching the header', () => {
    const { rt, refresh } = setupWithDataSource(db);
    refresh(`SELECT id, label FROM ${db.schema}.vals WHERE id < 3 ORDER BY id`, { name: 'Labels' });
    const sheet = rt.spreadsheet._sheet('Labels')!;
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([['id', 'label']]);
    const note = sheet.getRange(1, 1).getNote();
    expect(note).toContain('Query: Labels');
    expect(note).toContain('Data source: Main DB');
    expect(note).toContain('Rows: 2');
    expect(note).toContain(`SELECT id, label FROM ${db.schema}.vals`);
    expect(sheet.getFrozenRows()).toBe(1);
  });

  it('writes the note in Japanese for a Japanese user', () => {
    const { rt, refresh } = setupWithDataSource(db, { user: { locale: 'ja' } });
    refresh(`SELECT id FROM ${db.schema}.vals`, { name: 'ラベル' });
    expect(rt.spreadsheet._sheet('ラベル')!.getRange(1, 1).getNote()).toContain('行数: 4');
    expect(api(rt, 'listDataSources')).toHaveLength(1);
  });
});
