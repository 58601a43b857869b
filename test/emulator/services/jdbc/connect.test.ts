/**
 * Jdbc.getConnection failures as Apps Script shows them: one umbrella text for every cause
 * (the real cause kept host-side), refused connection properties, malformed URLs, ports
 * below 1025, the daily quota of failed connections; and the Jdbc date factories.
 */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';
import { JDBC_OPTIONS } from './engines';

afterAll(disposeRuntimes);

const UMBRELLA = 'Failed to establish a database connection. Check connection string, username and password.';
const CODE = `
function tryConnect(url, user, password) {
  try { (user === undefined ? Jdbc.getConnection(url) : Jdbc.getConnection(url, user, password)).close(); return 'ok'; }
  catch (e) { return e.name + ': ' + e.message; }
}
function tryInfo(url, info) {
  try { Jdbc.getConnection(url, info).close(); return 'ok'; } catch (e) { return e.message; }
}
function factories() {
  var ts = Jdbc.parseTimestamp('2024-06-02 08:31:05.25');
  var d = Jdbc.parseDate('2024-06-02');
  return [ts.getTime(), ts.getNanos(), String(ts), d.getTime(), Jdbc.newTimestamp(5).getTime(), Jdbc.newDate(0).getYear(), Jdbc.parseTime('10:11:12').getTime()];
}
`;

describe('Jdbc connections', () => {
  const rt = fixtureRuntime(CODE, { jdbc: { ...JDBC_OPTIONS, failedConnectionQuota: 5 } });

  it('refuses a closed port with the umbrella text and keeps the real cause', () => {
    expect(rt.call('tryConnect', 'jdbc:postgresql://127.0.0.1:1999/test', 'u', 'p')).toBe(`Exception: ${UMBRELLA}`);
    expect(rt.jdbc._lastConnectionError()?.cause).toMatch(/ECONNREFUSED/);
  });

  it('refuses ports below 1025 without trying', () => {
    expect(rt.call('tryConnect', 'jdbc:mysql://127.0.0.1:443/test', 'u', 'p')).toBe(`Exception: ${UMBRELLA}`);
    expect(rt.jdbc._lastConnectionError()?.cause).toMatch(/1025/);
  });

  it('refuses unsupported connection properties in the URL and in info', () => {
    expect(rt.call('tryConnect', 'jdbc:postgresql://127.0.0.1:5432/test?sslmode=require&ssl=true')).toBe(
      'Exception: The following connection properties are unsupported: sslmode,ssl.',
    );
    expect(rt.call('tryInfo', 'jdbc:mysql://127.0.0.1:3306/test', { user: 'a', useSSL: true })).toBe(
      'The following connection properties are unsupported: useSSL.',
    );
  });

  it('rejects a URL without a database path', () => {
    expect(rt.call('tryConnect', 'jdbc:mysql://localhost:3306', 'u', 'p')).toBe('Exception: Invalid argument: url');
  });

  it('counts failed connections per day and refuses past the quota', () => {
    for (let i = rt.jdbc._failedConnectionsToday(); i < 5; i++)
      rt.call('tryConnect', 'jdbc:postgresql://127.0.0.1:1999/test', 'u', 'p');
    expect(rt.call('tryConnect', 'jdbc:postgresql://127.0.0.1:1999/test', 'u', 'p')).toBe(
      'Exception: Service invoked too many times for one day: jdbc failed connection.',
    );
    rt.clock.advance(86_400_000);
    expect(rt.call('tryConnect', 'jdbc:postgresql://127.0.0.1:1999/test', 'u', 'p')).toBe(`Exception: ${UMBRELLA}`);
  });

  it('builds JdbcTimestamp/JdbcDate/JdbcTime in the JVM zone (UTC by default)', () => {
    expect(rt.call('factories')).toEqual([
      Date.UTC(2024, 5, 2, 8, 31, 5, 250),
      250_000_000,
      '2024-06-02 08:31:05.25',
      Date.UTC(2024, 5, 2),
      5,
      70,
      36672000,
    ]);
  });

  (process.env.TEST_PG_URL ? it : it.skip)('hides a bad PostgreSQL user behind the umbrella text', () => {
    const url = process.env.TEST_PG_URL!.replace(/\?.*$/, '');
    expect(rt.call('tryConnect', url, 'no_such_user_x', 'x')).toBe(`Exception: ${UMBRELLA}`);
    expect(rt.jdbc._lastConnectionError()?.cause).toMatch(/no_such_user_x/);
  });

  (process.env.TEST_MYSQL_URL ? it : it.skip)('hides a bad MySQL password behind the umbrella text', () => {
    const url = process.env.TEST_MYSQL_URL!.replace(/\?.*$/, '');
    expect(rt.call('tryConnect', url, 'root', 'wrong-password')).toBe(`Exception: ${UMBRELLA}`);
    expect(rt.jdbc._lastConnectionError()?.cause).toMatch(/Access denied/);
  });
});
