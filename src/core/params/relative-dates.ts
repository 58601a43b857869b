/**
 * Relative dates, resolved on the server against "today" in the spreadsheet's time zone (so a
 * scheduled run at 02:00 in Tokyo means the Tokyo date, not the UTC one). The supported words,
 * in English or Japanese (weeks start on Monday):
 *   today / 今日, yesterday / 昨日, tomorrow / 明日, now / 現在 (date-time: the current time),
 *   N days ago / N日前, N weeks ago / N週間前, N months ago / Nか月前,
 *   start of this week / 今週初め, start of last week / 先週初め,
 *   start of this month (or start of month) / 今月初め, end of this month / 今月末,
 *   start of last month / 先月初め, end of last month / 先月末,
 *   start of this year / 今年初め, start of last year / 昨年初め.
 * Date ranges: last N days / 過去N日 (N-1 days ago to today), this week / 今週, last week / 先週,
 * this month / 今月, last month / 先月, this year / 今年, last year / 昨年; or "A..B" / "A to B"
 * with two dates or relative dates.
 */
export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export const RELATIVE_DATE_WORDS = [
  'today',
  'yesterday',
  'tomorrow',
  'now',
  '7 days ago',
  '2 weeks ago',
  '3 months ago',
  'start of this week',
  'start of last week',
  'start of this month',
  'end of this month',
  'start of last month',
  'end of last month',
  'start of this year',
  'start of last year',
] as const;

export const RELATIVE_RANGE_WORDS = [
  'last 7 days',
  'this week',
  'last week',
  'this month',
  'last month',
  'this year',
  'last year',
] as const;

function normalise(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

function utc(date: CalendarDate): Date {
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  return d;
}

function fromUtc(d: Date): CalendarDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Months added, the day clamped to the target month's length (Mar 31 - 1 month = Feb 28/29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = addDays({ year: month === 12 ? year + 1 : year, month: (month % 12) + 1, day: 1 }, -1).day;
  return { year, month, day: Math.min(date.day, last) };
}

function startOfWeek(date: CalendarDate): CalendarDate {
  const weekday = (utc(date).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

function endOfMonth(date: CalendarDate): CalendarDate {
  return addDays(addMonths({ ...date, day: 1 }, 1), -1);
}

export function formatDate(date: CalendarDate): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** A relative date word resolved against `today`, or null when `text` is not one. */
export function resolveRelativeDate(text: string, today: CalendarDate): CalendarDate | null {
  const t = normalise(text);
  const ago = /^(\d{1,4}) ?(?:(days?|weeks?|months?) ago|(日|週間|か月|ヶ月|カ月)前)$/.exec(t);
  if (ago) {
    const n = Number(ago[1]);
    const unit = ago[2] ?? ago[3];
    if (/^(day|日)/.test(unit)) return addDays(today, -n);
    if (/^(week|週)/.test(unit)) return addDays(today, -7 * n);
    return addMonths(today, -n);
  }
  switch (t) {
    case 'today':
    case '今日':
    case 'now':
    case '現在':
      return today;
    case 'yesterday':
    case '昨日':
      return addDays(today, -1);
    case 'tomorrow':
    case '明日':
      return addDays(today, 1);
    case 'start of this week':
    case 'start of week':
    case '今週初め':
      return startOfWeek(today);
    case 'start of last week':
    case '先週初め':
      return addDays(startOfWeek(today), -7);
    case 'start of this month':
    case 'start of month':
    case '今月初め':
      return { ...today, day: 1 };
    case 'end of this month':
    case 'end of month':
    case '今月末':
      return endOfMonth(today);
    case 'start of last month':
    case '先月初め':
      return addMonths({ ...today, day: 1 }, -1);
    case 'end of last month':
    case '先月末':
      return addDays({ ...today, day: 1 }, -1);
    case 'start of this year':
    case 'start of year':
    case '今年初め':
      return { year: today.year, month: 1, day: 1 };
    case 'start of last year':
    case '昨年初め':
      return { year: today.year - 1, month: 1, day: 1 };
    default:
      return null;
  }
}

/** A relative range word resolved against `today`, or null. */
export function resolveRelativeRange(text: string, today: CalendarDate): [CalendarDate, CalendarDate] | null {
  const t = normalise(text);
  const lastDays = /^(?:last (\d{1,4}) days|過去 ?(\d{1,4}) ?日(?:間)?)$/.exec(t);
  if (lastDays) {
    const n = Number(lastDays[1] ?? lastDays[2]);
    if (n < 1) return null;
    return [addDays(today, -(n - 1)), today];
  }
  const week = startOfWeek(today);
  const month = { ...today, day: 1 };
  switch (t) {
    case 'this week':
    case '今週':
      return [week, addDays(week, 6)];
    case 'last week':
    case '先週':
      return [addDays(week, -7), addDays(week, -1)];
    case 'this month':
    case '今月':
      return [month, endOfMonth(today)];
    case 'last month':
    case '先月':
      return [addMonths(month, -1), addDays(month, -1)];
    case 'this year':
    case '今年':
      return [
        { year: today.year, month: 1, day: 1 },
        { year: today.year, month: 12, day: 31 },
      ];
    case 'last year':
    case '昨年':
    case '去年':
      return [
        { year: today.year - 1, month: 1, day: 1 },
        { year: today.year - 1, month: 12, day: 31 },
      ];
    default:
      return null;
  }
}

/** 'YYYY-MM-DD' (also with / separators) as a real calendar date, or null. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = fromUtc(utc(date));
  return check.year === date.year && check.month === date.month && check.day === date.day && date.year >= 1
    ? date
    : null;
}
