/**
 * An alert's status in words and a query's checks in one line: the worst state wins, and a
 * triggered check never reads as OK; texts in English and Japanese.
 */
import { defaultAlertRule } from '../../../src/core/alerts/rule';
import { initialAlertStatus } from '../../../src/core/alerts/state';
import { alertStatusText, alertStatusView, checkSummary } from '../../../src/core/alerts/view';
import type { AlertStatus } from '../../../src/shared/api-types';

const rule = defaultAlertRule('q1', 'Bad rows');
const at = '2030-01-01T00:00:00.000Z';

function status(state: AlertStatus['state'], value: number | null, extra: Partial<AlertStatus> = {}): AlertStatus {
  const evaluation =
    state === 'unknown'
      ? { state, value, reason: 'query-failed' as const, detail: 'relation "t" does not exist' }
      : { state, value };
  return { ...initialAlertStatus(), state, evaluation, evaluatedAt: at, changedAt: at, ...extra };
}

describe('alert status text', () => {
  it('says the state with the value against the condition, in the reader language', () => {
    expect(alertStatusText('en', rule, initialAlertStatus())).toBe('Not evaluated yet');
    expect(alertStatusText('en', rule, status('triggered', 12))).toBe('Triggered: 12 (count > 0)');
    expect(alertStatusText('ja', rule, status('ok', 0))).toBe('正常: 0 (count > 0)');
    expect(alertStatusText('en', rule, status('unknown', null))).toMatch(/^Unknown: The query failed.*does not exist/);
  });

  it('shows the pending period while it runs', () => {
    const pending = { ...rule, pendingEvaluations: 3 };
    const view = alertStatusView('en', pending, status('ok', 4, { pending: 2 }), 1);
    expect(view).toMatchObject({ state: 'ok', value: 4, pending: 2, undelivered: 1 });
    expect(view.text).toBe('OK: 4 (count > 0), condition met 2 of 3 times before it fires');
  });
});

describe('checkSummary', () => {
  it('is null without alerts, and the worst state otherwise', () => {
    expect(checkSummary('en', [])).toBeNull();
    const three = [status('ok', 0), status('triggered', 3), status('unknown', null)].map((s) => ({ rule, status: s }));
    expect(checkSummary('en', three)).toEqual({
      state: 'triggered',
      alerts: 3,
      triggered: 1,
      text: '1 of 3 alerts triggered',
    });
    expect(checkSummary('en', three.slice(0, 1).concat(three.slice(2)))?.state).toBe('unknown');
    expect(checkSummary('ja', [three[0], three[0]])).toMatchObject({ state: 'ok', text: '2 件のアラートはすべて正常' });
  });
});
