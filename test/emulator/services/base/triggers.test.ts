/** ScriptApp triggers: limits in add-on and bound mode, firing on the virtual clock, enums, auth info. */
import { containerDocumentId } from '../../../../emulator/src/services/base/document';
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const CODE = `
function every(kind, n) {
  try {
    var b = ScriptApp.newTrigger('tick').timeBased();
    var t = (kind === 'minutes' ? b.everyMinutes(n) : b.everyHours(n)).create();
    return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource()), t.getTriggerSourceId()];
  } catch (e) { return [e.name, e.message]; }
}
function onEditTrigger(id) {
  try { ScriptApp.newTrigger('edited').forSpreadsheet(id).onEdit().create(); return 'ok'; }
  catch (e) { return e.message; }
}
function count() { return ScriptApp.getProjectTriggers().length; }
function clearAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); return ScriptApp.getProjectTriggers().length; }
function tick(e) {
  Logger.log([e.triggerUid, e.year, e.month, e['day-of-month'], e.hour, e.minute, e.timezone, e.authMode === ScriptApp.AuthMode.FULL, Session.getEffectiveUser().getEmail()].join('|'));
  if (PropertiesService.getScriptProperties().getProperty('fail')) throw new Error('tick failed');
  return 'ticked';
}
function edited(e) { return [e.range, String(e.authMode), Session.getActiveUser().getEmail()]; }
function authInfo() {
  var info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  return [info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.NOT_REQUIRED, info.getAuthorizationUrl(), String(ScriptApp.AuthMode.LIMITED), typeof ScriptApp.getOAuthToken(), ScriptApp.getScriptId().length > 10];
}
function setFail() { PropertiesService.getScriptProperties().setProperty('fail', '1'); }
`;

describe('ScriptApp triggers in add-on mode', () => {
  it('refuses sub-hourly time triggers and a second time trigger, with the exact texts', () => {
    const rt = fixtureRuntime(CODE, { addOnMode: true });
    expect(rt.call('every', 'minutes', 5)).toEqual([
      'Exception',
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    ]);
    expect(rt.call('every', 'hours', 1)).toEqual(['tick', 'CLOCK', 'CLOCK', null]);
    expect(rt.call('every', 'hours', 2)).toEqual([
      'Exception',
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    ]);
    // another user may have their own
    expect(rt.run('every', ['hours', 1], { user: { email: 'bob@example.com' } }).value).toEqual([
      'tick',
      'CLOCK',
      'CLOCK',
      null,
    ]);
    expect(rt.call('count')).toBe(1);
    expect(rt.base.scriptApp._triggers().map((t) => t.user)).toEqual(['user@example.com', 'bob@example.com']);
  });
});

describe('ScriptApp triggers in a bound script', () => {
  it('allows everyMinutes(1), validates intervals and caps at 20 triggers per user', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('every', 'minutes', 1)).toEqual(['tick', 'CLOCK', 'CLOCK', null]);
    expect((rt.call('every', 'minutes', 7) as string[])[0]).toBe('Exception');
    expect((rt.call('every', 'hours', 3) as string[])[0]).toBe('Exception');
    for (let i = 0; i < 19; i++) rt.call('every', 'hours', 1);
    expect(rt.call('count')).toBe(20);
    expect(rt.call('every', 'hours', 1)).toEqual([
      'Exception',
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    ]);
    expect(rt.call('clearAll')).toBe(0);
  });

  it('fires time triggers at each interval boundary on the virtual clock, as their creator', () => {
    const rt = fixtureRuntime(CODE);
    const t0 = Date.UTC(2030, 0, 1, 0, 0, 0);
    rt.clock.freeze(t0);
    rt.run('every', ['minutes', 5], { user: { email: 'alice@example.com' } });
    const uid = rt.base.scriptApp._triggers()[0].uid;
    rt.clock.set(t0 + 4 * 60_000);
    expect(rt.base.scriptApp._fireDueTimeTriggers()).toEqual([]);
    rt.clock.set(t0 + 5 * 60_000);
    const runs = rt.base.scriptApp._fireDueTimeTriggers();
    expect(runs).toEqual([
      expect.objectContaining({
        triggerUid: uid,
        ok: true,
        value: 'ticked',
        user: 'alice@example.com',
        dueAt: t0 + 300_000,
      }),
    ]);
    const exec = rt.executions[rt.executions.length - 1];
    expect(exec.kind).toBe('time-trigger');
    expect(exec.logs).toEqual([`${uid}|2030|1|1|0|5|UTC|true|alice@example.com`]);
    // nothing more until the next boundary; a late check runs once, then resumes on the grid
    expect(rt.base.scriptApp._fireDueTimeTriggers()).toEqual([]);
    rt.clock.set(t0 + 17 * 60_000);
    expect(rt.base.scriptApp._fireDueTimeTriggers()).toHaveLength(1);
    expect(rt.base.scriptApp._triggers()[0].nextRunAt).toBe(t0 + 20 * 60_000);
  });

  it('records a failing handler without throwing', () => {
    const rt = fixtureRuntime(CODE);
    rt.clock.freeze(0);
    rt.call('every', 'hours', 1);
    rt.call('setFail');
    rt.clock.advance(3_600_000);
    const [run] = rt.base.scriptApp._fireDueTimeTriggers();
    expect(run).toMatchObject({ ok: false, error: { name: 'Error', message: 'tick failed' } });
    expect(rt.base.scriptApp._failures()).toHaveLength(1);
  });

  it('fires installable spreadsheet triggers as their creator with FULL auth', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.run('onEditTrigger', ['another-sheet'], { user: { email: 'dave@example.com' } }).value).toBe('ok');
    expect(
      rt.run('onEditTrigger', [containerDocumentId(rt.spreadsheet)], { user: { email: 'carol@example.com' } }).value,
    ).toBe('ok');
    const runs = rt.base.scriptApp._fireSpreadsheetTrigger('onEdit', { range: 'A1' });
    // only the trigger on this document runs, as carol
    expect(runs).toEqual([
      expect.objectContaining({ ok: true, user: 'carol@example.com', value: ['A1', 'FULL', 'carol@example.com'] }),
    ]);
    expect(rt.executions[rt.executions.length - 1].kind).toBe('installable-trigger');
  });

  it('gives the AuthMode values the runtime uses and authorization info', () => {
    const rt = fixtureRuntime(CODE);
    expect(String(rt.base.scriptApp._authModeValue('LIMITED'))).toBe('LIMITED');
    expect(rt.call('authInfo')).toEqual([true, null, 'LIMITED', 'string', true]);
  });

  it('refuses trigger creation under AuthMode.LIMITED', () => {
    const rt = fixtureRuntime(CODE);
    const [name, message] = rt.run('every', ['hours', 1], { authMode: 'LIMITED' }).value as string[];
    expect(name).toBe('Exception');
    expect(message).toMatch(/^You do not have permission to call ScriptApp\.newTrigger/);
  });
});
