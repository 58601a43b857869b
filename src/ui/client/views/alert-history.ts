/**
 * "Open alert history": shows the hidden alert history tab (the server makes it if missing) and
 * says where it is, with a link to it; the outcome is announced politely.
 */
import { call } from '../api';
import { messageOf } from '../context';
import { h, replace } from '../dom';
import { t } from '../i18n';

export function createAlertHistoryButton(testid: string): HTMLElement {
  const output = h('div', { class: 'history-result', attrs: { role: 'status', 'aria-live': 'polite' } });
  const button = h('button', { class: 'small', testid, on: { click: () => void open() } }, t('alerts.history'));

  async function open(): Promise<void> {
    replace(output, h('span', { class: 'gray' }, t('common.loading')));
    try {
      const { url, sheetName } = await call('openAlertHistory');
      replace(
        output,
        h('span', { testid: 'alert-history-where' }, t('alerts.historyOpened', { tab: sheetName })),
        ' ',
        h('a', { testid: 'alert-history-link', attrs: { href: url, target: '_blank', rel: 'noopener' } }, sheetName),
      );
    } catch (error) {
      replace(output, h('span', { class: 'error' }, messageOf(error)));
    }
  }

  return h('div', { class: 'history' }, button, output);
}
