import { api, apiCall } from '../helpers/api';
import { startCredentialCapture, type CredentialCapture } from '../helpers/credential-capture';
import { createTestDatabase, enabledEngines, JDBC_OPTIONS, type TestDatabase } from '../helpers/engines';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

const REENTER =
  /^The connection target changed \((Host, )?Port\), so the saved password and certificates cannot be used for it\./;

describe.each(enabledEngines().map((e) => [e.name, e] as const))('stored secrets on %s', (_name, engine) => {
  let db: TestDatabase;
  let capture: CredentialCapture;
  const secret = `pw-${Math.random().toString(36).slice(2)}-secret`;
  // MySQL checks the password, so the secret belongs to a user made for the test; PostgreSQL trusts loopback.
  const user = engine.name === 'mysql' ? `sdu_${Math.random().toString(36).slice(2, 8)}` : '';

  beforeAll(async () => {
    db = createTestDatabase(engine);
    if (user) {
      db.exec(
        `CREATE USER '${user}'@'%' IDENTIFIED BY '${secret}'\n;\nGRANT SELECT ON ${db.schema}.* TO '${user}'@'%'`,
      );
    }
    capture = await startCredentialCapture(db.kind === 'mysql' ? 'mysql' : 'pg');
  });
  afterAll(async () => {
    await capture?.stop();
    if (user) db?.exec(`DROP USER IF EXISTS '${user}'@'%'`);
    db?.drop();
  });

  function saved() {
    const rt = bundleRuntime({ jdbc: JDBC_OPTIONS });
    const options = { ...db.options, password: secret, ...(user ? { user } : {}) };
    const source = api(rt, 'saveDataSource', { name: 'Main DB', kind: db.kind, options });
    return { rt, source };
  }

  it('never sends the saved password to a new host, on save or on test', async () => {
    const { rt, source } = saved();
    // The secret is real: the source connects with it where it belongs.
    expect(api(rt, 'testDataSource', { id: source.id })).toMatchObject({ ok: true });
    const redirected = { ...source.options, host: '127.0.0.1', port: capture.port };
    expect(JSON.stringify(source.options)).not.toContain(secret);

    const save = apiCall(rt, 'saveDataSource', {
      id: source.id,
      name: source.name,
      kind: source.kind,
      options: redirected,
    });
    const testForm = apiCall(rt, 'testDataSource', { id: source.id, kind: source.kind, options: redirected });
    const testStored = apiCall(rt, 'testDataSource', { id: source.id });
    const testNew = apiCall(rt, 'testDataSource', { kind: source.kind, options: redirected });

    expect(await capture.sawSecret(secret)).toBe(false);
    expect(save).toMatchObject({ ok: false, error: expect.stringMatching(REENTER) });
    expect(testForm).toMatchObject({ ok: false, error: expect.stringMatching(REENTER) });
    expect(testNew).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The connection target changed \(kind\)/),
    });
    // The stored source still points where it did, and still works.
    expect(testStored).toMatchObject({ ok: true, value: { ok: true } });
    const listed = api(rt, 'listDataSources');
    expect(listed.map((d) => [d.options.host, d.options.port])).toEqual([[db.options.host, db.options.port]]);
  });

  it('sends a password typed for the new host, and only that one', async () => {
    const { rt, source } = saved();
    const typed = `typed-${Math.random().toString(36).slice(2)}`;
    const options = { ...source.options, host: '127.0.0.1', port: capture.port, password: typed };
    const result = api(rt, 'testDataSource', { id: source.id, kind: source.kind, options });
    expect(result.ok).toBe(false);
    // The capture server works: it saw the typed password, and still never the saved one.
    expect(await capture.sawSecret(typed)).toBe(true);
    expect(await capture.sawSecret(secret)).toBe(false);
    // Saving the new host with an explicitly empty password drops the stored one.
    const moved = api(rt, 'saveDataSource', {
      id: source.id,
      name: source.name,
      kind: source.kind,
      options: { ...options, password: '' },
    });
    expect(moved.options.password).toBe('');
    api(rt, 'testDataSource', { id: source.id });
    expect(await capture.sawSecret(secret)).toBe(false);
    expect(JSON.stringify(rt.base.properties._allValues())).not.toContain(secret);
  });

  it("never sends the saved password with the server's CA certificate cleared or replaced", async () => {
    const rt = bundleRuntime({ jdbc: JDBC_OPTIONS });
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB(owner)\n-----END CERTIFICATE-----';
    const options = { ...db.options, password: secret, serverCertificate: ca, ...(user ? { user } : {}) };
    const source = api(rt, 'saveDataSource', { name: 'Pinned DB', kind: db.kind, options });
    expect(source.options.serverCertificate).toBe(source.options.password); // both masked
    const here = { ...source.options, host: '127.0.0.1', port: capture.port };
    const moved = { ...source.options };
    const attempts = [
      { ...moved, serverCertificate: '' },
      { ...moved, serverCertificate: '-----BEGIN CERTIFICATE-----\nMIIB(attacker)\n-----END CERTIFICATE-----' },
      { ...here, serverCertificate: '' },
    ];
    for (const attempt of attempts) {
      for (const method of ['testDataSource', 'saveDataSource'] as const) {
        const answer = apiCall(rt, method, { id: source.id, name: 'Pinned DB', kind: source.kind, options: attempt });
        expect(answer).toMatchObject({
          ok: false,
          error: expect.stringMatching(
            /^The connection target changed \(((Host, )?Port, )?Server CA certificate \(PEM\)\)/,
          ),
        });
      }
    }
    expect(await capture.sawSecret(secret)).toBe(false);
    // A new password typed with the new certificate is the user's own choice: accepted.
    const retyped = { ...moved, serverCertificate: '', password: secret };
    expect(
      apiCall(rt, 'saveDataSource', { id: source.id, name: 'Pinned DB', kind: source.kind, options: retyped }),
    ).toMatchObject({ ok: true });
  });

  it('never takes over the id of a deleted source: a new source always gets a new id', () => {
    const { rt, source } = saved();
    api(rt, 'deleteDataSource', { id: source.id });
    const answer = apiCall(rt, 'saveDataSource', {
      id: source.id,
      name: 'Elsewhere',
      kind: source.kind,
      options: { ...db.options, host: '127.0.0.1', port: capture.port },
    });
    expect(answer).toMatchObject({ ok: false, error: expect.stringMatching(/^No data source/) });
    expect(api(rt, 'listDataSources')).toEqual([]);
  });

  it('tests the form without saving anything, and says what failed for this kind', () => {
    const rt = bundleRuntime({ jdbc: JDBC_OPTIONS });
    const before = JSON.stringify(rt.base.properties._allValues());
    const options = { ...db.options, password: secret, ...(user ? { user } : {}) };
    const ok = api(rt, 'testDataSource', { kind: db.kind, options });
    expect(ok).toMatchObject({ ok: true });
    const elsewhere = { ...options, port: capture.port, host: '127.0.0.1' };
    const refused = api(rt, 'testDataSource', { kind: db.kind, options: elsewhere });
    expect(refused.ok).toBe(false);
    const [cause, checklist] = refused.message.split('\n');
    expect(cause).toBe(
      "127.0.0.1 is a local or private network address: Google's servers cannot reach it. Use the database's public address.",
    );
    const start = `Could not connect to 127.0.0.1:${capture.port}. Check, in order: the host name and port; `;
    expect(checklist.startsWith(start)).toBe(true);
    expect(checklist.includes('mysql_native_password')).toBe(db.kind === 'mysql');
    expect(refused.message).toContain('TLS 1.2');
    expect(api(rt, 'listDataSources')).toEqual([]);
    expect(JSON.stringify(rt.base.properties._allValues())).toBe(before);
  });
});
