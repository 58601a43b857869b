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
  expect(findKind('cloudsql-mysql')!.connectionRequest({ instance: 'p:r:i', database: 'app', user: 'u', password: 'p' }).url).toBe('jdbc:google:mysql://p:r:i/app');
  expect(findKind('sqlserver')!.connectionRequest({ host: 'h', port: 1433, database: 'd' }).url).toBe('jdbc:sqlserver://h:1433;databaseName=d');
  expect(my.connectionRequest({ host: 'h', port: 3306, database: 'd', user: 'u', serverCertificate: 'PEM' }).info._serverSslCertificate).toBe('PEM');
});

it('refuses ports below 1025 and options Apps Script rejects', () => {
  const base = { host: 'db', port: 5432, database: 'app', user: 'u' };
  expect(validateOptions(pg, base)).toEqual([]);
  expect(validateOptions(pg, { ...base, port: 443 }).map((p) => p.key)).toEqual(['ds.portRange']);
  expect(validateOptions(pg, { ...base, database: 'app?sslmode=require' })).toEqual([{ key: 'ds.urlOption', vars: { option: 'sslmode' } }]);
  expect(validateOptions(my, { ...base, host: '' }).map((p) => p.key)).toEqual(['ds.fieldRequired']);
});

it('masks secrets and keeps them when the mask comes back', () => {
  const stored = { id: 'a', name: 'A', kind: 'postgresql', writable: false, options: { host: 'db', port: 5432, database: 'x', user: 'u', password: 's3cret' } };
  const masked = maskSecrets(stored, pg);
  expect(masked.options.password).toBe(SECRET_MASK);
  expect(JSON.stringify(masked)).not.toContain('s3cret');
  expect(mergeSecrets({ ...masked.options, host: 'db2' }, stored.options, pg)).toMatchObject({ host: 'db2', password: 's3cret' });
  expect(mergeSecrets({ ...masked.options, password: 'new' }, stored.options, pg).password).toBe('new');
});
