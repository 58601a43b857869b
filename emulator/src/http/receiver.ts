/**
 * A local HTTP receiver for tests and the playground: a server in a child process (see
 * receiver-server.mjs) that records what it receives and answers by programmable rules, so a
 * test can point UrlFetchApp's host map at it (`https://hooks.slack.com` -> `receiver.origin`)
 * and make an endpoint answer 429 with Retry-After, 500, `ok: false` with 200, or slowly. It also
 * plays Google Public DNS (`https://dns.google` -> `receiver.origin`): GET /resolve answers in
 * Google's JSON format from `setDnsRecords` or else Node's resolver.
 * All control is asynchronous: await the receiver between executions, never during one.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
  /** Real time (ms since the epoch) the request arrived. */
  receivedAt: number;
}

export interface ResponseSpec {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON (with a JSON content type unless headers set one). */
  body?: unknown;
  /** Wait this long (real time) before answering. */
  delayMs?: number;
}

export interface ReceiverRule {
  /** Only this method (case-insensitive); any when omitted. */
  method?: string;
  /** Only paths starting with this; any when omitted. */
  path?: string;
  respond: ResponseSpec;
  /** Answer this many matching requests, then fall through; always when omitted. */
  times?: number;
}

/** A message as the receiver's Slack keeps it (see slack-api.mjs). */
export interface SlackMessageRecord {
  via: 'webhook' | 'api';
  /** The channel id, or "webhook:<path>" for an incoming webhook. */
  channel: string;
  ts: string;
  /** The thread it replies in, or null. */
  thread_ts: string | null;
  text: string;
  blocks: unknown[] | null;
  /** Changed by chat.update. */
  edited: boolean;
}

export interface Receiver {
  /** "http://127.0.0.1:<port>". */
  readonly origin: string;
  /** The child's process id (to stop it by id if all else fails). */
  readonly pid: number;
  requests(): Promise<ReceivedRequest[]>;
  /** The messages Slack's endpoints accepted (webhooks and chat.postMessage), oldest first, with edits. */
  slackMessages(): Promise<SlackMessageRecord[]>;
  /** Forgets received requests (rules stay). */
  clear(): Promise<void>;
  /** Forgets received requests, rules, Slack's messages and DNS records. */
  reset(): Promise<void>;
  /**
   * The A records /resolve answers (name -> IPv4 addresses; an empty list is a name without
   * one), replacing earlier ones; other names go to Node's resolver.
   */
  setDnsRecords(records: Record<string, string[]>): Promise<void>;
  /** Adds a rule; newer rules take precedence. */
  program(rule: ReceiverRule): Promise<void>;
  /** Shorthand: answer the next request (matching `rule`) once. */
  once(respond: ResponseSpec, match?: Omit<ReceiverRule, 'respond' | 'times'>): Promise<void>;
  stop(): Promise<void>;
}

const SERVER_PATH = path.join(__dirname, 'receiver-server.mjs');

/** `lang` is the language of the receiver's HTML page (English by default). */
export async function startReceiver(options: { port?: number; lang?: 'en' | 'ja' } = {}): Promise<Receiver> {
  const child = fork(SERVER_PATH, [String(options.port ?? 0), options.lang ?? 'en'], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (msg: unknown) => {
      const m = msg as { type?: string; port?: number };
      if (m && m.type === 'ready' && typeof m.port === 'number') {
        child.off('exit', onExit);
        resolve(m.port);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`receiver server exited before listening (code ${code})`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.once('error', reject);
  });
  child.unref();
  child.channel?.unref();
  return new ReceiverClient(child, `http://127.0.0.1:${port}`);
}

class ReceiverClient implements Receiver {
  readonly pid: number;

  constructor(
    private readonly child: ChildProcess,
    readonly origin: string,
  ) {
    this.pid = child.pid ?? -1;
  }

  async requests(): Promise<ReceivedRequest[]> {
    return (await this.admin('GET', '/requests')) as ReceivedRequest[];
  }

  async slackMessages(): Promise<SlackMessageRecord[]> {
    return ((await this.admin('GET', '/slack')) as { messages: SlackMessageRecord[] }).messages;
  }

  async clear(): Promise<void> {
    await this.admin('POST', '/clear');
  }

  async reset(): Promise<void> {
    await this.admin('POST', '/reset');
  }

  async setDnsRecords(records: Record<string, string[]>): Promise<void> {
    await this.admin('POST', '/dns', records);
  }

  async program(rule: ReceiverRule): Promise<void> {
    await this.admin('POST', '/program', rule);
  }

  async once(respond: ResponseSpec, match: Omit<ReceiverRule, 'respond' | 'times'> = {}): Promise<void> {
    await this.program({ ...match, respond, times: 1 });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill();
    });
  }

  private async admin(method: string, sub: string, body?: unknown): Promise<unknown> {
    const send = () =>
      fetch(`${this.origin}/__receiver${sub}`, {
        method,
        headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    // Reads, and the resets and clears, are safe to send again when a reused socket was closed
    // under the request (setting DNS records again is harmless); a rule is programmed once.
    let response: Response;
    try {
      response = await send();
    } catch (error) {
      if (sub === '/program') throw error;
      response = await send();
    }
    const value = (await response.json()) as unknown;
    if (!response.ok) throw new Error(`receiver ${method} ${sub}: ${JSON.stringify(value)}`);
    return value;
  }
}
