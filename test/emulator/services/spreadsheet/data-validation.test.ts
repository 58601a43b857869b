/**
 * The DataValidationBuilder surface (every require* criterion, withCriteria, copy, getters) and
 * the Range checkbox methods, as Google's DataValidationBuilder and Range references describe them.
 */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

describe('DataValidationBuilder', () => {
  it('builds every criterion with its type and values', () => {
    const rt = fixtureRuntime(`function go() {
      var b = function () { return SpreadsheetApp.newDataValidation(); };
      var d1 = new Date(Date.UTC(2024, 0, 1)), d2 = new Date(Date.UTC(2024, 11, 31));
      var rules = [
        b().requireNumberBetween(1, 5), b().requireNumberNotBetween(1, 5), b().requireNumberEqualTo(3),
        b().requireNumberNotEqualTo(3), b().requireNumberGreaterThan(1), b().requireNumberGreaterThanOrEqualTo(1),
        b().requireNumberLessThan(9), b().requireNumberLessThanOrEqualTo(9), b().requireDate(),
        b().requireDateAfter(d1), b().requireDateBefore(d1), b().requireDateBetween(d1, d2),
        b().requireDateNotBetween(d1, d2), b().requireDateEqualTo(d1), b().requireDateOnOrAfter(d1),
        b().requireDateOnOrBefore(d1), b().requireTextContains('a'), b().requireTextDoesNotContain('a'),
        b().requireTextEqualTo('a'), b().requireTextIsEmail(), b().requireTextIsUrl(),
        b().requireValueInList(['x', 'y'], false), b().requireFormulaSatisfied('=A1>0'), b().requireCheckbox('y', 'n'),
      ];
      return rules.map(function (r) {
        var rule = r.build();
        return [String(rule.getCriteriaType()), JSON.stringify(rule.getCriteriaValues())];
      });
    }`);
    expect(rt.call('go')).toEqual([
      ['NUMBER_BETWEEN', '[1,5]'],
      ['NUMBER_NOT_BETWEEN', '[1,5]'],
      ['NUMBER_EQUAL_TO', '[3]'],
      ['NUMBER_NOT_EQUAL_TO', '[3]'],
      ['NUMBER_GREATER_THAN', '[1]'],
      ['NUMBER_GREATER_THAN_OR_EQUAL_TO', '[1]'],
      ['NUMBER_LESS_THAN', '[9]'],
      ['NUMBER_LESS_THAN_OR_EQUAL_TO', '[9]'],
      ['DATE_IS_VALID_DATE', '[]'],
      ['DATE_AFTER', '["2024-01-01T00:00:00.000Z"]'],
      ['DATE_BEFORE', '["2024-01-01T00:00:00.000Z"]'],
      ['DATE_BETWEEN', '["2024-01-01T00:00:00.000Z","2024-12-31T00:00:00.000Z"]'],
      ['DATE_NOT_BETWEEN', '["2024-01-01T00:00:00.000Z","2024-12-31T00:00:00.000Z"]'],
      ['DATE_EQUAL_TO', '["2024-01-01T00:00:00.000Z"]'],
      ['DATE_ON_OR_AFTER', '["2024-01-01T00:00:00.000Z"]'],
      ['DATE_ON_OR_BEFORE', '["2024-01-01T00:00:00.000Z"]'],
      ['TEXT_CONTAINS', '["a"]'],
      ['TEXT_DOES_NOT_CONTAIN', '["a"]'],
      ['TEXT_EQUAL_TO', '["a"]'],
      ['TEXT_IS_VALID_EMAIL', '[]'],
      ['TEXT_IS_VALID_URL', '[]'],
      ['VALUE_IN_LIST', '[["x","y"],false]'],
      ['CUSTOM_FORMULA', '["=A1>0"]'],
      ['CHECKBOX', '["y","n"]'],
    ]);
  });

  it('returns Dates and Ranges from getCriteriaValues, on the builder and on the rule read back', () => {
    const rt = fixtureRuntime(`function go() {
      var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
      var b = SpreadsheetApp.newDataValidation().requireValueInRange(s.getRange('D1:D3'), false);
      var onBuilder = b.getCriteriaValues();
      s.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireDateAfter(new Date(0)).build());
      var date = s.getRange('A1').getDataValidation().getCriteriaValues()[0];
      return [onBuilder[0].getA1Notation(), onBuilder[1], b.build().getCriteriaValues()[0].getA1Notation(),
        date instanceof Date, date.getTime()];
    }`);
    expect(rt.call('go')).toEqual(['D1:D3', false, 'D1:D3', true, 0]);
  });

  it('has the builder getters, copy(), withCriteria and null help text when none is set', () => {
    const rt = fixtureRuntime(`function go() {
      var b = SpreadsheetApp.newDataValidation();
      var before = [b.getCriteriaType(), b.getHelpText(), b.getAllowInvalid()];
      b.requireNumberLessThan(3).setHelpText('small').setAllowInvalid(false);
      var rule = b.build();
      var moved = rule.copy().withCriteria(SpreadsheetApp.DataValidationCriteria.NUMBER_BETWEEN, [1, 2]).build();
      var dates = rule.copy().withCriteria(SpreadsheetApp.DataValidationCriteria.DATE_AFTER, [new Date(5)]).build();
      return [before, String(b.getCriteriaType()), b.getCriteriaValues(), b.getHelpText(), b.getAllowInvalid(),
        String(moved.getCriteriaType()), moved.getCriteriaValues(), moved.getHelpText(), moved.getAllowInvalid(),
        dates.getCriteriaValues()[0].getTime(),
        SpreadsheetApp.newDataValidation().requireDate().build().getHelpText(),
        rule.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.NUMBER_LESS_THAN];
    }`);
    expect(rt.call('go')).toEqual([
      [null, null, true],
      'NUMBER_LESS_THAN',
      [3],
      'small',
      false,
      'NUMBER_BETWEEN',
      [1, 2],
      'small',
      false,
      5,
      null,
      true,
    ]);
  });

  it('refuses wrong argument types with the signature error', () => {
    const rt = fixtureRuntime(`function go() {
      var errs = [];
      var b = SpreadsheetApp.newDataValidation();
      [function () { b.requireDateAfter('2024-01-01'); }, function () { b.requireTextContains(5); },
       function () { b.requireNumberNotBetween(1); }, function () { b.withCriteria('NOPE_NOT_A_CRITERION', []); },
       function () { b.requireTextIsUrl('x'); }, function () { b.requireCheckbox(1, 2, 3); }]
        .forEach(function (f) { try { f(); errs.push('no error'); } catch (e) { errs.push(e.message); } });
      return errs;
    }`);
    const sig = (args: string, m: string) =>
      `The parameters (${args}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${m}.`;
    expect(rt.call('go')).toEqual([
      sig('String', 'requireDateAfter'),
      sig('number', 'requireTextContains'),
      sig('number', 'requireNumberNotBetween'),
      'Invalid argument: criteria',
      sig('String', 'requireTextIsUrl'),
      sig('number,number,number', 'requireCheckbox'),
    ]);
  });
});

