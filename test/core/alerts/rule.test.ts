/** checkAlertRule: untrusted input becomes a typed rule with defaults, or problems per field in en/ja. */
import {
  alertRuleProblemsMessage,
  checkAlertRule,
  defaultAlertRule,
  ROWS_CHECK_CONDITION,
} from '../../../src/core/alerts/rule';
import { evaluateAlert } from '../../../src/core/alerts/evaluate';

const minimal = {
  queryId: 'q1',
  name: 'Unpaid invoices',
  condition: { column: 'n', op: '>', value: '0' },
};

function problems(raw: unknown, lang: 'en' | 'ja' = 'en'): Record<string, string> {
  const check = checkAlertRule(raw, lang);
  if (check.ok) return {};
  return Object.fromEntries(check.problems.map((p) => [p.field, p.message]));
}

it('fills in the defaults (Redash: first, rearm once; ours: recovery and unknown notices on, pending 1)', () => {
  expect(checkAlertRule(minimal, 'en')).toEqual({
    ok: true,
    rule: {
      id: '',
      queryId: 'q1',
      name: 'Unpaid invoices',
      condition: { column: 'n', op: '>', value: '0', selector: 'first' },
      destinations: [],
      pendingEvaluations: 1,
      rearm: { mode: 'once' },
      notifyRecovery: true,
      notifyUnknown: true,
      muted: false,
      templates: { triggered: '', recovered: '' },
    },
  });
});

it('keeps every field given', () => {
  const raw = {
    id: 'a1',
    queryId: 'q1',
    name: '  Late payments  ',
    condition: { column: 'status', op: '!=', value: 'ok', selector: 'any' },
    destinations: ['slack-1', 'mail-2'],
    pendingEvaluations: 3,
    rearm: { mode: 'interval', minutes: 120 },
    notifyRecovery: false,
    notifyUnknown: false,
    muted: true,
    templates: { triggered: '{{alert}} fired', recovered: '{{alert}} is fine' },
  };
  const check = checkAlertRule(raw, 'en');
  expect(check).toEqual({ ok: true, rule: { ...raw, name: 'Late payments' } });
});

it('reads other spellings of the operators and a numeric threshold', () => {
  const ops: [string, string][] = [
    ['=', '=='],
    ['<>', '!='],
    ['≥', '>='],
    ['≤', '<='],
    ['≠', '!='],
    ['greater than', '>'],
    ['Less Than', '<'],
    ['equals', '=='],
  ];
  for (const [typed, op] of ops) {
    const check = checkAlertRule({ ...minimal, condition: { column: 'n', op: typed, value: 5 } }, 'en');
    expect(check.ok && check.rule.condition).toEqual({ column: 'n', op, value: '5', selector: 'first' });
  }
});

it('count needs no column and drops one given', () => {
  const check = checkAlertRule(
    { ...minimal, condition: { column: 'x', op: '>', value: '0', selector: 'count' } },
    'en',
  );
  expect(check.ok && check.rule.condition).toEqual({ column: '', op: '>', value: '0', selector: 'count' });
});

it('lists every problem with its field', () => {
  expect(
    problems({ condition: { selector: 'median', op: '~', value: '' }, pendingEvaluations: 0, muted: 'yes' }),
  ).toEqual({
    queryId: 'The alert needs the saved query it checks. Save the query first.',
    name: 'Give the alert a name.',
    'condition.selector': 'Unknown selector "median". Choose one of: first, min, max, any, all, count.',
    'condition.op': 'Unknown condition "~". Choose one of: >, >=, <, <=, ==, !=.',
    'condition.value': 'Enter a threshold.',
    pendingEvaluations: '"pendingEvaluations" must be a whole number from 1 to 100.',
    muted: '"muted" must be true or false.',
  });
});

it('refuses a threshold that can never compare for the numeric selectors', () => {
  for (const selector of ['min', 'max', 'count'])
    expect(problems({ ...minimal, condition: { column: 'n', op: '>', value: 'lots', selector } })).toEqual({
      'condition.value': `The "${selector}" selector gives a number, so the threshold must be a number, not "lots".`,
    });
  expect(problems({ ...minimal, condition: { column: 'status', op: '==', value: 'failed', selector: 'any' } })).toEqual(
    {},
  );
});

