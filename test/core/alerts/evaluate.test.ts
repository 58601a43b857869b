/** evaluateAlert: every evaluation rule of issue 8 (Redash's, and unknown where Redash crashes), as tables. */
import type { AlertCondition, AlertOp, AlertSelector } from '../../../src/shared/api-types';
import { type AlertResult, evaluateAlert, failedEvaluation } from '../../../src/core/alerts/evaluate';
import { compareCodePoints, isoWallClock } from '../../../src/core/alerts/compare';

const one = (value: unknown, column = 'v'): AlertResult => ({ columns: [column], rows: [[value]] });
const col = (...values: unknown[]): AlertResult => ({ columns: ['v'], rows: values.map((v) => [v]) });
const cond = (op: AlertOp, value: string, selector: AlertSelector = 'first', column = 'v'): AlertCondition => ({
  column,
  op,
  value,
  selector,
});

describe('first: numbers and numeric text compare as numbers', () => {
  const cases: [unknown, AlertOp, string, string][] = [
    [10, '>', '0', 'triggered'],
    [0, '>', '0', 'ok'],
    [0, '>=', '0', 'triggered'],
    [-1, '<', '0', 'triggered'],
    [5, '<=', '4.99', 'ok'],
    [3, '==', '3.0', 'triggered'],
    [3, '!=', '3', 'ok'],
    [3, '!=', '4', 'triggered'],
    ['10', '>', '9', 'triggered'], // numeric text is a number: "10" > "9" as text would be false
    [' 42 ', '==', '42', 'triggered'],
    ['1e3', '==', '1000', 'triggered'],
    [2, '>', ' 1 ', 'triggered'], // the threshold's blanks do not matter
    [0.1, '==', '0.1', 'triggered'],
    [-0, '==', '0', 'triggered'],
    ['-0.0', '>=', '0', 'triggered'],
    // BIGINT beyond 2^53 stays text in the sheet; compared digit by digit, never rounded
    ['9007199254740993', '>', '9007199254740992', 'triggered'],
    ['9007199254740993', '==', '9007199254740992', 'ok'],
    ['-12345678901234567890.5', '<', '-12345678901234567890.25', 'triggered'],
    ['00123', '==', '123', 'triggered'],
  ];
  it.each(cases)('%p %s %p is %s', (value, op, threshold, state) => {
    expect(evaluateAlert(one(value), cond(op, threshold)).state).toBe(state);
  });

  it('reports the value as the cell holds it', () => {
    expect(evaluateAlert(one(10), cond('>', '0'))).toEqual({ state: 'triggered', value: 10 });
    expect(evaluateAlert(one('9007199254740993'), cond('>', '1'))).toEqual({
      state: 'triggered',
      value: '9007199254740993',
    });
  });

  it('a number against a threshold that is not a number is unknown', () => {
    expect(evaluateAlert(one(5), cond('>', 'abc'))).toEqual({
      state: 'unknown',
      value: 5,
      reason: 'threshold-not-a-number',
    });
    for (const op of ['==', '!='] as AlertOp[])
      expect(evaluateAlert(one(5), cond(op, 'five')).reason).toBe('threshold-not-a-number');
    // Python's float() reads these; ours does not, so they are not numbers
    for (const threshold of ['inf', 'NaN', '1_000', '0x10', '1,000'])
      expect(evaluateAlert(one(5), cond('>', threshold)).reason).toBe('threshold-not-a-number');
  });
});

