/** Display helpers (pure): durations, relative times and tag lists as the sidebar shows them. */
import { t } from './i18n';

export function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
}

/**
 * "just now", "5 min ago", "3 h ago", "1 day ago", "2 days ago"; the date itself after a week.
 * Measured against `now`: callers re-render as time passes (see relative-time.ts). An instant a
 * little ahead of this computer's clock (clocks differ) reads "just now".
 */
export function ago(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return t('time.justNow');
  if (minutes < 60) return t('time.minutesAgo', { n: minutes });
  if (minutes < 60 * 24) return t('time.hoursAgo', { n: Math.floor(minutes / 60) });
  const days = Math.floor(minutes / (60 * 24));
  if (days === 1) return t('time.dayAgo');
  if (days < 7) return t('time.daysAgo', { n: days });
  return iso.slice(0, 10);
}

/** "a, b ,, c" → ["a", "b", "c"], each once. */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,、]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}