it('needs a column for every selector but count', () => {
  for (const selector of ['first', 'min', 'max', 'any', 'all'])
    expect(Object.keys(problems({ ...minimal, condition: { op: '>', value: '1', selector } }))).toEqual([
      'condition.column',
    ]);
});

it('refuses wrong shapes', () => {
  expect(problems(null)).toEqual({ '': 'The alert must be an object.' });
  expect(problems([minimal])).toEqual({ '': 'The alert must be an object.' });
  expect(Object.keys(problems({ ...minimal, condition: 'n > 0' }))).toEqual(['condition']);
  expect(Object.keys(problems({ ...minimal, name: 42 }))).toEqual(['name']);
  expect(Object.keys(problems({ ...minimal, name: 'x'.repeat(201) }))).toEqual(['name']);
  expect(Object.keys(problems({ ...minimal, destinations: 'slack' }))).toEqual(['destinations']);
  expect(Object.keys(problems({ ...minimal, destinations: ['a', 'a'] }))).toEqual(['destinations']);
  expect(Object.keys(problems({ ...minimal, destinations: [''] }))).toEqual(['destinations']);
  expect(Object.keys(problems({ ...minimal, destinations: Array.from({ length: 21 }, (_, i) => `d${i}`) }))).toEqual([
    'destinations',
  ]);
  expect(Object.keys(problems({ ...minimal, rearm: 'daily' }))).toEqual(['rearm']);
  expect(Object.keys(problems({ ...minimal, rearm: { mode: 'interval' } }))).toEqual(['rearm.minutes']);
  expect(Object.keys(problems({ ...minimal, rearm: { mode: 'interval', minutes: 1.5 } }))).toEqual(['rearm.minutes']);
  expect(Object.keys(problems({ ...minimal, rearm: { mode: 'interval', minutes: 43_201 } }))).toEqual([
    'rearm.minutes',
  ]);
  expect(Object.keys(problems({ ...minimal, templates: 'hi' }))).toEqual(['templates']);
  expect(Object.keys(problems({ ...minimal, templates: { triggered: 5 } }))).toEqual(['templates.triggered']);
  expect(Object.keys(problems({ ...minimal, templates: { recovered: 'x'.repeat(10_001) } }))).toEqual([
    'templates.recovered',
  ]);
  expect(Object.keys(problems({ ...minimal, pendingEvaluations: 2.5 }))).toEqual(['pendingEvaluations']);
  expect(Object.keys(problems({ ...minimal, notifyRecovery: 'false' }))).toEqual(['notifyRecovery']);
});

it('speaks Japanese', () => {
  expect(problems({ queryId: 'q1', condition: { column: 'n', op: '>', value: '1' } }, 'ja')).toEqual({
    name: 'アラートに名前を付けてください。',
  });
});

it('the one-click check alerts when the query returns rows', () => {
  const rule = defaultAlertRule('q1', 'Inconsistent billing');
  expect(rule.condition).toEqual({ column: '', op: '>', value: '0', selector: 'count' });
  expect(checkAlertRule(rule, 'en')).toEqual({ ok: true, rule });
  expect(evaluateAlert({ columns: ['id'], rows: [] }, ROWS_CHECK_CONDITION).state).toBe('ok');
  expect(evaluateAlert({ columns: ['id'], rows: [[10]] }, ROWS_CHECK_CONDITION)).toEqual({
    state: 'triggered',
    value: 1,
  });
});

it('asks for a missing condition, and sums the problems up in one sentence', () => {
  const raw = { ...minimal, condition: { column: 'n', value: '1' } };
  expect(checkAlertRule(raw, 'en')).toEqual({
    ok: false,
    problems: [{ field: 'condition.op', message: 'Choose a condition: one of >, >=, <, <=, ==, !=.' }],
  });
  const ja = checkAlertRule({ ...raw, name: '' }, 'ja');
  expect(ja.ok ? '' : alertRuleProblemsMessage('ja', ja.problems)).toBe(
    'アラートの設定が正しくありません: アラートに名前を付けてください。 条件を選んでください: >, >=, <, <=, ==, != のいずれか。',
  );
});
