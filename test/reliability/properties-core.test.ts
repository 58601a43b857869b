/**
 * Property-based tests (fast-check) of the pure cores: value conversion, schedule computation
 * across time zones and DST, and alert evaluation against a small reference model written here
 * from Redash's rules (README, "Alert evaluation"). Prints one `RELIABILITY properties-core:` line.
 */
import { inZone } from '../helpers/local-time';
import fc from 'fast-check';
import { evaluateAlert } from '../../src/core/alerts/evaluate';
import { formatSchedule, isQueryDue, parseSchedule, type Schedule } from '../../src/core/schedule';
import { MAX_CELL_CHARS, toCellValue } from '../../src/core/values/cell-value';
import type { AlertCondition, AlertOp } from '../../src/shared/api-types';

const RUNS = 300;
const counts: Record<string, number> = {};
/** `examples`: cases tried first, every run (counterexamples found earlier). */
function check<T>(
  name: string,
  arb: fc.Arbitrary<T>,
  property: (value: T) => void,
  numRuns = RUNS,
  examples: T[] = [],
): void {
  let n = 0;
  fc.assert(
    fc.property(arb, (v) => {
      n++;
      property(v);
    }),
    { numRuns, examples: examples.map((e) => [e] as [T]) },
  );
  counts[name] = n;
}

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
  console.log(
    `RELIABILITY properties-core: ${Object.keys(counts).length} properties, ${total} cases, 0 violations (${parts.join(', ')})`,
  );
});

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25_569; // days from 1899-12-30 to 1970-01-01

describe('value conversion', () => {
  it('never lets text become a formula, a number or a date, and keeps it whole up to the cell limit', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('=1+1', '+SUM(A1)', '-2', '@me', '=IMPORTXML("http://x")', "'quoted", '2024-01-01', 'TRUE'),
    );
    check('text-literal', text, (t) => {
      const cell = toCellValue(t, 'text');
      expect(typeof cell).toBe('string');
      expect(cell).toBe(`'${t}`);
    });
    const long = 'x'.repeat(MAX_CELL_CHARS + 10);
    expect((toCellValue(long, 'text') as string).length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });

  it('keeps a BIGINT as a number only when the double holds it exactly', () => {
    check('bigint', fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), (big) => {
      const cell = toCellValue(String(big), 'bigint');
      if (typeof cell === 'number') expect(BigInt(cell)).toBe(big);
      else expect(cell).toBe(`'${big}`);
      if (big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER))
        expect(typeof cell).toBe('number');
    });
  });

  it('never rounds a DECIMAL: a number comes back only when it reads back as the same decimal', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,22}$/), fc.stringMatching(/^[0-9]{0,22}$/))
      .map(([neg, whole, frac]) => `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`);
    check('decimal', decimal, (text) => {
      const cell = toCellValue(text, 'decimal');
      if (typeof cell !== 'number') {
        expect(cell).toBe(`'${text}`);
        return;
      }
      expect(cell).toBe(Number(text) + 0);
      const significant = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
      // Beyond 15 significant digits, the double must print back as the same decimal.
      if (significant.length > 15) expect(canonicalDecimal(String(cell))).toBe(canonicalDecimal(text));
    });
  });

  it('reads DATE and TIMESTAMP as the same wall clock, and TIME as the fraction of a day', () => {
    const wall = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) });
    check('date-time', wall, (ms) => {
      const iso = new Date(ms).toISOString();
      const dateText = iso.slice(0, 10);
      const serial = toCellValue(dateText, 'date') as number;
      expect(new Date((serial - EPOCH_SERIAL) * MS_PER_DAY).toISOString().slice(0, 10)).toBe(dateText);
      const stampText = `${dateText} ${iso.slice(11, 23)}`;
      const stamp = toCellValue(stampText, 'timestamp') as number;
      expect(Math.abs((stamp - EPOCH_SERIAL) * MS_PER_DAY - ms)).toBeLessThan(1);
      const timeText = iso.slice(11, 19);
      const time = toCellValue(timeText, 'time') as number;
      const seconds = Number(iso.slice(11, 13)) * 3600 + Number(iso.slice(14, 16)) * 60 + Number(iso.slice(17, 19));
      expect(Math.abs(time * 86_400 - seconds)).toBeLessThan(1e-6);
    });
  });
});

function canonicalDecimal(text: string): string {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return text;
  const whole = m[2].replace(/^0+/, '') || '0';
  const frac = (m[3] ?? '').replace(/0+$/, '');
  const body = frac ? `${whole}.${frac}` : whole;
  return body === '0' ? '0' : `${m[1]}${body}`;
}

