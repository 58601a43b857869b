/** The Query tab's Copy link: asks the server for the result tab's link, copies it and shows it. */
import { call } from '../api';
import type { AppContext } from '../context';
import { messageOf } from '../context';
import { copyText } from '../clipboard';
import { h, replace } from '../dom';
import { t } from '../i18n';

export interface LinkPanel {
  button: HTMLButtonElement;
  element: HTMLElement;
  clear(): void;
}

export function createLinkPanel(ctx: AppContext, queryId: () => string | null): LinkPanel {
  const element = h('div', { class: 'link-box', testid: 'link-box' });
  const button = h('button', { testid: 'btn-copy-link', on: { click: () => void copyLink() } }, t('query.copyLink'));

  async function copyLink(): Promise<void> {
    ctx.showError(null);
    const id = queryId();
    if (!id) return ctx.showError(t('query.saveBeforeLink'));
    button.disabled = true;
    let url: string | null;
    try {
      url = (await call('getQueryLink', { id })).url;
    } catch (error) {
      return ctx.showError(messageOf(error));
    } finally {
      button.disabled = false;
    }
    if (!url) return ctx.showError(t('query.saveBeforeLink'));
    const copied = await copyText(url);
    replace(
      element,
      h(
        'div',
        { class: copied ? 'success' : 'gray', testid: 'link-status' },
        copied ? t('query.linkCopied') : t('query.linkCopyByHand'),
      ),
      h(
        'a',
        { class: 'link-output', testid: 'link-output', attrs: { href: url, target: '_blank', rel: 'noopener' } },
        url,
      ),
    );
  }

  return { button, element, clear: () => replace(element) };
}
