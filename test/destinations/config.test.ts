/** Destination secrets (masked, bound to their target), the allowlist, validation and the registry. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_MESSAGES } from '../../src/core/i18n';
import { dnsQueryUrl } from '../../src/datasources/diagnose';
import { URL_FETCH_ALLOWLIST, isAllowedUrl } from '../../src/destinations/allowlist';
import { SECRET_MASK, maskDestination, mergeDestinationSecrets } from '../../src/destinations/config';
import { retryAfterMs } from '../../src/destinations/deliver';
import type { DestinationKind } from '../../src/destinations/kind';
import { describeOutcome } from '../../src/destinations/outcome';
import { findDestinationKind, listDestinationKinds } from '../../src/destinations/registry';
import { validateDestination } from '../../src/destinations/validate';
import type { DeliveryProblem } from '../../src/shared/api-types';

function kind(id: string): DestinationKind {
  const found = findDestinationKind(id);
  if (!found) throw new Error(`no kind ${id}`);
  return found;
}

const HOOK = 'https://hooks.slack.com/services/T1/B1/secret1';

describe('secrets', () => {
  it('masks every secret field that is set, and only those', () => {
    const webhook = kind('webhook');
    const masked = maskDestination(
      {
        id: 'd',
        name: 'n',
        kind: 'webhook',
        options: { url: 'https://x.example/a', headerName: 'X-S', headerValue: 'v' },
      },
      webhook,
    );
    expect(masked.options).toEqual({ url: 'https://x.example/a', headerName: 'X-S', headerValue: SECRET_MASK });
    const slack = maskDestination(
      { id: 'd', name: 'n', kind: 'slack-webhook', options: { url: HOOK } },
      kind('slack-webhook'),
    );
    expect(slack.options.url).toBe(SECRET_MASK);
  });

  it('keeps a masked secret for an unchanged target, and drops it when the target changes', () => {
    const webhook = kind('webhook');
    const stored = { kind: 'webhook', options: { url: 'https://a.example/x', headerName: 'X-S', headerValue: 'v' } };
    const same = { url: 'https://a.example/x', headerName: 'X-S', headerValue: SECRET_MASK };
    expect(mergeDestinationSecrets(same, stored, webhook)).toEqual({ ok: true, options: stored.options });
    const moved = { ...same, url: 'https://evil.example/x' };
    expect(mergeDestinationSecrets(moved, stored, webhook)).toEqual({
      ok: false,
      changed: ['url'],
      masked: ['headerValue'],
    });
    const renamed = { ...same, headerName: 'Authorization' };
    expect(mergeDestinationSecrets(renamed, stored, webhook)).toMatchObject({ ok: false, masked: ['headerValue'] });
  });

  it('treats a webhook URL as secret and as the target: a new URL is a new target', () => {
    const bot = kind('slack-bot');
    const stored = { kind: 'slack-bot', options: { channel: 'C0123ABCD', token: 'xoxb-1' } };
    expect(mergeDestinationSecrets({ channel: 'C0123ABCD', token: SECRET_MASK }, stored, bot)).toEqual({
      ok: true,
      options: stored.options,
    });
    expect(mergeDestinationSecrets({ channel: 'C0999ZZZZ', token: SECRET_MASK }, stored, bot)).toMatchObject({
      ok: false,
      changed: ['channel'],
    });
    const slack = kind('slack-webhook');
    const storedHook = { kind: 'slack-webhook', options: { url: HOOK } };
    expect(mergeDestinationSecrets({ url: SECRET_MASK }, storedHook, slack)).toEqual({
      ok: true,
      options: { url: HOOK },
    });
    const other = `${HOOK}2`;
    expect(mergeDestinationSecrets({ url: other }, storedHook, slack)).toEqual({ ok: true, options: { url: other } });
    expect(
      mergeDestinationSecrets({ url: SECRET_MASK }, { kind: 'google-chat', options: { url: HOOK } }, slack),
    ).toEqual({
      ok: false,
      changed: ['kind'],
      masked: ['url'],
    });
  });
});

describe('allowlist', () => {
  it("is the manifest's urlFetchWhitelist but for the DNS probe, which is no destination", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'appsscript.json'), 'utf8'));
    expect([...URL_FETCH_ALLOWLIST, 'https://dns.google/']).toEqual(manifest.urlFetchWhitelist);
    expect(isAllowedUrl(dnsQueryUrl('db.example.com') ?? '', manifest.urlFetchWhitelist)).toBe(true);
    expect(isAllowedUrl('https://dns.google/resolve?name=x&type=A')).toBe(false);
  });

  it("follows Google's prefix rules", () => {
    expect(isAllowedUrl(HOOK)).toBe(true);
    expect(isAllowedUrl('https://slack.com/api/chat.postMessage')).toBe(true);
    expect(isAllowedUrl('https://slack.com/apix')).toBe(false);
    expect(isAllowedUrl('http://hooks.slack.com/services/x')).toBe(false);
    expect(isAllowedUrl('https://hooks.slack.com.evil.example/services/x')).toBe(false);
    expect(isAllowedUrl('https://user@hooks.slack.com/services/x')).toBe(false);
    expect(isAllowedUrl('https://a.b.example/p/q', ['https://*.b.example/p'])).toBe(true);
    expect(isAllowedUrl('https://b.example/p', ['https://*.b.example/p'])).toBe(false);
    expect(isAllowedUrl('https://a.b.example/pq', ['https://*.b.example/p'])).toBe(false);
  });
});

describe('validation', () => {
  it('asks for required fields, checks formats, and explains a host the manifest does not list', () => {
    expect(validateDestination(kind('slack-webhook'), {})).toEqual([
      { key: 'dest.fieldRequired', vars: { field: 'Webhook URL' } },
    ]);
    expect(validateDestination(kind('slack-webhook'), { url: 'https://example.com/x' })[0].key).toBe(
      'dest.slackWebhookUrl',
    );
    expect(validateDestination(kind('slack-webhook'), { url: HOOK })).toEqual([]);
    expect(validateDestination(kind('slack-bot'), { channel: '#general', token: 'xoxp-1' }).map((p) => p.key)).toEqual([
      'dest.slackToken',
      'dest.slackChannel',
    ]);
    expect(validateDestination(kind('google-chat'), { url: HOOK })[0].key).toBe('dest.chatWebhookUrl');
    expect(validateDestination(kind('webhook'), { url: 'https://hooks.example.com/in' })).toEqual([
      { key: 'dest.urlNotAllowed', vars: { host: 'hooks.example.com', allowed: URL_FETCH_ALLOWLIST.join(', ') } },
    ]);
    expect(
      validateDestination(kind('webhook'), { url: 'https://hooks.example.com/in' }, ['https://hooks.example.com/']),
    ).toEqual([]);
    expect(validateDestination(kind('webhook'), { url: 'ftp://x', headerName: 'Bad Name' }).map((p) => p.key)).toEqual([
      'dest.urlInvalid',
      'dest.headerName',
    ]);
    expect(validateDestination(kind('webhook'), { url: 'https://x.example/', headerValue: 'v' })[0].key).toBe(
      'dest.headerValueWithoutName',
    );
    expect(validateDestination(kind('email'), { addresses: 'a@example.com, nope' })).toEqual([
      { key: 'dest.emailInvalid', vars: { address: 'nope' } },
    ]);
  });
});

describe('registry and wording', () => {
  it('has unique kinds, each labelled in both languages', () => {
    const ids = listDestinationKinds().map((k) => k.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['slack-webhook', 'slack-bot', 'google-chat', 'webhook', 'email']);
    for (const k of listDestinationKinds()) {
      expect(k.label.en && k.label.ja).toBeTruthy();
      for (const f of k.fields) expect(f.label.en && f.label.ja).toBeTruthy();
    }
  });

  it('words every problem in both languages without a leftover placeholder', () => {
    const codes = Object.keys(ALL_MESSAGES)
      .filter((k) => k.startsWith('dest.problem.'))
      .map((k) => k.slice('dest.problem.'.length) as DeliveryProblem['code']);
    expect(codes).toHaveLength(12); // every DeliveryProblem code (tsc checks each has a message)
    for (const code of codes) {
      for (const lang of ['en', 'ja'] as const) {
        const text = describeOutcome(lang, {
          status: 'failed',
          attempts: 1,
          problem: { code, httpStatus: 404, detail: 'x' },
        });
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(
      describeOutcome('en', { status: 'retry-later', attempts: 4, problem: { code: 'server-error', httpStatus: 503 } }),
    ).toBe('Not delivered yet, retried at the next run: the service had an error (HTTP 503); it is usually temporary.');
  });

  it("reads Retry-After in seconds, whatever the header's case", () => {
    expect(retryAfterMs({ 'Retry-After': '30' })).toBe(30_000);
    expect(retryAfterMs({ 'retry-after': '1.5' })).toBe(1500);
    expect(retryAfterMs({ 'Retry-After': 'Wed, 21 Oct 2015 07:28:00 GMT' })).toBeNull();
    expect(retryAfterMs({})).toBeNull();
  });
});