describe('first: text compares in code-point order', () => {
  const cases: [unknown, AlertOp, string, string][] = [
    ['failed', '==', 'failed', 'triggered'],
    ['failed', '==', 'ok', 'ok'], // false == is ok
    ['failed', '!=', 'ok', 'triggered'],
    ['ok', '!=', 'ok', 'ok'], // false != is ok
    ['b', '>', 'a', 'triggered'],
    ['a', '>', 'b', 'unknown'], // false ordering is unknown
    ['a', '<=', 'a', 'triggered'],
    ['2024-02-01', '>', '2024-01-31', 'triggered'], // ISO dates order correctly as text
    ['2024-01-31', '>', '2024-02-01', 'unknown'],
    ['Failed', '==', 'failed', 'ok'], // case matters
    ['abc', '==', '5', 'ok'], // text against a numeric threshold: == and != compare as text
    ['abc', '!=', '5', 'triggered'],
  ];
  it.each(cases)('%p %s %p is %s', (value, op, threshold, state) => {
    expect(evaluateAlert(one(value), cond(op, threshold)).state).toBe(state);
  });

  it('a false ordering of text says why', () => {
    expect(evaluateAlert(one('a'), cond('>', 'b'))).toEqual({ state: 'unknown', value: 'a', reason: 'text-order' });
  });

  it('text ordered against a numeric threshold is unknown (Redash crashes)', () => {
    for (const op of ['>', '>=', '<', '<='] as AlertOp[])
      expect(evaluateAlert(one('abc'), cond(op, '5'))).toEqual({
        state: 'unknown',
        value: 'abc',
        reason: 'not-a-number',
      });
  });

  it('orders by code point, not by UTF-16 unit', () => {
    // U+1F600 (a surrogate pair in UTF-16) comes after U+FF5E by code point, before it by UTF-16 unit
    expect('😀' < '～').toBe(true);
    expect(compareCodePoints('😀', '～')).toBe(1);
    expect(evaluateAlert(one('😀'), cond('>', '～')).state).toBe('triggered');
    expect(compareCodePoints('ab', 'abc')).toBe(-1);
    expect(compareCodePoints('', '')).toBe(0);
  });
});

describe('first: booleans, Dates, NULL', () => {
  it('booleans compare as the text true / false, whatever the threshold case', () => {
    expect(evaluateAlert(one(true), cond('==', 'TRUE'))).toEqual({ state: 'triggered', value: true });
    expect(evaluateAlert(one(false), cond('==', 'true')).state).toBe('ok');
    expect(evaluateAlert(one(false), cond('!=', 'True')).state).toBe('triggered');
    expect(evaluateAlert(one(true), cond('==', '1')).state).toBe('ok'); // as in Redash: "true" is not 1
  });

  it('a Date reads as ISO text in the result time zone', () => {
    // 2024-03-10 01:30 UTC is 2024-03-09 17:30 in Los Angeles (PST)
    const instant = new Date(Date.UTC(2024, 2, 10, 1, 30));
    const la = { columns: ['v'], rows: [[instant]], timeZone: 'America/Los_Angeles' };
    expect(evaluateAlert(la, cond('==', '2024-03-09 17:30:00'))).toEqual({
      state: 'triggered',
      value: '2024-03-09 17:30:00',
    });
    expect(evaluateAlert(la, cond('<', '2024-03-10')).state).toBe('triggered');
    expect(evaluateAlert(la, cond('>', '2024-03-09T12:00')).state).toBe('triggered'); // a "T" is read as a space
    expect(evaluateAlert(one(instant), cond('==', '2024-03-10 01:30:00')).state).toBe('triggered'); // UTC by default
    const tokyo = { columns: ['v'], rows: [[new Date(Date.UTC(2024, 0, 30, 15))]], timeZone: 'Asia/Tokyo' };
    expect(evaluateAlert(tokyo, cond('==', '2024-01-31')).value).toBe('2024-01-31'); // midnight: the date alone
    const late = evaluateAlert(tokyo, cond('<', '2024-01-01'));
    expect(late).toEqual({ state: 'unknown', value: '2024-01-31', reason: 'text-order' }); // text rules apply
    expect(evaluateAlert(tokyo, cond('>', '5')).reason).toBe('not-a-number');
  });

  it('writes wall clocks as the sheet shows them', () => {
    expect(isoWallClock(Date.UTC(2024, 0, 31))).toBe('2024-01-31');
    expect(isoWallClock(Date.UTC(2024, 0, 31, 9, 5, 7))).toBe('2024-01-31 09:05:07');
    expect(isoWallClock(Date.UTC(2024, 0, 31, 9, 5, 7, 250))).toBe('2024-01-31 09:05:07.250');
    expect(isoWallClock(Date.UTC(1899, 11, 30, 9, 30))).toBe('09:30:00'); // a time-of-day cell
  });

  it('NULL (an empty cell) is unknown', () => {
    for (const empty of ['', null, undefined])
      expect(evaluateAlert(one(empty), cond('>', '0'))).toEqual({ state: 'unknown', value: null, reason: 'null' });
    expect(evaluateAlert(one(new Date(Number.NaN)), cond('>', '0')).reason).toBe('null');
    // a row shorter than the header
    expect(evaluateAlert({ columns: ['a', 'v'], rows: [[1]] }, cond('>', '0')).reason).toBe('null');
  });
});

