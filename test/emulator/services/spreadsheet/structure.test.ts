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
