/** Range values as the sandbox sees them: typed-input parsing, formulas, dates, limits, errors. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const sheetCode = `function sheet() { return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; }`;

describe('typed input', () => {
  it('turns "=" strings into formulas and keeps apostrophe text literal', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function go() {
        var r = sheet().getRange(1, 1, 1, 3);
        r.setValues([['=1+1', "'=1+1", "'00123"]]);
        return [r.getValues(), r.getFormulas(), r.getDisplayValues()];
      }`);
    expect(rt.call('go')).toEqual([[[2, '=1+1', '00123']], [['=1+1', '', '']], [['2', '=1+1', '00123']]]);
  });

  it('parses numbers, booleans and ISO dates unless the format is plain text', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function go() {
        var s = sheet();
        s.getRange('B1:B4').setNumberFormat('@');
        s.getRange('A1:B4').setValues([['00123', '00123'], ['1e3', '1e3'], ['TRUE', 'true'], ['12.50', '=1+2']]);
        return s.getRange('A1:B4').getValues();
      }`);
    expect(rt.call('go')).toEqual([
      [123, '00123'],
      [1000, '1e3'],
      [true, 'true'],
      [12.5, 3],
    ]);
  });

  it('reads ISO date strings as dates in the spreadsheet zone', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function go() {
        var r = sheet().getRange('A1:B1');
        r.setValues([['2024-01-02', '2024-01-02 03:04:05']]);
        var v = r.getValues()[0];
        return [v[0] instanceof Date, v[0].getTime(), v[1].getTime(), r.getDisplayValues()[0]];
      }`);
    expect(rt.call('go')).toEqual([
      true,
      Date.UTC(2024, 0, 1, 15),
      Date.UTC(2024, 0, 1, 18, 4, 5),
      ['2024-01-02', '2024-01-02 3:04:05'],
    ]);
  });

  it('clears cells written with null, undefined or empty strings', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function go() {
        var r = sheet().getRange('A1:C1');
        r.setValues([[1, 2, 3]]);
        r.setValues([[null, undefined, '']]);
        return [r.getValues(), sheet().getLastRow()];
      }`);
    expect(rt.call('go')).toEqual([[['', '', '']], 0]);
  });
});

describe('dates', () => {
  const code = `${sheetCode}
    function roundTrip(ms) {
      var r = sheet().getRange('A1');
      r.setValue(new Date(ms));
      var back = r.getValue();
      return [back instanceof Date, back.getTime(), r.getDisplayValue(), r.getNumberFormat()];
    }`;

  it('round-trips a Date in a JST spreadsheet', () => {
    const rt = fixtureRuntime(code);
    const ms = Date.UTC(2024, 5, 30, 23, 15, 7);
    expect(rt.call('roundTrip', ms)).toEqual([true, ms, '2024/07/01 8:15:07', 'yyyy/MM/dd H:mm:ss']);
  });

  it('round-trips a Date in a UTC spreadsheet', () => {
    const rt = fixtureRuntime(code, { spreadsheet: { timeZone: 'Etc/UTC', locale: 'en_US' } });
    const ms = Date.UTC(2024, 5, 30, 23, 15, 7);
    expect(rt.call('roundTrip', ms)).toEqual([true, ms, '6/30/2024 23:15:07', 'M/d/yyyy H:mm:ss']);
  });
});

describe('formulas', () => {
  it('recomputes a cross-tab VLOOKUP with FALSE after the source changes', () => {
    const rt = fixtureRuntime(`
      function setup() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var usage = ss.insertSheet('Usage');
        usage.getRange('A1:C3').setValues([['id', 'x', 'score'], ['acme', 1, 70], ['beta', 2, 10]]);
        var health = ss.insertSheet('Health');
        health.getRange('A1:C1').setValues([['acme', 5, "=IFERROR(VLOOKUP(A1, 'Usage'!A:C, 3, FALSE), 0) * 0.5 + B1"]]);
        health.getRange('A2:B2').setFormulas([['=SUMIFS(Usage!C:C, Usage!A:A, "beta")', '=1/0']]);
        return health.getRange('A1:C2').getValues();
      }
      function change() {
        SpreadsheetApp.getActive().getSheetByName('Usage').getRange('C2').setValue(100);
        return SpreadsheetApp.getActive().getSheetByName('Health').getRange('C1').getValue();
      }
      function errors() {
        var s = SpreadsheetApp.getActive().getSheetByName('Health');
        s.getRange('A3:C3').setValues([['=NOSUCHFN(1)', '=VLOOKUP("zzz", Usage!A:C, 3, FALSE)', '=Z999+']]);
        return s.getRange('A3:C3').getValues();
      }`);
    expect(rt.call('setup')).toEqual([
      ['acme', 5, 40],
      [10, '#DIV/0!', ''],
    ]);
    expect(rt.call('change')).toBe(55);
    expect(rt.call('errors')).toEqual([['#NAME?', '#N/A', '#ERROR!']]);
  });

  it('keeps formulas pointing at a renamed tab, and gives #REF! when it is deleted', () => {
    const rt = fixtureRuntime(`
      function go() {
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var src = ss.insertSheet('Usage');
        src.getRange('A1').setValue(7);
        var f = ss.getSheetByName('Sheet1').getRange('A1');
        f.setFormula('=Usage!A1*2');
        src.setName('Usage 2024');
        src.getRange('A1').setValue(8);
        var afterRename = [f.getValue(), f.getFormula()];
        ss.deleteSheet(src);
        return [afterRename, f.getValue()];
      }`);
    expect(rt.call('go')).toEqual([[16, "='Usage 2024'!A1*2"], '#REF!']);
  });
});

describe('limits and errors', () => {
  it('refuses more than 50,000 characters in a cell', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function go(n) { try { sheet().getRange('A1').setValue(new Array(n + 1).join('x')); return sheet().getRange('A1').getValue().length; } catch (e) { return e.message; } }`);
    expect(rt.call('go', 50_000)).toBe(50_000);
    expect(rt.call('go', 50_001)).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('refuses to grow the workbook past 10,000,000 cells', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function go() {
        var s = sheet();
        s.insertRowsAfter(1000, 384000 - 1000); // 384,000 x 26 = 9,984,000 cells
        try { SpreadsheetApp.getActive().insertSheet('More'); return 'no error'; } catch (e) { return [e.name, e.message, s.getMaxRows()]; }
      }`);
    expect(rt.call('go')).toEqual([
      'Exception',
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
      384000,
    ]);
  });

  it('reports getRange errors with Apps Script texts', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function tryIt(args) { try { sheet().getRange.apply(sheet(), args); return 'ok'; } catch (e) { return e.message; } }`);
    expect(rt.call('tryIt', [1, 1, 0, 3])).toBe('The number of rows in the range must be at least 1.');
    expect(rt.call('tryIt', [1, 1, 1, 0])).toBe('The number of columns in the range must be at least 1.');
    expect(rt.call('tryIt', [0, 1])).toBe('The starting row of the range is too small.');
    expect(rt.call('tryIt', [1, 0])).toBe('The starting column of the range is too small.');
    expect(rt.call('tryIt', [1000, 1, 2, 1])).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(rt.call('tryIt', [1, 26, 1, 2])).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(rt.call('tryIt', [1000, 26])).toBe('ok');
    expect(rt.call('tryIt', ['nonsense!!'])).toBe('Range not found');
  });

  it('reports setValues dimension mismatches with the exact texts', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function tryIt(values) { try { sheet().getRange(1, 1, 2, 4).setValues(values); return 'ok'; } catch (e) { return e.message; } }`);
    expect(rt.call('tryIt', [[1, 2, 3, 4]])).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(
      rt.call('tryIt', [
        [1, 2, 3, 4, 5],
        [1, 2, 3, 4, 5],
      ]),
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
    expect(
      rt.call('tryIt', [
        [1, 2, 3, 4],
        [1, 2, 3, 4],
      ]),
    ).toBe('ok');
  });
});

describe('elapsed-time display', () => {
  it('shows durations past 24 hours, with fractions and below zero, from one reading of the value', () => {
    const rt = fixtureRuntime(`${sheetCode}
      function go() {
        var r = sheet().getRange('A1:E1');
        r.setValues([[36 / 24, (23 * 3600 + 59 * 60 + 59.5) / 86400, (838 * 3600 + 59 * 60 + 59.5) / 86400,
          -(12 * 3600 + 30 * 60 + 15) / 86400, -0.5]]);
        r.setNumberFormat('[h]:mm:ss');
        return r.getDisplayValues()[0];
      }`);
    expect(rt.call('go')).toEqual(['36:00:00', '23:59:59', '838:59:59', '-12:30:15', '-12:00:00']);
  });
});