describe('rows and columns', () => {
  it('no rows is unknown for every selector but count', () => {
    const empty = { columns: ['v'], rows: [] };
    for (const selector of ['first', 'min', 'max', 'any', 'all'] as AlertSelector[])
      expect(evaluateAlert(empty, cond('>', '0', selector))).toEqual({
        state: 'unknown',
        value: null,
        reason: 'no-rows',
      });
    expect(evaluateAlert(empty, cond('>', '0', 'count'))).toEqual({ state: 'ok', value: 0 });
    expect(evaluateAlert(empty, cond('==', '0', 'count'))).toEqual({ state: 'triggered', value: 0 });
  });

  it('a missing column is unknown; the first of two columns of one name is used', () => {
    expect(evaluateAlert(one(1, 'other'), cond('>', '0'))).toEqual({
      state: 'unknown',
      value: null,
      reason: 'missing-column',
    });
    expect(evaluateAlert(one(1, 'V'), cond('>', '0')).reason).toBe('missing-column'); // names are exact
    expect(evaluateAlert(one(1), cond('>', '0', 'first', '')).reason).toBe('missing-column');
    const twice = { columns: ['v', 'v'], rows: [[1, 100]] };
    expect(evaluateAlert(twice, cond('>', '50')).state).toBe('ok');
  });

  it('first takes row 1 only', () => {
    expect(evaluateAlert(col(1, 100), cond('>', '50'))).toEqual({ state: 'ok', value: 1 });
  });
});

describe('min and max', () => {
  const cases: [AlertSelector, unknown[], AlertOp, string, string, unknown][] = [
    ['max', [3, 9, 4], '>', '5', 'triggered', 9],
    ['min', [3, 9, 4], '<', '5', 'triggered', 3],
    ['min', [6, 9, 7], '<', '5', 'ok', 6],
    ['max', ['10', 9, '2'], '>=', '10', 'triggered', '10'], // numeric text counts
    ['max', ['9007199254740993', '9007199254740992'], '==', '9007199254740993', 'triggered', '9007199254740993'],
    ['min', [-1.5, -1.25], '==', '-1.5', 'triggered', -1.5],
  ];
  it.each(cases)('%s of %p %s %p is %s', (selector, values, op, threshold, state, value) => {
    expect(evaluateAlert(col(...values), cond(op, threshold, selector))).toEqual({ state, value });
  });

  it('NULL anywhere is unknown (Redash crashes)', () => {
    for (const selector of ['min', 'max'] as AlertSelector[])
      expect(evaluateAlert(col(1, '', 3), cond('>', '0', selector))).toEqual({
        state: 'unknown',
        value: null,
        reason: 'null',
      });
  });

  it('a value that is not a number is unknown', () => {
    for (const selector of ['min', 'max'] as AlertSelector[]) {
      expect(evaluateAlert(col(1, 'abc'), cond('>', '0', selector))).toEqual({
        state: 'unknown',
        value: 'abc',
        reason: 'not-a-number',
      });
      expect(evaluateAlert(col(true), cond('>', '0', selector)).reason).toBe('not-a-number');
      expect(evaluateAlert(col(new Date(0)), cond('>', '0', selector)).reason).toBe('not-a-number');
    }
  });

  it('a threshold that is not a number is unknown', () => {
    expect(evaluateAlert(col(1, 2), cond('>', 'x', 'max')).reason).toBe('threshold-not-a-number');
  });
});

