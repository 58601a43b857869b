/** The sidebar's catalog: every key in English and Japanese, the same placeholders in both, and every key the code uses exists. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CATALOG, langFromPage, setLang, t } from '../../src/ui/client/i18n';

const CLIENT = path.resolve(__dirname, '../../src/ui/client');

function clientSources(dir = CLIENT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return clientSources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('sidebar catalog', () => {
  afterEach(() => setLang('en'));

  test.each(Object.entries(CATALOG))('%s has English and Japanese with the same placeholders', (_key, entry) => {
    const messages = entry as Record<string, string>;
    expect(messages.en.trim()).not.toBe('');
    expect(messages.ja.trim()).not.toBe('');
    expect(placeholders(messages.ja)).toEqual(placeholders(messages.en));
  });

  test('every key the client code asks for is in the catalog', () => {
    const used = new Set<string>();
    for (const file of clientSources()) {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(match[1]);
      for (const match of source.matchAll(/\btParts(?:<\w+>)?\(\s*'([\w.]+)'/g)) used.add(match[1]);
      for (const match of source.matchAll(/label: '([\w.]+)'/g)) used.add(match[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !(key in CATALOG));
    expect(missing).toEqual([]);
  });

  test('keys built from a template exist for every value', () => {
    for (const type of ['text', 'number', 'date', 'datetime', 'daterange', 'list', 'cell'])
      expect(CATALOG).toHaveProperty([`param.type.${type}`]);
    for (const filter of ['all', 'mine', 'recent', 'archived'])
      expect(CATALOG).toHaveProperty([`library.filter.${filter}`]);
  });

  test('t fills placeholders in the chosen language and leaves unknown ones visible', () => {
    expect(t('query.saved', { version: 3 })).toBe('Saved (version 3).');
    setLang('ja');
    expect(t('query.saved', { version: 3 })).toBe('保存しました(バージョン 3)。');
    expect(t('query.saved')).toContain('{version}');
  });

  test('the page language picks Japanese for ja*, English otherwise', () => {
    expect(langFromPage('ja')).toBe('ja');
    expect(langFromPage('ja_JP')).toBe('ja');
    expect(langFromPage('en')).toBe('en');
    expect(langFromPage(null)).toBe('en');
  });
});
