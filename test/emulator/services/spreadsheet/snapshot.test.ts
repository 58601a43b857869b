/**
 * Spreadsheet snapshots (`_snapshot` / `_restore`): a workbook built by a script comes back in
 * another runtime with its tabs, formulas, formats, notes, metadata, protections, validation
 * and named ranges, survives a JSON round trip, and a malformed snapshot changes nothing.
 */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const BUILD = `
function build() {
  var ss = SpreadsheetApp.getActive();
  ss.rename('Books');
  var first = ss.getSheets()[0];
  first.setName('Data');
  first.getRange('A1:C3').setValues([['name', 'n', 'when'], ['a', 2, '2024-03-01'], ['b', 5, '2024-03-02']]);
  first.getRange('B4').setFormula('=SUM(B2:B3)');
  first.getRange('A1').setNote('made by build');
  first.getRange('B2:B3').setNumberFormat('0.00');
  first.setFrozenRows(1);
  first.getRange('1:1').addDeveloperMetadata('row.tag', 'header');
  first.addDeveloperMetadata('sheet.tag', 'data', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  first.getRange('C2').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['x', 'y']).setAllowInvalid(false).build());
  var hidden = ss.insertSheet('Library');
  hidden.getRange('A1').setValue('secret-ish');
  hidden.hideSheet();
  hidden.protect().setDescription('add-on owned').setWarningOnly(true);
  ss.setNamedRange('Names', first.getRange('A2:A3'));
  ss.setActiveSheet(first);
  return [first.getSheetId(), hidden.getSheetId()];
}
function read() {
  var ss = SpreadsheetApp.getActive();
  var data = ss.getSheetByName('Data');
  var lib = ss.getSheetByName('Library');
  var added = ss.insertSheet('New');
  return {
    name: ss.getName(),
    id: ss.getId(),
    tabs: ss.getSheets().map(function (s) { return s.getName(); }),
    ids: [data.getSheetId(), lib.getSheetId()],
    newIdIsFresh: added.getSheetId() !== data.getSheetId() && added.getSheetId() !== lib.getSheetId(),
    values: data.getRange('A1:C4').getDisplayValues(),
    formula: data.getRange('B4').getFormula(),
    sum: data.getRange('B4').getValue(),
    note: data.getRange('A1').getNote(),
    format: data.getRange('B2').getNumberFormat(),
    frozen: data.getFrozenRows(),
    hidden: lib.isSheetHidden(),
    rowMeta: data.getRange('1:1').getDeveloperMetadata().map(function (m) { return m.getKey() + '=' + m.getValue(); }),
    sheetMeta: data.getDeveloperMetadata().map(function (m) { return m.getKey() + '=' + m.getValue() + '/' + m.getVisibility(); }),
    validation: data.getRange('C2').getDataValidation().getCriteriaValues()[0],
    protection: lib.getProtections(SpreadsheetApp.ProtectionType.SHEET).map(function (p) { return p.getDescription() + '/' + p.isWarningOnly(); }),
    named: ss.getRangeByName('Names').getValues(),
    active: ss.getActiveSheet().getName() === 'New' ? 'New' : 'other'
  };
}`;

describe('spreadsheet snapshots', () => {
  it('brings a workbook back in another runtime, through JSON', () => {
    const source = fixtureRuntime(BUILD);
    const [dataId, libId] = source.call('build') as number[];
    const saved = JSON.parse(JSON.stringify(source.spreadsheet._snapshot()));
    const before = source.call('read') as Record<string, unknown>;

    const target = fixtureRuntime(BUILD);
    target.spreadsheet._restore(saved);
    expect(target.spreadsheet._sheetNames()).toEqual(['Data', 'Library']);
    const after = target.call('read') as Record<string, unknown>;
    expect(after).toEqual(before);
    expect(after).toMatchObject({
      name: 'Books',
      tabs: ['Data', 'New', 'Library'],
      ids: [dataId, libId],
      newIdIsFresh: true,
      formula: '=SUM(B2:B3)',
      sum: 7,
      note: 'made by build',
      format: '0.00',
      frozen: 1,
      hidden: true,
      rowMeta: ['row.tag=header'],
      sheetMeta: ['sheet.tag=data/PROJECT'],
      validation: ['x', 'y'],
      protection: ['add-on owned/true'],
      named: [['a'], ['b']],
    });
    expect((after.values as string[][])[1]).toEqual(['a', '2.00', '2024-03-01']);
  });

  it('keeps protections and validation enforced after a restore', () => {
    const source = fixtureRuntime(BUILD);
    source.call('build');
    const target = fixtureRuntime('function noop() {}');
    target.spreadsheet._restore(source.spreadsheet._snapshot());
    expect(() => target.spreadsheet._userEdit('Data', 'C2', 'z')).toThrow(/violates the data validation rules/);
    target.spreadsheet._userEdit('Data', 'C2', 'y');
    expect(target.spreadsheet._sheetValues('Data')[1][2]).toBe('y');
  });

  it('refuses a malformed snapshot and keeps the workbook as it was', () => {
    const rt = fixtureRuntime(BUILD);
    rt.call('build');
    const good = rt.spreadsheet._snapshot();
    expect(() => rt.spreadsheet._restore({ ...good, version: 2 } as never)).toThrow(/Not a spreadsheet snapshot/);
    const dangling = {
      ...good,
      namedRanges: [{ name: 'X', box: { sheetId: 999, row: 0, col: 0, numRows: 1, numCols: 1 } }],
    };
    expect(() => rt.spreadsheet._restore(dangling)).toThrow(/no sheet with id 999/);
    expect(rt.spreadsheet._sheetNames()).toEqual(['Data', 'Library']);
    expect(rt.spreadsheet._sheetValues('Data')[3][1]).toBe(7);
  });
});
