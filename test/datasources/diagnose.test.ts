/** What the add-on can tell about a failed connection by itself, and the short server version. */
import { canManage, createRefusal, managersOf } from '../../src/datasources/access';
import { dnsQueryUrl, isPrivateHost, missingScope, readDnsAnswer, shortVersion } from '../../src/datasources/diagnose';

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

describe('the DNS probe', () => {
  it('asks only about a host name, never an address or a private name', () => {
    expect(dnsQueryUrl(' DB.Example.com ')).toBe('https://dns.google/resolve?name=db.example.com&type=A');
    expect(dnsQueryUrl('no-such-db.invalid')).toBe('https://dns.google/resolve?name=no-such-db.invalid&type=A');
    for (const host of ['8.8.8.8', '10.1.2.3', 'localhost', 'db.local', '2001:db8::1', 'a b', 'x?y=1', 'a&b', ''])
      expect([host, dnsQueryUrl(host)]).toEqual([host, null]);
  });

  const answer = (records: unknown[], status = 0) =>
    JSON.stringify({ Status: status, TC: false, Question: [{ name: 'db.example.com.', type: 1 }], Answer: records });
  const a = (data: string) => ({ name: 'db.example.com.', type: 1, TTL: 60, data });
  const cname = { name: 'db.example.com.', type: 5, TTL: 60, data: 'lb.example.net.' };

  it('reads no such host, private, public and everything else as unknown', () => {
    expect(readDnsAnswer(JSON.stringify({ Status: 3, Authority: [] }))).toEqual({ kind: 'no-such-host' });
    expect(readDnsAnswer(answer([cname, a('10.1.2.3'), a('192.168.0.9')]))).toEqual({
      kind: 'private-address',
      addresses: ['10.1.2.3', '192.168.0.9'],
    });
    // One public address among private ones: the server can be found.
    expect(readDnsAnswer(answer([a('10.1.2.3'), a('203.0.113.10')]))).toEqual({
      kind: 'public-address',
      addresses: ['10.1.2.3', '203.0.113.10'],
    });
    const many = ['1', '2', '3', '4', '5'].map((n) => a(`203.0.113.${n}`));
    expect(readDnsAnswer(answer(many))).toEqual({
      kind: 'public-address',
      addresses: ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'],
    });
    const unknown = [
      answer([cname]), // a name with no IPv4 address
      JSON.stringify({ Status: 0 }),
      answer([a('203.0.113.10')], 2), // SERVFAIL
      answer([{ type: 1, data: 'not an address' }, null, 7]),
      '{"Status":',
      'null',
      '"text"',
      '<html>',
      '',
    ];
    for (const body of unknown) expect([body, readDnsAnswer(body)]).toEqual([body, { kind: 'unknown' }]);
  });
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
