/** Parameters: markers outside literals and comments, typed binding, relative dates, messages. */
import { bindParameters, type BindContext } from '../../../src/core/params/bind';
import { effectiveParameters, parsePlaceholders, usedParameterNames } from '../../../src/core/params/placeholders';
import {
  resolveRelativeDate,
  resolveRelativeRange,
  formatDate,
  parseIsoDate,
} from '../../../src/core/params/relative-dates';
import type { ParameterDef } from '../../../src/shared/api-types';

const TODAY = { year: 2024, month: 3, day: 15 }; // a Friday

function ctx(overrides: Partial<BindContext> = {}): BindContext {
  return {
    lang: 'en',
    today: TODAY,
    nowTime: '12:34:56',
    cellValues: (ref) => (ref === 'Customers!A2:A' ? [1, 3, 'C-9'] : ref === 'Empty!A:A' ? [] : null),
    queryOptions: (id) => (id === 'q1' ? ['north', 'south'] : null),
    ...overrides,
  };
}

describe('placeholders', () => {
  it('finds {{ name }} with or without spaces, and .start/.end', () => {
    expect(usedParameterNames('SELECT {{a}}, {{ b }}, {{  r.start }}, {{r.end}}, {{a}}', 'postgresql')).toEqual([
      'a',
      'b',
      'r',
    ]);
    expect(parsePlaceholders('x {{ r.end }}', 'postgresql')).toEqual([{ text: 'x ' }, { param: 'r', field: 'end' }]);
  });

  it('ignores markers inside strings, quoted identifiers, dollar quotes and comments', () => {
    const sql = `SELECT '{{s}}', "{{q}}", $$ {{d}} $$, {{real}} -- {{c}}\n /* {{b}} */ FROM t`;
    expect(usedParameterNames(sql, 'postgresql')).toEqual(['real']);
    expect(usedParameterNames("SELECT 'it\\'s {{x}}', {{y}} # {{z}}", 'mysql')).toEqual(['y']);
  });

  it('accepts Japanese names and gives undeclared ones a text type (date range for .start)', () => {
    expect(usedParameterNames('SELECT {{ 開始日 }}', 'postgresql')).toEqual(['開始日']);
    expect(
      effectiveParameters(
        'SELECT {{a}}, {{r.start}}, {{n}}',
        [
          { name: 'n', type: 'number' },
          { name: 'old', type: 'date' },
        ],
        'postgresql',
      ),
    ).toEqual([
      { name: 'a', type: 'text' },
      { name: 'r', type: 'daterange' },
      { name: 'n', type: 'number' },
      { name: 'old', type: 'date' },
    ]);
  });
});

