/** Developer metadata: on sheets (survives rename), on rows (moves with inserted rows), finder, errors. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

describe('developer metadata', () => {
  it('stays on a sheet across a rename and disappears with it', () => {
    const rt = fixtureRuntime(`
      function tag() {
        var s = SpreadsheetApp.getActive().insertSheet('Result');
        s.addDeveloperMetadata('sheetdash.query', 'q1', SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
        s.setName('Renamed');
      }
      function find() {
        var found = SpreadsheetApp.getActive().createDeveloperMetadataFinder().withKey('sheetdash.query').withValue('q1').find();
        return found.map(function (m) { var l = m.getLocation(); return [m.getKey(), m.getValue(), String(l.getLocationType()), l.getSheet().getName(), String(m.getVisibility())]; });
      }
      function drop() { var ss = SpreadsheetApp.getActive(); ss.deleteSheet(ss.getSheetByName('Renamed')); return find(); }`);
    rt.call('tag');
    expect(rt.call('find')).toEqual([['sheetdash.query', 'q1', 'SHEET', 'Renamed', 'DOCUMENT']]);
    expect(rt.call('drop')).toEqual([]);
  });

  it('moves row metadata with inserted and deleted rows', () => {
    const rt = fixtureRuntime(`function go() {
      var s = SpreadsheetApp.getActiveSheet();
      s.getRange('5:5').addDeveloperMetadata('row', 'r5');
      s.getRange('B:B').addDeveloperMetadata('col');
      s.insertRowsBefore(2, 3);
      var row = s.createDeveloperMetadataFinder().withKey('row').find()[0];
      var out = [row.getLocation().getRow().getRow(), row.getLocation().getRow().getA1Notation()];
      s.deleteRows(1, 2);
      out.push(s.createDeveloperMetadataFinder().withKey('row').find()[0].getLocation().getRow().getRow());
      s.deleteRow(6);
      out.push(s.createDeveloperMetadataFinder().withKey('row').find().length);
      var col = s.createDeveloperMetadataFinder().withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.COLUMN).find();
      out.push(col.length, col[0].getLocation().getColumn().getA1Notation(), col[0].getValue());
      try { s.getRange('A1:B2').addDeveloperMetadata('bad'); } catch (e) { out.push(e.message); }
      return out;
    }`);
    expect(rt.call('go')).toEqual([
      8,
      '8:8',
      6,
      0,
      1,
      'B:B',
      null,
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    ]);
  });

  it('finds by id, updates and removes spreadsheet-level metadata', () => {
    const rt = fixtureRuntime(`function go() {
      var ss = SpreadsheetApp.getActive();
      ss.addDeveloperMetadata('k', 'v');
      var m = ss.getDeveloperMetadata()[0];
      m.setValue('w');
      var byId = ss.createDeveloperMetadataFinder().withId(m.getId()).find();
      var out = [byId.length, byId[0].getValue(), String(byId[0].getLocation().getLocationType())];
      m.remove();
      out.push(ss.getDeveloperMetadata().length);
      return out;
    }`);
    expect(rt.call('go')).toEqual([1, 'w', 'SPREADSHEET', 0]);
  });
});
