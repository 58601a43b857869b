/** Conditional format rules evaluated for the page: boolean conditions, custom formulas, rule order, gradients. */
import {
  conditionalStyles,
  gradientColor,
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
      s.getRange('A1:B6').setValues([['name', 'score'], ['a', 90], ['b', 60], ['c', 20], ['d', ''], ['a', 80]]);
      var scores = s.getRange('B2:B10');
      s.setConditionalFormatRules([
        SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(75).setBackground('#b7e1cd').setRanges([scores]).build(),
        SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThanOrEqualTo(50).setBackground('#fce8b2').setRanges([scores]).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=AND($B2<>"", $B2<50)').setBackground('#c5221f')
          .setFontColor('#ffffff').setBold(true).setRanges([s.getRange('A2:A10')]).build(),
        SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=COUNTIF($A:$A,$A2)>1').setBackground('#fbbc04')
          .setRanges([s.getRange('A2:A10')]).build(),
      ]);
    }`);
    rt.call('setup');
    const sheet = rt.spreadsheet._sheet('Health')!;
    const styles = conditionalStyles(sheet._ss._ctx, { sheet: sheet._model, row: 0, col: 0, numRows: 6, numCols: 2 });
    expect(Object.fromEntries(styles)).toEqual({
      '1:1': { background: '#b7e1cd', fontColor: null, bold: null },
      '2:1': { background: '#fce8b2', fontColor: null, bold: null },
      '3:0': { background: '#c5221f', fontColor: '#ffffff', bold: true },
      // Duplicate names (a whole-column COUNTIF): rows 2 and 6.
      '1:0': { background: '#fbbc04', fontColor: null, bold: null },
      '5:0': { background: '#fbbc04', fontColor: null, bold: null },
      '5:1': { background: '#b7e1cd', fontColor: null, bold: null },
    });
  });

  it('colours a gradient rule from min through mid to max, and reads it back', () => {
    const rt = fixtureRuntime(`function setup() {
      var s = SpreadsheetApp.getActive().insertSheet('Scores');
      s.getRange('A1:A5').setValues([[0], [25], [50], [100], ['n/a']]);
      var rule = SpreadsheetApp.newConditionalFormatRule()
        .setGradientMinpoint('#ff0000')
        .setGradientMidpointWithValue('#ffffff', SpreadsheetApp.InterpolationType.PERCENTILE, '50')
        .setGradientMaxpointWithValue('#00ff00', SpreadsheetApp.InterpolationType.NUMBER, '100')
        .setRanges([s.getRange('A1:A10')]).build();
      s.setConditionalFormatRules([rule]);
      var g = s.getConditionalFormatRules()[0].getGradientCondition();
      return [s.getConditionalFormatRules()[0].getBooleanCondition(), g.getMinColor(), String(g.getMinType()),
        g.getMidValue(), String(g.getMidType()), g.getMaxColor(), g.getMaxValue()];
    }`);
    expect(rt.call('setup')).toEqual([null, '#ff0000', 'MIN', '50', 'PERCENTILE', '#00ff00', '100']);
    const sheet = rt.spreadsheet._sheet('Scores')!;
    const styles = conditionalStyles(sheet._ss._ctx, { sheet: sheet._model, row: 0, col: 0, numRows: 5, numCols: 1 });
    // Percentile 50 of [0, 25, 50, 100] is 37.5.
    expect([0, 1, 2, 3, 4].map((r) => styles.get(`${r}:0`)?.background)).toEqual([
      '#ff0000',
      '#ffaaaa', // 25 is 2/3 of the way from 0 to 37.5
      '#ccffcc', // 50 is 1/5 of the way from 37.5 to 100
      '#00ff00',
      undefined,
    ]);
    expect(gradientColor({ min: null, mid: null, max: { color: '#000000', type: 'MAX', value: '' } }, [], 1)).toBe(
      null,
    );
  });
});

describe('date conditions', () => {
  it('compare whole days in the sheet zone with fixed dates and dates relative to the virtual clock', () => {
    const rt = fixtureRuntime(`function setup() {
      var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
      s.getRange('A1:A5').setValues([['2024-03-09'], ['2024-03-10'], ['2024-03-11'], ['2024-03-03'], ['text']]);
      var b = function () { return SpreadsheetApp.newConditionalFormatRule().setRanges([s.getRange('A1:A5')]); };
      var rd = SpreadsheetApp.RelativeDate;
      s.setConditionalFormatRules([
        b().whenDateEqualTo(rd.TODAY).setBackground('#00ff00').build(),
        b().whenDateEqualTo(rd.PAST_WEEK).setBackground('#0000ff').build(),
        b().whenDateAfter(new Date(Date.UTC(2024, 2, 10, 12))).setBackground('#ff0000').build(),
        b().whenDateBefore(rd.TODAY).setBackground('#999999').build(),
      ]);
      var c = s.getConditionalFormatRules()[0].getBooleanCondition();
      var fixed = s.getConditionalFormatRules()[2].getBooleanCondition().getCriteriaValues()[0];
      return [String(c.getCriteriaType()), c.getCriteriaValues()[0] === rd.TODAY, fixed instanceof Date, fixed.getTime()];
    }`);
    // 2024-03-10 09:00 in Tokyo (the sheet's zone).
    rt.clock.freeze(Date.UTC(2024, 2, 10, 0));
    expect(rt.call('setup')).toEqual(['DATE_EQUAL_TO', true, true, Date.UTC(2024, 2, 10, 12)]);
    const sheet = rt.spreadsheet._sheet('Sheet1')!;
    const styles = conditionalStyles(sheet._ss._ctx, { sheet: sheet._model, row: 0, col: 0, numRows: 5, numCols: 1 });
    expect([0, 1, 2, 3, 4].map((r) => styles.get(`${r}:0`)?.background ?? null)).toEqual([
      '#999999',
      '#00ff00',
      '#ff0000',
      '#0000ff',
      null,
    ]);
  });

  it('refuses a date argument that is neither a Date nor a RelativeDate', () => {
    const rt = fixtureRuntime(`function go() {
      try { SpreadsheetApp.newConditionalFormatRule().whenDateAfter('tomorrow'); return 'no error'; }
      catch (e) { return e.message; }
    }`);
    expect(rt.call('go')).toBe('Invalid argument: date');
  });
});

it('stores italic, strikethrough and underline, reads them back and applies them', () => {
  const rt = fixtureRuntime(`function setup() {
    var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
    s.getRange('A1:A2').setValues([[1], [5]]);
    s.setConditionalFormatRules([SpreadsheetApp.newConditionalFormatRule().whenNumberGreaterThan(2).setItalic(true)
      .setStrikethrough(true).setUnderline(false).setRanges([s.getRange('A1:A2')]).build()]);
    var c = s.getConditionalFormatRules()[0].getBooleanCondition();
    var plain = SpreadsheetApp.newConditionalFormatRule().whenCellEmpty().setBold(true).build().getBooleanCondition();
    return [c.getItalic(), c.getStrikethrough(), c.getUnderline(), c.getBold(), plain.getItalic(), plain.getUnderline()];
  }`);
  expect(rt.call('setup')).toEqual([true, true, false, null, null, null]);
  const sheet = rt.spreadsheet._sheet('Sheet1')!;
  const styles = conditionalStyles(sheet._ss._ctx, { sheet: sheet._model, row: 0, col: 0, numRows: 2, numCols: 1 });
  expect(styles.get('0:0')).toBeUndefined();
  expect(styles.get('1:0')).toMatchObject({ italic: true, strikethrough: true, underline: false });
  const restored = fixtureRuntime('function noop() {}');
  restored.spreadsheet._restore(JSON.parse(JSON.stringify(rt.spreadsheet._snapshot())));
  const again = restored.spreadsheet._sheet('Sheet1')!._model.conditionalRules[0];
  expect([again.italic, again.strikethrough, again.underline]).toEqual([true, true, false]);
});
