/** SpreadsheetApp enums behave like Apps Script's Java-backed enums (name(), toString(), identity). */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

// Enum reference pages list `name()`/`toString()` semantics through Java enums; e.g. ProtectionType:
// "An enumeration representing the parts of a spreadsheet that can be protected from edits ... RANGE, SHEET".
// https://developers.google.com/apps-script/reference/spreadsheet/protection-type
it('gives name(), toString(), String() and identity with getters', () => {
  const rt = fixtureRuntime(`function go() {
    var s = SpreadsheetApp.getActiveSheet();
    var t = SpreadsheetApp.ProtectionType.SHEET;
    var p = s.protect();
    var v = SpreadsheetApp.newDataValidation().requireDate().build();
    return [t.name(), t.toString(), String(t), t == 'SHEET', p.getProtectionType() === t,
      v.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.DATE_IS_VALID_DATE,
      SpreadsheetApp.Direction.UP.name(), String(SpreadsheetApp.CopyPasteType.PASTE_VALUES),
      SpreadsheetApp.Dimension.ROWS.ordinal(), JSON.stringify([SpreadsheetApp.WrapStrategy.CLIP])];
  }`);
  expect(rt.call('go')).toEqual(['SHEET', 'SHEET', 'SHEET', true, true, true, 'UP', 'PASTE_VALUES', 1, '["CLIP"]']);
});

it('takes enum values where the reference expects them (copyTo with a CopyPasteType)', () => {
  const rt = fixtureRuntime(`function go() {
    var s = SpreadsheetApp.getActiveSheet();
    s.getRange('A1').setValue(5).setNumberFormat('0.00');
    s.getRange('A1').copyTo(s.getRange('B1'), SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
    return [s.getRange('B1').getValue(), s.getRange('B1').getNumberFormat()];
  }`);
  expect(rt.call('go')).toEqual([5, '0.###############']);
});

// Ui.Button: "An enum representing predetermined, localized dialog buttons returned by an alert or
// PromptResponse.getSelectedButton()". https://developers.google.com/apps-script/reference/base/button
it('answers alerts and prompts with Button enum values', () => {
  const rt = fixtureRuntime(`function go() {
    var ui = SpreadsheetApp.getUi();
    var a = ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO);
    var p = ui.prompt('Name', ui.ButtonSet.OK_CANCEL);
    return [a === ui.Button.YES, a.name(), p.getSelectedButton() === ui.Button.OK, String(ui.ButtonSet.YES_NO)];
  }`);
  expect(rt.call('go')).toEqual([true, 'YES', true, 'YES_NO']);
});
