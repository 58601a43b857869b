/**
 * The sidebar's language on the real bundle: the sidebar sends the language of its page with
 * each call, so the server answers in it without asking Apps Script for the user's locale (one
 * service call less per call); a missing or unknown language falls back to the locale.
 */
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

afterAll(disposeRuntimes);

/** A refused call (an unknown method), as the sidebar would make it; its error and the locale lookups it made. */
function refusal(args: unknown[], locale: string) {
  const rt = bundleRuntime();
  const bridged = rt.scriptRun('sheetdashApi', args, { user: { locale } });
  if (!bridged.ok) throw new Error(bridged.error.message);
  const answer = bridged.value as { ok: boolean; error?: string };
  expect(answer.ok).toBe(false);
  const execution = rt.executions[rt.executions.length - 1];
  return { error: answer.error ?? '', localeCalls: execution.calls.get('Session.getActiveUserLocale') ?? 0 };
}

it("answers in the page's language without asking for the user's locale", () => {
  const ja = refusal(['noSuchMethod', null, 'ja'], 'en');
  expect(ja.error).toMatch(/[ぁ-んァ-ン一-龯]/);
  expect(ja.localeCalls).toBe(0);
  const en = refusal(['noSuchMethod', null, 'en'], 'ja');
  expect(en.error).not.toMatch(/[ぁ-んァ-ン一-龯]/);
  expect(en.localeCalls).toBe(0);
});

it("falls back to the user's locale for a missing or unknown language", () => {
  for (const lang of [undefined, 'fr', '', 42, { lang: 'ja' }, '__proto__']) {
    const args = lang === undefined ? ['noSuchMethod', null] : ['noSuchMethod', null, lang];
    const ja = refusal(args, 'ja');
    expect(ja.error).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(ja.localeCalls).toBe(1);
    expect(refusal(args, 'en-US').error).not.toMatch(/[ぁ-んァ-ン一-龯]/);
  }
});