describe('any and all (three-valued: a row that cannot be judged is unknown)', () => {
  const cases: [AlertSelector, unknown[], AlertOp, string, string, unknown, number][] = [
    ['any', [1, 5, 9], '>', '4', 'triggered', 5, 2],
    ['any', [1, 2, 3], '>', '4', 'ok', 1, 0],
    ['any', [1, '', 3], '>', '4', 'unknown', null, 0], // no row meets it, one cannot be judged
    ['any', [1, '', 9], '>', '4', 'triggered', 9, 1], // one row meets it: the NULL does not matter
    ['any', ['ok', 'failed', 'ok'], '==', 'failed', 'triggered', 'failed', 1],
    ['any', ['ok', 'ok'], '==', 'failed', 'ok', 'ok', 0],
    ['all', [5, 6, 9], '>', '4', 'triggered', 5, 3],
    ['all', [5, 1, 9], '>', '4', 'ok', 1, 2],
    ['all', [5, '', 9], '>', '4', 'unknown', null, 2],
    ['all', [1, '', 9], '>', '4', 'ok', 1, 1], // one row is fine: not all meet it
    ['all', ['a', 'b'], '<', 'c', 'triggered', 'a', 2],
    ['all', ['a', 'z'], '<', 'c', 'unknown', 'z', 1], // text: a false order is unknown
  ];
  it.each(cases)('%s of %p %s %p is %s', (selector, values, op, threshold, state, value, matches) => {
    const got = evaluateAlert(col(...values), cond(op, threshold, selector));
    expect([got.state, got.value, got.matches]).toEqual([state, value, matches]);
  });

  it('gives the reason of the first row that cannot be judged', () => {
    expect(evaluateAlert(col(1, '', 'abc'), cond('>', '4', 'any'))).toEqual({
      state: 'unknown',
      value: null,
      reason: 'null',
      matches: 0,
    });
  });
});

describe('count', () => {
  it('takes the number of rows and needs no column', () => {
    const three = { columns: ['id'], rows: [[1], [2], [3]] };
    expect(evaluateAlert(three, { column: '', op: '>', value: '0', selector: 'count' })).toEqual({
      state: 'triggered',
      value: 3,
    });
    expect(evaluateAlert(three, { column: 'nope', op: '>=', value: '4', selector: 'count' })).toEqual({
      state: 'ok',
      value: 3,
    });
    expect(evaluateAlert(three, { column: '', op: '!=', value: '3', selector: 'count' }).state).toBe('ok');
    expect(evaluateAlert(three, { column: '', op: '>', value: 'many', selector: 'count' })).toEqual({
      state: 'unknown',
      value: 3,
      reason: 'threshold-not-a-number',
    });
  });
});

it('a failed query is unknown with its reason and message', () => {
  expect(failedEvaluation('query-timeout', 'Timed out after 30 s.')).toEqual({
    state: 'unknown',
    value: null,
    reason: 'query-timeout',
    detail: 'Timed out after 30 s.',
  });
});

it('compares a long text whole but reports it cut, so the status stays small', () => {
  const long = `${'x'.repeat(2_000)}!`;
  const got = evaluateAlert(one(long), cond('==', long));
  expect(got.state).toBe('triggered');
  expect([String(got.value).length, String(got.value).endsWith('x…')]).toEqual([500, true]);
  expect(evaluateAlert(one(long), cond('==', `${'x'.repeat(2_000)}?`)).state).toBe('ok');
  expect(failedEvaluation('query-failed', 'e'.repeat(5_000)).detail).toHaveLength(1_000);
});

it('is pure: the result is left as it was', () => {
  const result = { columns: ['v'], rows: [[3], ['x'], [new Date(0)]] };
  const copy = JSON.stringify(result);
  for (const selector of ['first', 'min', 'max', 'any', 'all', 'count'] as AlertSelector[])
    evaluateAlert(result, cond('>', '1', selector));
  expect(JSON.stringify(result)).toBe(copy);
});
