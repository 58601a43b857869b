// The local HTTP receiver's server, run in a child process (never in the main thread, which
// blocks in Atomics.wait during synchronous fetches). It records every request and answers
// by programmable rules (status, headers, body, delay; always, once or N times), by default
// 200 "ok" like a Slack incoming webhook. It is controlled over HTTP admin endpoints
// under /__receiver/ on the same port, and /__receiver/ itself is an HTML page of what came in.
// Without a rule, Slack's endpoints answer as Slack does (slack-api.mjs): incoming webhooks under
// /services/ and the Web API's chat.postMessage / chat.update, checking the payload's shape and
// keeping the messages and their threads (GET /__receiver/slack). The page renders them as
// Slack would (receiver-render.js, receiver-page.js), in the language given as the second
// argument (en or ja). It also answers Google Public DNS's JSON API (GET /resolve?name=&type=A,
// as https://dns.google does): names set by the admin call POST /__receiver/dns first, else
// Node's resolver (not found: Status 3 NXDOMAIN; any other failure: Status 2 SERVFAIL). Browser noise (GET of /favicon.ico, /robots.txt, touch icons,
// /.well-known/) is answered 404 and not recorded: no webhook sends those.
import * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { fileURLToPath } from 'node:url';
import render from './receiver-render.js';
import { SlackWorkspace } from './slack-api.mjs';

const LANG = process.argv[3] === 'ja' ? 'ja' : 'en';
const ASSETS = {
  '/render.js': fs.readFileSync(fileURLToPath(new URL('./receiver-render.js', import.meta.url)), 'utf8'),
  '/page.js': fs.readFileSync(fileURLToPath(new URL('./receiver-page.js', import.meta.url)), 'utf8'),
};

/** @type {{ method: string, path: string, query: Record<string, string | string[]>, headers: Record<string, string>, body: string, receivedAt: number }[]} */
let received = [];
/** Newest first. @type {{ id: number, method?: string, path?: string, respond: { status?: number, headers?: Record<string, string>, body?: unknown, delayMs?: number }, remaining: number | null }[]} */
let rules = [];
let nextRuleId = 1;
let slack = new SlackWorkspace();
/** Name (lower case, no trailing dot) -> IPv4 addresses, set by tests. @type {Record<string, string[]>} */
let dnsRecords = {};

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

const STYLE = `
body{font-family:system-ui,sans-serif;color:#1d1c1d;background:#fff;margin:0;line-height:1.45}
header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:1.5rem}h3{font-size:1rem;margin:0}
a{color:#0b57a4}:focus-visible{outline:3px solid #0b57a4;outline-offset:2px}
button{font:inherit;padding:.3rem .9rem;border:1px solid #0b57a4;border-radius:4px;background:#fff;color:#0b57a4}
ol{list-style:none;padding:0;margin:0}
.sl-item,.rq-list>li{border:1px solid #c6c6c6;border-radius:6px;padding:.6rem .8rem;margin:.6rem 0}
time.rq-time{display:block}
.sl-meta,.sl-thread-summary,.sl-orphan,.rq-time,.rq-label{color:#545454;font-size:.85rem;margin:0 0 .3rem}
.sl-meta>*+*{margin-left:.6rem}.sl-edited{font-style:italic}
.sl-header{font-weight:700;font-size:1.1rem;margin:.2rem 0 .4rem}
.sl-mrkdwn,.sl-plain{white-space:pre-wrap;overflow-wrap:anywhere}
.sl-section{margin:.3rem 0}.sl-fields{display:grid;grid-template-columns:1fr 1fr;gap:.3rem 1rem;margin-top:.3rem}
.sl-context{display:flex;flex-wrap:wrap;gap:.5rem;color:#545454;font-size:.85rem}
.sl-divider{border:0;border-top:1px solid #c6c6c6;margin:.5rem 0}
.sl-code{background:#f3f3f3;color:#a3103f;border:1px solid #d6d6d6;border-radius:3px;padding:0 .2rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:0}
.sl-pre,.rq-body{background:#f6f6f6;border:1px solid #d6d6d6;border-radius:4px;padding:.4rem;font-size:.85rem}
.sl-quote{border-left:4px solid #c6c6c6;margin:.2rem 0;padding-left:.6rem;white-space:pre-wrap}
.sl-mention{background:#e8f1fa;color:#0b4a8c;border-radius:3px;padding:0 .15rem}
.sl-replies{margin-left:1.5rem;border-left:3px solid #c6c6c6;padding-left:.8rem}
.rq-kind{background:#eaeaea;border-radius:3px;padding:0 .3rem;margin-right:.2rem}
`;

