/**
 * The add-on's surface: the bundle's top-level functions are exactly the README's list ("Entry
 * points") and each takes junk from google.script.run without an unhandled error; owner-only
 * actions refuse an editor who is not the owner or the creator (en and ja) and change nothing;
 * the manifest's scopes are exactly the README's justified list and none is broad, and each of its
 * UrlFetch prefixes is https and named in the README; the sidebar
 * sets no inline event handler and its client never writes HTML from text: statically (the
 * markup, the client's sources) and live (the served page run in jsdom against the real bundle,
 * with hostile names in every list, each tab opened, the whole DOM walked). Prints one
 * `RELIABILITY surface:` line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JSDOM } from 'jsdom';
import type { AppsScriptRuntime } from '../../emulator/src/runtime';
import { api, saveQuery } from '../helpers/api';
import { bundleRuntime, disposeRuntimes } from '../helpers/runtimes';

const REPO = path.resolve(__dirname, '..', '..');
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';
const counts: Record<string, number> = {};

afterAll(() => {
  disposeRuntimes();
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`);
  console.log(`RELIABILITY surface: ${parts.join(', ')}, 0 violations`);
});

/** The first column of the Markdown table under `heading` (backticks removed). */
function tableColumn(heading: string): string[] {
  const start = README.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const rest = README.slice(start + heading.length + 2);
  const end = rest.search(/\n#{2,4} /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return section
    .split('\n')
    .filter((l) => /^\| `/.test(l))
    .map((l) => {
      const cells = l.split('|').map((c) => c.trim());
      if (!cells[2] || cells[cells.length - 2] === '') throw new Error(`a row without its reason: ${l}`);
      return cells[1].replace(/`/g, '');
    });
}

function answerOf(rt: AppsScriptRuntime, email: string, locale: string, method: string, payload: unknown) {
  const bridged = rt.scriptRun('sheetdashApi', [method, payload], { user: { email, locale } });
  if (!bridged.ok) throw new Error(bridged.error.message);
  return bridged.value as { ok: boolean; value?: unknown; error?: string };
}

