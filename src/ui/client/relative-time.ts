/**
 * Relative times that stay right: each is a <time> element that keeps its instant (and shows
 * it in full on hover), re-rendered against the current clock every half minute and whenever
 * the sidebar becomes visible again, so "just now" turns into "5 min ago" as time passes.
 */
import { ago } from './display';
import { h } from './dom';
import { getLang } from './i18n';

const SELECTOR = 'time[data-relative]';
/** How often visible relative times are re-rendered. */
export const RELATIVE_TICK_MS = 30_000;

/** The instant in full, in the sidebar's language and this computer's time zone. */
export function fullTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Date(at).toLocaleString(getLang() === 'ja' ? 'ja-JP' : 'en-US');
}

/** A <time> showing how long ago `iso` was; refreshRelativeTimes keeps it current. */
export function relativeTime(iso: string, now: number = Date.now()): HTMLTimeElement {
  return h('time', { attrs: { datetime: iso, 'data-relative': '', title: fullTime(iso) } }, ago(iso, now));
}

/** Re-renders every relative time under `root` against `now`. */
export function refreshRelativeTimes(root: ParentNode, now: number = Date.now()): void {
  for (const element of root.querySelectorAll<HTMLTimeElement>(SELECTOR)) {
    const text = ago(element.dateTime, now);
    if (element.textContent !== text) element.textContent = text;
  }
}

/** Keeps the relative times under `root` current; returns a function that stops it. */
export function startRelativeClock(root: ParentNode, every: number = RELATIVE_TICK_MS): () => void {
  const tick = () => refreshRelativeTimes(root);
  const timer = setInterval(tick, every);
  const onVisible = () => {
    if (document.visibilityState === 'visible') tick();
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
