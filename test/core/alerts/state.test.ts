/**
 * nextAlertState: the whole state machine of issue 8 — notify on a change of state, recovery
 * (and its switch), silent unknown → ok, the pending period, the three rearm policies, mute,
 * failed queries — driven through sequences of evaluations on a virtual clock.
 */
import { failedEvaluation } from '../../../src/core/alerts/evaluate';
import {
  type AlertRuleForState,
  initialAlertStatus,
  nextAlertState,
  readAlertStatus,
  statusAfterRuleEdit,
} from '../../../src/core/alerts/state';
import type { AlertEvaluation, AlertStatus } from '../../../src/shared/api-types';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

const ok: AlertEvaluation = { state: 'ok', value: 0 };
const hit: AlertEvaluation = { state: 'triggered', value: 7 };
const noRows: AlertEvaluation = { state: 'unknown', value: null, reason: 'no-rows' };
const failed = failedEvaluation('query-failed', 'relation "billing" does not exist');

const RULE: AlertRuleForState = {
  pendingEvaluations: 1,
  rearm: { mode: 'once' },
  notifyRecovery: true,
  notifyUnknown: true,
  muted: false,
};

/** Feeds evaluations one per `everyMs` and returns "state/notify" per step, and the last status. */
function run(evaluations: AlertEvaluation[], rule: Partial<AlertRuleForState> = {}, everyMs = 5 * MIN) {
  let status: AlertStatus | null = null;
  const steps: string[] = [];
  evaluations.forEach((evaluation, i) => {
    const t = nextAlertState(status, evaluation, { ...RULE, ...rule }, T0 + i * everyMs);
    status = t.status;
    steps.push(`${t.status.state}/${t.notify}`);
  });
  return { steps, status: status as AlertStatus | null };
}

describe('notify on a change of state (Redash)', () => {
  const cases: [string, AlertEvaluation[], string[]][] = [
    ['first evaluation ok is silent', [ok], ['ok/none']],
    ['first evaluation triggered notifies', [hit], ['triggered/triggered']],
    ['first evaluation unknown notifies once', [noRows, noRows], ['unknown/unknown', 'unknown/none']],
    ['ok → triggered notifies', [ok, hit], ['ok/none', 'triggered/triggered']],
    ['triggered → ok is a recovery', [hit, ok], ['triggered/triggered', 'ok/recovered']],
    ['triggered → unknown notifies', [hit, noRows], ['triggered/triggered', 'unknown/unknown']],
    ['ok → unknown notifies', [ok, noRows], ['ok/none', 'unknown/unknown']],
    ['unknown → ok is silent', [noRows, ok], ['unknown/unknown', 'ok/none']],
    ['unknown → triggered notifies', [noRows, hit], ['unknown/unknown', 'triggered/triggered']],
    [
      'no change, no notice',
      [ok, ok, hit, hit, hit],
      ['ok/none', 'ok/none', 'triggered/triggered', 'triggered/none', 'triggered/none'],
    ],
    // beyond Redash: a fired alert whose query broke still hears its recovery
    [
      'triggered → unknown → ok recovers',
      [hit, failed, ok],
      ['triggered/triggered', 'unknown/unknown', 'ok/recovered'],
    ],
    [
      'after a recovery, unknown → ok is silent again',
      [hit, ok, noRows, ok],
      ['triggered/triggered', 'ok/recovered', 'unknown/unknown', 'ok/none'],
    ],
  ];
  it.each(cases)('%s', (_, evaluations, steps) => {
    expect(run(evaluations).steps).toEqual(steps);
  });
});

describe('recovery notice', () => {
  it('can be turned off; the state still goes back to ok', () => {
    let status = nextAlertState(null, hit, RULE, T0).status;
    const t = nextAlertState(status, ok, { ...RULE, notifyRecovery: false }, T0 + MIN);
    expect([t.status.state, t.notify, t.changed]).toEqual(['ok', 'none', true]);
    expect(t.suppressed).toEqual({ notification: 'recovered', why: 'recovery-off' });
    status = t.status;
    expect(status.firing).toBe(false);
    // the next trigger is announced again
    expect(nextAlertState(status, hit, RULE, T0 + 2 * MIN).notify).toBe('triggered');
  });
});

describe('pending period', () => {
  it('fires only after N evaluations in a row meet the condition', () => {
    const { steps, status } = run([ok, hit, hit, hit, hit], { pendingEvaluations: 3 });
    expect(steps).toEqual(['ok/none', 'ok/none', 'ok/none', 'triggered/triggered', 'triggered/none']);
    expect(status?.pending).toBe(0);
  });

  it('counts the evaluations while pending', () => {
    const { status } = run([ok, hit, hit], { pendingEvaluations: 3 });
    expect([status?.state, status?.pending, status?.evaluation]).toEqual(['ok', 2, hit]);
  });

  it('an ok or unknown evaluation restarts the count (no flapping)', () => {
    const flapping = [hit, ok, hit, ok, hit, hit, ok];
    expect(run(flapping, { pendingEvaluations: 2 }).steps).toEqual([
      'unknown/none',
      'ok/none',
      'ok/none',
      'ok/none',
      'ok/none',
      'triggered/triggered',
      'ok/recovered',
    ]);
    expect(run([ok, hit, failed, hit, hit], { pendingEvaluations: 2 }).steps).toEqual([
      'ok/none',
      'ok/none',
      'unknown/unknown',
      'unknown/none',
      'triggered/triggered',
    ]);
  });

  it('1 (or less) fires at once', () => {
    expect(run([ok, hit], { pendingEvaluations: 0 }).steps).toEqual(['ok/none', 'triggered/triggered']);
  });

  it('does not delay a recovery', () => {
    expect(run([hit, hit, ok], { pendingEvaluations: 2 }).steps).toEqual([
      'unknown/none',
      'triggered/triggered',
      'ok/recovered',
    ]);
  });
});

