/** Every unknown reason has a sentence in English and Japanese that names the value or column it is about. */
import { ALERT_UNKNOWN_REASONS, alertReasonMessage, alertStateLabel } from '../../../src/core/alerts/reasons';
import type { AlertCondition } from '../../../src/shared/api-types';

const condition: AlertCondition = { column: 'unpaid', op: '>', value: ' 10 ', selector: 'first' };

it('turns each reason into a sentence in both languages, with no placeholder left', () => {
  expect(ALERT_UNKNOWN_REASONS).toHaveLength(9);
  for (const reason of ALERT_UNKNOWN_REASONS) {
    for (const lang of ['en', 'ja'] as const) {
      const message = alertReasonMessage(lang, { state: 'unknown', value: 'abc', reason, detail: 'boom.' }, condition);
      expect([reason, lang, message.length > 20, /\{\w+\}/.test(message)]).toEqual([reason, lang, true, false]);
    }
  }
});

it('names what it is about', () => {
  const missing = alertReasonMessage('en', { state: 'unknown', value: null, reason: 'missing-column' }, condition);
  expect(missing).toContain('"unpaid"');
  const notNumber = alertReasonMessage(
    'en',
    { state: 'unknown', value: 5, reason: 'threshold-not-a-number' },
    {
      ...condition,
      value: 'ten',
    },
  );
  expect(notNumber).toBe('The value 5 is a number, but the threshold "ten" is not. Enter a number as the threshold.');
  const failed = alertReasonMessage(
    'ja',
    { state: 'unknown', value: null, reason: 'query-failed', detail: 'x.' },
    condition,
  );
  expect(failed).toContain('x.');
  expect(alertReasonMessage('en', { state: 'ok', value: 1 }, condition)).toBe('');
});

it('labels the states', () => {
  expect([alertStateLabel('en', 'triggered'), alertStateLabel('ja', 'ok')]).toEqual(['Triggered', '正常']);
});
