/** The live parameters form's pure logic: finding {{ name }}, keeping definitions, checking and sending values. */
import type { ParameterDef } from '../../src/shared/api-types';
import {
  checkValue,
  definitionsForRun,
  findParameters,
  initialValue,
  reconcileDefinitions,
  valuesForRun,
  withDefault,
} from '../../src/ui/client/params';

describe('findParameters', () => {
  test('finds each name once, in order, with ranges marked', () => {
    const sql =
      'SELECT * FROM t WHERE a = {{ since }} AND b BETWEEN {{period.start}} AND {{ period.end }} OR c = {{ since }} AND d = {{x_1}}';
    expect(findParameters(sql)).toEqual([
      { name: 'since', range: false },
      { name: 'period', range: true },
      { name: 'x_1', range: false },
    ]);
  });

  test('ignores what is not a placeholder', () => {
    expect(findParameters("SELECT '{ a }', '{{ 1x }}', '{{ a.b }}', '{{}}'")).toEqual([]);
  });
});

describe('reconcileDefinitions', () => {
  test('keeps known definitions, guesses types for new names and drops names no longer used', () => {
    const current: ParameterDef[] = [
      { name: 'plans', type: 'list', options: ['a', 'b'], multi: true },
      { name: 'gone', type: 'number' },
    ];
    const defs = reconcileDefinitions(
      'SELECT {{ plans }}, {{ start_date }}, {{ r.start }}, {{ customer }}, {{ row_limit }}',
      current,
    );
    expect(defs).toEqual([
      { name: 'plans', type: 'list', options: ['a', 'b'], multi: true },
      { name: 'start_date', type: 'date' },
      { name: 'r', type: 'daterange' },
      { name: 'customer', type: 'text' },
      { name: 'row_limit', type: 'number' },
    ]);
  });

  test('a name deleted and typed again gets its remembered definition back', () => {
    const remembered = new Map<string, ParameterDef>([
      ['ids', { name: 'ids', type: 'cell', cellRef: 'Customers!A2:A' }],
    ]);
    expect(reconcileDefinitions('SELECT {{ ids }}', [], remembered)).toEqual([
      { name: 'ids', type: 'cell', cellRef: 'Customers!A2:A' },
    ]);
  });

  test('a parameter used as .start/.end becomes a date range', () => {
    expect(reconcileDefinitions('{{ p.end }}', [{ name: 'p', type: 'date' }])[0].type).toBe('daterange');
  });
});

describe('values', () => {
  test('initial values come from defaults, by type', () => {
    expect(initialValue({ name: 'a', type: 'date', default: 'today' })).toBe('today');
    expect(initialValue({ name: 'a', type: 'daterange', default: '7 days ago..today' })).toEqual([
      '7 days ago',
      'today',
    ]);
    expect(initialValue({ name: 'a', type: 'list', multi: true, default: 'x\ny' })).toEqual(['x', 'y']);
    expect(initialValue({ name: 'a', type: 'cell', cellRef: 'Sheet1!A:A' })).toBe('Sheet1!A:A');
    expect(initialValue({ name: 'a', type: 'text' })).toBe('');
  });

  test('the form value becomes the saved default and round-trips', () => {
    const range: ParameterDef = { name: 'r', type: 'daterange' };
    const saved = withDefault(range, ['start of month', 'today']);
    expect(initialValue(saved)).toEqual(['start of month', 'today']);
    const list: ParameterDef = { name: 'l', type: 'list', multi: true };
    expect(initialValue(withDefault(list, ['a', 'b']))).toEqual(['a', 'b']);
    expect(withDefault({ name: 'c', type: 'cell' }, 'Customers!B2:B')).toEqual({
      name: 'c',
      type: 'cell',
      cellRef: 'Customers!B2:B',
    });
    expect(withDefault({ name: 't', type: 'text', default: 'keep' }, '')).toEqual({
      name: 't',
      type: 'text',
      default: 'keep',
    });
  });

  test('checkValue catches what is missing or not a number, and leaves dates to the server', () => {
    expect(checkValue({ name: 'n', type: 'number' }, '12.5')).toBeNull();
    expect(checkValue({ name: 'n', type: 'number' }, '1,200')).toBeNull();
    expect(checkValue({ name: 'n', type: 'number' }, '１２')).toBeNull(); // full-width digits, as the server accepts
    expect(checkValue({ name: 'n', type: 'number' }, 'twelve')).toBe('param.notNumber');
    expect(checkValue({ name: 'd', type: 'date' }, '7日前')).toBeNull();
    expect(checkValue({ name: 'd', type: 'date' }, '')).toBe('param.empty');
    expect(checkValue({ name: 'r', type: 'daterange' }, ['', 'today'])).toBe('param.empty');
    expect(checkValue({ name: 'r', type: 'daterange' }, ['last 7 days', ''])).toBeNull();
    expect(checkValue({ name: 'l', type: 'list', multi: true }, [])).toBe('param.empty');
    expect(checkValue({ name: 't', type: 'text' }, '<script>')).toBeNull();
    expect(checkValue({ name: 'c', type: 'cell' }, '')).toBeNull();
  });

  test('a range typed as one word is sent as that word', () => {
    expect(valuesForRun([{ name: 'r', type: 'daterange' }], { r: [' 今月 ', ''] })).toEqual({ r: '今月' });
  });

  test('valuesForRun sends trimmed values, none for cell parameters, whose reference goes into the definition', () => {
    const defs: ParameterDef[] = [
      { name: 'a', type: 'text' },
      { name: 'r', type: 'daterange', default: 'yesterday..today' },
      { name: 'c', type: 'cell', cellRef: 'Old!A:A' },
    ];
    const form = { a: ' x ', c: ' Customers!A2:A ' };
    expect(valuesForRun(defs, form)).toEqual({ a: 'x', r: ['yesterday', 'today'] });
    expect(definitionsForRun(defs, form)[2]).toEqual({ name: 'c', type: 'cell', cellRef: 'Customers!A2:A' });
  });
});
