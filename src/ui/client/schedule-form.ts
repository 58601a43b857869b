/**
 * The schedule editor's pure logic: the stored schedule text (grammar in
 * src/shared/schedule-text.ts) turned into form fields and back, what is wrong with the fields,
 * and the schedule described in the sidebar's language.
 */
import {
  formatSchedule,
  isCalendarDate,
  parseSchedule,
  type Schedule,
  WEEKDAYS,
  type Weekday,
} from '../../shared/schedule-text';
import { type MessageKey, t } from './i18n';

export type ScheduleKind = 'off' | 'minutes' | 'hours' | 'daily' | 'weekly';

export interface ScheduleFields {
  kind: ScheduleKind;
  /** N of "every N minutes / hours", as typed. */
  every: string;
  /** "HH:MM" of daily and weekly schedules. */
  time: string;
  days: Weekday[];
  /** "YYYY-MM-DD" or ''. */
  until: string;
}

export const SCHEDULE_KINDS: ScheduleKind[] = ['off', 'minutes', 'hours', 'daily', 'weekly'];

const HOUR_MS = 3_600_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function defaultFields(): ScheduleFields {
  return { kind: 'off', every: '1', time: '09:00', days: ['mon'], until: '' };
}

/** The fields of a stored schedule; null for text that does not parse (written by hand). */
export function fieldsFromText(text: string): ScheduleFields | null {
  const schedule = parseSchedule(text);
  if (schedule === 'invalid') return null;
  const fields = defaultFields();
  if (schedule === null) return fields;
  fields.until = schedule.until ?? '';
  if (schedule.kind === 'interval') {
    const hours = schedule.ms % HOUR_MS === 0;
    fields.kind = hours ? 'hours' : 'minutes';
    fields.every = String(schedule.ms / (hours ? HOUR_MS : 60_000));
    return fields;
  }
  fields.kind = schedule.kind;
  fields.time = `${pad(schedule.hour)}:${pad(schedule.minute)}`;
  if (schedule.kind === 'weekly') fields.days = [...schedule.days];
  return fields;
}

/** What keeps the fields from making a schedule, in the sidebar's language; null when they do. */
export function fieldsProblem(fields: ScheduleFields): string | null {
  return fieldsProblemAt(fields)?.message ?? null;
}

/** The same, with the field it is about (the editor marks that one as invalid). */
export function fieldsProblemAt(
  fields: ScheduleFields,
): { field: 'every' | 'time' | 'days' | 'until'; message: string } | null {
  if (fields.kind === 'off') return null;
  if (fields.kind === 'minutes' || fields.kind === 'hours') {
    const n = Number(fields.every);
    const max = fields.kind === 'minutes' ? 1440 : 24;
    if (!/^\d{1,4}$/.test(fields.every.trim()) || n < 1 || n > max)
      return { field: 'every', message: t(fields.kind === 'minutes' ? 'schedule.badMinutes' : 'schedule.badHours') };
  }
  if ((fields.kind === 'daily' || fields.kind === 'weekly') && !/^\d{1,2}:\d{2}$/.test(fields.time))
    return { field: 'time', message: t('schedule.badTime') };
  if (fields.kind === 'weekly' && fields.days.length === 0) return { field: 'days', message: t('schedule.noDays') };
  if (fields.until !== '' && !isCalendarDate(fields.until)) return { field: 'until', message: t('schedule.badUntil') };
  return parseSchedule(textOf(fields)) === 'invalid' ? { field: 'time', message: t('schedule.badTime') } : null;
}

function textOf(fields: ScheduleFields): string {
  const at = `at ${fields.time}`;
  const days = WEEKDAYS.filter((d) => fields.days.includes(d)).join(', ');
  const cadence = {
    off: '',
    minutes: `every ${fields.every.trim()} minutes`,
    hours: `every ${fields.every.trim()} hours`,
    daily: `daily ${at}`,
    weekly: `weekly on ${days} ${at}`,
  }[fields.kind];
  return fields.until && cadence ? `${cadence} until ${fields.until}` : cadence;
}

/**
 * The text to save: canonical when the fields make a schedule; otherwise the fields as text,
 * which the server refuses with what to write (the editor already shows the problem).
 */
export function textFromFields(fields: ScheduleFields): string {
  const text = textOf(fields);
  const parsed = parseSchedule(text);
  return parsed === 'invalid' ? text : formatSchedule(parsed);
}

const DAY_KEYS: Record<Weekday, MessageKey> = {
  mon: 'weekday.mon',
  tue: 'weekday.tue',
  wed: 'weekday.wed',
  thu: 'weekday.thu',
  fri: 'weekday.fri',
  sat: 'weekday.sat',
  sun: 'weekday.sun',
};

export function weekdayName(day: Weekday): string {
  return t(DAY_KEYS[day]);
}

function describeParsed(schedule: Schedule): string {
  let text: string;
  if (schedule.kind === 'interval') {
    const hours = schedule.ms % HOUR_MS === 0;
    const n = schedule.ms / (hours ? HOUR_MS : 60_000);
    text = t(hours ? 'schedule.everyHours' : 'schedule.everyMinutes', { n });
  } else {
    const time = `${pad(schedule.hour)}:${pad(schedule.minute)}`;
    text =
      schedule.kind === 'daily'
        ? t('schedule.dailyAt', { time })
        : t('schedule.weeklyAt', { days: schedule.days.map(weekdayName).join(t('schedule.daySeparator')), time });
  }
  return schedule.until ? t('schedule.until', { schedule: text, date: schedule.until }) : text;
}

/** The stored schedule in words, in the sidebar's language. */
export function describeSchedule(text: string): string {
  const schedule = parseSchedule(text);
  if (schedule === null) return t('schedule.off');
  if (schedule === 'invalid') return t('schedule.notUnderstood', { text });
  return describeParsed(schedule);
}
