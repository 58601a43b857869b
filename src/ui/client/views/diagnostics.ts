/**
 * The Diagnostics block of the Data sources tab: "Diagnostics…" lists the destinations as
 * checkboxes (loaded then, not with the tab), "Run diagnostics" runs the server's checklist
 * (test messages only to the ticked destinations) and shows each line and a link to the report
 * tab. Every text is set as text.
 */
import type { DiagnosticsView } from '../../../shared/api-types';
import { call } from '../api';
import { messageOf } from '../context';
import { h, replace, whileBusy } from '../dom';
import { t } from '../i18n';

export function createDiagnosticsSection(): { element: HTMLElement } {
  const body = h('div');
  const result = h('div', { attrs: { role: 'status', 'aria-live': 'polite' }, testid: 'diag-result' });
  const open = h(
    'button',
    { class: 'small', testid: 'btn-diag-open', on: { click: () => void choose() } },
    t('diag.open'),
  );
  const element = h(
    'section',
    { class: 'block', testid: 'diag-section' },
    h('h2', {}, t('diag.title')),
    open,
    body,
    result,
  );

  async function choose(): Promise<void> {
    try {
      const destinations = await whileBusy(open, () => call('listDestinations'));
      const boxes = destinations.map((d) => {
        const box = h('input', { attrs: { type: 'checkbox', id: `diag-dest-${d.id}` }, props: { value: d.id } });
        return { box, row: h('div', {}, box, h('label', { attrs: { for: `diag-dest-${d.id}` } }, d.name)) };
      });
      const run = h('button', { class: 'action', testid: 'btn-diag-run' }, t('diag.run'));
      run.addEventListener(
        'click',
        () =>
          void start(
            run,
            boxes.filter((b) => b.box.checked).map((b) => b.box.value),
          ),
      );
      const fieldset =
        boxes.length > 0 ? h('fieldset', {}, h('legend', {}, t('diag.sendTo')), ...boxes.map((b) => b.row)) : null;
      replace(body, fieldset, run);
    } catch (error) {
      replace(result, h('span', { class: 'error' }, messageOf(error)));
    }
  }

  async function start(button: HTMLButtonElement, destinationIds: string[]): Promise<void> {
    replace(result, t('common.loading'));
    try {
      const view = await whileBusy(button, () => call('runDiagnostics', { destinationIds }));
      replace(result, report(view));
    } catch (error) {
      replace(result, h('span', { class: 'error' }, messageOf(error)));
    }
  }

  function report(view: DiagnosticsView): HTMLElement {
    return h(
      'div',
      {},
      h(
        'ul',
        { class: 'diag-list' },
        ...view.checks.map((c) =>
          h(
            'li',
            {
              testid: 'diag-line',
              class:
                c.status === 'ok'
                  ? 'success'
                  : c.status === 'skipped'
                    ? 'gray'
                    : c.status === 'warn'
                      ? 'warning'
                      : 'error',
            },
            `${c.label}: ${t(`diag.status.${c.status}`)} · ${c.detail}`,
          ),
        ),
      ),
      h(
        'a',
        { attrs: { href: view.url, target: '_blank', rel: 'noopener' }, testid: 'diag-link' },
        t('diag.report', { tab: view.sheetName }),
      ),
    );
  }

  return { element };
}
