/** Structural changes far below the data while formulas exist (the engine only holds the used area). */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

it('inserts and deletes rows and columns past the used area of a formula sheet', () => {
  const rt = fixtureRuntime(`function go() {
    var s = SpreadsheetApp.getActiveSheet();
    s.getRange('A1:B1').setValues([[2, '=A1*3']]);
    s.insertRowsAfter(1000, 10);
    s.deleteRows(990, 20);
    s.insertColumnsAfter(26, 2);
    s.deleteColumns(20, 5);
    s.insertColumnBefore(1);
    var r = s.getRange('A1:C1');
    return [s.getMaxRows(), s.getMaxColumns(), r.getValues()[0], r.getFormulas()[0]];
  }`);
  expect(rt.call('go')).toEqual([990, 24, ['', 2, 6], ['', '', '=B1*3']]);
});

it('recomputes a MATCH over a whole column of another sheet after a row there is deleted, as Sheets does', () => {
  const rt = fixtureRuntime(`function go() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    var list = ss.insertSheet('List');
    list.getRange('A1').setValue('x');
    var s = ss.getSheets()[0];
    s.getRange('A1:D2').setValues([
      ['a', 'b', 'c', 'd'],
      ['=MATCH(A$1,List!$A:$A,0)', '=IFERROR(MATCH(B$1,List!$A:$A,0),"gone")', '=MATCH(C$1,List!$A:$A,0)', '=MATCH(D$1,List!$A:$A,0)'],
    ]);
    s.getRange('A2').getValue();
    // Written once the engine is built, so it takes them in one by one.
    list.getRange('A1:A9').setValues([['x'], ['y'], ['z'], [''], ['h'], ['a'], ['b'], ['c'], ['d']]);
    var before = s.getRange('A2:D2').getValues()[0];
    list.deleteRow(7);
    return [before, s.getRange('A2:D2').getValues()[0]];
  }`);
  expect(rt.call('go')).toEqual([
    [6, 7, 8, 9],
    [6, 'gone', 7, 8],
  ]);
});

it('copies a sheet with its formulas and counts service calls', () => {
  const rt = fixtureRuntime(`function go() {
    var ss = SpreadsheetApp.getActiveSpreadsheet();
    var s = ss.getActiveSheet();
    s.getRange('A1:B1').setValues([[2, '=A1+1']]);
    var copy = s.copyTo(ss);
    copy.getRange('A1').setValue(10);
    return [copy.getName(), copy.getRange('B1').getValue(), s.getRange('B1').getValue()];
  }`);
  const result = rt.run('go');
  expect(result.value).toEqual(['Copy of Sheet1', 11, 3]);
  expect(result.execution.calls.get('SpreadsheetApp.Range.getValue')).toBe(2);
  expect(result.execution.callsOf('SpreadsheetApp')).toBe(12);
});

describe('Range.copyTo', () => {
  it('copies values, formats and notes in one call, and only contents with contentsOnly', () => {
    const rt = fixtureRuntime(`function copy() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var a = ss.insertSheet('A'), b = ss.insertSheet('B'), c = ss.insertSheet('C');
      a.getRange(1, 1, 2, 2).setValues([["'=x", 1], [new Date(Date.UTC(2024, 0, 2)), 'old']]);
      a.getRange(2, 1).setNumberFormat('yyyy-mm-dd');
      a.getRange(1, 1).setNote('from A');
      b.getRange(1, 1, 3, 3).setValues([[9, 9, 9], [9, 9, 9], [9, 9, 9]]);
      a.getRange(1, 1, 3, 3).copyTo(b.getRange(1, 1));
      a.getRange(1, 1, 2, 2).copyTo(c.getRange(2, 2), { contentsOnly: true });
      return [b.getRange(1, 1, 3, 3).getDisplayValues(), b.getRange(1, 1).getNote(), c.getRange(3, 2).getNumberFormat(), c.getRange(2, 2).getNote()];
    }`);
    const [values, note, format, noteC] = rt.call('copy') as [string[][], string, string, string];
    expect(values).toEqual([
      ['=x', '1', ''],
      ['2024-01-02', 'old', ''],
      ['', '', ''],
    ]);
    expect(note).toBe('from A');
    expect(format).not.toBe('yyyy-mm-dd');
    expect(noteC).toBe('');
    const execution = rt.executions[0];
    expect(execution.calls.get('SpreadsheetApp.Range.copyTo')).toBe(2);
  });
});