function page() {
  const t = render.stringsFor(LANG);
  return `<!DOCTYPE html><html lang="${LANG}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(t.title)}</title><link rel="icon" href="data:,"><style>${STYLE}</style>
</head><body><header><h1>${escapeHtml(t.title)}</h1><p>${escapeHtml(t.intro)}</p>
<button type="button" id="refresh">${escapeHtml(t.refresh)}</button>
<p id="status" role="status"></p></header>
<main>
<section aria-labelledby="slack-heading"><h2 id="slack-heading">${escapeHtml(t.slackHeading)}</h2>
<div id="slack-list" data-testid="slack-list"></div></section>
<section aria-labelledby="requests-heading"><h2 id="requests-heading">${escapeHtml(t.requestsHeading)}</h2>
<div id="requests-list" data-testid="requests-list"></div></section>
</main>
<script src="/__receiver/render.js"></script><script src="/__receiver/page.js"></script>
</body></html>`;
}

/** Requests a browser makes on its own; never a webhook's. */
function isBrowserNoise(method, pathname) {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return (
    pathname === '/favicon.ico' ||
    pathname === '/robots.txt' ||
    /^\/apple-touch-icon[\w-]*\.png$/.test(pathname) ||
    pathname.startsWith('/.well-known/')
  );
}

async function admin(req, res, url) {
  const sub = url.pathname.slice(ADMIN.length);
  if ((sub === '' || sub === '/') && req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page());
    return;
  }
  if (req.method === 'GET' && Object.hasOwn(ASSETS, sub)) {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(ASSETS[sub]);
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
    dnsRecords = {};
    return json(res, 200, { ok: true });
  }
  if (sub === '/dns' && req.method === 'POST') {
    try {
      const records = JSON.parse((await readBody(req)).toString('utf8'));
      dnsRecords = {};
      for (const [name, addresses] of Object.entries(records)) dnsRecords[dnsName(name)] = [].concat(addresses);
    } catch {
      return json(res, 400, { ok: false, error: 'records are not a JSON object' });
    }
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

function dnsName(name) {
  return String(name).trim().toLowerCase().replace(/\.$/, '');
}

/** Google Public DNS's JSON answer to GET /resolve (A records only), or undefined for other paths. */
async function resolveAnswer(method, url) {
  if (url.pathname !== '/resolve' || method !== 'GET') return undefined;
  const name = dnsName(url.searchParams.get('name') ?? '');
  const type = url.searchParams.get('type') ?? 'A';
  if (!name || !['A', 'a', '1'].includes(type))
    return { status: 400, body: { error: 'the receiver answers only type A queries for a name' } };
  let addresses = dnsRecords[name];
  let status = 0;
  if (!addresses) {
    try {
      addresses = (await dns.promises.lookup(name, { all: true, family: 4 })).map((a) => a.address);
    } catch (error) {
      status = error.code === 'ENOTFOUND' ? 3 : 2;
      addresses = [];
    }
  }
  const fqdn = `${name}.`;
  const answer = addresses.map((data) => ({ name: fqdn, type: 1, TTL: 300, data }));
  const body = {
    Status: status,
    TC: false,
    RD: true,
    RA: true,
    AD: false,
    CD: false,
    Question: [{ name: fqdn, type: 1 }],
  };
  return { status: 200, body: answer.length ? { ...body, Answer: answer } : body };
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
  if (isBrowserNoise((req.method ?? 'GET').toUpperCase(), url.pathname)) {
    req.resume();
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found');
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
    (await resolveAnswer(method, url)) ??
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
// Idle connections stay open longer than clients keep them (undici: 4 s), so a client never sends on
// a socket the server is closing (under load that race failed a test's admin call: "other side closed").
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  if (process.send) process.send({ type: 'ready', port: address.port });
  else console.log(`receiver listening on http://127.0.0.1:${address.port}${ADMIN}/`);
});

// End with the parent: a test runner that dies must not leave the server behind.
process.on('disconnect', () => process.exit(0));