describe('schedules across time zones and DST', () => {
  const ZONES = [
    'America/New_York',
    'Europe/London',
    'Australia/Lord_Howe', // a 30-minute DST shift
    'America/Santiago', // DST changes at midnight
    'Asia/Tokyo',
    'Pacific/Chatham', // +12:45 / +13:45
    'America/St_Johns', // -03:30
  ];
  // Windows of four days around DST changes of 2030 (and one ordinary week).
  const STARTS = ['2030-03-08', '2030-03-29', '2030-04-05', '2030-09-05', '2030-10-25', '2030-11-01', '2030-07-01'];

  // Late slots often, so that hourly and sparser ticks miss some (the next tick must catch them up).
  const hours = fc.oneof(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 21, max: 23 }));
  const cadence: fc.Arbitrary<Schedule> = fc.oneof(
    fc.integer({ min: 1, max: 12 }).map((h) => ({ kind: 'interval' as const, ms: h * 3_600_000 })),
    fc.constantFrom(15, 30, 45).map((m) => ({ kind: 'interval' as const, ms: m * 60_000 })),
    fc
      .tuple(hours, fc.integer({ min: 0, max: 59 }))
      .map(([hour, minute]) => ({ kind: 'daily' as const, hour, minute })),
    fc
      .tuple(
        fc.subarray(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, { minLength: 1 }),
        hours,
        fc.integer({ min: 0, max: 59 }),
      )
      .map(([days, hour, minute]) => ({ kind: 'weekly' as const, days: [...days], hour, minute })),
  );

  it('runs a daily / weekly slot once per slot, at the first tick past it (a missed one at the next tick); an interval at its pace', () => {
    const arb = fc.record({
      schedule: cadence,
      zone: fc.constantFrom(...ZONES),
      start: fc.constantFrom(...STARTS),
      offsetMin: fc.integer({ min: 0, max: 59 }),
      step: fc.constantFrom(5, 15, 60, 150, 240),
      // When the query was made, before the first tick (up to two days).
      createdBeforeMin: fc.integer({ min: 0, max: 2 * 24 * 60 }),
    });
    check(
      'schedule',
      arb,
      ({ schedule, zone, start, offsetMin, step, createdBeforeMin }) => {
        // The canonical text reads back as the same schedule.
        expect(parseSchedule(formatSchedule(schedule))).toEqual(schedule);
        const toLocal = inZone(zone);
        const from = Date.parse(`${start}T00:00:00Z`) + offsetMin * 60_000;
        const created = from - createdBeforeMin * 60_000;
        const ticks: number[] = [];
        for (let t = from; t <= from + 4 * MS_PER_DAY; t += step * 60_000) ticks.push(t);
        let last: number | null = null;
        const ran: number[] = [];
        for (const now of ticks) {
          if (!isQueryDue(schedule, { lastRunMs: last, createdMs: created }, now, toLocal)) continue;
          last = now;
          ran.push(now);
        }
        if (schedule.kind === 'interval') {
          expect(ran[0]).toBe(ticks[0]);
          for (let i = 1; i < ran.length; i++) {
            const gap = ran[i] - ran[i - 1];
            expect(gap).toBeGreaterThanOrEqual(schedule.ms - 60_000);
            expect(gap).toBeLessThan(schedule.ms - 60_000 + step * 60_000);
          }
          return;
        }
        // Reference, minute by minute: a slot happens at the first instant of an allowed local date
        // at or past its time. A tick runs when a slot happened since the last run (a missed one at
        // the next tick, once) and the tick's wall clock shows it: a later date, or the slot's time
        // or later (in the second pass of a repeated hour the clock reads earlier than the first
        // pass did: a slot it passed runs once the clock reads it again, or on the next date).
        // Before any run (as the tick decides for a query that never ran): when a slot happened
        // since the query was made, or when the tick's own clock reads past the slot on an
        // allowed date.
        const slot = schedule.hour * 60 + schedule.minute;
        const allowed = (date: string) => {
          const weekday = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][new Date(`${date}T00:00:00Z`).getUTCDay()];
          return schedule.kind === 'daily' || (schedule.days as string[]).includes(weekday);
        };
        const slots: number[] = [];
        const slotDates = new Set<string>();
        for (let m = created - MS_PER_DAY; m <= ticks[ticks.length - 1]; m += 60_000) {
          const { date, minutes } = toLocal(m);
          if (slotDates.has(date) || minutes < slot || !allowed(date)) continue;
          slotDates.add(date);
          slots.push(m);
        }
        const expected: number[] = [];
        let lastRun: number | null = null;
        for (const now of ticks) {
          const since = lastRun;
          const clock = toLocal(now);
          const shown = (m: number) => m <= now && (clock.date > toLocal(m).date || clock.minutes >= slot);
          const due =
            since === null
              ? slots.some((m) => m > created && shown(m)) || (clock.minutes >= slot && allowed(clock.date))
              : slots.some((m) => m > since && shown(m));
          if (!due) continue;
          lastRun = now;
          expected.push(now);
        }
        expect(ran).toEqual(expected);
      },
      150,
      // Found by random runs: slots in Santiago's repeated hour (its DST ends at midnight).
      [
        {
          schedule: { kind: 'daily', hour: 23, minute: 46 },
          zone: 'America/Santiago',
          start: '2030-04-05',
          offsetMin: 0,
          step: 15,
          createdBeforeMin: 0,
        },
        {
          schedule: { kind: 'daily', hour: 23, minute: 1 },
          zone: 'America/Santiago',
          start: '2030-04-05',
          offsetMin: 0,
          step: 60,
          createdBeforeMin: 0,
        },
      ],
    );
  });
});