describe('the entry points', () => {
  it('are exactly the documented list', () => {
    const code = fs.readFileSync(path.join(REPO, 'dist', 'Code.js'), 'utf8');
    // gas-webpack-plugin declares each global as a top-level stub before the bundle's body.
    const head = code.slice(0, code.indexOf('(()=>'));
    const declared = [...head.matchAll(/function (\w+)\(/g)].map((m) => m[1]).sort();
    const documented = tableColumn('### Entry points').sort();
    expect(declared).toEqual(documented);
    // Nothing else becomes global: the bundle's body assigns globals only through those stubs.
    const assigned = [...code.matchAll(/\bglobal\.(\w+)\s*=/g)].map((m) => m[1]);
    for (const name of assigned) expect(documented).toContain(name);
    counts['entry points'] = declared.length;
  });

  it('take junk from google.script.run without an unhandled error', () => {
    const rt = bundleRuntime({ user: { email: ALICE, locale: 'en' }, spreadsheet: { owner: ALICE } });
    const junk: unknown[][] = [[], [null], ['x'], [42], [{ authMode: 'junk', __proto__: null }], [[1, 2]]];
    let calls = 0;
    for (const name of tableColumn('### Entry points')) {
      for (const args of junk) {
        const result = rt.scriptRun(name, args, { user: { email: BOB, locale: 'ja' } });
        calls++;
        if (!result.ok) throw new Error(`${name}(${JSON.stringify(args)}) failed: ${result.error.message}`);
        if (name === 'sheetdashApi') {
          const answer = result.value as { ok: boolean; error?: string };
          expect(answer.ok).toBe(false);
          expect(answer.error).toMatch(/^不正なリクエストです: /);
        }
      }
    }
    // A private helper (trailing underscore) cannot be called at all.
    expect(rt.scriptRun('callApi_', []).ok).toBe(false);
    counts['junk calls'] = calls;
  });
});

describe('owner-only actions', () => {
  it('refuse an editor who is neither the owner nor the creator, and change nothing', () => {
    const rt = bundleRuntime({ user: { email: ALICE, locale: 'en' }, spreadsheet: { owner: ALICE } });
    const source = api(rt, 'saveDataSource', {
      name: 'Main',
      kind: 'postgresql',
      options: { host: 'db.example.com', port: 5432, database: 'd', user: 'u', password: 'p' },
    });
    const destination = api(rt, 'saveDestination', {
      name: 'Team',
      kind: 'slack-webhook',
      options: { url: 'https://hooks.slack.com/services/T0/B0/x' },
    });
    const attempts: [string, unknown][] = [
      ['saveDataSource', { id: source.id, name: 'Mine', kind: 'postgresql', options: source.options, writable: true }],
      ['saveDataSource', { name: 'New', kind: 'postgresql', options: { host: 'db.example.com', database: 'd' } }],
      ['deleteDataSource', { id: source.id }],
      ['saveDestination', { id: destination.id, name: 'Mine', kind: 'slack-webhook', options: destination.options }],
      ['deleteDestination', { id: destination.id }],
    ];
    const before = JSON.stringify([rt.spreadsheet._snapshot(), rt.base.properties._snapshot()]);
    let refusals = 0;
    for (const [method, payload] of attempts) {
      for (const [email, locale] of [
        [BOB, 'en'],
        [BOB, 'ja'],
        ['', 'en'], // an editor whose e-mail Apps Script does not reveal
      ]) {
        const answer = answerOf(rt, email, locale, method, payload);
        expect([method, email, answer.ok]).toEqual([method, email, false]);
        if (locale === 'ja') expect(answer.error).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(answer.error).not.toMatch(/\n\s+at |TypeError|Exception:/);
        refusals++;
      }
    }
    expect(JSON.stringify([rt.spreadsheet._snapshot(), rt.base.properties._snapshot()])).toBe(before);
    counts['owner-only refusals'] = refusals;
  });
});

describe('the manifest', () => {
  it('asks for exactly the documented scopes, none of them broad', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'appsscript.json'), 'utf8'));
    const scopes: string[] = [...manifest.oauthScopes].sort();
    expect(tableColumn('### OAuth scopes').sort()).toEqual(scopes);
    for (const broad of [
      'https://www.googleapis.com/auth/spreadsheets',
      'https://www.googleapis.com/auth/drive',
      'https://www.googleapis.com/auth/gmail.send',
      'https://mail.google.com/',
    ])
      expect(scopes).not.toContain(broad);
    expect(scopes.every((s) => !/\/auth\/drive|gmail|script\.storage|userinfo/.test(s))).toBe(true);
    counts.scopes = scopes.length;
  });

  it('lets UrlFetch reach only https hosts the README names', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'appsscript.json'), 'utf8'));
    const prefixes: string[] = manifest.urlFetchWhitelist;
    for (const prefix of prefixes) {
      expect(prefix).toMatch(/^https:\/\/[a-z0-9.-]+\/[\w./-]*$/);
      expect([prefix, README.includes(`\`${prefix}\``)]).toEqual([prefix, true]);
    }
    counts['UrlFetch prefixes'] = prefixes.length;
  });
});

