import { inZone } from '../helpers/local-time';
import {
  canonicalSchedule,
  formatSchedule,
  hasEnded,
  isDue,
  parseSchedule,
  previousDate,
  runExpectedLaterToday,
  weekdayOf,
  type LocalTime,
  type Schedule,
} from '../../src/core/schedule';

const utc = (ms: number): LocalTime => {
  const d = new Date(ms);
  return { date: d.toISOString().slice(0, 10), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
};
const at = (iso: string) => Date.parse(iso);

it('parses the schedule texts and refuses others', () => {
  expect(parseSchedule('')).toBeNull();
  expect(parseSchedule('every 15 minutes')).toEqual({ kind: 'interval', ms: 900_000 });
  expect(parseSchedule('Every 2 Hours')).toEqual({ kind: 'interval', ms: 7_200_000 });
  expect(parseSchedule('daily at 09:30')).toEqual({ kind: 'daily', hour: 9, minute: 30 });
  for (const bad of ['every 0 minutes', 'every 25 hours', 'daily at 24:00', 'sometimes', 'daily 9am'])
    expect(parseSchedule(bad)).toBe('invalid');
});

it('decides when an interval or a daily slot is due', () => {
  const every15 = { kind: 'interval', ms: 900_000 } as const;
  expect(isDue(every15, null, at('2030-01-01T00:00:00Z'), utc)).toBe(true);
  expect(isDue(every15, at('2030-01-01T00:00:00Z'), at('2030-01-01T00:10:00Z'), utc)).toBe(false);
  expect(isDue(every15, at('2030-01-01T00:00:00Z'), at('2030-01-01T00:14:30Z'), utc)).toBe(true);
  const daily9 = { kind: 'daily', hour: 9, minute: 0 } as const;
  expect(isDue(daily9, null, at('2030-01-01T08:59:00Z'), utc)).toBe(false);
  expect(isDue(daily9, null, at('2030-01-01T09:05:00Z'), utc)).toBe(true);
  expect(isDue(daily9, at('2030-01-01T09:05:00Z'), at('2030-01-01T15:00:00Z'), utc)).toBe(false);
  expect(isDue(daily9, at('2030-01-01T09:05:00Z'), at('2030-01-02T09:00:00Z'), utc)).toBe(true);
  expect(isDue(daily9, at('2030-01-01T07:00:00Z'), at('2030-01-01T09:00:00Z'), utc)).toBe(true);
});

/** Every instant (ticks every `stepMin` minutes from `fromIso` to `toIso`) at which the schedule ran. */
function runs(text: string, zone: string, fromIso: string, toIso: string, stepMin = 5, created = false): string[] {
  const schedule = parseSchedule(text);
  if (schedule === null || schedule === 'invalid') throw new Error(`not a schedule: ${text}`);
  const toLocal = inZone(zone);
  const ran: string[] = [];
  // Never run; `created`: made at the first instant, which the tick goes by when a query never ran.
  let last: number | null = created ? at(fromIso) : null;
  for (let now = at(fromIso); now <= at(toIso); now += stepMin * 60_000) {
    if (!isDue(schedule, last, now, toLocal)) continue;
    last = now;
    ran.push(new Date(now).toISOString());
  }
  return ran;
}

it('parses weekly schedules and end dates into one canonical text', () => {
  expect(parseSchedule('weekly on Mon, wed at 9:05')).toEqual({
    kind: 'weekly',
    days: ['mon', 'wed'],
    hour: 9,
    minute: 5,
  });
  expect(parseSchedule('Weekly on friday monday  at 17:30 until 2030-03-31')).toEqual({
    kind: 'weekly',
    days: ['mon', 'fri'],
    hour: 17,
    minute: 30,
    until: '2030-03-31',
  });
  expect(parseSchedule('every 2 hours until 2030-02-28')).toEqual({
    kind: 'interval',
    ms: 7_200_000,
    until: '2030-02-28',
  });
  for (const bad of [
    'weekly on at 09:00',
    'weekly on funday at 09:00',
    'weekly on mon at 25:00',
    'daily at 09:00 until 2030-02-30',
    'daily at 09:00 until tomorrow',
    'until 2030-01-01',
  ])
    expect(parseSchedule(bad)).toBe('invalid');
  const texts = [
    'every 1 minute',
    'every 15 minutes',
    'every 1 hour',
    'every 6 hours',
    'daily at 00:00',
    'weekly on mon, tue, wed, thu, fri, sat, sun at 23:59',
    'weekly on sat at 07:15 until 2031-01-01',
  ];
  for (const text of texts) {
    const parsed = parseSchedule(text);
    expect(parsed === null || parsed === 'invalid' ? parsed : formatSchedule(parsed)).toBe(text);
  }
  expect(canonicalSchedule(' Weekly on Thursday, MON at 9:00 ')).toBe('weekly on mon, thu at 09:00');
  expect(canonicalSchedule('every 60 minutes')).toBe('every 1 hour');
  expect(canonicalSchedule('Every 2 Hours')).toBe('every 2 hours');
  expect(canonicalSchedule('')).toBe('');
});

it('knows the weekday of a local date', () => {
  expect(['2030-01-07', '2030-01-12', '2030-01-13', '2024-02-29'].map(weekdayOf)).toEqual(['mon', 'sat', 'sun', 'thu']);
});

it('runs a weekly schedule on the local weekday, not the UTC one', () => {
  // 08:00 on Monday in Tokyo is 23:00 on Sunday in UTC.
  expect(runs('weekly on mon at 08:00', 'Asia/Tokyo', '2030-01-05T00:00:00Z', '2030-01-15T00:00:00Z')).toEqual([
    '2030-01-06T23:00:00.000Z',
    '2030-01-13T23:00:00.000Z',
  ]);
  // 18:00 on Friday in Los Angeles is 02:00 on Saturday in UTC.
  expect(runs('weekly on fri at 18:00', 'America/Los_Angeles', '2030-01-01T00:00:00Z', '2030-01-12T00:00:00Z')).toEqual(
    ['2030-01-05T02:00:00.000Z'],
  );
});

it('keeps daily and weekly slots on the wall clock across DST in Los Angeles and London', () => {
  // Los Angeles springs forward on Sunday 2030-03-10 (PST UTC-8 -> PDT UTC-7).
  expect(
    runs('weekly on sat, sun, mon at 09:00', 'America/Los_Angeles', '2030-03-09T00:00:00Z', '2030-03-12T00:00:00Z'),
  ).toEqual(['2030-03-09T17:00:00.000Z', '2030-03-10T16:00:00.000Z', '2030-03-11T16:00:00.000Z']);
  // London falls back on Sunday 2030-10-27 (BST UTC+1 -> GMT).
  expect(runs('daily at 09:00', 'Europe/London', '2030-10-26T00:00:00Z', '2030-10-28T23:00:00Z')).toEqual([
    '2030-10-26T08:00:00.000Z',
    '2030-10-27T09:00:00.000Z',
    '2030-10-28T09:00:00.000Z',
  ]);
  // A slot inside the skipped hour (02:30 does not exist on 2030-03-10 in Los Angeles) runs at the first tick after it.
  expect(runs('daily at 02:30', 'America/Los_Angeles', '2030-03-10T09:00:00Z', '2030-03-11T12:00:00Z')).toEqual([
    '2030-03-10T10:00:00.000Z', // 03:00 PDT
    '2030-03-11T09:30:00.000Z', // 02:30 PDT
  ]);
  // A slot inside the repeated hour (01:30 happens twice on 2030-11-03 in Los Angeles) runs once.
  expect(runs('daily at 01:30', 'America/Los_Angeles', '2030-11-03T07:00:00Z', '2030-11-04T12:00:00Z')).toEqual([
    '2030-11-03T08:30:00.000Z', // 01:30 PDT
    '2030-11-04T09:30:00.000Z', // 01:30 PST
  ]);
  // London's spring-forward: 01:30 on 2030-03-31 does not exist.
  expect(runs('daily at 01:30', 'Europe/London', '2030-03-30T00:00:00Z', '2030-04-01T12:00:00Z')).toEqual([
    '2030-03-30T01:30:00.000Z',
    '2030-03-31T01:00:00.000Z', // 02:00 BST, the first tick after the skipped slot
    '2030-04-01T00:30:00.000Z',
  ]);
});

it('stops at the end of its end date, in the spreadsheet time zone', () => {
  expect(runs('daily at 23:00 until 2030-01-02', 'Asia/Tokyo', '2030-01-01T00:00:00Z', '2030-01-05T00:00:00Z')).toEqual(
    ['2030-01-01T14:00:00.000Z', '2030-01-02T14:00:00.000Z'],
  );
  const hourly = runs(
    'every 1 hour until 2030-01-01',
    'America/Los_Angeles',
    '2030-01-01T20:00:00Z',
    '2030-01-02T12:00:00Z',
    60,
  );
  // The last local day is 2030-01-01 in Los Angeles: until 23:00 PST, which is 07:00 UTC on the 2nd.
  expect(hourly.at(-1)).toBe('2030-01-02T07:00:00.000Z');
  expect(hourly).toHaveLength(12);
  const ended = parseSchedule('daily at 09:00 until 2030-01-01');
  if (ended === null || ended === 'invalid') throw new Error('parse');
  expect(hasEnded(ended, at('2030-01-01T23:59:00Z'), utc)).toBe(false);
  expect(hasEnded(ended, at('2030-01-02T00:00:00Z'), utc)).toBe(true);
});

it('runs a slot no tick reached at the next tick, once, however many were missed', () => {
  // An add-on ticks hourly: ticks at :10 never fall between 23:30 and midnight, so each day's
  // 23:30 slot runs at 00:10 the next day (it used to never run).
  // (`runs` starts from a run at its first instant, as the tick does from a query's creation.)
  expect(runs('daily at 23:30', 'Asia/Tokyo', '2030-01-01T14:10:00Z', '2030-01-04T14:10:00Z', 60, true)).toEqual([
    '2030-01-01T15:10:00.000Z', // 00:10 on the 2nd in Tokyo: the 1st's slot
    '2030-01-02T15:10:00.000Z',
    '2030-01-03T15:10:00.000Z',
  ]);
  const daily9 = { kind: 'daily', hour: 9, minute: 0 } as const;
  // A run deferred past midnight (the tick ran out of time) runs at the next tick, not at the next 09:00.
  expect(isDue(daily9, at('2030-01-01T08:00:00Z'), at('2030-01-02T00:05:00Z'), utc)).toBe(true);
  // Once caught up, the next run is the next slot.
  expect(isDue(daily9, at('2030-01-02T00:05:00Z'), at('2030-01-02T08:59:00Z'), utc)).toBe(false);
  expect(isDue(daily9, at('2030-01-02T00:05:00Z'), at('2030-01-02T09:00:00Z'), utc)).toBe(true);
  // A trigger off for a week: one run, not seven.
  expect(isDue(daily9, at('2030-01-02T09:00:00Z'), at('2030-01-10T08:00:00Z'), utc)).toBe(true);
  expect(isDue(daily9, at('2030-01-10T08:00:00Z'), at('2030-01-10T08:59:00Z'), utc)).toBe(false);
  // Weekly on Monday at 09:00, last run a Monday; the trigger back on Wednesday: it runs then, once.
  const monday9 = parseSchedule('weekly on mon at 09:00');
  if (monday9 === null || monday9 === 'invalid') throw new Error('parse');
  expect(isDue(monday9, at('2030-01-07T09:00:00Z'), at('2030-01-16T00:10:00Z'), utc)).toBe(true);
  expect(isDue(monday9, at('2030-01-16T00:10:00Z'), at('2030-01-20T23:00:00Z'), utc)).toBe(false);
  expect(isDue(monday9, at('2030-01-16T00:10:00Z'), at('2030-01-21T09:00:00Z'), utc)).toBe(true);
  // An end date stops the catch-up too.
  const ended = parseSchedule('daily at 23:30 until 2030-01-01');
  if (ended === null || ended === 'invalid') throw new Error('parse');
  expect(isDue(ended, at('2030-01-01T12:00:00Z'), at('2030-01-02T00:10:00Z'), utc)).toBe(false);
});

it('runs an interval at the tick nearest its time, so hourly ticks that come early do not skip an hour', () => {
  const hourly = { kind: 'interval', ms: 3_600_000 } as const;
  const twoHours = { kind: 'interval', ms: 7_200_000 } as const;
  // Apps Script's hourly ticks drift by minutes: 10:10, 11:05, 12:02, 13:07, 14:01.
  const ticks = ['10:10', '11:05', '12:02', '13:07', '14:01'].map((t) => at(`2030-01-01T${t}:00Z`));
  const ran = (schedule: typeof hourly | typeof twoHours, tickMs: number) => {
    let last: number | null = null;
    const out: number[] = [];
    for (const now of ticks) {
      if (!isDue(schedule, last, now, utc, tickMs)) continue;
      last = now;
      out.push(now);
    }
    return out.map((ms) => new Date(ms).toISOString().slice(11, 16));
  };
  expect(ran(hourly, 3_600_000)).toEqual(['10:10', '11:05', '12:02', '13:07', '14:01']);
  expect(ran(twoHours, 3_600_000)).toEqual(['10:10', '12:02', '14:01']);
  // Without the tick's interval (a minute of slack), "every 1 hour" skipped every early tick.
  expect(ran(hourly, 0)).toEqual(['10:10', '12:02', '13:07']);
  // Ticks every 5 minutes: "every 15 minutes" still waits for the tick at 15.
  const every15 = { kind: 'interval', ms: 900_000 } as const;
  expect(isDue(every15, at('2030-01-01T00:00:00Z'), at('2030-01-01T00:10:00Z'), utc, 300_000)).toBe(false);
  expect(isDue(every15, at('2030-01-01T00:00:00Z'), at('2030-01-01T00:15:00Z'), utc, 300_000)).toBe(true);
});

describe("runExpectedLaterToday (what the day's health snapshot waits for)", () => {
  const daily6 = { kind: 'daily', hour: 6, minute: 0 } as const;
  const hourly = { tickMs: 3_600_000, deferred: false };
  const yesterday = at('2030-01-01T06:10:00Z');

  it('waits for a slot later today that a tick can reach, unless the query ran today', () => {
    expect(runExpectedLaterToday(daily6, yesterday, at('2030-01-02T00:10:00Z'), utc, hourly)).toBe(true);
    expect(runExpectedLaterToday(daily6, null, at('2030-01-02T05:59:00Z'), utc, hourly)).toBe(true);
    // The slot has come: it ran in this tick or failed or was skipped; either way nothing to wait for.
    expect(runExpectedLaterToday(daily6, yesterday, at('2030-01-02T06:10:00Z'), utc, hourly)).toBe(false);
    // Refreshed today already (by hand after midnight): the day's inputs are in.
    expect(runExpectedLaterToday(daily6, at('2030-01-02T00:05:00Z'), at('2030-01-02T00:10:00Z'), utc, hourly)).toBe(
      false,
    );
  });

  it('does not wait for a slot no tick reaches before midnight, nor for intervals or other weekdays', () => {
    const late = { kind: 'daily', hour: 23, minute: 30 } as const;
    expect(runExpectedLaterToday(late, yesterday, at('2030-01-02T00:10:00Z'), utc, hourly)).toBe(false);
    expect(
      runExpectedLaterToday(late, yesterday, at('2030-01-02T00:10:00Z'), utc, { ...hourly, tickMs: 300_000 }),
    ).toBe(true);
    const every2h = { kind: 'interval', ms: 7_200_000 } as const;
    expect(runExpectedLaterToday(every2h, yesterday, at('2030-01-02T00:10:00Z'), utc, hourly)).toBe(false);
    // 2030-01-02 is a Wednesday.
    const mondays = parseSchedule('weekly on mon at 06:00') as Schedule;
    expect(runExpectedLaterToday(mondays, yesterday, at('2030-01-02T00:10:00Z'), utc, hourly)).toBe(false);
    const wednesdays = parseSchedule('weekly on wed at 06:00') as Schedule;
    expect(runExpectedLaterToday(wednesdays, yesterday, at('2030-01-02T00:10:00Z'), utc, hourly)).toBe(true);
    const ended = { ...daily6, until: '2030-01-01' };
    expect(runExpectedLaterToday(ended, yesterday, at('2030-01-02T00:10:00Z'), utc, hourly)).toBe(false);
  });

  it('waits for a run deferred to the next tick while that tick is still today', () => {
    const deferred = { ...hourly, deferred: true };
    expect(runExpectedLaterToday(daily6, yesterday, at('2030-01-02T06:10:00Z'), utc, deferred)).toBe(true);
    expect(runExpectedLaterToday(daily6, yesterday, at('2030-01-02T23:10:00Z'), utc, deferred)).toBe(false);
  });

  it("reads today in the spreadsheet's zone", () => {
    const tokyo = inZone('Asia/Tokyo');
    // 2030-01-01T15:10Z is 00:10 on 2030-01-02 in Tokyo: 06:00 is later that day.
    expect(runExpectedLaterToday(daily6, at('2030-01-01T14:00:00Z'), at('2030-01-01T15:10:00Z'), tokyo, hourly)).toBe(
      true,
    );
    expect(runExpectedLaterToday(daily6, at('2030-01-01T14:00:00Z'), at('2030-01-01T15:10:00Z'), utc, hourly)).toBe(
      false,
    );
    expect(previousDate('2030-03-01')).toBe('2030-02-28');
    expect(previousDate('2030-01-01')).toBe('2029-12-31');
  });
});
