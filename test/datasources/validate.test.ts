/** Configuration checks that replace Apps Script's single vague connection error. */
import { maskSecrets, mergeSecrets, SECRET_MASK } from '../../src/datasources/config';
import { findKind, listKinds } from '../../src/datasources/registry';
import { validateOptions } from '../../src/datasources/validate';

const pg = findKind('postgresql')!;
const my = findKind('mysql')!;

it('registers the four kinds with their dialects', () => {
  expect(listKinds().map((k) => [k.id, k.dialect])).toEqual([
    ['postgresql', 'postgresql'],
    ['mysql', 'mysql'],
    ['cloudsql-mysql', 'mysql'],
    ['sqlserver', 'transactsql'],
  ]);
});

it('builds JDBC URLs and info keys', () => {
  expect(pg.connectionRequest({ host: 'db', port: 6543, database: 'app', user: 'u', password: 'p' })).toEqual({
    method: 'getConnection',
    url: 'jdbc:postgresql://db:6543/app',
    info: { user: 'u', password: 'p' },
    display: { host: 'db', port: 6543 },
  });
  expect(
    findKind('cloudsql-mysql')!.connectionRequest({ instance: 'p:r:i', database: 'app', user: 'u', password: 'p' }).url,
  ).toBe('jdbc:google:mysql://p:r:i/app');
  expect(findKind('sqlserver')!.connectionRequest({ host: 'h', port: 1433, database: 'd' }).url).toBe(
    'jdbc:sqlserver://h:1433;databaseName=d',
  );
  expect(
    my.connectionRequest({ host: 'h', port: 3306, database: 'd', user: 'u', serverCertificate: 'PEM' }).info
      ._serverSslCertificate,
  ).toBe('PEM');
});

it('refuses ports below 1025 and options Apps Script rejects', () => {
  const base = { host: 'db', port: 5432, database: 'app', user: 'u' };
  expect(validateOptions(pg, base)).toEqual([]);
  expect(validateOptions(pg, { ...base, port: 443 }).map((p) => p.key)).toEqual(['ds.portRange']);
  expect(validateOptions(pg, { ...base, database: 'app?sslmode=require' })).toEqual([
    { key: 'ds.urlOption', vars: { option: 'sslmode' } },
  ]);
  expect(validateOptions(my, { ...base, host: '' }).map((p) => p.key)).toEqual(['ds.fieldRequired']);
});

it('masks secrets and keeps them when the mask comes back', () => {
  const stored = {
    id: 'a',
    name: 'A',
    kind: 'postgresql',
    writable: false,
    options: { host: 'db', port: 5432, database: 'x', user: 'u', password: 's3cret' },
  };
  const masked = maskSecrets(stored, pg);
  expect(masked.options.password).toBe(SECRET_MASK);
  expect(JSON.stringify(masked)).not.toContain('s3cret');
  expect(mergeSecrets(masked.options, stored, pg)).toEqual({ ok: true, options: { ...stored.options } });
  expect(mergeSecrets({ ...masked.options, password: 'new' }, stored, pg)).toMatchObject({
    ok: true,
    options: { password: 'new' },
  });
  // A port typed as text is the same target.
  expect(mergeSecrets({ ...masked.options, port: '5432' }, stored, pg)).toMatchObject({
    ok: true,
    options: { password: 's3cret' },
  });
});

it('never keeps a stored secret for another target', () => {
  const options = { host: 'db', port: 5432, database: 'x', user: 'u', password: 's3cret', serverCertificate: 'PEM' };
  const stored = { id: 'a', name: 'A', kind: 'postgresql', writable: false, options };
  const masked = maskSecrets(stored, pg).options;
  for (const change of [{ host: 'evil.example' }, { port: 15432 }, { database: 'y' }, { user: 'admin' }]) {
    const merged = mergeSecrets({ ...masked, ...change }, stored, pg);
    expect(merged).toEqual({ ok: false, changed: Object.keys(change), masked: ['password', 'serverCertificate'] });
    // A new password for the new target is taken, and the other stored secrets are dropped.
    const retyped = mergeSecrets({ ...masked, ...change, password: 'typed', serverCertificate: '' }, stored, pg);
    expect(retyped).toMatchObject({ ok: true, options: { ...change, password: 'typed', serverCertificate: '' } });
  }
  // Another kind is another target, even with the same host.
  expect(mergeSecrets(masked, stored, my)).toMatchObject({ ok: false, changed: ['kind'] });
  // No stored source (a new one): a mask cannot stand for anything.
  expect(mergeSecrets(masked, null, pg)).toMatchObject({ ok: false, masked: ['password', 'serverCertificate'] });
});
