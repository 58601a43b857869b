// The receiver page's renderer, shared by the browser (served as /__receiver/render.js, a
// classic script that sets globalThis.ReceiverRender) and by jsdom tests (require()). It turns
// what the receiver got into DOM as Slack would show it: Block Kit blocks (header, section text
// and fields, context, divider, image as its alt text), mrkdwn (*bold*, _italic_, ~strike~,
// `code`, ```code blocks```, <url|label> links, > quotes), the fallback text without blocks,
// thread replies under their parent and chat.update edits marked as edited; other requests
// (Google Chat, JSON webhooks) as pretty JSON, open; Slack's raw bodies folded. Everything from a payload becomes text nodes
// (textContent), never markup; links keep only http(s) and mailto targets.
(function attach(root) {
  const STRINGS = {
    en: {
      title: 'Webhook receiver',
      intro: 'What the playground sent to Slack and to other webhooks, newest last. Browser noise is not listed.',
      refresh: 'Refresh',
      updated: 'New requests arrived; the lists are up to date.',
      slackHeading: 'Slack messages',
      requestsHeading: 'All requests received',
      noSlack: 'No Slack message yet. Run a check whose alert sends to Slack, or use "Send test".',
      noRequests: 'No request yet.',
      edited: '(edited)',
      replies: (n) => (n === 1 ? '1 reply' : `${n} replies`),
      orphanReply: 'Reply in a thread whose first message is not here',
      viaWebhook: 'Incoming webhook',
      viaApi: 'Channel',
      headers: 'Headers',
      body: 'Body',
      emptyBody: '(empty body)',
      image: 'Image',
      unsupported: 'Block not shown here',
      kindSlack: 'Slack',
      kindChat: 'Google Chat',
      kindJson: 'JSON webhook',
      kindOther: 'Other',
      loadFailed: 'Could not load what the receiver got. Is the playground still running? Reload the page.',
    },
    ja: {
      title: 'Webhook 受信ページ',
      intro:
        'プレイグラウンドが Slack やその他の Webhook に送った内容です (新しいものが下)。ブラウザの自動リクエストは表示しません。',
      refresh: '再読み込み',
      updated: '新しいリクエストを受信し、一覧を更新しました。',
      slackHeading: 'Slack メッセージ',
      requestsHeading: '受信したすべてのリクエスト',
      noSlack:
        'Slack メッセージはまだありません。Slack に通知するアラートのあるチェックを実行するか、「テスト送信」を使ってください。',
      noRequests: 'リクエストはまだありません。',
      edited: '(編集済み)',
      replies: (n) => `${n} 件の返信`,
      orphanReply: '最初のメッセージがここにないスレッドへの返信',
      viaWebhook: 'Incoming Webhook',
      viaApi: 'チャンネル',
      headers: 'ヘッダー',
      body: '本文',
      emptyBody: '(本文なし)',
      image: '画像',
      unsupported: 'ここでは表示しないブロック',
      kindSlack: 'Slack',
      kindChat: 'Google Chat',
      kindJson: 'JSON Webhook',
      kindOther: 'その他',
      loadFailed:
        '受信内容を読み込めませんでした。プレイグラウンドが動いているか確認し、ページを再読み込みしてください。',
    },
  };

  function stringsFor(lang) {
    return lang === 'ja' ? STRINGS.ja : STRINGS.en;
  }

  /** Slack escapes only &, < and > in message text; show them as the characters. */
  function unescapeSlack(text) {
    return String(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }

  function el(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** A link target that is safe to follow: http(s) or mailto, else null. */
  function safeHref(target) {
    const url = unescapeSlack(target).trim();
    return /^(https?:\/\/|mailto:)/i.test(url) ? url : null;
  }

  /** <...> in mrkdwn: a link, a mention, a channel or a special mention. */
  function angle(doc, inner) {
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? null : inner.slice(bar + 1);
    if (/^[@#!]/.test(target)) {
      const sigil = target[0] === '#' ? '#' : '@';
      const name = label ?? (target[0] === '!' ? target.slice(1).split('^')[0] : target.slice(1));
      return el(doc, 'span', 'sl-mention', unescapeSlack(name.startsWith(sigil) ? name : sigil + name));
    }
    const href = safeHref(target);
    if (!href) return doc.createTextNode(unescapeSlack(`<${inner}>`));
    const a = el(doc, 'a', 'sl-link', unescapeSlack(label ?? target));
    a.setAttribute('href', href);
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
    return a;
  }

  const INLINE =
    /`([^`\n]+)`|<([^<>\n]+)>|(?<![\w*])\*(\S(?:[^*\n]*\S)?)\*(?![\w*])|(?<![\w])_(\S(?:[^_\n]*\S)?)_(?![\w])|(?<![\w~])~(\S(?:[^~\n]*\S)?)~(?![\w~])/g;

  /** Inline mrkdwn (no code blocks) appended to `parent`. */
  function inline(doc, text, parent) {
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > last) parent.appendChild(doc.createTextNode(unescapeSlack(text.slice(last, m.index))));
      if (m[1] !== undefined) parent.appendChild(el(doc, 'code', 'sl-code', unescapeSlack(m[1])));
      else if (m[2] !== undefined) parent.appendChild(angle(doc, m[2]));
      else {
        const tag = m[3] !== undefined ? 'strong' : m[4] !== undefined ? 'em' : 's';
        const node = el(doc, tag);
        inline(doc, m[3] ?? m[4] ?? m[5], node);
        parent.appendChild(node);
      }
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.appendChild(doc.createTextNode(unescapeSlack(text.slice(last))));
  }

  /** Lines of inline mrkdwn, consecutive "> " lines as one quote. */
  function lines(doc, text, parent) {
    let quote = null;
    text.split('\n').forEach((line, i) => {
      const quoted = /^(?:>|&gt;) ?/.exec(line);
      if (quoted) {
        if (quote) quote.appendChild(doc.createTextNode('\n'));
        else quote = parent.appendChild(el(doc, 'blockquote', 'sl-quote'));
        inline(doc, line.slice(quoted[0].length), quote);
        return;
      }
      if (quote) quote = null;
      else if (i > 0) parent.appendChild(doc.createTextNode('\n'));
      inline(doc, line, parent);
    });
  }

  /** Slack mrkdwn as a <div class="sl-mrkdwn"> of safe DOM. */
  function renderMrkdwn(doc, text) {
    const box = el(doc, 'div', 'sl-mrkdwn');
    const source = String(text ?? '');
    const fence = /```\n?([\s\S]*?)```/g;
    let last = 0;
    for (const m of source.matchAll(fence)) {
      if (m.index > last) lines(doc, source.slice(last, m.index), box);
      box.appendChild(el(doc, 'pre', 'sl-pre', unescapeSlack(m[1])));
      last = m.index + m[0].length;
    }
    if (last < source.length) lines(doc, source.slice(last), box);
    return box;
  }

  /** A Block Kit text object: mrkdwn rendered, plain_text as is. */
  function renderText(doc, textObject) {
    if (!textObject || typeof textObject.text !== 'string') return el(doc, 'div', 'sl-plain', '');
    if (textObject.type === 'mrkdwn') return renderMrkdwn(doc, textObject.text);
    return el(doc, 'div', 'sl-plain', textObject.text);
  }

  function renderBlock(doc, block, t) {
    const type = block && typeof block.type === 'string' ? block.type : '';
    if (type === 'header') return el(doc, 'div', 'sl-header', String(block.text?.text ?? ''));
    if (type === 'divider') return el(doc, 'hr', 'sl-divider');
    if (type === 'section') {
      const box = el(doc, 'div', 'sl-section');
      if (block.text) box.appendChild(renderText(doc, block.text));
      if (Array.isArray(block.fields)) {
        const grid = box.appendChild(el(doc, 'div', 'sl-fields'));
        for (const field of block.fields) grid.appendChild(renderText(doc, field));
      }
      return box;
    }
    if (type === 'context') {
      const box = el(doc, 'div', 'sl-context');
      for (const element of Array.isArray(block.elements) ? block.elements : []) {
        if (element?.type === 'image')
          box.appendChild(el(doc, 'span', 'sl-image', `[${t.image}: ${element.alt_text ?? ''}]`));
        else box.appendChild(renderText(doc, element));
      }
      return box;
    }
    if (type === 'image') return el(doc, 'div', 'sl-image', `[${t.image}: ${block.alt_text ?? ''}]`);
    return el(doc, 'div', 'sl-unsupported', `[${t.unsupported}: ${type || '?'}]`);
  }

  /** One Slack message (as the receiver's Slack keeps it) as an <article>. */
  function renderSlackMessage(doc, message, t) {
    const article = el(doc, 'article', 'sl-message');
    article.setAttribute('data-ts', String(message.ts ?? ''));
    const meta = article.appendChild(el(doc, 'p', 'sl-meta'));
    const channel = String(message.channel ?? '');
    const where = channel.startsWith('webhook:') ? `${t.viaWebhook} ${channel.slice(8)}` : `${t.viaApi} ${channel}`;
    meta.appendChild(el(doc, 'span', 'sl-where', where));
    const seconds = Number.parseFloat(String(message.ts ?? ''));
    if (Number.isFinite(seconds)) {
      const time = meta.appendChild(el(doc, 'time', 'sl-time', new Date(seconds * 1000).toISOString()));
      time.setAttribute('datetime', new Date(seconds * 1000).toISOString());
    }
    if (message.edited) meta.appendChild(el(doc, 'span', 'sl-edited', t.edited));
    const body = article.appendChild(el(doc, 'div', 'sl-body'));
    if (Array.isArray(message.blocks) && message.blocks.length > 0) {
      for (const block of message.blocks) body.appendChild(renderBlock(doc, block, t));
    } else {
      body.appendChild(renderMrkdwn(doc, message.text ?? ''));
    }
    return article;
  }

  /** Messages oldest first, replies grouped under their parent (same channel, ts = thread_ts). */
  function renderSlackThreads(doc, messages, t) {
    const list = el(doc, 'ol', 'sl-list');
    const items = new Map();
    for (const message of messages) {
      const reply = message.thread_ts && message.thread_ts !== message.ts;
      const parent = reply ? items.get(`${message.channel}\u0000${message.thread_ts}`) : undefined;
      if (parent) {
        parent.count++;
        parent.replies.appendChild(el(doc, 'li')).appendChild(renderSlackMessage(doc, message, t));
        parent.summary.textContent = t.replies(parent.count);
        continue;
      }
      const li = list.appendChild(el(doc, 'li', 'sl-item'));
      if (reply) li.appendChild(el(doc, 'p', 'sl-orphan', t.orphanReply));
      li.appendChild(renderSlackMessage(doc, message, t));
      const summary = el(doc, 'p', 'sl-thread-summary');
      const replies = el(doc, 'ol', 'sl-replies');
      items.set(`${message.channel}\u0000${message.ts}`, { count: 0, replies, summary, li });
    }
    for (const item of items.values()) {
      if (item.count === 0) continue;
      item.li.appendChild(item.summary);
      item.li.appendChild(item.replies);
    }
    return list;
  }

  /** Which kind of webhook a request is, by its path. */
  function requestKind(request, t) {
    const p = String(request.path ?? '');
    if (p.startsWith('/services/') || p.startsWith('/api/chat.')) return t.kindSlack;
    if (p.startsWith('/v1/spaces/')) return t.kindChat;
    return /json/i.test(String(request.headers?.['content-type'] ?? '')) ? t.kindJson : t.kindOther;
  }

  /** A body as pretty JSON when it is JSON, else as received. */
  function prettyBody(body) {
    const text = String(body ?? '');
    try {
      return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return text;
    }
  }

  /** One received request as an <article>: kind, method, path, time, headers and pretty body. */
  function renderRequest(doc, request, t) {
    const article = el(doc, 'article', 'rq');
    const head = article.appendChild(el(doc, 'h3', 'rq-title'));
    head.appendChild(el(doc, 'span', 'rq-kind', requestKind(request, t)));
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(request.query ?? {})) for (const one of [].concat(v)) query.append(k, one);
    const qs = query.toString();
    head.appendChild(doc.createTextNode(` ${request.method} ${request.path}${qs ? `?${qs}` : ''}`));
    const when = new Date(Number(request.receivedAt)).toISOString();
    article.appendChild(el(doc, 'time', 'rq-time', when)).setAttribute('datetime', when);
    const details = article.appendChild(el(doc, 'details', 'rq-headers'));
    details.appendChild(el(doc, 'summary', 'rq-label', t.headers));
    const headerText = Object.entries(request.headers ?? {})
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    details.appendChild(el(doc, 'pre', undefined, headerText));
    const body = prettyBody(request.body);
    // A Slack request's body is rendered above as the message: keep its raw form folded.
    const bodyBox = article.appendChild(el(doc, 'details', 'rq-body-box'));
    bodyBox.open = requestKind(request, t) !== t.kindSlack;
    bodyBox.appendChild(el(doc, 'summary', 'rq-label', t.body));
    bodyBox.appendChild(el(doc, 'pre', 'rq-body', body === '' ? t.emptyBody : body));
    return article;
  }

  const api = {
    STRINGS,
    stringsFor,
    unescapeSlack,
    renderMrkdwn,
    renderBlock,
    renderSlackMessage,
    renderSlackThreads,
    renderRequest,
    prettyBody,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.ReceiverRender = api;
})(globalThis);
