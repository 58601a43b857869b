/**
 * `startPlayground`: the local playground. It starts the webhook receiver (a child process),
 * the local Apps Script runtime on the built bundle with the embedded PGlite in the state
 * folder, seeds the demo database once, restores the saved spreadsheet and properties,
 * creates the demo content on a first start, opens the sidebar as a menu click would, and
 * serves the page on 127.0.0.1: the tabs (with their cell notes), the menu, the add-on's
 * toasts, and the sidebar bridged to the runtime. The grid is editable as Sheets is: a person's
 * typing and row changes go to the runtime as a person's edits (grid-state.ts says what the page
 * gets: formulas, dropdowns, checkboxes, colours, charts). Every call is saved to the state folder
 * as soon as it returns.
 */
import * as http from 'node:http';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import { startReceiver, type Receiver } from '../src/http/receiver';
import { AppsScriptRuntime } from '../src/runtime';
import type { FiredTrigger } from '../src/person';
import type { SheetFake } from '../src/services/spreadsheet/sheet';
import type { Lang } from '../../src/shared/api-types';
import { injectShim, publicFunctions } from './bridge';
import { demoAnchor, generateDemoData } from './demo/dataset';
import { createDemoContent, type SetupState } from './demo/content';
import { adminRuntime, seedDemoDatabase } from './demo/seed';
import { gridState } from './grid-state';
import { pageHtml } from './page';
import { PersonEditRefused, personEdit, personPaste, personRowChange } from '../src/person';
import { StateStore } from './state';

const REPO = path.resolve(__dirname, '..', '..');
/** At most this many rows of a tab are sent to the page. */
export const MAX_PAGE_ROWS = 500;
/** The newest toasts sent with each state (the page shows those it has not shown yet). */
const TOASTS_SENT = 5;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface PlaygroundOptions {
  /** 0 picks a free port (tests); default 8080. */
  port?: number;
  /** Where state lives (default `<repo>/.playground`). */
  stateDir?: string;
  /** The built bundle (default `<repo>/dist`). */
  distDir?: string;
  /** The user's language (default 'en'). */
  lang?: Lang;
  /** The date the demo data ends on, YYYY-MM-DD (default today, so relative dates find rows). */
  demoDate?: string;
  email?: string;
  /** Progress and warnings (default: console.log). */
  log?: (line: string) => void;
}

export interface Playground {
  /** "http://127.0.0.1:<port>/". */
  readonly url: string;
  readonly port: number;
  readonly runtime: AppsScriptRuntime;
  readonly receiver: Receiver;
  readonly stateDir: string;
  /** What the first-start setup could not do this time (e.g. an API method not there yet). */
  readonly setupProblems: string[];
  /** The date the demo data ends on (YYYY-MM-DD). */
  readonly demoAnchor: string;
  /** Runs the time-driven triggers that are due now (a timer also does it every 30 s); returns how many ran. */
  fireDueTriggers(): number;
  close(): Promise<void>;
}

interface StateQuery {
  sheet?: string | null;
  gid?: string | null;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const log = options.log ?? ((line: string) => console.log(line));
  const distDir = options.distDir ?? path.join(REPO, 'dist');
  const lang: Lang = options.lang ?? 'en';
  const store = new StateStore(options.stateDir ?? path.join(REPO, '.playground'));
  const saved = store.load(log);
  const functions = publicFunctions(path.join(distDir, 'Code.js'));

