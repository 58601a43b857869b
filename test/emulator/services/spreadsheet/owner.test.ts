/**
 * Spreadsheet.getOwner as Google documents it: the owner's User, whose getEmail() is '' when
 * the address is hidden from the running user, or null for a spreadsheet in a shared drive.
 */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const CODE = `function owner() {
  var o = SpreadsheetApp.getActiveSpreadsheet().getOwner();
  return o === null ? null : o.getEmail();
}`;

describe('Spreadsheet.getOwner', () => {
  it('returns the owner whoever runs the script', () => {
    const rt = fixtureRuntime(CODE, { spreadsheet: { owner: 'boss@example.com' } });
    expect(rt.call('owner')).toBe('boss@example.com');
    expect(rt.run('owner', [], { user: { email: 'other@example.com' } }).value).toBe('boss@example.com');
  });

  it('returns null in a shared drive and a blank e-mail when it is hidden', () => {
    expect(fixtureRuntime(CODE, { spreadsheet: { sharedDrive: true } }).call('owner')).toBeNull();
    expect(fixtureRuntime(CODE, { spreadsheet: { ownerEmailHidden: true } }).call('owner')).toBe('');
  });

  it('needs a spreadsheet scope', () => {
    const rt = fixtureRuntime(CODE, {
      manifest: { oauthScopes: ['https://www.googleapis.com/auth/script.external_request'] },
    });
    const result = rt.run('owner');
    expect(result.ok).toBe(false);
    expect(result.error?.message).toContain('https://www.googleapis.com/auth/spreadsheets');
  });
});
