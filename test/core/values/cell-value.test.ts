/** Conversion of database text to sheet values: exactness, dates as wall clock, literal text. */
import {
  dateTimeSerial,
  exactDecimal,
  literalText,
  shiftedText,
  timeSerial,
  toCellValue,
  MAX_CELL_CHARS,
} from '../../../src/core/values/cell-value';
import { zoneOffsets } from '../../../src/core/values/zone-offsets';
import { columnKind, SQL_TYPES } from '../../../src/core/values/jdbc-types';

describe('toCellValue', () => {
  it('keeps NULL as an empty cell', () => {
    expect(toCellValue(null, 'integer')).toBe('');
    expect(toCellValue(null, 'text')).toBe('');
  });

  it('turns integers and floats into numbers', () => {
    expect(toCellValue('42', 'integer')).toBe(42);
    expect(toCellValue('-3.5', 'float')).toBe(-3.5);
    expect(toCellValue('NaN', 'float')).toBe("'NaN");
  });

  it('keeps BIGINT beyond 2^53 as exact text', () => {
    expect(toCellValue('9007199254740991', 'bigint')).toBe(9007199254740991);
    expect(toCellValue('9007199254740993', 'bigint')).toBe("'9007199254740993");
    expect(toCellValue('-9223372036854775808', 'bigint')).toBe("'-9223372036854775808");
  });

  it('turns a DECIMAL into a number only when the double is exact', () => {
    expect(toCellValue('12.50', 'decimal')).toBe(12.5);
    expect(toCellValue('0.10', 'decimal')).toBe(0.1);
    expect(toCellValue('-0.00', 'decimal')).toBe(0);
    expect(toCellValue('12345678901234567.89', 'decimal')).toBe("'12345678901234567.89");
    expect(toCellValue('0.1000000000000000055511151231257827', 'decimal')).toBe(
      "'0.1000000000000000055511151231257827",
    );
    expect(exactDecimal('007.250')).toBe(7.25);
  });

  it('reads booleans as PostgreSQL and MySQL print them', () => {
    expect(toCellValue('t', 'boolean')).toBe(true);
    expect(toCellValue('f', 'boolean')).toBe(false);
    expect(toCellValue('1', 'boolean')).toBe(true);
    expect(toCellValue('0', 'boolean')).toBe(false);
  });

  it('keeps dates and timestamps as wall-clock serials', () => {
    expect(dateTimeSerial('1899-12-31')).toBe(1);
    expect(dateTimeSerial('2024-01-02')).toBe(45293);
    expect(dateTimeSerial('2024-01-02 12:00:00')).toBe(45293.5);
    expect(dateTimeSerial('2024-01-02 12:00:00.0')).toBe(45293.5); // MySQL's trailing .0
    expect(dateTimeSerial('2024-01-02 12:00:00+09')).toBe(45293.5); // timestamptz in the session zone
    expect(toCellValue('0000-00-00 00:00:00', 'timestamp')).toBe("'0000-00-00 00:00:00");
    expect(toCellValue('2023-02-30', 'date')).toBe("'2023-02-30");
    expect(toCellValue('infinity', 'timestamp')).toBe("'infinity");
    expect(dateTimeSerial('0044-03-15')).toBeLessThan(-600_000); // year 44, not 1944
    expect(timeSerial('12:00:00')).toBe(0.5);
    expect(timeSerial('36:00:00')).toBe(1.5);
  });

  it("moves instants read at a fixed offset into the sheet's zone, to the millisecond", () => {
    // A MySQL session set to -08:00 (Los Angeles in winter) renders 2024-07-01 12:00 UTC as 04:00.
    const shift = { sessionOffsetMs: -8 * 3_600_000, offsetAt: zoneOffsets('America/Los_Angeles')! };
    const serial = (text: string) => toCellValue(text, 'timestamp', shift) as number;
    expect(serial('2024-07-01 04:00:00.0')).toBe(dateTimeSerial('2024-07-01 05:00:00'));
    expect(serial('2024-01-15 04:00:00.0')).toBe(dateTimeSerial('2024-01-15 04:00:00'));
    expect(serial('2024-07-01 23:30:00.5')).toBeCloseTo(dateTimeSerial('2024-07-02 00:30:00.5')!, 10);
    expect(serial('2024-03-10 02:00:00')).toBe(dateTimeSerial('2024-03-10 03:00:00')); // first second of PDT
    expect(serial('2024-03-10 01:59:59')).toBe(dateTimeSerial('2024-03-10 01:59:59'));
    // A DATE is never moved.
    expect(toCellValue('2024-07-01 04:00:00', 'date', shift)).toBe(dateTimeSerial('2024-07-01 04:00:00'));
    expect(toCellValue('0000-00-00 00:00:00', 'timestamp', shift)).toBe("'0000-00-00 00:00:00");
    expect(shiftedText('2024-07-01 04:00:00.0', shift)).toBe('2024-07-01 05:00:00.0');
    const fromNine = { ...shift, sessionOffsetMs: -9 * 3_600_000 };
    expect(shiftedText('2024-12-31 23:30:00.123456', fromNine)).toBe('2025-01-01 00:30:00.123456');
    expect(shiftedText('2024-01-15 04:00:00', shift)).toBe('2024-01-15 04:00:00');
    expect(shiftedText('2024-07-01', shift)).toBe('2024-07-01');
    expect(shiftedText('not a date', shift)).toBe('not a date');
  });

  it('writes text so that Sheets never parses it', () => {
    for (const dangerous of ['=1+1', '+1', '-1', '@SUM(A1)', '00123', 'TRUE', '2024-01-02', "'quoted", '  spaced ']) {
      expect(toCellValue(dangerous, 'text')).toBe(`'${dangerous}`);
    }
    expect(toCellValue('日本語😀', 'text')).toBe("'日本語😀");
  });

  it('cuts values over 50,000 characters with a visible marker', () => {
    const long = 'x'.repeat(60_000);
    const cell = literalText(long);
    expect(cell.length).toBe(MAX_CELL_CHARS);
    expect(cell).toMatch(/…\[cut: 60,000 characters\]$/);
  });
});

describe('columnKind', () => {
  it('maps pgjdbc and Connector/J types', () => {
    expect(columnKind(SQL_TYPES.BIT, 'bool')).toBe('boolean');
    expect(columnKind(SQL_TYPES.BIT, 'BIT', 1)).toBe('boolean');
    expect(columnKind(SQL_TYPES.BIT, 'BIT', 8)).toBe('text');
    expect(columnKind(SQL_TYPES.TIMESTAMP, 'timestamptz')).toBe('timestamptz');
    expect(columnKind(SQL_TYPES.TIMESTAMP, 'DATETIME')).toBe('timestamp');
    expect(columnKind(SQL_TYPES.NUMERIC, 'numeric')).toBe('decimal');
    expect(columnKind(SQL_TYPES.BIGINT, 'int8')).toBe('bigint');
    expect(columnKind(1111, 'jsonb')).toBe('text');
    expect(columnKind(1111, 'uuid')).toBe('text');
    expect(columnKind(SQL_TYPES.DATE, 'YEAR')).toBe('integer');
  });
});
