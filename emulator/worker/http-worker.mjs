// The synckit worker behind UrlFetchApp: it performs HTTP requests for the (blocked) main
// thread with Node's http/https modules, several at once for fetchAll, and answers with the
// raw status, headers (original casing, in order) and body bytes. It refuses any host that is
// not loopback, as a second guard behind the service's own host mapping: this machine must
// never send traffic anywhere else.
import * as http from 'node:http';
import * as https from 'node:https';
import { runAsWorker } from 'synckit';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/**
 * @typedef {{ url: string, method: string, headers: [string, string][], body: Uint8Array | null, rejectUnauthorized: boolean }} WireRequest
 * @typedef {{ ok: true, status: number, rawHeaders: string[], body: Uint8Array } | { ok: false, kind: 'refused' | 'timeout' | 'dns' | 'other', message: string }} WireResult
 */

/** @param {WireRequest} request @param {number} timeoutMs @returns {Promise<WireResult>} */
function send(request, timeoutMs) {
  return new Promise((resolve) => {
    let url;
    try {
      url = new URL(request.url);
    } catch (e) {
      resolve({ ok: false, kind: 'other', message: String(e) });
      return;
    }
    if (!LOOPBACK.test(url.hostname)) {
      resolve({ ok: false, kind: 'dns', message: `refused to contact non-loopback host ${url.hostname}` });
      return;
    }
    const lib = url.protocol === 'https:' ? https : http;
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let req;
    try {
      req = lib.request(url, {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        rejectUnauthorized: request.rejectUnauthorized,
        agent: false,
      });
    } catch (error) {
      resolve({ ok: false, kind: 'other', message: String(error?.message) });
      return;
    }
    const timer = setTimeout(() => {
      finish({ ok: false, kind: 'timeout', message: `no complete answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error) => {
      const code = error?.code;
      const kind = code === 'ECONNREFUSED' ? 'refused' : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'dns' : 'other';
      finish({ ok: false, kind, message: `${code ?? ''} ${error.message}`.trim() });
    });
    req.on('response', (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', (error) => finish({ ok: false, kind: 'other', message: error.message }));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        finish({
          ok: true,
          status: res.statusCode ?? 0,
          rawHeaders: res.rawHeaders,
          body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        });
      });
    });
    if (request.body && request.body.length > 0) req.end(Buffer.from(request.body));
    else req.end();
  });
}

runAsWorker(async (op, payload) => {
  if (op === 'fetchAll') {
    const { requests, timeoutMs } = payload;
    return Promise.all(requests.map((r) => send(r, timeoutMs)));
  }
  if (op === 'ping') return 'pong';
  throw new Error(`http-worker: unknown op ${op}`);
});
