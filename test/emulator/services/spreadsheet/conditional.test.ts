/** Conditional format rules evaluated for the page: boolean conditions, custom formulas, rule order. */
import {
  conditionalStyles,
  meetsCondition,
  shiftFormula,
} from '../../../../emulator/src/services/spreadsheet/conditional';
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

describe('conditional formatting', () => {
  it('moves relative references only', () => {
    expect(shiftFormula('=$B2>=75', 3, 1)).toBe('=$B5>=75');
    expect(shiftFormula('=AND(B$2>0, C2="A1", LOG10(C2)>1)', 2, 1)).toBe('=AND(C$2>0, D4="A1", LOG10(D4)>1)');
  });

  it('checks boolean conditions as Sheets words them', () => {
    expect(meetsCondition({ condition: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', args: [75] }, 75)).toBe(true);
    expect(meetsCondition({ condition: 'NUMBER_LESS_THAN', args: [50] }, 'text')).toBe(false);
    expect(meetsCondition({ condition: 'NUMBER_NOT_BETWEEN', args: [50, 75] }, 80)).toBe(true);
    expect(meetsCondition({ condition: 'TEXT_CONTAINS', args: ['red'] }, 'Band: RED')).toBe(true);
    expect(meetsCondition({ condition: 'TEXT_STARTS_WITH', args: ['gr'] }, 'green')).toBe(true);
    expect(meetsCondition({ condition: 'CELL_EMPTY', args: [] }, '')).toBe(true);
  });

  it('styles cells by the first matching rule, custom formulas per cell', () => {
    const rt = fixtureRuntime(`function setup() {
      var s = SpreadsheetApp.getActive().insertSheet('Health');
      s.getRange('A1:B5').setValues([['name', 'score'], ['a', 90], ['b', 60], ['c', 20], ['d', '']]);
      var scores = s.getRange('B2:B10');
      s.setConditionalFormatRules([
        SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(75).setBackground('#b7e1cd').setRanges([scores]).build(),
        SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(50).setBackground('#fce8b2').setRanges([scores]).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=AND($B2<>"", $B2<50)').setBackground('#c5221f')
          .setFontColor('#ffffff').setBold(true).setRanges([s.getRange('A2:A10')]).build(),
      ]);
    }`);
    rt.call('setup');
    const sheet = rt.spreadsheet._sheet('Health')!;
    const styles = conditionalStyles(sheet._ss._ctx, { sheet: sheet._model, row: 0, col: 0, numRows: 5, numCols: 2 });
    expect(Object.fromEntries(styles)).toEqual({
      '1:1': { background: '#b7e1cd', fontColor: null, bold: null },
      '2:1': { background: '#fce8b2', fontColor: null, bold: null },
      '3:0': { background: '#c5221f', fontColor: '#ffffff', bold: true },
    });
  });
});