describe('alert evaluation against a reference model', () => {
  type Cell = number | string | null;
  const OPS: AlertOp[] = ['>', '>=', '<', '<=', '==', '!='];
  // Numbers as hundredths so that the model compares exact integers (BigInt), never doubles.
  const hundredths = fc.integer({ min: -100_000, max: 100_000 });
  const cell: fc.Arbitrary<Cell> = fc.oneof(
    { weight: 5, arbitrary: hundredths.map((h) => h / 100) },
    { weight: 2, arbitrary: hundredths.map((h) => (h / 100).toFixed(2)) }, // numeric text (a DECIMAL kept as text)
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom('abc', 'N/A', '') },
  );
  const condition = fc.record({
    selector: fc.constantFrom('count', 'first', 'min', 'max', 'any', 'all') as fc.Arbitrary<AlertCondition['selector']>,
    op: fc.constantFrom(...OPS),
    threshold: fc.oneof(
      hundredths.map((h) => String(h / 100)),
      hundredths.map((h) => ` ${(h / 100).toFixed(2)} `),
      fc.constantFrom('abc', 'ten'),
    ),
  });

  function hundredthsOf(text: string): bigint | null {
    const m = /^\s*(-?)(\d+)(?:\.(\d{1,2}))?\s*$/.exec(text);
    if (!m) return null;
    const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
    return m[1] ? -v : v;
  }
  function holds(op: AlertOp, a: bigint, b: bigint): boolean {
    return { '>': a > b, '>=': a >= b, '<': a < b, '<=': a <= b, '==': a === b, '!=': a !== b }[op];
  }
  type State = 'ok' | 'triggered' | 'unknown';
  function judge(c: Cell, op: AlertOp, threshold: string): State {
    if (c === null || c === '') return 'unknown';
    const v = typeof c === 'number' ? hundredthsOf(c.toFixed(2)) : hundredthsOf(c);
    const t = hundredthsOf(threshold);
    if (v !== null) return t === null ? 'unknown' : holds(op, v, t) ? 'triggered' : 'ok';
    // Text: equality as text; ordering is unknown.
    const text = String(c);
    if (op === '==') return text === threshold.trim() ? 'triggered' : 'ok';
    if (op === '!=') return text !== threshold.trim() ? 'triggered' : 'ok';
    if (t !== null) return 'unknown'; // text has no order against a number
    const [a, b] = [text, threshold.trim()]; // ASCII here: code-point order is JavaScript's
    return holds(op, a < b ? -1n : a > b ? 1n : 0n, 0n) ? 'triggered' : 'unknown';
  }
  function model(rows: Cell[], selector: AlertCondition['selector'], op: AlertOp, threshold: string): State {
    const t = hundredthsOf(threshold);
    if (selector === 'count')
      return t === null ? 'unknown' : holds(op, BigInt(rows.length) * 100n, t) ? 'triggered' : 'ok';
    if (rows.length === 0) return 'unknown';
    if (selector === 'first') return judge(rows[0], op, threshold);
    if (selector === 'min' || selector === 'max') {
      const values = rows.map((c) =>
        c === null || c === '' ? null : hundredthsOf(typeof c === 'number' ? c.toFixed(2) : c),
      );
      if (values.some((v) => v === null)) return 'unknown';
      const sorted = (values as bigint[]).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const best = selector === 'max' ? sorted[sorted.length - 1] : sorted[0];
      return t === null ? 'unknown' : holds(op, best, t) ? 'triggered' : 'ok';
    }
    const states = rows.map((c) => judge(c, op, threshold));
    if (selector === 'any')
      return states.includes('triggered') ? 'triggered' : states.includes('unknown') ? 'unknown' : 'ok';
    return states.includes('ok') ? 'ok' : states.includes('unknown') ? 'unknown' : 'triggered';
  }

  it('agrees with the model on count, first, min, max, any and all', () => {
    const arb = fc.record({ rows: fc.array(cell, { maxLength: 8 }), condition });
    check('alert-evaluation', arb, ({ rows, condition: { selector, op, threshold } }) => {
      const result = { columns: ['v'], rows: rows.map((c) => [c ?? '']) };
      const got = evaluateAlert(result, { column: selector === 'count' ? '' : 'v', op, value: threshold, selector });
      expect(got.state).toBe(model(rows, selector, op, threshold));
    });
  });

  it('is unknown for a column the result lacks, whatever the rows', () => {
    check('alert-missing-column', fc.array(cell, { minLength: 1, maxLength: 5 }), (rows) => {
      const got = evaluateAlert(
        { columns: ['v'], rows: rows.map((c) => [c ?? '']) },
        {
          column: 'w',
          op: '>',
          value: '1',
          selector: 'first',
        },
      );
      expect(got).toMatchObject({ state: 'unknown', reason: 'missing-column' });
    });
  });
});
