/** A person's edits in the grid: value, formula, validation that rejects, protection, onEdit's event object, rows. */
import { PersonEditRefused, personEdit, personPaste, personRowChange } from '../../emulator/src/person';
import { disposeRuntimes, fixtureRuntime } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

const CODE = `
function setup() {
  var s = SpreadsheetApp.getActive().insertSheet('Customers');
  s.getRange('A1:C3').setValues([['id', 'plan', 'seats'], [1, 'Pro', 10], [2, 'Starter', 5]]);
  s.getRange('B2:B100').setDataValidation(SpreadsheetApp.newDataValidation()
    .requireValueInList(['Starter', 'Pro', 'Enterprise']).setAllowInvalid(false).setHelpText('Pick a plan.').build());
  var p = s.getRange('A1:C1').protect();
  p.removeEditors(p.getEditors());
  s.getRange('E1').setFormula('=SUM(C2:C10)');
}
var seen = [];
function onEdit(e) {
  var props = PropertiesService.getDocumentProperties();
  var keys = Object.keys(e).sort();
  props.setProperty('last', JSON.stringify({
    keys: keys, a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(), value: e.value,
    oldValue: e.oldValue, user: String(e.user.getEmail()), authMode: String(e.authMode),
    source: e.source.getId() === SpreadsheetApp.getActive().getId()
  }));
  e.range.offset(0, 1).setValue('seen ' + e.value);
}
function last() { return JSON.parse(PropertiesService.getDocumentProperties().getProperty('last') || 'null'); }
function values() { return SpreadsheetApp.getActive().getSheetByName('Customers').getDataRange().getValues(); }
`;

