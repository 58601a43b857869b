/** Every message exists in English and Japanese, with the same placeholders. */
import { ALL_MESSAGES, langOf, translate } from '../../src/core/i18n';

it('has both languages with matching placeholders for every message', () => {
  for (const [key, { en, ja }] of Object.entries(ALL_MESSAGES)) {
    expect([key, en.trim().length > 0, ja.trim().length > 0]).toEqual([key, true, true]);
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    expect([key, names(ja)]).toEqual([key, names(en)]);
  }
});

it('picks the language from the locale', () => {
  expect(langOf('ja')).toBe('ja');
  expect(langOf('ja_JP')).toBe('ja');
  expect(langOf('en_US')).toBe('en');
  expect(langOf(undefined)).toBe('en');
  expect(translate('ja', 'ds.portRange', { port: 80 })).toContain('ポート 80');
});
