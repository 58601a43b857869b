/**
 * "Test connection" reports the database user's rights beyond reading, through the bundle:
 * a superuser / root is warned about, a user created with SELECT only is not, and a user that
 * can write a table (and, on MySQL, server files) gets one warning per right, in the user's
 * language. Users are created per test file and dropped afterwards (PGlite has only its
 * superuser).
 */
import type { TestResultView } from '../../src/shared/api-types';
import { api } from '../helpers/api';
import { createTestDatabase, enabledEngines, type TestDatabase } from '../helpers/engines';
import { setupWithDataSource } from '../helpers/refresh';
import { disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const SUPERUSER = /^This database user is a superuser/;
const WRITE = /^This database user can change data/;
const READ_FILES = /^This database user can read files on the database server/;
const WRITE_FILES = /^This database user can write files on the database server/;

describe.each(enabledEngines().map((e) => [e.name, e] as const))('privileges on %s', (_name, engine) => {
  let db: TestDatabase;
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  let reader = '';
  let writer = '';
  beforeAll(() => {
    db = createTestDatabase(engine);
    reader = `${db.schema}_ro`;
    writer = `${db.schema}_rw`;
    db.exec('CREATE TABLE t (id INT)');
    if (engine.name === 'pg') {
      db.exec(`
        CREATE ROLE ${reader} LOGIN PASSWORD '${password}'
        ;
        GRANT USAGE ON SCHEMA ${db.schema} TO ${reader}
        ;
        GRANT SELECT ON ${db.schema}.t TO ${reader}
        ;
        CREATE ROLE ${writer} LOGIN PASSWORD '${password}' IN ROLE pg_read_server_files
        ;
        GRANT USAGE ON SCHEMA ${db.schema} TO ${writer}
        ;
        GRANT SELECT, INSERT ON ${db.schema}.t TO ${writer}
      `);
    } else if (engine.name === 'mysql') {
      db.exec(`
        CREATE USER '${reader}'@'%' IDENTIFIED BY '${password}'
        ;
        GRANT SELECT ON ${db.schema}.* TO '${reader}'@'%'
        ;
        CREATE USER '${writer}'@'%' IDENTIFIED BY '${password}'
        ;
        GRANT SELECT, INSERT ON ${db.schema}.t TO '${writer}'@'%'
        ;
        GRANT FILE ON *.* TO '${writer}'@'%'
      `);
    }
  });
  afterAll(() => {
    if (engine.name === 'pg') {
      db?.exec(
        `DROP OWNED BY ${reader}, ${writer}\n;\nDROP ROLE IF EXISTS ${reader}\n;\nDROP ROLE IF EXISTS ${writer}`,
      );
    } else if (engine.name === 'mysql') {
      db?.exec(`DROP USER IF EXISTS '${reader}'@'%'\n;\nDROP USER IF EXISTS '${writer}'@'%'`);
    }
    db?.drop();
  });

  function testAs(user: string | null, locale = 'en_US'): TestResultView {
    const { rt, dataSourceId } = setupWithDataSource(
      db,
      { user: { locale } },
      user ? { options: { ...db.options, user, password } } : {},
    );
    return api(rt, 'testDataSource', { id: dataSourceId });
  }

  it('warns that the superuser / root can do anything, in English and Japanese', () => {
    const result = testAs(null);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(SUPERUSER)]);
    expect(testAs(null, 'ja_JP').warnings).toEqual([
      expect.stringMatching(/^このデータベースユーザーはスーパーユーザーです/),
    ]);
  });

  if (engine.name !== 'pglite') {
    it('has nothing to say about a user with SELECT only', () => {
      const result = testAs(reader);
      expect({ ok: result.ok, message: result.message, warnings: result.warnings }).toEqual({
        ok: true,
        message: expect.stringMatching(/^Connected to/),
        warnings: [],
      });
    });

    it('warns about each right beyond reading: writing a table, server files', () => {
      const result = testAs(writer);
      expect(result.ok).toBe(true);
      const expected = engine.name === 'pg' ? [WRITE, READ_FILES] : [WRITE, READ_FILES, WRITE_FILES];
      expect(result.warnings).toEqual(expected.map((pattern) => expect.stringMatching(pattern)));
    });
  }
});
