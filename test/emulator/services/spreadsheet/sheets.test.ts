/** Tabs and the spreadsheet: ids, insert/rename/delete, hidden sheets, rows and columns, named ranges. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

describe('spreadsheet and sheets', () => {
  it('describes the container and its first sheet', () => {
    const rt = fixtureRuntime(`function go() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var s = ss.getSheets()[0];
      return [ss.getUrl() === 'https://docs.google.com/spreadsheets/d/' + ss.getId() + '/edit', ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale(),
        s.getName(), s.getSheetId(), s.getMaxRows(), s.getMaxColumns(), s.getLastRow(), SpreadsheetApp.getActive() === ss,
        SpreadsheetApp.getActiveSheet().getName()];
    }`);
    expect(rt.call('go')).toEqual([true, 'Asia/Tokyo', 'ja_JP', 'Sheet1', 0, 1000, 26, 0, true, 'Sheet1']);
  });

  it('inserts, renames and deletes sheets with name-conflict errors', () => {
    const rt = fixtureRuntime(`function go() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var a = ss.insertSheet('Usage');
      var b = ss.insertSheet('Health', 0);
      var errors = [];
      try { ss.insertSheet('usage'); } catch (e) { errors.push(e.message); }
      try { b.setName('Usage'); } catch (e) { errors.push(e.message); }
      var id = a.getSheetId();
      a.setName('Usage 2');
      var names = ss.getSheets().map(function (s) { return s.getName(); });
      var same = ss.getSheetById(id).getName();
      ss.deleteSheet(b);
      try { ss.deleteSheet(ss.getSheetByName('Sheet1')); ss.deleteSheet(ss.getSheetByName('Usage 2')); } catch (e) { errors.push(e.message); }
      return [errors, names, same, id > 0, a.getIndex(), ss.getNumSheets(), ss.getSheetByName('Health')];
    }`);
    expect(rt.call('go')).toEqual([
      [
        'A sheet with the name "usage" already exists. Please enter another name.',
        'A sheet with the name "Usage" already exists. Please enter another name.',
        "You can't remove all the sheets in a document.",
      ],
      ['Health', 'Sheet1', 'Usage 2'],
      'Usage 2',
      true,
      1,
      1,
      null,
    ]);
  });

  it('refuses to hide the only visible sheet', () => {
    const rt = fixtureRuntime(`function go() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var lib = ss.insertSheet('Library');
      lib.hideSheet();
      var out = [lib.isSheetHidden(), ss.getActiveSheet().getName()];
      try { ss.getSheetByName('Sheet1').hideSheet(); } catch (e) { out.push(e.message); }
      lib.showSheet();
      ss.getSheetByName('Sheet1').hideSheet();
      out.push(lib.isSheetHidden(), ss.getSheetByName('Sheet1').isSheetHidden());
      return out;
    }`);
    expect(rt.call('go')).toEqual([true, 'Sheet1', "You can't hide all the sheets in a document.", false, true]);
  });

  it('inserts and deletes rows, refusing to delete all non-frozen rows', () => {
    const rt = fixtureRuntime(`function go() {
      var s = SpreadsheetApp.getActiveSheet();
      s.getRange('A1:A3').setValues([[1], [2], ['=SUM(A1:A2)']]);
      s.insertRowsBefore(2, 2);
      var afterInsert = [s.getMaxRows(), s.getRange('A1:A5').getValues().map(function (r) { return r[0]; }), s.getRange('A5').getFormula()];
      s.deleteRows(2, 2);
      var out = [afterInsert, s.getRange('A3').getFormula(), s.getMaxRows()];
      s.setFrozenRows(1);
      try { s.deleteRows(2, 999); } catch (e) { out.push(e.message); }
      try { s.deleteRows(1, 1000); } catch (e) { out.push(e.message); }
      s.appendRow(['x', '=1+1']);
      out.push(s.getLastRow(), s.getRange(4, 1, 1, 2).getValues()[0]);
      return out;
    }`);
    expect(rt.call('go')).toEqual([
      [1002, [1, '', '', 2, 3], '=SUM(A1:A4)'],
      '=SUM(A1:A2)',
      1000,
      'Sorry, it is not possible to delete all non-frozen rows.',
      'Sorry, it is not possible to delete all non-frozen rows.',
      4,
      ['x', 2],
    ]);
  });

  it('resolves Sheet!A1 ranges and named ranges', () => {
    const rt = fixtureRuntime(`function go() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var s = ss.insertSheet('My Data');
      ss.getRange("'My Data'!B2:C3").setValues([[1, 2], [3, 4]]);
      ss.setNamedRange('totals', s.getRange('B2:C3'));
      var r = ss.getRangeByName('totals');
      var out = [r.getA1Notation(), r.getSheet().getName(), r.getValues(), ss.getNamedRanges().length, s.getDataRange().getA1Notation()];
      ss.removeNamedRange('totals');
      out.push(ss.getRangeByName('totals'), s.getRange('A:B').getA1Notation(), s.getRange('2:3').getA1Notation());
      return out;
    }`);
    expect(rt.call('go')).toEqual([
      'B2:C3',
      'My Data',
      [
        [1, 2],
        [3, 4],
      ],
      1,
      'A1:C3',
      null,
      'A:B',
      '2:3',
    ]);
  });
});