describe('the sidebar', () => {
  const html = fs.readFileSync(path.join(REPO, 'dist', 'Sidebar.html'), 'utf8');
  const clientDir = path.join(REPO, 'src', 'ui', 'client');
  const clientFiles = (function walk(dir: string): string[] {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : /\.ts$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
  })(clientDir);

  it('sets no inline event handler in its markup', () => {
    const markup = html
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
    const tags = markup.match(/<[a-z][^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(3);
    expect(tags.filter((t) => /\son[a-z]+\s*=/i.test(t))).toEqual([]);
    expect(markup).not.toMatch(/javascript:/i);
    counts['markup tags'] = tags.length;
  });

  it('builds DOM with textContent: no innerHTML, no handler attributes, no HTML from strings', () => {
    const problems: string[] = [];
    for (const file of clientFiles) {
      const source = fs.readFileSync(file, 'utf8');
      const rel = path.relative(REPO, file);
      for (const [label, pattern] of [
        ['innerHTML / outerHTML', /\.(inner|outer)HTML\b/],
        ['insertAdjacentHTML', /insertAdjacentHTML/],
        ['document.write', /document\.write/],
        ['an on* attribute', /setAttribute\(\s*['"`]on/i],
        ['HTML parsed from a string', /createContextualFragment|DOMParser|parseFromString/],
        ['an on*= attribute in a string', /['"`][^'"`]*<[a-z][^>]*\son[a-z]+=/i],
      ] as const)
        if (pattern.test(source)) problems.push(`${rel}: ${label}`);
    }
    expect(problems).toEqual([]);
    counts['client files'] = clientFiles.length;
  });

  it('builds a DOM without handler attributes or markup from hostile names, live against the bundle', async () => {
    const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const rt = bundleRuntime({ user: { email: ALICE, locale: 'en' }, spreadsheet: { owner: ALICE } });
    const source = api(rt, 'saveDataSource', {
      name: HOSTILE,
      kind: 'postgresql',
      options: { host: 'db.example.com', port: 5432, database: 'd', user: 'u', password: 'p' },
    });
    const query = saveQuery(rt, {
      name: HOSTILE,
      description: HOSTILE,
      dataSourceId: source.id,
      sql: 'SELECT 1',
      tags: [HOSTILE.slice(0, 40)],
    });
    const destination = api(rt, 'saveDestination', {
      name: HOSTILE,
      kind: 'slack-webhook',
      options: { url: 'https://hooks.slack.com/services/T0/B0/x' },
    });
    api(rt, 'addRowsCheck', { queryId: query.id, destinations: [destination.id] });
    rt.run('showSidebar');
    const page = rt.spreadsheet._ui().sidebar?.html ?? '';
    const errors: string[] = [];
    const dom = new JSDOM(page, {
      runScripts: 'dangerously',
      pretendToBeVisual: true,
      beforeParse(window) {
        type Handler = (v: unknown) => void;
        const runner = (success: Handler, failure: Handler): unknown => ({
          withSuccessHandler: (f: Handler) => runner(f, failure),
          withFailureHandler: (f: Handler) => runner(success, f),
          sheetdashApi: (method: string, payload: unknown) =>
            setTimeout(() => {
              const r = rt.scriptRun('sheetdashApi', payload === undefined ? [method] : [method, payload]);
              if (r.ok) success(r.value);
              else failure(new Error(r.error.message));
            }, 0),
        });
        const w = window as unknown as Record<string, unknown>;
        w.google = {
          script: {
            run: runner(
              () => undefined,
              () => undefined,
            ),
            host: { close() {} },
          },
        };
        const range = window.Range.prototype as unknown as Record<string, unknown>;
        range.getClientRects = () => [];
        range.getBoundingClientRect = () => ({ top: 0, left: 0, right: 0, bottom: 0, width: 0, height: 0 });
        window.addEventListener('error', (e) => errors.push(String(e.message)));
      },
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
    try {
      await settle();
      const doc = dom.window.document;
      const scriptsAtStart = doc.querySelectorAll('script').length;
      // Open every tab (and every section header a tab shows) so that each list is rendered.
      for (const tab of Array.from(doc.querySelectorAll<HTMLElement>('[role="tab"]'))) {
        tab.click();
        await settle();
      }
      const elements = Array.from(doc.querySelectorAll('*'));
      const handlers = elements.flatMap((el) =>
        Array.from(el.attributes)
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `<${el.tagName.toLowerCase()} ${a.name}>`),
      );
      expect(handlers).toEqual([]);
      // No image came from a name (CodeMirror's own cursor buffers are <img> without a source).
      expect(Array.from(doc.querySelectorAll('img[src]')).map((i) => i.outerHTML)).toEqual([]);
      expect(doc.querySelectorAll('script').length).toBe(scriptsAtStart);
      expect((dom.window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
      // The hostile names were shown, as text.
      expect(doc.body.textContent).toContain('<img src=x onerror=');
      expect(errors).toEqual([]);
      counts['live DOM elements'] = elements.length;
    } finally {
      dom.window.close();
    }
  });
});
