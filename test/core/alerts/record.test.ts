/**
 * An alert's record (status, outbox, threads) always fits one Document property: wide rows of
 * Japanese text, long names and reasons, and a full outbox are trimmed step by step (rows and
 * cells first), and what is read back is a valid record whatever was stored.
 */
import type { AlertNotification } from '../../../src/alerts/message';
import {
  type AlertRecord,
  fitRecord,
  MAX_OUTBOX,
  type OutboxEntry,
  PROPERTY_LIMIT_BYTES,
  readAlertRecord,
  utf8Bytes,
} from '../../../src/core/alerts/record';
import { initialAlertStatus } from '../../../src/core/alerts/state';

const KEY = 'sheetdash.alert.0f8c2f9e-8a3c-4d43-9f0e-2b0c4b6d1a77';

function message(columns: number, cellChars: number, rows = 10): AlertNotification {
  const names = Array.from({ length: columns }, (_, i) => `列${i}の名前は長いです`);
  const cell = '株式会社イロハ'.repeat(Math.ceil(cellChars / 7)).slice(0, cellChars);
  return {
    alert: { id: 'a1', name: 'アラート'.repeat(50) },
    query: { id: 'q1', name: 'クエリ'.repeat(60) },
    state: 'triggered',
    previousState: 'ok',
    condition: { column: '', op: '>', value: '0', selector: 'count' },
    value: rows,
    reason: null,
    resultUrl: 'https://docs.google.com/spreadsheets/d/abc/edit#gid=1&range=A1',
    result: { columns: names, rows: Array.from({ length: rows }, () => names.map(() => cell)) },
    rowCount: 5000,
    at: '2030-01-01T00:00:00.000Z',
  };
}

function entry(n: number, m: AlertNotification): OutboxEntry {
  return {
    key: `a1:${n}`,
    notify: 'triggered',
    message: m,
    pending: ['d1', 'd2'],
    notBefore: {},
    outcomes: {},
  };
}

function record(outbox: OutboxEntry[]): AlertRecord {
  const status = { ...initialAlertStatus(), state: 'triggered' as const, sequence: outbox.length };
  return { status, outbox, threads: { d1: { channel: 'C1', ts: '1.0001' } } };
}

describe('fitRecord', () => {
  it('keeps a small record whole', () => {
    const small = record([entry(1, message(3, 10, 3))]);
    expect(JSON.parse(fitRecord(KEY, small))).toEqual(JSON.parse(JSON.stringify(small)));
  });

  it('fits wide Japanese rows into 9 KB, cutting rows and cells before anything else', () => {
    const wide = record([entry(1, message(40, 300))]);
    expect(utf8Bytes(JSON.stringify(wide))).toBeGreaterThan(100_000);
    const text = fitRecord(KEY, wide);
    expect(utf8Bytes(KEY) + utf8Bytes(text)).toBeLessThanOrEqual(PROPERTY_LIMIT_BYTES);
    const back = readAlertRecord(JSON.parse(text));
    const [kept] = back.outbox;
    expect(kept.key).toBe('a1:1');
    expect(kept.pending).toEqual(['d1', 'd2']);
    expect(kept.message.rowCount).toBe(5000);
    expect(kept.message.result.rows.length).toBeGreaterThan(0);
    expect(back.threads).toEqual({ d1: { channel: 'C1', ts: '1.0001' } });
    expect(back.status.state).toBe('triggered');
  });

  it('fits a full outbox, dropping only the oldest entries past the cap', () => {
    const many = record(Array.from({ length: MAX_OUTBOX + 3 }, (_, i) => entry(i + 1, message(30, 200))));
    const text = fitRecord(KEY, many);
    expect(utf8Bytes(KEY) + utf8Bytes(text)).toBeLessThanOrEqual(PROPERTY_LIMIT_BYTES);
    const keys = readAlertRecord(JSON.parse(text)).outbox.map((e) => e.key);
    expect(keys[keys.length - 1]).toBe(`a1:${MAX_OUTBOX + 3}`);
    expect(keys.length).toBeLessThanOrEqual(MAX_OUTBOX);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('counts UTF-8 bytes as Apps Script does (3 for kana, 4 for an astral character)', () => {
    expect(utf8Bytes('aé')).toBe(3);
    expect(utf8Bytes('イロハ')).toBe(9);
    expect(utf8Bytes('😀')).toBe(4);
  });
});

describe('readAlertRecord', () => {
  it('reads anything into a valid record, dropping broken outbox entries', () => {
    expect(readAlertRecord(null)).toEqual({ status: initialAlertStatus(), outbox: [], threads: {} });
    const back = readAlertRecord({
      status: { state: 'ok', sequence: 2 },
      outbox: [{ key: 'x' }, entry(2, message(1, 1, 1))],
      threads: { d1: { channel: 'C1' }, d2: { channel: 'C2', ts: '2.0' } },
    });
    expect(back.status).toMatchObject({ state: 'ok', sequence: 2 });
    expect(back.outbox.map((e) => e.key)).toEqual(['a1:2']);
    expect(back.threads).toEqual({ d2: { channel: 'C2', ts: '2.0' } });
  });
});
