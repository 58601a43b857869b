/** The refresh's written rows, evaluated without reading the tab back, give what the sheet shows. */
import { alertResultFromCells } from '../../../src/core/alerts/cells';
import { evaluateAlert } from '../../../src/core/alerts/evaluate';
import { toCellValue } from '../../../src/core/values/cell-value';
import type { ColumnKind } from '../../../src/core/values/jdbc-types';

const kinds: ColumnKind[] = ['text', 'bigint', 'date', 'timestamp', 'time', 'boolean', 'integer'];
const columns = ['status', 'big', 'day', 'at', 'clock', 'flag', 'n'];
const texts = ['=SUM(A1)', '9007199254740993', '2024-01-31', '2024-01-31 09:05:07', '09:30:00', 't', null];
const written = [texts.map((text, c) => toCellValue(text, kinds[c]))];

it('reads text without the literal apostrophe and dates as the sheet shows them', () => {
  expect(written[0][0]).toBe("'=SUM(A1)"); // what the refresh writes
  const result = alertResultFromCells(columns, kinds, written);
  const value = (column: string) => evaluateAlert(result, { column, op: '!=', value: '-', selector: 'first' }).value;
  expect(columns.map(value)).toEqual([
    '=SUM(A1)',
    '9007199254740993',
    '2024-01-31',
    '2024-01-31 09:05:07',
    '09:30:00',
    true,
    null,
  ]);
});

it('compares them by the rules', () => {
  const result = alertResultFromCells(columns, kinds, written);
  const state = (column: string, op: '==' | '>', value: string) =>
    evaluateAlert(result, { column, op, value, selector: 'first' }).state;
  expect(state('status', '==', '=SUM(A1)')).toBe('triggered');
  expect(state('big', '>', '9007199254740992')).toBe('triggered');
  expect(state('day', '==', '2024-01-31')).toBe('triggered');
  expect(state('at', '>', '2024-01-31 09:00')).toBe('triggered');
  expect(state('clock', '==', '09:30:00')).toBe('triggered');
  expect(state('flag', '==', 'TRUE')).toBe('triggered');
  expect(evaluateAlert(result, { column: 'n', op: '>', value: '0', selector: 'first' }).reason).toBe('null');
});

it('keeps a number a number in a column that is not temporal', () => {
  const result = alertResultFromCells(['n'], ['integer'], [[45_322]]);
  expect(result.rows[0][0]).toBe(45_322);
});
