/** SpreadsheetApp behaviours fixed against Google's reference (issue 11, "Differences found"). */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

function run(body: string): unknown {
  return fixtureRuntime(`function go() { var s = SpreadsheetApp.getActiveSheet(); ${body} }`).call('go');
}

describe('Range.setFormula on several cells', () => {
  // Sheets fills a formula over a range: "If writing a cell with formula =A1 into range B2:C4, B2 would be =A1,
  // B3 would be =A2 ... C2 would be =B1 ... To keep the formula's ranges static, use the $ indicator."
  // https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#repeatcellrequest
  it('moves relative references per cell and keeps $ references', () => {
    expect(
      run(`s.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
        s.getRange('C1:D2').setFormula('=A1*$A$1+A$1+$A1');
        return [s.getRange('C1:D2').getFormulas(), s.getRange('C1:D2').getValues()];`),
    ).toEqual([
      [
        ['=A1*$A$1+A$1+$A1', '=B1*$A$1+B$1+$A1'],
        ['=A2*$A$1+A$1+$A2', '=B2*$A$1+B$1+$A2'],
      ],
      [
        [3, 5],
        [7, 9],
      ],
    ]);
  });

  it('leaves text inside string literals and quoted sheet names alone', () => {
    expect(run(`s.getRange('B1:B2').setFormula('=CONCATENATE("A1", A1)'); return s.getRange('B2').getFormula();`)).toBe(
      '=CONCATENATE("A1", A2)',
    );
    expect(
      run(`SpreadsheetApp.getActive().insertSheet('Q1 2024');
        s.getRange('B1:B2').setFormula("='Q1 2024'!A1+Sheet1!C1"); return s.getRange('B2').getFormula();`),
    ).toBe("='Q1 2024'!A2+Sheet1!C2");
  });
});

describe('Range.copyTo', () => {
  // copyTo(destination): "Copies the data from a range of cells to another range of cells. Both the values and
  // formatting are copied." A larger destination receives whole repeated copies, as a paste does.
  // https://developers.google.com/apps-script/reference/spreadsheet/range#copytodestination
  it('repeats the source as whole copies over a larger target, values and formats', () => {
    expect(
      run(`s.getRange('A1:B1').setValues([[1, '=A1+1']]).setNumberFormat('0.00');
        s.getRange('A1:B1').copyTo(s.getRange('D1:H3'));
        var r = s.getRange('D1:H3');
        return [r.getValues(), r.getFormulas()[2], r.getNumberFormats()[1]];`),
    ).toEqual([
      [
        [1, 2, 1, 2, ''],
        [1, 2, 1, 2, ''],
        [1, 2, 1, 2, ''],
      ],
      ['', '=D3+1', '', '=F3+1', ''],
      ['0.00', '0.00', '0.00', '0.00', '0.###############'],
    ]);
  });

  // Apps Script checks arguments against the method's overloads (copyTo(Range), copyTo(Range, Object),
  // copyTo(Range, CopyPasteType, Boolean)) and names the given types in its error.
  it('refuses a destination that is not a Range with the signature error', () => {
    expect(run(`try { s.getRange('A1').copyTo('B1'); } catch (e) { return [e.name, e.message]; }`)).toEqual([
      'Exception',
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.copyTo.",
    ]);
  });

  it('checks other methods the add-on uses the same way', () => {
    expect(
      run(`var out = [];
        function t(f) { try { f(); out.push('ok'); } catch (e) { out.push(e.message); } }
        t(function () { s.getRange(1); });
        t(function () { s.getRange('A1').setValues([1, 2]); });
        t(function () { s.getRange('A1').getCell('1', 1); });
        t(function () { s.insertRowsAfter(1); });
        t(function () { s.getRange(1, 1, 2); });
        return out;`),
    ).toEqual([
      "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.Range.getCell.",
      "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.insertRowsAfter.",
      'ok',
    ]);
  });
});

describe('getRange in R1C1 notation', () => {
  // Sheet.getRange(a1Notation): "Returns the range as specified in A1 notation or R1C1 notation."
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getrangea1notation
  it('accepts R5C3 and R2C2:R4C5', () => {
    expect(run(`return [s.getRange('R5C3').getA1Notation(), s.getRange('R2C2:R4C5').getA1Notation()];`)).toEqual([
      'C5',
      'B2:E4',
    ]);
  });
});

describe('setNumberFormat("general")', () => {
  // The default ("General") number format reads back as 0.############### (getNumberFormat).
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getnumberformat (observed value)
  it('reads back as 0.###############', () => {
    expect(run(`return s.getRange('A1').setNumberFormat('0.00').setNumberFormat('General').getNumberFormat();`)).toBe(
      '0.###############',
    );
  });
});

describe('Sheet.protect', () => {
  // Sheet.protect(): "Until the script actually changes the list of editors for the sheet ... the permissions
  // mirror those of the spreadsheet itself, which effectively means that the sheet remains unprotected."
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#protect
  it('lists no editors and leaves the sheet editable until the editors change', () => {
    const rt = fixtureRuntime(`function go() { return SpreadsheetApp.getActiveSheet().protect().getEditors().length; }
      function restrict() { var p = SpreadsheetApp.getActiveSheet().protect(); p.removeEditors(p.getEditors()); }`);
    expect(rt.call('go')).toBe(0);
    expect(rt.spreadsheet._userEdit('Sheet1', 'A1', 'x', 'sales@example.com').value).toBe('x');
    rt.call('restrict');
    expect(() => rt.spreadsheet._userEdit('Sheet1', 'A1', 'y', 'sales@example.com')).toThrow(/protected cell/);
  });
});

describe('DataValidationBuilder argument types', () => {
  // requireDate() takes no argument; requireNumberBetween(start: Number, end: Number); setAllowInvalid(Boolean).
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
  it('refuses wrong argument types with the signature error', () => {
    expect(
      run(`var out = [], b = SpreadsheetApp.newDataValidation();
        function t(f) { try { f(); out.push('ok'); } catch (e) { out.push(e.message); } }
        t(function () { b.requireDate('x'); });
        t(function () { b.requireNumberBetween('1', 2); });
        t(function () { b.setAllowInvalid('no'); });
        t(function () { b.requireValueInList('a,b'); });
        t(function () { b.requireDate().setAllowInvalid(false).build(); });
        return out;`),
    ).toEqual([
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireDate.",
      "The parameters (String,number) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireNumberBetween.",
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.setAllowInvalid.",
      "The parameters (String) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
      'ok',
    ]);
  });
});
