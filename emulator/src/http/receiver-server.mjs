// The local HTTP receiver's server, run in a child process (never in the main thread, which
// blocks in Atomics.wait during synchronous fetches). It records every request and answers
// by programmable rules (status, headers, body, delay; always, once or N times), by default
// 200 "ok" like a Slack incoming webhook. It is controlled over HTTP admin endpoints
// under /__receiver/ on the same port, and /__receiver/ itself is an HTML page of what came in.
// Without a rule, Slack's endpoints answer as Slack does (slack-api.mjs): incoming webhooks under
// /services/ and the Web API's chat.postMessage / chat.update, checking the payload's shape and
// keeping the messages and their threads (GET /__receiver/slack).
import * as http from 'node:http';
import { SlackWorkspace } from './slack-api.mjs';

/** @type {{ method: string, path: string, query: Record<string, string | string[]>, headers: Record<string, string>, body: string, receivedAt: number }[]} */
let received = [];
/** Newest first. @type {{ id: number, method?: string, path?: string, respond: { status?: number, headers?: Record<string, string>, body?: unknown, delayMs?: number }, remaining: number | null }[]} */
let rules = [];
let nextRuleId = 1;
let slack = new SlackWorkspace();

const ADMIN = '/__receiver';

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function queryOf(url) {
  const out = {};
  for (const [k, v] of url.searchParams) {
    if (k in out) out[k] = [].concat(out[k], v);
    else out[k] = v;
  }
  return out;
}

function json(res, status, value) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function escapeHtml(text) {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}

function page() {
  const rows = received
    .map(
      (r, i) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(new Date(r.receivedAt).toISOString())}</td><td>${escapeHtml(r.method)}</td>` +
        `<td>${escapeHtml(r.path)}${Object.keys(r.query).length ? `?${escapeHtml(new URLSearchParams(r.query).toString())}` : ''}</td>` +
        `<td><pre>${escapeHtml(
          Object.entries(r.headers)
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n'),
        )}</pre></td>` +
        `<td><pre>${escapeHtml(r.body)}</pre></td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Receiver</title>
<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px;vertical-align:top}pre{margin:0;white-space:pre-wrap}</style>
</head><body><h1>Requests received (${received.length})</h1>
<table><thead><tr><th>#</th><th>time</th><th>method</th><th>path</th><th>headers</th><th>body</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}

async function admin(req, res, url) {
  const sub = url.pathname.slice(ADMIN.length);
  if ((sub === '' || sub === '/') && req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page());
    return;
  }
  if (sub === '/requests' && req.method === 'GET') return json(res, 200, received);
  if (sub === '/clear' && req.method === 'POST') {
    received = [];
    return json(res, 200, { ok: true });
  }
  if (sub === '/slack' && req.method === 'GET') return json(res, 200, { messages: slack.messages });
  if (sub === '/reset' && req.method === 'POST') {
    received = [];
    rules = [];
    slack = new SlackWorkspace();
    return json(res, 200, { ok: true });
  }
  if (sub === '/rules' && req.method === 'GET') return json(res, 200, rules);
  if (sub === '/program' && req.method === 'POST') {
    let rule;
    try {
      rule = JSON.parse((await readBody(req)).toString('utf8'));
    } catch {
      return json(res, 400, { ok: false, error: 'rule is not JSON' });
    }
    const times = rule.times === undefined || rule.times === null ? null : Number(rule.times);
    const id = nextRuleId++;
    rules.unshift({ id, method: rule.method, path: rule.path, respond: rule.respond ?? {}, remaining: times });
    return json(res, 200, { ok: true, id });
  }
  return json(res, 404, { ok: false, error: `unknown admin endpoint ${req.method} ${url.pathname}` });
}

function pickRule(method, path) {
  for (const rule of rules) {
    if (rule.remaining !== null && rule.remaining <= 0) continue;
    if (rule.method && rule.method.toUpperCase() !== method) continue;
    if (rule.path && !path.startsWith(rule.path)) continue;
    if (rule.remaining !== null) rule.remaining--;
    return rule;
  }
  return undefined;
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://receiver.local');
  if (url.pathname === ADMIN || url.pathname.startsWith(`${ADMIN}/`)) {
    await admin(req, res, url);
    return;
  }
  const body = await readBody(req);
  const headers = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    headers[name] = name in headers ? `${headers[name]}, ${req.rawHeaders[i + 1]}` : req.rawHeaders[i + 1];
  }
  const method = (req.method ?? 'GET').toUpperCase();
  received.push({
    method,
    path: url.pathname,
    query: queryOf(url),
    headers,
    body: body.toString('utf8'),
    receivedAt: Date.now(),
  });
  const respond = pickRule(method, url.pathname)?.respond ??
    slack.answer(method, url.pathname, headers, body.toString('utf8')) ?? {
      status: 200,
      headers: { 'Content-Type': 'text/html' },
      body: 'ok',
    };
  const send = () => {
    if (res.destroyed) return;
    const isText = typeof respond.body === 'string' || respond.body === undefined;
    const text = respond.body === undefined ? '' : isText ? respond.body : JSON.stringify(respond.body);
    const outHeaders = {
      ...(isText ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
      ...(respond.headers ?? {}),
    };
    res.writeHead(respond.status ?? 200, outHeaders);
    res.end(text);
  };
  if (respond.delayMs) setTimeout(send, respond.delayMs).unref();
  else send();
});

const port = Number(process.argv[2] ?? 0);
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  if (process.send) process.send({ type: 'ready', port: address.port });
  else console.log(`receiver listening on http://127.0.0.1:${address.port}${ADMIN}/`);
});

// End with the parent: a test runner that dies must not leave the server behind.
process.on('disconnect', () => process.exit(0));