describe('rearm while still triggered', () => {
  const still = [hit, hit, hit, hit, hit, hit, hit];

  it('once: only until back to normal', () => {
    const { steps } = run([...still, ok, hit], { rearm: { mode: 'once' } });
    expect(steps.filter((s) => s !== 'triggered/none')).toEqual([
      'triggered/triggered',
      'ok/recovered',
      'triggered/triggered',
    ]);
  });

  it('always: at every evaluation', () => {
    const { steps, status } = run(still, { rearm: { mode: 'always' } });
    expect(steps).toEqual(['triggered/triggered', ...Array(6).fill('triggered/renotify')]);
    expect(status?.sequence).toBe(7);
  });

  it('interval: at most every N minutes, counted from the last notice', () => {
    // evaluated every 5 minutes, rearm every 12: notices at 0, 15, 30 minutes
    const { steps } = run(still, { rearm: { mode: 'interval', minutes: 12 } });
    expect(steps).toEqual([
      'triggered/triggered',
      'triggered/none',
      'triggered/none',
      'triggered/renotify',
      'triggered/none',
      'triggered/none',
      'triggered/renotify',
    ]);
  });

  it('interval: exactly N minutes later is due', () => {
    const first = nextAlertState(null, hit, { ...RULE, rearm: { mode: 'interval', minutes: 60 } }, T0).status;
    const rule = { ...RULE, rearm: { mode: 'interval', minutes: 60 } } as const;
    expect(nextAlertState(first, hit, rule, T0 + 60 * MIN - 1).notify).toBe('none');
    expect(nextAlertState(first, hit, rule, T0 + 60 * MIN).notify).toBe('renotify');
  });
});

describe('mute', () => {
  it('changes state but sends nothing', () => {
    const muted = { muted: true };
    const evaluations = [ok, hit, hit, failed, ok];
    const transitions: string[] = [];
    let status: AlertStatus | null = null;
    evaluations.forEach((evaluation, i) => {
      const t = nextAlertState(status, evaluation, { ...RULE, ...muted, rearm: { mode: 'always' } }, T0 + i * MIN);
      status = t.status;
      transitions.push(
        `${t.status.state}/${t.notify}/${t.suppressed?.notification ?? '-'}:${t.suppressed?.why ?? '-'}`,
      );
    });
    expect(transitions).toEqual([
      'ok/none/-:-',
      'triggered/none/triggered:muted',
      'triggered/none/renotify:muted',
      'unknown/none/unknown:muted',
      'ok/none/-:-', // never announced, so nothing to recover
    ]);
    expect(status).toMatchObject({ sequence: 0, firing: false, firedAt: null });
  });

  it('a muted recovery of an announced trigger is not sent, and the episode ends', () => {
    const fired = nextAlertState(null, hit, RULE, T0).status;
    const t = nextAlertState(fired, ok, { ...RULE, muted: true }, T0 + MIN);
    expect([t.notify, t.suppressed?.why, t.status.firing]).toEqual(['none', 'muted', false]);
  });

  it('after unmuting, a trigger that went out muted is re-notified by the rearm policy, and recovers', () => {
    const rule = { ...RULE, rearm: { mode: 'interval', minutes: 60 } } as const;
    const silent = nextAlertState(null, hit, { ...rule, muted: true }, T0).status;
    const again = nextAlertState(silent, hit, rule, T0 + MIN);
    expect(again.notify).toBe('renotify');
    expect(nextAlertState(again.status, ok, rule, T0 + 2 * MIN).notify).toBe('recovered');
  });
});

describe('failed queries', () => {
  it('put the alert in unknown with the reason, and notify once', () => {
    const { steps, status } = run([ok, failed, failed, failed]);
    expect(steps).toEqual(['ok/none', 'unknown/unknown', 'unknown/none', 'unknown/none']);
    expect(status?.evaluation).toEqual({
      state: 'unknown',
      value: null,
      reason: 'query-failed',
      detail: 'relation "billing" does not exist',
    });
  });

  it('a broken check never looks healthy: triggered then failing is not ok', () => {
    const { status } = run([hit, failed]);
    expect(status?.state).toBe('unknown');
    expect(status?.firing).toBe(true);
  });

  it('notifying unknown can be turned off', () => {
    const t = nextAlertState(nextAlertState(null, ok, RULE, T0).status, failed, { ...RULE, notifyUnknown: false }, T0);
    expect([t.status.state, t.notify, t.suppressed]).toEqual([
      'unknown',
      'none',
      { notification: 'unknown', why: 'unknown-off' },
    ]);
  });

  it('a new reason while unknown is recorded but not sent again', () => {
    const first = nextAlertState(null, failed, RULE, T0).status;
    const t = nextAlertState(first, failedEvaluation('source-paused', 'paused'), RULE, T0 + MIN);
    expect([t.notify, t.changed, t.status.evaluation?.reason]).toEqual(['none', false, 'source-paused']);
  });
});

