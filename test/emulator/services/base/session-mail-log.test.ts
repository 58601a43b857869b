/** Session, MailApp, Logger and console as the sandbox sees them. */
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const CODE = `
function who() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getActiveUserLocale(), Session.getScriptTimeZone(), Session.getTemporaryActiveUserKey().length > 10]; }
function locale() { return Session.getActiveUserLocale(); }
function mail() {
  MailApp.sendEmail('a@example.com', 'Alert', 'Body');
  MailApp.sendEmail({ to: 'b@example.com,c@example.com', subject: 'S', htmlBody: '<b>x</b>', body: 'x' });
  MailApp.sendEmail('d@example.com', 'Sub', 'B', { cc: 'e@example.com', name: 'Sheetdash' });
  var left = MailApp.getRemainingDailyQuota();
  try { MailApp.sendEmail('not-an-address', 's', 'b'); } catch (e) { return [left, e.message]; }
}
function blast(n) { for (var i = 0; i < n; i++) MailApp.sendEmail('x' + i + '@example.com', 's', 'b'); }
function logs() {
  Logger.log('plain');
  Logger.log('%s rows in %s', 3, 'Sales');
  Logger.log({ a: 1 });
  console.log('console %s', 'line', 7);
  console.time('t');
  Utilities.sleep(250);
  console.timeEnd('t');
  var log = Logger.getLog();
  Logger.clear();
  return [log, Logger.getLog()];
}
`;

describe('Session', () => {
  it('reports the execution user, locale and the manifest time zone', () => {
    const rt = fixtureRuntime(CODE, { user: { email: 'taro@example.jp', locale: 'ja' } });
    expect(rt.call('who')).toEqual(['taro@example.jp', 'taro@example.jp', 'ja', 'Asia/Tokyo', true]);
    expect(rt.run('locale', [], { user: { locale: 'en' } }).value).toBe('en');
  });

  it('gives the locale even under AuthMode.NONE', () => {
    const rt = fixtureRuntime(CODE, { user: { locale: 'ja' } });
    expect(rt.run('locale', [], { authMode: 'NONE' }).value).toBe('ja');
  });
});

describe('MailApp', () => {
  const mailScope = { manifest: { oauthScopes: ['https://www.googleapis.com/auth/script.send_mail'] } };

  it('captures messages in every form and counts recipients against the daily quota', () => {
    const rt = fixtureRuntime(CODE, mailScope);
    expect(rt.call('mail')).toEqual([95, 'Invalid email: not-an-address']);
    const sent = rt.base.mail._sent();
    expect(sent.map((m) => [m.to, m.cc, m.subject, m.htmlBody ?? null])).toEqual([
      [['a@example.com'], [], 'Alert', null],
      [['b@example.com', 'c@example.com'], [], 'S', '<b>x</b>'],
      [['d@example.com'], ['e@example.com'], 'Sub', null],
    ]);
  });

  it('refuses past 100 recipients a day and recovers 24 h later', () => {
    const rt = fixtureRuntime(CODE, mailScope);
    rt.clock.freeze(0);
    rt.call('blast', 100);
    const over = rt.run('blast', [1]);
    expect(over.error).toMatchObject({
      name: 'Exception',
      message: 'Service invoked too many times for one day: email.',
    });
    rt.clock.advance(24 * 3600_000);
    expect(rt.run('blast', [1]).ok).toBe(true);
  });
});

describe('Logger and console', () => {
  it('formats %s, writes through the execution log and keeps getLog per execution', () => {
    const rt = fixtureRuntime(CODE);
    rt.clock.freeze(0);
    const result = rt.run('logs');
    expect(result.value).toEqual(['plain\n3 rows in Sales\n{"a":1}', '']);
    expect(result.execution.logs).toEqual(['plain', '3 rows in Sales', '{"a":1}', 'console line 7', 't: 250ms']);
  });
});
