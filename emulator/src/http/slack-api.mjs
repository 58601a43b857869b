// Slack as the local receiver plays it when no rule answers: incoming webhooks (POST
// /services/...: 200 "ok", or 400 with "invalid_payload", "no_text" or "invalid_blocks") and
// the Web API's chat.postMessage and chat.update (HTTP 200 with {"ok": true, ...} or
// {"ok": false, "error": ...}: not_authed without a Bearer token, channel_not_found,
// no_text, invalid_blocks, message_not_found). Block Kit payloads are checked against Slack's
// documented limits (50 blocks; header plain_text up to 150 characters; section text up to
// 3,000, fields up to 10 of 2,000; context up to 10 elements). Messages are kept per channel
// with their thread (thread_ts) and edits, as a client would show them.

const SECTION_TEXT = 3000;

/** Why `blocks` is not valid Block Kit for a message, or null. Only documented limits are checked. */
export function blocksProblem(blocks) {
  if (blocks === undefined) return null;
  if (!Array.isArray(blocks) || blocks.length > 50) return 'blocks must be an array of at most 50';
  for (const [i, block] of blocks.entries()) {
    if (!block || typeof block.type !== 'string') return `block ${i} has no type`;
    const textOk = (t, max, plainOnly) =>
      t &&
      typeof t.text === 'string' &&
      t.text.length > 0 &&
      t.text.length <= max &&
      (plainOnly ? t.type === 'plain_text' : t.type === 'plain_text' || t.type === 'mrkdwn');
    if (block.type === 'header' && !textOk(block.text, 150, true)) return `block ${i}: header text`;
    if (block.type === 'section') {
      if (block.text === undefined && block.fields === undefined) return `block ${i}: section without text`;
      if (block.text !== undefined && !textOk(block.text, SECTION_TEXT, false)) return `block ${i}: section text`;
      if (block.fields !== undefined) {
        if (!Array.isArray(block.fields) || block.fields.length === 0 || block.fields.length > 10)
          return `block ${i}: section fields`;
        if (!block.fields.every((f) => textOk(f, 2000, false))) return `block ${i}: a field's text`;
      }
    }
    if (block.type === 'context') {
      const elements = block.elements;
      if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) return `block ${i}: context`;
    }
  }
  return null;
}

function parseBody(headers, body) {
  const type = (headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const out = {};
    for (const [k, v] of new URLSearchParams(body)) out[k] = v;
    if (typeof out.blocks === 'string') {
      try {
        out.blocks = JSON.parse(out.blocks);
      } catch {
        out.blocks = null;
      }
    }
    return out;
  }
  try {
    const value = JSON.parse(body);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

const slackJson = (value) => ({ status: 200, body: value });

/**
 * Message timestamps are unique for the life of the receiver, across resets: Slack never gives
 * two messages the same ts, and a ts reused after a reset would let a chat.update meant for a
 * message from before the reset edit a new one.
 */
let lastSeq = 0;

export class SlackWorkspace {
  constructor() {
    /** Oldest first: { via, channel, ts, thread_ts, text, blocks, edited } */
    this.messages = [];
  }

  nextTs() {
    lastSeq++;
    return `${Math.floor(Date.now() / 1000)}.${String(lastSeq).padStart(6, '0')}`;
  }

  /** Slack's answer to a request, or undefined for paths Slack does not serve here. */
  answer(method, path, headers, body) {
    if (method !== 'POST') return undefined;
    if (path.startsWith('/services/')) return this.webhook(path, headers, body);
    if (path === '/api/chat.postMessage' || path === '/api/chat.update') return this.api(path, headers, body);
    return undefined;
  }

  webhook(path, headers, body) {
    const payload = parseBody(headers, body);
    const text = (status, value) => ({ status, headers: { 'Content-Type': 'text/html' }, body: value });
    if (!payload) return text(400, 'invalid_payload');
    if (!payload.text && !payload.blocks) return text(400, 'no_text');
    if (blocksProblem(payload.blocks)) return text(400, 'invalid_blocks');
    this.messages.push({
      via: 'webhook',
      channel: `webhook:${path}`,
      ts: this.nextTs(),
      thread_ts: null,
      text: payload.text ?? '',
      blocks: payload.blocks ?? null,
      edited: false,
    });
    return text(200, 'ok');
  }

  api(path, headers, body) {
    const auth = headers.authorization ?? '';
    const payload = parseBody(headers, body) ?? {};
    const token = /^Bearer (xox[bp]-\S+)$/.exec(auth)?.[1] ?? payload.token;
    if (!token) return slackJson({ ok: false, error: 'not_authed' });
    const channel = typeof payload.channel === 'string' ? payload.channel : '';
    if (channel === '') return slackJson({ ok: false, error: 'channel_not_found' });
    if (!payload.text && !payload.blocks) return slackJson({ ok: false, error: 'no_text' });
    if (blocksProblem(payload.blocks)) return slackJson({ ok: false, error: 'invalid_blocks' });
    if (path === '/api/chat.update') {
      const message = this.messages.find((m) => m.channel === channel && m.ts === payload.ts);
      if (!message) return slackJson({ ok: false, error: 'message_not_found' });
      message.text = payload.text ?? '';
      message.blocks = payload.blocks ?? null;
      message.edited = true;
      return slackJson({ ok: true, channel, ts: message.ts, text: message.text });
    }
    const message = {
      via: 'api',
      channel,
      ts: this.nextTs(),
      thread_ts: typeof payload.thread_ts === 'string' ? payload.thread_ts : null,
      text: payload.text ?? '',
      blocks: payload.blocks ?? null,
      edited: false,
    };
    this.messages.push(message);
    const echo = { text: message.text, ts: message.ts, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) };
    return slackJson({ ok: true, channel, ts: message.ts, message: echo });
  }
}
