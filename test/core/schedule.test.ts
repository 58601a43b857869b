import { isDue, parseSchedule, type LocalTime } from '../../src/core/schedule';

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
