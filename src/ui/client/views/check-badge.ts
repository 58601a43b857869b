/**
 * A check's state as a badge: an icon and the server's words ("Triggered: 12 (count > 0)"), so
 * the state never rests on colour alone. A triggered check reads as a warning (amber, "⚠"),
 * never green; unknown is grey with "?"; an alert not evaluated yet shows an empty circle. Used
 * by the Alerts section, the library, the run outcome and the status line.
 */
import type { AlertState, AlertStatusView } from '../../../shared/api-types';
import { h } from '../dom';

/** An alert's state, or `none` for one not evaluated yet. */
export type BadgeState = AlertState | 'none';

const ICONS: Record<BadgeState, string> = { ok: '✓', triggered: '⚠', unknown: '?', none: '○' };

/** The badge state of an alert's status: `none` before its first evaluation. */
export function badgeStateOf(status: Pick<AlertStatusView, 'state' | 'evaluatedAt'>): BadgeState {
  return status.evaluatedAt === null ? 'none' : status.state;
}

export function checkBadge(state: BadgeState, text: string, testid?: string): HTMLElement {
  return h(
    'span',
    { class: `check check-${state}`, testid, attrs: { 'data-state': state } },
    h('span', { class: 'check-icon', attrs: { 'aria-hidden': 'true' } }, ICONS[state]),
    text,
  );
}
