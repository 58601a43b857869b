/** The playground grid marks cells whose content breaks their validation, custom formulas and dates included. */
import { gridState } from '../../../emulator/playground/grid-state';
import { disposeRuntimes, fixtureRuntime } from '../../helpers/runtimes';

afterAll(disposeRuntimes);

it('marks cells a custom formula or a date rule does not accept, as the script wrote them', () => {
  const rt = fixtureRuntime(`function setup() {
    var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
    s.getRange('A1:B3').setValues([[5, 1], [1, 2], [9, 3]]);
    s.getRange('A1:A3').setDataValidation(SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=A1>B1').build());
    s.getRange('C1:C2').setValues([['2024-01-05'], ['2024-03-01']]);
    s.getRange('C1:C2').setDataValidation(SpreadsheetApp.newDataValidation()
      .requireDateBetween(new Date(Date.UTC(2023, 11, 31, 15)), new Date(Date.UTC(2024, 0, 30, 15))).build());
  }`);
  rt.call('setup');
  const state = gridState(rt.spreadsheet._sheet('Sheet1')!, 3, 3, 'user@example.com');
  expect(state.invalid.sort()).toEqual([
    [1, 0],
    [1, 2],
  ]);
});