  const receiver = await startReceiver({ lang });
  const jdbc = { pgliteDataDir: store.pgliteDir };
  let rt: AppsScriptRuntime | undefined;
  let admin: AppsScriptRuntime | undefined;
  try {
    const email = options.email ?? 'you@example.com';
    rt = new AppsScriptRuntime({
      distDir,
      user: { email, locale: lang },
      // You own the playground's spreadsheet, so you manage its data sources.
      spreadsheet: { owner: email },
      jdbc,
      // Slack's webhooks and Web API go to the local receiver, which plays Slack, and so does
      // "Test connection"'s question to Google Public DNS (answered by this machine's resolver).
      urlFetch: {
        hostMap: {
          'https://hooks.slack.com': receiver.origin,
          'https://slack.com': receiver.origin,
          'https://dns.google': receiver.origin,
        },
      },
      onLog: (line) => log(`[script] ${line}`),
    });
    admin = adminRuntime(jdbc, path.join(distDir, 'appsscript.json'));
    const seeded = seedDemoDatabase(admin, options.demoDate ?? demoAnchor());
    log(
      seeded.seeded
        ? `Seeded the demo database (schema demo, version ${seeded.version}, data up to ${seeded.anchor}).`
        : 'Demo database already seeded.',
    );
    if (saved) store.apply(rt, saved);
    const demo = generateDemoData(seeded.anchor);
    const report = createDemoContent(rt, saved?.setup ?? {}, demo);
    for (const problem of report.problems) log(`Demo setup could not finish (retried on the next start): ${problem}`);
    const setup = { state: report.state, problems: report.problems, anchor: seeded.anchor };
    return await serve(rt, admin, receiver, store, setup, functions, lang, options.port ?? 8080, log);
  } catch (error) {
    rt?.dispose();
    admin?.dispose();
    await receiver.stop();
    throw error;
  }
}