describe('relative dates (today = Friday 2024-03-15)', () => {
  const cases: [string, string][] = [
    ['today', '2024-03-15'],
    ['yesterday', '2024-03-14'],
    ['7 days ago', '2024-03-08'],
    ['1 day ago', '2024-03-14'],
    ['2 weeks ago', '2024-03-01'],
    ['3 months ago', '2023-12-15'],
    ['start of this week', '2024-03-11'],
    ['start of week', '2024-03-11'],
    ['start of last week', '2024-03-04'],
    ['start of this month', '2024-03-01'],
    ['start of month', '2024-03-01'],
    ['end of this month', '2024-03-31'],
    ['start of last month', '2024-02-01'],
    ['end of last month', '2024-02-29'],
    ['start of this year', '2024-01-01'],
    ['start of last year', '2023-01-01'],
    ['今日', '2024-03-15'],
    ['7日前', '2024-03-08'],
    ['先月末', '2024-02-29'],
    ['  Start Of Month ', '2024-03-01'],
    ['７ days ago', '2024-03-08'],
  ];
  it.each(cases)('%s → %s', (word, expected) => {
    expect(formatDate(resolveRelativeDate(word, TODAY)!)).toBe(expected);
  });

  it('clamps month arithmetic and crosses years', () => {
    expect(formatDate(resolveRelativeDate('1 month ago', { year: 2024, month: 3, day: 31 })!)).toBe('2024-02-29');
    expect(formatDate(resolveRelativeDate('start of last month', { year: 2024, month: 1, day: 10 })!)).toBe(
      '2023-12-01',
    );
  });

  it('resolves ranges', () => {
    const range = (w: string) => resolveRelativeRange(w, TODAY)!.map(formatDate);
    expect(range('last 7 days')).toEqual(['2024-03-09', '2024-03-15']);
    expect(range('this week')).toEqual(['2024-03-11', '2024-03-17']);
    expect(range('last month')).toEqual(['2024-02-01', '2024-02-29']);
    expect(range('先月')).toEqual(['2024-02-01', '2024-02-29']);
    expect(resolveRelativeRange('next week', TODAY)).toBeNull();
  });

  it('refuses impossible dates and unknown words', () => {
    expect(parseIsoDate('2024-02-30')).toBeNull();
    expect(parseIsoDate('2024/2/29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(resolveRelativeDate('next tuesday', TODAY)).toBeNull();
  });
});

describe('bindParameters', () => {
  const bind = (sql: string, defs: ParameterDef[], values: Record<string, string | string[]> = {}, c = ctx()) =>
    bindParameters(sql, defs, values, 'postgresql', c);

  it('puts one ? per value, typed and in order, never the value in the SQL', () => {
    const bound = bind(
      "SELECT * FROM t WHERE a = {{name}} AND n > {{n}} AND d >= {{d}} AND ts < {{ts}} AND s IN ({{s}}) AND c IN ({{c}}) AND r BETWEEN {{r.start}} AND {{r.end}} AND '{{name}}' <> {{name}}",
      [
        { name: 'n', type: 'number' },
        { name: 'd', type: 'date', default: '7 days ago' },
        { name: 'ts', type: 'datetime' },
        { name: 's', type: 'list', multi: true, options: ['a', 'b', 'c'] },
        { name: 'c', type: 'cell', cellRef: 'Customers!A2:A' },
        { name: 'r', type: 'daterange' },
      ],
      { name: "O'Brien", n: '1,000.5', ts: '2024-03-01 9:05', s: ['a', 'c'], r: 'last month' },
    );
    expect(bound.sql).toBe(
      "SELECT * FROM t WHERE a = ? AND n > ? AND d >= ? AND ts < ? AND s IN (?, ?) AND c IN (?, ?, ?) AND r BETWEEN ? AND ? AND '{{name}}' <> ?",
    );
    expect(bound.values).toEqual([
      "O'Brien",
      1000.5,
      '2024-03-08',
      '2024-03-01 09:05:00',
      'a',
      'c',
      1,
      3,
      'C-9',
      '2024-02-01',
      '2024-02-29',
      "O'Brien",
    ]);
  });

  it('resolves "now" for date-times and ranges written as A..B with relative ends', () => {
    expect(bind('{{t}}', [{ name: 't', type: 'datetime' }], { t: 'now' }).values).toEqual(['2024-03-15 12:34:56']);
    expect(
      bind('{{r.start}} {{r.end}}', [{ name: 'r', type: 'daterange' }], { r: '30 days ago..today' }).values,
    ).toEqual(['2024-02-14', '2024-03-15']);
    expect(
      bind('{{r.start}} {{r.end}}', [{ name: 'r', type: 'daterange' }], { r: ['2024-01-01', '2024-01-31'] }).values,
    ).toEqual(['2024-01-01', '2024-01-31']);
  });

  it('takes list options from another query result', () => {
    expect(bind('{{x}}', [{ name: 'x', type: 'list', optionsQueryId: 'q1' }], { x: 'south' }).values).toEqual([
      'south',
    ]);
    expect(() => bind('{{x}}', [{ name: 'x', type: 'list', optionsQueryId: 'q1' }], { x: 'west' })).toThrow(
      'Parameter "x": "west" is not one of the options (north, south).',
    );
    expect(() => bind('{{x}}', [{ name: 'x', type: 'list', optionsQueryId: 'q2' }], { x: 'a' })).toThrow(
      /has no result tab yet/,
    );
  });

  const refusals: [string, ParameterDef, string | string[] | undefined, string][] = [
    [
      'a bad date',
      { name: 'since', type: 'date' },
      'next tuesday',
      'Parameter "since": expected a date like 2024-01-31 or "7 days ago".',
    ],
    [
      'an impossible date',
      { name: 'since', type: 'date' },
      '2024-02-30',
      'Parameter "since": expected a date like 2024-01-31 or "7 days ago".',
    ],
    ['a bad number', { name: 'n', type: 'number' }, '12abc', 'Parameter "n": expected a number like 42 or 3.5.'],
    ['a missing value', { name: 'n', type: 'number' }, undefined, 'Parameter "n": enter a value.'],
    [
      'an empty multi list',
      { name: 'ids', type: 'list', multi: true },
      [],
      'Parameter "ids": choose at least one value (an empty list cannot be used in IN (...)).',
    ],
    [
      'an empty cell range',
      { name: 'c', type: 'cell', cellRef: 'Empty!A:A' },
      undefined,
      'Parameter "c": the range Empty!A:A has no values. Fill it in or choose another range.',
    ],
    [
      'an unknown range',
      { name: 'c', type: 'cell', cellRef: 'Nope!A:A' },
      undefined,
      'Parameter "c": the range "Nope!A:A" was not found. Use a tab name and cells like Customers!A2:A, or an existing named range.',
    ],
    [
      'a bad time',
      { name: 't', type: 'datetime' },
      '2024-03-01 25:00',
      'Parameter "t": expected a date and time like 2024-01-31 13:45 (or a date, "now", "yesterday").',
    ],
  ];
  it.each(refusals)('refuses %s with a message naming the parameter', (_what, def, value, message) => {
    const sql = def.type === 'daterange' ? `{{${def.name}.start}}` : `{{${def.name}}}`;
    expect(() => bind(sql, [def], value === undefined ? {} : { [def.name]: value })).toThrow(message);
  });

  it('refuses a reversed range and a range used without .start/.end', () => {
    expect(() => bind('{{r.start}}', [{ name: 'r', type: 'daterange' }], { r: '2024-02-01..2024-01-01' })).toThrow(
      /start date is after the end date/,
    );
    expect(() => bind('{{r}}', [{ name: 'r', type: 'daterange' }], { r: 'this month' })).toThrow(
      'Parameter "r" is a date range: write {{ r.start }} and {{ r.end }} in the SQL.',
    );
  });

  it('speaks Japanese', () => {
    expect(() => bind('{{since}}', [{ name: 'since', type: 'date' }], { since: 'x' }, ctx({ lang: 'ja' }))).toThrow(
      /^パラメータ「since」: 2024-01-31 のような日付/,
    );
  });
});
