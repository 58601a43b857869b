/** Protection and data validation bind user edits (`_userEdit`), not script writes; conditional format rules are stored. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

describe('protection', () => {
  it('refuses a non-editor typing into a protected sheet but not into its unprotected range', () => {
    const rt = fixtureRuntime(`function go() {
      var s = SpreadsheetApp.getActive().insertSheet('Library');
      var p = s.protect().setDescription('query library');
      p.addEditor('cs@example.com');
      p.setUnprotectedRanges([s.getRange('C1:C10')]);
      s.getRange('A1').setValue('script write');
      return [p.getDescription(), p.getEditors().map(function (u) { return u.getEmail(); }), String(p.getProtectionType()), s.getProtections(SpreadsheetApp.ProtectionType.SHEET).length];
    }`);
    // A new sheet protection lists no editors (see fidelity.test.ts); the owner may always edit.
    expect(rt.call('go')).toEqual(['query library', ['cs@example.com'], 'SHEET', 1]);
    const svc = rt.spreadsheet;
    expect(() => svc._userEdit('Library', 'A2', 'x', 'sales@example.com')).toThrow(PROTECTED);
    expect(svc._userEdit('Library', 'C2', 'ok', 'sales@example.com')).toMatchObject({
      value: 'ok',
      oldValue: undefined,
    });
    expect(svc._userEdit('Library', 'A1', '42', 'cs@example.com')).toMatchObject({
      value: '42',
      oldValue: 'script write',
    });
    expect(svc._sheetValues('Library')[0]).toEqual([42, '', '']);
  });

  it('lets warning-only protections and removed protections through', () => {
    const rt =
      fixtureRuntime(`function protect() { var r = SpreadsheetApp.getActiveSheet().getRange('A1:B2').protect(); r.removeEditors(['user@example.com']); return r.getEditors().length; }
      function warn() { SpreadsheetApp.getActiveSheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].setWarningOnly(true); }
      function unprotect() { SpreadsheetApp.getActiveSheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].remove(); }`);
    expect(rt.call('protect')).toBe(1); // the owner stays
    expect(() => rt.spreadsheet._userEdit('Sheet1', 'B2', 'x', 'sales@example.com')).toThrow(PROTECTED);
    rt.call('warn');
    expect(rt.spreadsheet._userEdit('Sheet1', 'B2', 'x', 'sales@example.com').value).toBe('x');
    rt.call('unprotect');
    expect(rt.spreadsheet._userEdit('Sheet1', 'A1', 'y', 'sales@example.com').value).toBe('y');
  });
});

describe('data validation', () => {
  it('refuses invalid typing but not script writes', () => {
    const rt = fixtureRuntime(`function setup() {
      var s = SpreadsheetApp.getActiveSheet();
      s.getRange('A1:A5').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Free', 'Pro']).setAllowInvalid(false).build());
      s.getRange('B1:B5').setDataValidation(SpreadsheetApp.newDataValidation().requireNumberBetween(0, 100).setAllowInvalid(false).setHelpText('0 to 100').build());
      s.getRange('C1').setDataValidation(SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build());
      s.getRange('D1').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      s.getRange('A1:B1').setValues([['Enterprise', 500]]);
      var v = s.getRange('A2').getDataValidation();
      return [s.getRange('A1:B1').getValues()[0], String(v.getCriteriaType()), v.getCriteriaValues()[0], v.getAllowInvalid(), s.getRange('E1').getDataValidation()];
    }`);
    expect(rt.call('setup')).toEqual([['Enterprise', 500], 'VALUE_IN_LIST', ['Free', 'Pro'], false, null]);
    const svc = rt.spreadsheet;
    expect(() => svc._userEdit('Sheet1', 'A2', 'Gold')).toThrow(
      'The data you entered in cell A2 violates the data validation rules set on this cell.',
    );
    expect(svc._userEdit('Sheet1', 'A2', 'Pro').value).toBe('Pro');
    expect(() => svc._userEdit('Sheet1', 'B2', '101')).toThrow('0 to 100');
    expect(svc._userEdit('Sheet1', 'B2', '99').value).toBe('99');
    expect(() => svc._userEdit('Sheet1', 'C1', 'soon')).toThrow(/violates/);
    expect(svc._userEdit('Sheet1', 'C1', '2024-03-01').value).toBe('2024-03-01');
    expect(svc._userEdit('Sheet1', 'D1', 'anything').value).toBe('anything'); // allowInvalid defaults to true
    expect(svc._sheetValues('Sheet1')[1].slice(0, 2)).toEqual(['Pro', 99]);
  });
});

describe('conditional format rules', () => {
  it('stores rules and refuses ranges from another sheet', () => {
    const rt = fixtureRuntime(`function go() {
      var ss = SpreadsheetApp.getActive();
      var s = ss.getActiveSheet();
      var other = ss.insertSheet('Other');
      var rule = SpreadsheetApp.newConditionalFormatRule().whenNumberLessThan(50).setBackground('#f4cccc').setRanges([s.getRange('C2:C100')]).build();
      s.setConditionalFormatRules([rule]);
      var got = s.getConditionalFormatRules();
      var out = [got.length, got[0].getRanges()[0].getA1Notation(), got[0].getBooleanCondition().getBackground(), String(got[0].getBooleanCondition().getCriteriaType())];
      var bad = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied('=$C2<50').setBackground('red').setRanges([other.getRange('A1')]).build();
      try { s.setConditionalFormatRules([bad]); } catch (e) { out.push(e.message); }
      return out;
    }`);
    expect(rt.call('go')).toEqual([
      1,
      'C2:C100',
      '#f4cccc',
      'NUMBER_LESS_THAN',
      'Conditional format rule cannot reference a different sheet.',
    ]);
  });
});