async function serve(
  rt: AppsScriptRuntime,
  admin: AppsScriptRuntime,
  receiver: Receiver,
  store: StateStore,
  demo: { state: SetupState; problems: string[]; anchor: string },
  functions: string[],
  lang: Lang,
  port: number,
  log: (line: string) => void,
): Promise<Playground> {
  let version = 1;
  /** Who the page edits as: you (the owner) or a colleague without rights on protected ranges. */
  const editors = [rt.defaultUser.email, 'sales@example.com', 'cs@example.com'];
  let sidebarVersion = 0;
  let shownSidebar: unknown = null;
  const setup = demo.state;
  const ui = () => rt.spreadsheet._ui();
  const save = () => store.save(rt, setup);

  /** Bumps versions after a call: the page redraws, and reloads the sidebar if a new one was shown. */
  const afterCall = () => {
    version++;
    const sidebar = ui().sidebar;
    if (sidebar && sidebar !== shownSidebar) sidebarVersion++;
    shownSidebar = sidebar;
    save();
  };

  const runMenuItem = (functionName: string) => {
    const listed = ui().menus.some((m) => m.items.some((i) => 'functionName' in i && i.functionName === functionName));
    if (!listed) throw new HttpError(400, `No menu item runs ${functionName}.`);
    const result = rt.run(functionName, [], { authMode: 'FULL', kind: 'menu' });
    afterCall();
    return result.ok
      ? { ok: true }
      : { ok: false, error: { name: result.error?.name ?? 'Error', message: result.error?.message ?? '' } };
  };

  rt.open('LIMITED');
  const opener = ui()
    .menus.flatMap((m) => m.items)
    .find((i) => 'functionName' in i && i.functionName === 'showSidebar');
  if (opener) runMenuItem('showSidebar');
  else save();

  let editAs = rt.defaultUser.email;

  /** Runs a person's action: a refusal is an answer for the page, not a server error. */
  const asPerson = (action: () => { triggers: FiredTrigger[] }) => {
    try {
      const done = action();
      for (const t of done.triggers) if (!t.ok) log(`Trigger ${t.handler} failed: ${t.error ?? ''}`);
      return { ok: true, triggers: done.triggers };
    } catch (error) {
      if (error instanceof PersonEditRefused)
        return { ok: false, error: { reason: error.reason, message: error.message } };
      if (error instanceof Error && /^No sheet named|^Row \d+ is not|^Cell \w+ is not/.test(error.message))
        throw new HttpError(400, error.message);
      throw error;
    } finally {
      afterCall();
    }
  };

  const state = (query: StateQuery) => {
    const ss = rt.spreadsheet._active();
    const sheets = ss
      .getSheets()
      .map((s) => ({ name: s.getName(), sheetId: s.getSheetId(), hidden: s.isSheetHidden() }));
    const byGid = query.gid ? sheets.find((s) => String(s.sheetId) === query.gid) : undefined;
    const chosen =
      sheets.find((s) => s.name === query.sheet) ??
      byGid ??
      sheets.find((s) => s.name === ss.getActiveSheet().getName() && !s.hidden) ??
      sheets.find((s) => !s.hidden) ??
      sheets[0];
    const sheet = ss.getSheetByName(chosen.name)!;
    const lastRow = sheet.getLastRow();
    const lastCol = sheet.getLastColumn();
    const shown = Math.min(lastRow, MAX_PAGE_ROWS);
    const range = shown > 0 && lastCol > 0 ? sheet.getRange(1, 1, shown, lastCol) : null;
    const values = range ? range.getDisplayValues() : [];
    const grid = gridState(sheet as unknown as SheetFake, shown, lastCol, editAs, lastRow > MAX_PAGE_ROWS);
    const sidebar = ui().sidebar;
    const toasts = ss._toasts;
    return {
      version,
      title: ss.getName(),
      sheets,
      sheet: chosen.name,
      values,
      totalRows: lastRow,
      menus: ui().menus.map((m) => ({
        title: m.title,
        items: m.items.flatMap((i) =>
          'functionName' in i ? [{ caption: i.caption, functionName: i.functionName }] : [],
        ),
      })),
      sidebar: sidebar ? { title: sidebar.title, version: sidebarVersion } : null,
      receiverUrl: `${receiver.origin}/__receiver/`,
      notes: range ? cellNotes(range.getNotes()) : [],
      ...grid,
      editors,
      editAs,
      toastCount: toasts.length,
      toasts: toasts
        .slice(-TOASTS_SENT)
        .map((toast, i) => ({ seq: Math.max(0, toasts.length - TOASTS_SENT) + i, ...toast })),
    };
  };

  const routes = async (
    req: http.IncomingMessage,
    url: URL,
  ): Promise<{ status?: number; type: string; body: string }> => {
    const json = (value: unknown) => ({ type: 'application/json; charset=utf-8', body: JSON.stringify(value) });
    const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /':
        return html(pageHtml(lang));
      case 'GET /sidebar': {
        const sidebar = ui().sidebar;
        return html(sidebar ? injectShim(sidebar.html, functions, lang) : '<!DOCTYPE html><html><body></body></html>');
      }
      case 'GET /__playground/state':
        return json(state({ sheet: url.searchParams.get('sheet'), gid: url.searchParams.get('gid') }));
      case 'POST /__playground/run': {
        const body = (await readJson(req)) as { fn?: unknown; args?: unknown };
        if (typeof body.fn !== 'string' || !Array.isArray(body.args))
          throw new HttpError(400, 'Expected {"fn": string, "args": array}.');
        const answer = rt.scriptRun(body.fn, body.args);
        afterCall();
        return json(answer);
      }
      case 'POST /__playground/menu': {
        const body = (await readJson(req)) as { functionName?: unknown };
        if (typeof body.functionName !== 'string') throw new HttpError(400, 'Expected {"functionName": string}.');
        return json(runMenuItem(body.functionName));
      }
      case 'POST /__playground/edit': {
        const body = (await readJson(req)) as { sheet?: unknown; row?: unknown; col?: unknown; value?: unknown };
        const { sheet, row, col, value } = body;
        if (typeof sheet !== 'string' || !Number.isInteger(row) || !Number.isInteger(col) || typeof value !== 'string')
          throw new HttpError(400, 'Expected {"sheet": string, "row": int, "col": int, "value": string}.');
        if ((row as number) < 0 || (col as number) < 0) throw new HttpError(400, 'Rows and columns start at 0.');
        const a1 = `${columnName(col as number)}${(row as number) + 1}`;
        return json(asPerson(() => personEdit(rt, sheet, a1, value, editAs)));
      }
      case 'POST /__playground/paste': {
        const body = (await readJson(req)) as { sheet?: unknown; row?: unknown; col?: unknown; rows?: unknown };
        const { sheet, row, col, rows } = body;
        const isRows =
          Array.isArray(rows) &&
          rows.length > 0 &&
          rows.every((line) => Array.isArray(line) && line.every((v) => typeof v === 'string'));
        if (typeof sheet !== 'string' || !Number.isInteger(row) || !Number.isInteger(col) || !isRows)
          throw new HttpError(400, 'Expected {"sheet": string, "row": int, "col": int, "rows": string[][]}.');
        if ((row as number) < 0 || (col as number) < 0) throw new HttpError(400, 'Rows and columns start at 0.');
        const a1 = `${columnName(col as number)}${(row as number) + 1}`;
        return json(asPerson(() => personPaste(rt, sheet, a1, rows as string[][], editAs)));
      }
      case 'POST /__playground/rows': {
        const body = (await readJson(req)) as { sheet?: unknown; row?: unknown; action?: unknown };
        const { sheet, row, action } = body;
        if (
          typeof sheet !== 'string' ||
          !Number.isInteger(row) ||
          (action !== 'insertAbove' && action !== 'insertBelow' && action !== 'delete')
        )
          throw new HttpError(400, 'Expected {"sheet": string, "row": int (1-based), "action": "insertAbove" | ...}.');
        return json(asPerson(() => personRowChange(rt, sheet, action, row as number, editAs)));
      }
      case 'POST /__playground/edit-as': {
        const body = (await readJson(req)) as { email?: unknown };
        if (typeof body.email !== 'string' || !editors.includes(body.email))
          throw new HttpError(400, `Expected {"email": one of ${editors.join(', ')}}.`);
        editAs = body.email;
        version++;
        return json({ ok: true });
      }
      case 'POST /__playground/close':
        ui().sidebar = null;
        afterCall();
        return json({ ok: true });
      default:
        throw new HttpError(404, `Not found: ${route}`);
    }
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const respond = () => {
      refuseForeignRequest(req, (server.address() as AddressInfo).port);
      return routes(req, url);
    };
    Promise.resolve()
      .then(respond)
      .then(
        (answer) => {
          res.writeHead(answer.status ?? 200, {
            'Content-Type': answer.type,
            'Cache-Control': 'no-store',
            'X-Content-Type-Options': 'nosniff',
          });
          res.end(answer.body);
        },
        (error: unknown) => {
          const status = error instanceof HttpError ? error.status : 500;
          if (status === 500)
            log(`Playground server error on ${req.method} ${url.pathname}: ${(error as Error).stack ?? String(error)}`);
          res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ ok: false, error: { name: 'PlaygroundError', message: (error as Error).message } }));
        },
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  // Time-driven triggers (the add-on's tick, once "Turn on scheduled refreshes" was chosen) fire
  // as they fall due on the runtime's clock, which follows real time here.
  const fireDueTriggers = (): number => {
    const runs = rt.base.scriptApp._fireDueTimeTriggers();
    if (runs.length === 0) return 0;
    for (const run of runs) if (!run.ok) log(`Time-driven trigger ${run.handler} failed: ${run.error?.message ?? ''}`);
    // What the triggers wrote shows in the page at its next poll.
    version++;
    save();
    return runs.length;
  };
  const triggerTimer = setInterval(fireDueTriggers, 30_000);
  triggerTimer.unref();

  let closed = false;
  return {
    url: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    runtime: rt,
    receiver,
    stateDir: store.dir,
    setupProblems: demo.problems,
    demoAnchor: demo.anchor,
    fireDueTriggers,
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(triggerTimer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      save();
      rt.dispose();
      admin.dispose();
      await receiver.stop();
    },
  };
}

function columnName(index: number): string {
  let s = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/** The cells that carry a note, as [row, column, note] (0-based), so the page can show them on hover. */
function cellNotes(notes: string[][]): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (const [r, row] of notes.entries()) {
    for (const [c, note] of row.entries()) if (note) out.push([r, c, note]);
  }
  return out;
}

/**
 * Only the playground's own page may drive it. Bound to 127.0.0.1, it can still be reached by any
 * web page open in the same browser: a request for another host name (DNS rebinding) is refused,
 * and so is a POST from another origin or without a JSON body (which a cross-site form or a
 * no-cors fetch cannot send).
 */
function refuseForeignRequest(req: http.IncomingMessage, port: number): void {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(req.headers.host ?? '')) throw new HttpError(403, 'The playground answers 127.0.0.1 only.');
  if (req.method !== 'POST') return;
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((host) => origin === `http://${host}`))
    throw new HttpError(403, 'Requests from other sites are refused.');
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new HttpError(415, 'Send the body as application/json.');
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HttpError(413, 'Request too large.'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'The body is not JSON.'));
      }
    });
    req.on('error', reject);
  });
}
