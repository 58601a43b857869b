/** What the add-on can tell about a failed connection by itself, and the short server version. */
import { canManage, createRefusal, managersOf } from '../../src/datasources/access';
import { isPrivateHost, missingScope, shortVersion } from '../../src/datasources/diagnose';

it('finds the missing scope by its URL, in any language', () => {
  const ja =
    'ScriptApp.newTrigger を呼び出す権限がありません。必要な権限: https://www.googleapis.com/auth/script.scriptapp';
  expect(missingScope(ja)).toBe('https://www.googleapis.com/auth/script.scriptapp');
  const en =
    'You do not have permission to call Jdbc.getCloudSqlConnection. Required permissions: https://www.googleapis.com/auth/sqlservice';
  expect(missingScope(en)).toBe('https://www.googleapis.com/auth/sqlservice');
  expect(
    missingScope('Failed to establish a database connection. Check connection string, username and password.'),
  ).toBeNull();
});

it('knows the addresses Google can never reach', () => {
  const unreachable = [
    'localhost',
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.5',
    '192.168.1.10',
    '169.254.1.1',
    '::1',
    '[fd00::1]',
    'db.local',
  ];
  for (const host of unreachable) expect([host, isPrivateHost(host)]).toEqual([host, true]);
  for (const host of ['db.example.com', '8.8.8.8', '172.32.0.1', '2001:db8::1']) {
    expect([host, isPrivateHost(host)]).toEqual([host, false]);
  }
});

it('shortens a version banner to the product and version number', () => {
  const banner = 'PostgreSQL 16.4 on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit';
  expect(shortVersion(banner)).toBe('PostgreSQL 16.4');
  expect(shortVersion('10.11.6-MariaDB-0+deb12u1')).toBe('10.11.6-MariaDB-0+deb12u1');
  expect(shortVersion('Microsoft SQL Server 2019 (RTM) - 15.0.2000.5 (X64) \n\tSep 24 2019 13:48:23')).toBe(
    'Microsoft SQL Server 2019 (RTM) - 15.0.2000.5',
  );
  expect(shortVersion('x'.repeat(100))).toHaveLength(60);
});

describe('who manages data sources', () => {
  const owner = { email: 'owner@example.com', owner: 'owner@example.com' };
  const member = { email: 'member@example.com', owner: 'owner@example.com' };

  it('the owner and the creator manage a source; others use it', () => {
    expect(managersOf({ createdBy: 'member@example.com' }, owner)).toEqual(['owner@example.com', 'member@example.com']);
    expect(canManage({ createdBy: 'member@example.com' }, member)).toBe(true);
    expect(canManage({ createdBy: 'owner@example.com' }, member)).toBe(false);
    expect(canManage({}, owner)).toBe(true);
    expect(canManage({ createdBy: 'Member@Example.com' }, member)).toBe(true);
  });

  it('only the owner creates, unless the spreadsheet shows no owner; a hidden user manages nothing', () => {
    expect(createRefusal(owner)).toBeNull();
    expect(createRefusal(member)).toBe('notOwner');
    expect(createRefusal({ email: 'member@example.com', owner: null })).toBeNull();
    expect(createRefusal({ email: '', owner: null })).toBe('emailHidden');
    expect(canManage({ createdBy: '' }, { email: '', owner: '' })).toBe(false);
    // A source saved before creators were recorded, in a shared drive: nobody.
    expect(managersOf({}, { email: 'member@example.com', owner: null })).toEqual([]);
  });
});
