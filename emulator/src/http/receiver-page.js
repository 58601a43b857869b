// The receiver page's script (served as /__receiver/page.js after render.js): loads what the
// receiver got from /__receiver/slack and /__receiver/requests and renders it with
// ReceiverRender, in the page's language (<html lang>). It checks for news every 3 seconds while
// visible and re-renders only when something changed (saying so in a polite status line), so
// focus and open details stay put otherwise; the Refresh button re-renders at once.
(function main() {
  const render = globalThis.ReceiverRender;
  const t = render.stringsFor(document.documentElement.lang);
  const byId = (id) => document.getElementById(id);

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }

  function fill(container, count, heading, label, node) {
    heading.textContent = `${label} (${count})`;
    container.replaceChildren(node);
  }

  const POLL_MS = 3000;
  /** What was last rendered, to skip re-rendering the same lists. */
  let shown = null;

  async function load(force) {
    const status = byId('status');
    try {
      const [slack, requests] = await Promise.all([getJson('/__receiver/slack'), getJson('/__receiver/requests')]);
      const messages = slack.messages;
      const signature = JSON.stringify([messages, requests.length, requests.at(-1)?.receivedAt ?? null]);
      if (!force && signature === shown) return;
      const news = shown !== null && signature !== shown;
      shown = signature;
      const slackNode =
        messages.length > 0
          ? render.renderSlackThreads(document, messages, t)
          : Object.assign(document.createElement('p'), { textContent: t.noSlack });
      fill(byId('slack-list'), messages.length, byId('slack-heading'), t.slackHeading, slackNode);
      const list = document.createElement('ol');
      list.className = 'rq-list';
      for (const request of requests)
        list.appendChild(document.createElement('li')).appendChild(render.renderRequest(document, request, t));
      const requestsNode =
        requests.length > 0 ? list : Object.assign(document.createElement('p'), { textContent: t.noRequests });
      fill(byId('requests-list'), requests.length, byId('requests-heading'), t.requestsHeading, requestsNode);
      status.textContent = news ? t.updated : '';
      document.body.dataset.loaded = 'true';
    } catch {
      status.textContent = t.loadFailed;
    }
  }

  async function poll() {
    if (document.visibilityState === 'visible') await load(false);
    setTimeout(() => void poll(), POLL_MS);
  }

  byId('refresh').addEventListener('click', () => void load(true));
  void load(true).then(() => setTimeout(() => void poll(), POLL_MS));
})();
