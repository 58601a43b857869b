/**
 * npm run bench:sidebar: what opening the sidebar costs, before (the sidebar built from BEFORE_COMMIT, the
 * commit before the startup work, in a temporary folder) and after (dist/, this tree's build), side by side:
 * the size of the served HTML and its gzip size; in Chromium at 1x and 4x CPU throttling (CDP
 * Emulation.setCPUThrottlingRate), the script evaluation time (CDP Performance ScriptDuration) and the time to
 * interactive, with the longest main-thread task before it; and the google.script.run calls and rounds (calls
 * that wait for an earlier answer) before the sidebar is usable. Both pages talk to the same playground server
 * (the local Apps Script runtime), so a server round costs here what the local runtime takes, not Google's
 * ~0.5-2 s per execution; a last row adds ROUND_MS (BENCH_ROUND_MS, default 800) to every call's answer, as a
 * rough model of that. "Usable": the data source list filled, the recent runs shown and the editor in place.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { injectShim, publicFunctions } from '../emulator/playground/bridge';
import { startPlayground } from '../emulator/playground/server';

const REPO = path.resolve(__dirname, '..');
/** The last commit before the startup work (issue 12): its sidebar is "before". */
const BEFORE_COMMIT = 'b9097dc';
const CHROMIUM = '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const THROTTLES = [1, 4];
/** Added to every server answer for the last row: roughly what one Apps Script execution costs. */
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 800);

interface Variant {
  label: string;
  /** The page as HtmlService serves it (template evaluated), without the playground's shim. */
  served: string;
}

interface Sample {
  scriptMs: number;
  ttiMs: number;
  longestTaskMs: number;
  calls: number;
  rounds: number;
}

/** Builds the sidebar of BEFORE_COMMIT in a temporary folder and evaluates its template ("lang" only, then). */
function beforePage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-sidebar-before-'));
  try {
    const tar = execFileSync('git', ['archive', BEFORE_COMMIT, 'src', 'scripts'], { cwd: REPO });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync('node', ['scripts/build-ui.mjs'], { cwd: dir, stdio: 'ignore' });
    const template = fs.readFileSync(path.join(dir, 'dist', 'Sidebar.html'), 'utf8');
    if (/<\?(?!= lang \?>)/.test(template.replace('<?= lang ?>', ''))) throw new Error('unexpected scriptlet');
    return template.replace('<?= lang ?>', 'en');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The longest chain of calls where each starts after the previous one was answered. */
function rounds(calls: { at: number; doneAt: number | null }[]): number {
  const chain: number[] = [];
  calls.forEach((call, i) => {
    let longest = 0;
    for (let j = 0; j < i; j++) {
      const done = calls[j].doneAt;
      if (done !== null && done <= call.at) longest = Math.max(longest, chain[j]);
    }
    chain.push(longest + 1);
  });
  return Math.max(0, ...chain);
}

async function measure(browser: Browser, url: string, html: string, throttle: number, roundMs = 0): Promise<Sample> {
  const context = await browser.newContext({ viewport: { width: 300, height: 800 } });
  const page = await context.newPage();
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  if (roundMs > 0)
    await page.route('**/__playground/run', async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, roundMs));
      await route.fulfill({ response });
    });
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(url, { waitUntil: 'commit' });
  const tti = await page.waitForFunction(
    () => {
      const select = document.querySelector('[data-testid="ds-select"]') as HTMLSelectElement | null;
      const status = document.querySelector('[data-testid="status-line"]');
      const usable =
        document.querySelector('.cm-content') !== null &&
        (select?.options.length ?? 0) > 0 &&
        (status?.textContent ?? '').trim() !== '';
      return usable ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const ttiMs = (await tti.jsonValue()) as number;
  const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const scriptMs = 1000 * (metrics.metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN);
  const seen = await page.evaluate((until) => {
    const w = window as unknown as {
      __longTasks: { start: number; duration: number }[];
      __playgroundScriptRunCalls: { at: number; doneAt: number | null }[];
    };
    return {
      tasks: w.__longTasks.filter((t) => t.start < until).map((t) => t.duration),
      calls: w.__playgroundScriptRunCalls.filter((c) => c.at < until),
    };
  }, ttiMs);
  await context.close();
  return {
    scriptMs,
    ttiMs,
    longestTaskMs: Math.max(0, ...seen.tasks),
    calls: seen.calls.length,
    rounds: rounds(seen.calls),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is needed (apt-get install chromium).`);
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-bench-sidebar-'));
  const pg = await startPlayground({ port: 0, stateDir, log: () => undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const functions = publicFunctions(path.join(REPO, 'dist', 'Code.js'));
    const shimmed = await (await fetch(`${pg.url}sidebar`)).text();
    const after = shimmed.replace(/<script data-playground-shim>[\s\S]*?<\/script>/, '');
    const variants: Variant[] = [
      { label: `before (${BEFORE_COMMIT})`, served: beforePage() },
      { label: 'after (this build)', served: after },
    ];
    const url = `${pg.url}sidebar`;
    const rows: [string, ...string[]][] = [
      ['served HTML', ...variants.map((v) => kib(Buffer.byteLength(v.served)))],
      ['  gzip', ...variants.map((v) => kib(zlib.gzipSync(v.served).length))],
    ];
    for (const throttle of THROTTLES) {
      const samples: Sample[][] = [];
      for (const variant of variants) {
        const html = injectShim(variant.served, functions, 'en');
        await measure(browser, url, html, throttle); // warm-up (disk cache, JIT of the server)
        const runs: Sample[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, url, html, throttle));
        samples.push(runs);
      }
      const pick = (key: keyof Sample) => samples.map((runs) => median(runs.map((r) => r[key])));
      rows.push([`script evaluation @${throttle}x`, ...pick('scriptMs').map(ms)]);
      rows.push([`time to interactive @${throttle}x`, ...pick('ttiMs').map(ms)]);
      rows.push([
        `longest task (> 50 ms) before usable @${throttle}x`,
        ...pick('longestTaskMs').map((value) => (value > 0 ? ms(value) : 'none')),
      ]);
      if (throttle === 1) {
        rows.push(['server calls before usable', ...pick('calls').map(String)]);
        rows.push(['server rounds before usable', ...pick('rounds').map(String)]);
      }
    }
    const slow: number[] = [];
    for (const variant of variants) {
      const html = injectShim(variant.served, functions, 'en');
      const runs: Sample[] = [];
      for (let i = 0; i < Math.min(RUNS, 3); i++) runs.push(await measure(browser, url, html, 1, ROUND_MS));
      slow.push(median(runs.map((r) => r.ttiMs)));
    }
    rows.push([`time to interactive @1x, ${ROUND_MS} ms per server call`, ...slow.map(ms)]);
    const widths = [0, 1, 2].map((i) =>
      Math.max(...[['', ...variants.map((v) => v.label)], ...rows].map((r) => (r[i] ?? '').length)),
    );
    const line = (cells: string[]) =>
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
    console.log(`Sidebar startup, Chromium, median of ${RUNS} loads, ${new Date().toISOString().slice(0, 10)}`);
    console.log(line(['', ...variants.map((v) => v.label)]));
    for (const row of rows) console.log(line(row));
  } finally {
    await browser.close();
    await pg.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
