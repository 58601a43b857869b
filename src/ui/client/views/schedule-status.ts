/**
 * The "Scheduled refreshes" panel: whether the one tick trigger is installed and still exists,
 * who owns it (scheduled runs act as that user, which a viewer who is not the owner is told),
 * the mode's limits (bound script every 5 minutes, published add-on hourly), when the tick last
 * ran and when it should run next, and a button that turns scheduled refreshes on.
 */
import type { ScheduleStatusView } from '../../../shared/api-types';
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { h, replace } from '../dom';
import { t, tParts } from '../i18n';
import { fullTime, relativeTime } from '../relative-time';

export interface ScheduleStatusPanel {
  element: HTMLElement;
  /** Asks the server for the status and shows it. */
  load(): Promise<void>;
}

function lastTickLine(status: ScheduleStatusView): HTMLElement {
  const last = status.lastTick;
  if (!last) return h('div', { class: 'gray', testid: 'tick-last' }, t('tick.never'));
  const at = relativeTime(last.at);
  let parts: (string | Node)[];
  if (!last.completed) parts = tParts<Node>('tick.lastFailed', { at });
  else if (last.busy) parts = tParts<Node>('tick.lastBusy', { at });
  else parts = tParts<Node>('tick.last', { at, ran: last.ran, deferred: last.deferred });
  return h('div', { class: last.completed ? 'gray' : 'error', testid: 'tick-last' }, ...parts);
}

/** The lines that describe a status, for the panel (exported for tests). */
export function statusLines(status: ScheduleStatusView): HTMLElement[] {
  const mode = t(status.mode === 'addOn' ? 'tick.modeAddOn' : 'tick.modeBound', { n: status.tickMinutes });
  if (!status.installed) {
    return [h('div', { class: 'error', testid: 'tick-off' }, t('tick.off')), h('div', { class: 'gray' }, mode)];
  }
  const owner = status.owner || t('tick.ownerUnknown');
  const lines: HTMLElement[] = [
    h(
      'div',
      { testid: 'tick-owner' },
      ...tParts<Node>('tick.owner', { owner, at: status.installedAt ? relativeTime(status.installedAt) : '' }),
    ),
    h('div', { class: 'gray', testid: 'tick-mode' }, mode),
  ];
  if (status.triggerFound === true) lines.push(h('div', { class: 'success', testid: 'tick-found' }, t('tick.found')));
  if (status.triggerFound === false)
    lines.push(h('div', { class: 'error', testid: 'tick-missing' }, t('tick.missing')));
  if (!status.viewerIsOwner) lines.push(h('div', { testid: 'tick-acts-as' }, t('tick.actsAsOwner', { owner })));
  lines.push(lastTickLine(status));
  if (status.late) lines.push(h('div', { class: 'error', testid: 'tick-late' }, t('tick.late')));
  else if (status.nextTickAt)
    lines.push(h('div', { class: 'gray', testid: 'tick-next' }, t('tick.next', { at: fullTime(status.nextTickAt) })));
  return lines;
}

export function createScheduleStatus(ctx: AppContext): ScheduleStatusPanel {
  const body = h('div', { testid: 'tick-status', attrs: { 'aria-live': 'polite' } });
  const note = h('div', { class: 'success', testid: 'tick-note' });
  const turnOn = h(
    'button',
    { class: 'small', testid: 'btn-turn-on-schedule', on: { click: () => void turnOnNow() } },
    t('tick.turnOn'),
  );
  const refresh = h(
    'button',
    { class: 'small', testid: 'btn-tick-status', on: { click: () => void load() } },
    t('tick.load'),
  );
  const element = h(
    'div',
    { class: 'tick-panel', testid: 'tick-panel' },
    h('h2', {}, t('tick.title')),
    body,
    note,
    h('div', { class: 'buttons' }, refresh, turnOn),
  );

  async function load(): Promise<void> {
    try {
      replace(body, ...statusLines(await call('getScheduleStatus')));
    } catch (error) {
      ctx.showError(messageOf(error));
    }
  }

  async function turnOnNow(): Promise<void> {
    ctx.showError(null);
    turnOn.disabled = true;
    try {
      const answer = await call('turnOnSchedule');
      replace(note, answer.created ? t('tick.created') : t('tick.kept'));
      replace(body, ...statusLines(answer.status));
    } catch (error) {
      ctx.showError(messageOf(error));
    } finally {
      turnOn.disabled = false;
    }
  }

  return { element, load };
}
