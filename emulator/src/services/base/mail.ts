/**
 * MailApp: sendEmail in its three forms (recipient, subject, body[, options]; recipient,
 * replyTo, subject, body; a message object). Nothing is sent: messages are captured for the
 * host (`_sent()`). Daily quota: 100 recipients per user per rolling 24 h (consumer).
 */
import { AppsScriptException } from '../../core/errors';
import type { ServiceHost } from '../../core/host';

export const MAIL_DAILY_RECIPIENTS = 100;

export interface SentMail {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  noReply?: boolean;
  sentAt: number;
}

const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

function recipients(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const list = String(value)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const address of list) if (!EMAIL.test(address)) throw new AppsScriptException(`Invalid email: ${address}`);
  return list;
}

export class MailAppFake implements Pick<GoogleAppsScript.Mail.MailApp, 'sendEmail' | 'getRemainingDailyQuota'> {
  static readonly appsScriptName = 'MailApp';
  private readonly _messages: SentMail[] = [];
  private readonly _windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly _host: ServiceHost) {}

  sendEmail(...args: unknown[]): void {
    let message: Record<string, unknown>;
    if (args.length === 1 && args[0] && typeof args[0] === 'object') message = args[0] as Record<string, unknown>;
    else if (args.length === 4 && typeof args[3] === 'string')
      message = { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
    else message = { ...((args[3] as Record<string, unknown>) ?? {}), to: args[0], subject: args[1], body: args[2] };
    const to = recipients(message.to);
    const cc = recipients(message.cc);
    const bcc = recipients(message.bcc);
    const count = to.length + cc.length + bcc.length;
    if (count === 0) throw new AppsScriptException('Failed to send email: no recipient');
    const window = this._window();
    if (window.used + count > MAIL_DAILY_RECIPIENTS)
      throw new AppsScriptException('Service invoked too many times for one day: email.');
    window.used += count;
    this._messages.push({
      from: this._user(),
      to,
      cc,
      bcc,
      replyTo: message.replyTo === undefined ? undefined : String(message.replyTo),
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      htmlBody: message.htmlBody === undefined ? undefined : String(message.htmlBody),
      name: message.name === undefined ? undefined : String(message.name),
      noReply: message.noReply === undefined ? undefined : Boolean(message.noReply),
      sentAt: this._host.clock.now(),
    });
  }

  getRemainingDailyQuota(): number {
    return MAIL_DAILY_RECIPIENTS - this._window().used;
  }

  /** Every message "sent" so far, oldest first. */
  _sent(): SentMail[] {
    return this._messages.map((m) => ({ ...m, to: [...m.to], cc: [...m.cc], bcc: [...m.bcc] }));
  }

  private _user(): string {
    return this._host.currentExecution()?.user.email ?? 'user@example.com';
  }

  /** The user's quota window: it resets 24 h after its first send. */
  private _window(): { start: number; used: number } {
    const now = this._host.clock.now();
    const user = this._user();
    let w = this._windows.get(user);
    if (!w || now - w.start >= 24 * 3600_000) {
      w = { start: now, used: 0 };
      this._windows.set(user, w);
    }
    return w;
  }
}