describe('checkboxes', () => {
  const CODE = `
  function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
  function plain() {
    var r = sheet().getRange('A1:A3').insertCheckboxes();
    var v = sheet().getRange('A1').getDataValidation();
    return [r.getValues(), r.isChecked(), String(v.getCriteriaType()), v.getCriteriaValues()];
  }
  function checkAll() { var r = sheet().getRange('A1:A3'); r.check(); return [r.getValues(), r.isChecked()]; }
  function mixed() { sheet().getRange('A2').uncheck(); return sheet().getRange('A1:A3').isChecked(); }
  function custom() {
    var r = sheet().getRange('B1:B3').insertCheckboxes('yes', 'no');
    sheet().getRange('B1').setValue('yes');
    sheet().getRange('B3').setValue('random');
    var states = [sheet().getRange('B1').isChecked(), sheet().getRange('B2').isChecked(), sheet().getRange('B3').isChecked()];
    r.check();
    return [states, r.getValues()];
  }
  function single() {
    var r = sheet().getRange('C1:C2').insertCheckboxes('done');
    var before = [r.getValues(), r.isChecked()];
    r.check();
    return [before, r.getValues(), r.isChecked(), sheet().getRange('C1').getDataValidation().getCriteriaValues()];
  }
  function remove() {
    sheet().getRange('B1:B3').removeCheckboxes();
    return [sheet().getRange('B1:B3').getValues(), sheet().getRange('B1').getDataValidation(),
      sheet().getRange('B3').getDataValidation()];
  }
  function noBoxes() { return [sheet().getRange('E1').isChecked(), sheet().getRange('A1:B1').isChecked()]; }
  `;

  it('inserts TRUE/FALSE checkboxes set to false; check() and uncheck() change them; isChecked is null when mixed', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('plain')).toEqual([[[false], [false], [false]], false, 'CHECKBOX', []]);
    expect(rt.call('checkAll')).toEqual([[[true], [true], [true]], true]);
    expect(rt.call('mixed')).toBeNull();
  });

  it('uses custom checked and unchecked values, ignoring cells that hold neither', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('custom')).toEqual([
      [true, false, null],
      [['yes'], ['yes'], ['random']],
    ]);
    expect(rt.call('remove')).toEqual([[[''], [''], ['random']], null, null]);
  });

  it('with one value: blank is unchecked', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('single')).toEqual([[[[''], ['']], false], [['done'], ['done']], true, ['done']]);
  });

  it('gives null for cells without a checkbox', () => {
    const rt = fixtureRuntime(CODE);
    rt.call('plain');
    expect(rt.call('noBoxes')).toEqual([null, null]);
  });
});