describe('the stored status', () => {
  it('records times, changes and a sequence per notification', () => {
    const a = nextAlertState(null, ok, RULE, T0);
    expect(a.status).toEqual({
      state: 'ok',
      evaluation: ok,
      evaluatedAt: '2030-01-01T00:00:00.000Z',
      changedAt: '2030-01-01T00:00:00.000Z',
      pending: 0,
      firing: false,
      firedAt: null,
      sequence: 0,
    });
    expect([a.changed, a.previousState]).toEqual([true, 'unknown']);
    const b = nextAlertState(a.status, ok, RULE, T0 + MIN);
    expect([b.changed, b.status.changedAt, b.status.evaluatedAt]).toEqual([
      false,
      '2030-01-01T00:00:00.000Z',
      '2030-01-01T00:01:00.000Z',
    ]);
    const c = nextAlertState(b.status, hit, RULE, T0 + 2 * MIN);
    expect(c.status).toMatchObject({
      state: 'triggered',
      firing: true,
      firedAt: '2030-01-01T00:02:00.000Z',
      sequence: 1,
    });
    expect([c.changed, c.previousState]).toEqual([true, 'ok']);
    const d = nextAlertState(c.status, ok, RULE, T0 + 3 * MIN);
    expect(d.status).toMatchObject({ state: 'ok', firing: false, sequence: 2, changedAt: '2030-01-01T00:03:00.000Z' });
  });

  it('is plain data that survives JSON (as stored in properties)', () => {
    const { status } = run([ok, hit, failed, ok]);
    const stored = JSON.parse(JSON.stringify(status)) as AlertStatus;
    expect(nextAlertState(stored, hit, RULE, T0 + HOUR).notify).toBe('triggered');
  });

  it('starts unknown, never evaluated', () => {
    expect(initialAlertStatus()).toMatchObject({ state: 'unknown', evaluation: null, evaluatedAt: null });
  });

  it('does not change the status it was given', () => {
    const before = nextAlertState(null, hit, RULE, T0).status;
    const copy = JSON.stringify(before);
    nextAlertState(before, ok, RULE, T0 + MIN);
    expect(JSON.stringify(before)).toBe(copy);
  });
});

describe('editing a rule', () => {
  const before = { condition: { column: 'n', op: '>', value: '5', selector: 'first' }, pendingEvaluations: 3 } as const;

  it('starts the pending count again when the condition or the period changes', () => {
    const { status } = run([ok, hit, hit], { pendingEvaluations: 3 });
    const pending = status as AlertStatus;
    expect(pending.pending).toBe(2);
    expect(statusAfterRuleEdit(pending, before, { ...before }).pending).toBe(2);
    expect(
      statusAfterRuleEdit(pending, before, { ...before, condition: { ...before.condition, value: '6' } }).pending,
    ).toBe(0);
    expect(statusAfterRuleEdit(pending, before, { ...before, pendingEvaluations: 2 }).pending).toBe(0);
  });

  it('keeps the state, so a fired alert whose new condition no longer holds recovers', () => {
    const fired = nextAlertState(null, hit, RULE, T0).status;
    const edited = statusAfterRuleEdit(fired, before, { ...before, condition: { ...before.condition, value: '50' } });
    expect(edited.state).toBe('triggered');
    expect(nextAlertState(edited, ok, RULE, T0 + MIN).notify).toBe('recovered');
  });
});

describe('reading a stored status back', () => {
  it('keeps a valid one as it is', () => {
    const { status } = run([ok, hit, failed]);
    const stored = JSON.parse(JSON.stringify(status));
    expect(readAlertStatus(stored)).toEqual(status);
  });

  it('gives the initial value to each damaged field', () => {
    expect(readAlertStatus('garbage')).toEqual(initialAlertStatus());
    expect(readAlertStatus(null)).toEqual(initialAlertStatus());
    const damaged = {
      state: 'fired',
      evaluation: { state: 'maybe' },
      evaluatedAt: 'yesterday',
      changedAt: 5,
      pending: -1,
      firing: 'yes',
      firedAt: '2030-01-01T00:00:00.000Z',
      sequence: 2.5,
    };
    expect(readAlertStatus(damaged)).toEqual({ ...initialAlertStatus(), firedAt: '2030-01-01T00:00:00.000Z' });
    expect(readAlertStatus({ state: 'triggered', sequence: 4 })).toMatchObject({ state: 'triggered', sequence: 4 });
  });
});
