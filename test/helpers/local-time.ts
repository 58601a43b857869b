/**
 * The local time of an instant in a real IANA zone, as the tick reads it (Utilities.formatDate):
 * the reference clock for the schedule tests. One formatter per zone.
 */
import type { LocalTime } from '../../src/core/schedule';

const byZone = new Map<string, (ms: number) => LocalTime>();

export function inZone(timeZone: string): (ms: number) => LocalTime {
  const known = byZone.get(timeZone);
  if (known) return known;
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const toLocal = (ms: number): LocalTime => {
    const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    return {
      date: `${parts.year}-${parts.month}-${parts.day}`,
      minutes: Number(parts.hour) * 60 + Number(parts.minute),
    };
  };
  byZone.set(timeZone, toLocal);
  return toLocal;
}