describe('personEdit', () => {
  it('sets a value, runs onEdit with the edit event object, and recomputes formulas', () => {
    const rt = fixtureRuntime(CODE);
    rt.call('setup');
    const result = personEdit(rt, 'Customers', 'C2', '12', 'sales@example.com');
    expect(result).toMatchObject({ value: '12', oldValue: '10' });
    expect(result.triggers).toEqual([{ handler: 'onEdit', kind: 'simple', ok: true, error: undefined }]);
    expect(rt.call('last')).toEqual({
      keys: ['authMode', 'oldValue', 'range', 'source', 'user', 'value'],
      a1: 'C2',
      sheet: 'Customers',
      value: '12',
      oldValue: '10',
      user: 'sales@example.com',
      authMode: 'LIMITED',
      source: true,
    });
    const runs = rt.executions.filter((e) => e.functionName === 'onEdit');
    expect(runs.map((e) => [e.kind, e.authMode, e.user.email])).toEqual([
      ['simple-trigger', 'LIMITED', 'sales@example.com'],
    ]);
    expect(rt.spreadsheet._sheetValues('Customers')[0][4]).toBe(17);
    expect(rt.spreadsheet._sheetValues('Customers')[1]).toEqual([1, 'Pro', 12, 'seen 12', '']);
    personEdit(rt, 'Customers', 'E2', '=C2*2');
    expect(rt.spreadsheet._sheetValues('Customers')[1][4]).toBe(24);
    expect(rt.spreadsheet._sheetFormulas('Customers')[1][4]).toBe('=C2*2');
  });

  it('leaves oldValue out for an empty cell and value out when the cell is cleared', () => {
    const rt = fixtureRuntime(CODE);
    rt.call('setup');
    personEdit(rt, 'Customers', 'A4', '3');
    expect(rt.call('last')).toMatchObject({ keys: ['authMode', 'range', 'source', 'user', 'value'], value: '3' });
    personEdit(rt, 'Customers', 'A4', '');
    expect(rt.call('last')).toMatchObject({ keys: ['authMode', 'oldValue', 'range', 'source', 'user'], oldValue: '3' });
  });

  it('refuses an entry a rejecting list validation does not allow, with its help text; no trigger runs', () => {
    const rt = fixtureRuntime(CODE);
    rt.call('setup');
    const before = rt.executions.length;
    let refused: unknown;
    try {
      personEdit(rt, 'Customers', 'B3', 'Gold', 'sales@example.com');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(PersonEditRefused);
    expect(refused).toMatchObject({ reason: 'invalid', message: 'Pick a plan.' });
    expect(rt.executions.length).toBe(before);
    expect(rt.spreadsheet._sheetValues('Customers')[2][1]).toBe('Starter');
    expect(personEdit(rt, 'Customers', 'B3', 'Enterprise').value).toBe('Enterprise');
  });

  it('refuses a person without rights on a protected range, lets the owner through', () => {
    const rt = fixtureRuntime(CODE, { spreadsheet: { owner: 'owner@example.com' } });
    rt.call('setup');
    expect(() => personEdit(rt, 'Customers', 'A1', 'ID', 'sales@example.com')).toThrow(PROTECTED);
    expect(() => personEdit(rt, 'Customers', 'A1', 'ID', 'sales@example.com')).toThrow(PersonEditRefused);
    expect(personEdit(rt, 'Customers', 'A1', 'ID', 'owner@example.com').value).toBe('ID');
  });

  it('runs no simple trigger when the script has no onEdit, and records no execution', () => {
    const rt = fixtureRuntime('function noop() {}');
    const result = personEdit(rt, 'Sheet1', 'A1', 'hello');
    expect(result.triggers).toEqual([]);
    expect(rt.executions).toHaveLength(0);
    expect(rt.spreadsheet._sheetValues('Sheet1')).toEqual([['hello']]);
  });

  it('inserts and deletes rows as a person, refused on a protected row; validation and formulas follow', () => {
    const rt = fixtureRuntime(CODE, { spreadsheet: { owner: 'owner@example.com' } });
    rt.call('setup');
    personRowChange(rt, 'Customers', 'insertAbove', 3, 'sales@example.com');
    expect(rt.spreadsheet._sheetValues('Customers').map((r) => r[0])).toEqual(['id', 1, '', 2]);
    expect(rt.spreadsheet._sheetFormulas('Customers')[0][4]).toBe('=SUM(C2:C11)');
    expect(() => personEdit(rt, 'Customers', 'B3', 'Gold', 'sales@example.com')).toThrow('Pick a plan.');
    personRowChange(rt, 'Customers', 'insertBelow', 4, 'sales@example.com');
    expect(rt.spreadsheet._sheetValues('Customers').length).toBe(4);
    personRowChange(rt, 'Customers', 'delete', 3, 'sales@example.com');
    expect(rt.spreadsheet._sheetValues('Customers').map((r) => r[0])).toEqual(['id', 1, 2]);
    expect(() => personRowChange(rt, 'Customers', 'delete', 1, 'sales@example.com')).toThrow(PROTECTED);
  });

  it('checks a value-in-range validation against the range as it is now', () => {
    const rt = fixtureRuntime(`function setup() {
      var ss = SpreadsheetApp.getActive();
      var plans = ss.insertSheet('Plans');
      plans.getRange('A1:A3').setValues([['Starter'], ['Pro'], ['']]);
      var rule = SpreadsheetApp.newDataValidation().requireValueInRange(plans.getRange('A1:A3')).setAllowInvalid(false).build();
      ss.getSheetByName('Sheet1').getRange('B1:B5').setDataValidation(rule);
      var back = ss.getSheetByName('Sheet1').getRange('B2').getDataValidation();
      var values = back.getCriteriaValues();
      return [String(back.getCriteriaType()), values[0].getA1Notation(), values[0].getSheet().getName(), values[1]];
    }
    function addPlan() { SpreadsheetApp.getActive().getSheetByName('Plans').getRange('A3').setValue('Enterprise'); }`);
    expect(rt.call('setup')).toEqual(['VALUE_IN_RANGE', 'A1:A3', 'Plans', true]);
    expect(() => personEdit(rt, 'Sheet1', 'B1', 'Enterprise')).toThrow(/violates the data validation rules/);
    expect(personEdit(rt, 'Sheet1', 'B1', 'Pro').value).toBe('Pro');
    rt.call('addPlan');
    expect(personEdit(rt, 'Sheet1', 'B2', 'Enterprise').value).toBe('Enterprise');
  });

  it('pastes a block: all cells checked first, one onEdit for the block without value/oldValue', () => {
    const rt = fixtureRuntime(CODE, { spreadsheet: { owner: 'owner@example.com' } });
    rt.call('setup');
    const refused = () =>
      personPaste(rt, 'Customers', 'A4', [
        ['3', 'Gold', '1'],
        ['4', 'Pro', '2'],
      ]);
    expect(refused).toThrow('Pick a plan.');
    expect(rt.spreadsheet._sheetValues('Customers')).toHaveLength(3);
    expect(() => personPaste(rt, 'Customers', 'A1', [['a', 'b']], 'sales@example.com')).toThrow(PROTECTED);
    const result = personPaste(rt, 'Customers', 'A4', [
      ['3', 'Enterprise', '1'],
      ['4', 'Pro', '=C4+1'],
    ]);
    expect(result.triggers).toEqual([{ handler: 'onEdit', kind: 'simple', ok: true, error: undefined }]);
    // The fixture's onEdit writes beside e.range: with the whole block as range, it covers B4:D5.
    const seen = 'seen undefined';
    expect(rt.spreadsheet._sheetValues('Customers').slice(3)).toEqual([
      [3, seen, seen, seen, ''],
      [4, seen, seen, seen, ''],
    ]);
    expect(rt.call('last')).toMatchObject({ keys: ['authMode', 'range', 'source', 'user'], a1: 'A4:C5' });
  });
});

/**
 * Every criterion the DataValidationBuilder offers, set to reject input (setAllowInvalid(false)),
 * refuses a person's entry that fails it and accepts one that meets it. Dates are compared by day
 * in the spreadsheet's zone (Asia/Tokyo); custom formulas see the entry in place.
 */
describe('personEdit under each rejecting validation criterion', () => {
  const RULES = `
  function put(a1, build) {
    var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
    s.getRange(a1).setDataValidation(build(SpreadsheetApp.newDataValidation()).setAllowInvalid(false).build());
  }
  function jst(y, m, d) { return new Date(Date.UTC(y, m - 1, d) - 9 * 3600 * 1000); }
  function setup() {
    var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
    s.getRange('Z1:Z2').setValues([[10], [20]]);
    put('A1', function (b) { return b.requireNumberBetween(1, 5); });
    put('A2', function (b) { return b.requireNumberNotBetween(1, 5); });
    put('A3', function (b) { return b.requireNumberEqualTo(3); });
    put('A4', function (b) { return b.requireNumberNotEqualTo(3); });
    put('A5', function (b) { return b.requireNumberGreaterThan(3); });
    put('A6', function (b) { return b.requireNumberGreaterThanOrEqualTo(3); });
    put('A7', function (b) { return b.requireNumberLessThan(3); });
    put('A8', function (b) { return b.requireNumberLessThanOrEqualTo(3); });
    put('A9', function (b) { return b.requireDate(); });
    put('A10', function (b) { return b.requireDateAfter(jst(2024, 1, 10)); });
    put('A11', function (b) { return b.requireDateBefore(jst(2024, 1, 10)); });
    put('A12', function (b) { return b.requireDateOnOrAfter(jst(2024, 1, 10)); });
    put('A13', function (b) { return b.requireDateOnOrBefore(jst(2024, 1, 10)); });
    put('A14', function (b) { return b.requireDateEqualTo(jst(2024, 1, 10)); });
    put('A15', function (b) { return b.requireDateBetween(jst(2024, 1, 1), jst(2024, 1, 31)); });
    put('A16', function (b) { return b.requireDateNotBetween(jst(2024, 1, 1), jst(2024, 1, 31)); });
    put('A17', function (b) { return b.requireTextContains('ok'); });
    put('A18', function (b) { return b.requireTextDoesNotContain('bad'); });
    put('A19', function (b) { return b.requireTextEqualTo('yes'); });
    put('A20', function (b) { return b.requireTextIsEmail(); });
    put('A21', function (b) { return b.requireTextIsUrl(); });
    put('A22', function (b) { return b.requireValueInList(['red', 'green']); });
    put('A23', function (b) { return b.requireValueInRange(s.getRange('Z1:Z2')); });
    put('A24', function (b) { return b.requireCheckbox(); });
    put('A25', function (b) { return b.requireCheckbox('done'); });
    put('A26', function (b) { return b.requireCheckbox('y', 'n'); });
    put('A27', function (b) { return b.requireFormulaSatisfied('=MOD(A27, 2) = 0'); });
    put('B1:B5', function (b) { return b.requireFormulaSatisfied('=B1>C1'); });
    s.getRange('C1:C5').setValues([[1], [2], [3], [4], [5]]);
    put('D1', function (b) { return b.requireFormulaSatisfied('=COUNTIF(Z:Z, D1) = 0'); });
  }`;

  const CASES: [string, string[], string[]][] = [
    ['A1', ['1', '3', '5'], ['0', '6', 'abc', 'TRUE']],
    ['A2', ['0', '6'], ['1', '3', 'abc']],
    ['A3', ['3'], ['4', 'three']],
    ['A4', ['4'], ['3', 'x']],
    ['A5', ['4'], ['3', 'x']],
    ['A6', ['3'], ['2']],
    ['A7', ['2'], ['3']],
    ['A8', ['3'], ['4']],
    ['A9', ['2024-01-05', '2024-01-05 10:00'], ['45000', 'soon']],
    ['A10', ['2024-01-11'], ['2024-01-10', '2024-01-09']],
    ['A11', ['2024-01-09'], ['2024-01-10', '5']],
    ['A12', ['2024-01-10', '2024-01-11'], ['2024-01-09']],
    ['A13', ['2024-01-10', '2024-01-09'], ['2024-01-11']],
    ['A14', ['2024-01-10', '2024-01-10 23:00'], ['2024-01-11']],
    ['A15', ['2024-01-01', '2024-01-31'], ['2024-02-01']],
    ['A16', ['2024-02-01'], ['2024-01-15']],
    ['A17', ['looks OK'], ['nope']],
    ['A18', ['fine'], ['really BAD']],
    ['A19', ['YES', 'yes'], ['yes!']],
    ['A20', ['ann@example.com'], ['ann@', 'ann example.com']],
    ['A21', ['https://example.com/a?b=1', 'www.example.org'], ['not a url', 'http://']],
    ['A22', ['red'], ['blue']],
    ['A23', ['10', '20'], ['15']],
    ['A24', ['TRUE', 'false'], ['yes', '1']],
    ['A25', ['done'], ['not done']],
    ['A26', ['y', 'n'], ['maybe']],
    ['A27', ['4', '=2*3'], ['5', '=2+1']],
    ['B3', ['4'], ['3', '2']],
    ['D1', ['11'], ['10', '20']],
  ];

  it.each(CASES)('%s accepts %j and refuses %j', (a1, ok, refused) => {
    const rt = fixtureRuntime(RULES);
    rt.call('setup');
    for (const text of refused) {
      expect(() => personEdit(rt, 'Sheet1', a1, text)).toThrow(
        `The data you entered in cell ${a1} violates the data validation rules set on this cell.`,
      );
    }
    for (const text of ok) expect(personEdit(rt, 'Sheet1', a1, text).value).toBe(text);
    // Clearing the cell is always allowed.
    expect(personEdit(rt, 'Sheet1', a1, '').value).toBe('');
  });

  it('moves a custom formula with the cell when rows are inserted above it', () => {
    const rt = fixtureRuntime(RULES);
    rt.call('setup');
    personRowChange(rt, 'Sheet1', 'insertAbove', 1);
    // B3 (rule "=B3>C3" relative to B1) is now B4, next to C4 = 3.
    expect(() => personEdit(rt, 'Sheet1', 'B4', '3')).toThrow(/violates the data validation rules/);
    expect(personEdit(rt, 'Sheet1', 'B4', '4').value).toBe('4');
  });
});

it('keeps a copied custom-formula rule relative to the cells it was pasted on', () => {
  const rt = fixtureRuntime(`function setup() {
    var s = SpreadsheetApp.getActive().getSheetByName('Sheet1');
    s.getRange('B1:B2').setValues([[1], [100]]);
    s.getRange('A1').setDataValidation(SpreadsheetApp.newDataValidation().requireFormulaSatisfied('=A1>B1')
      .setAllowInvalid(false).build());
    s.getRange('A1').copyTo(s.getRange('A2'));
    return s.getRange('A2').getDataValidation().getCriteriaValues();
  }`);
  expect(rt.call('setup')).toEqual(['=A2>B2']);
  expect(() => personEdit(rt, 'Sheet1', 'A2', '50')).toThrow(/violates the data validation rules/);
  expect(personEdit(rt, 'Sheet1', 'A2', '150').value).toBe('150');
});
