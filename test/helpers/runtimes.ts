/**
 * Runtimes for tests: `bundleRuntime` loads the real built bundle (dist/), `fixtureRuntime`
 * loads a few lines of Apps Script code written by the test, to check the emulator's own
 * behaviour against Apps Script's documented behaviour.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppsScriptRuntime, type RuntimeOptions } from '../../emulator/src/runtime';
import type { Manifest } from '../../emulator/src/core/manifest';
import { unwatchForHazards, watchForHazards } from './hazard-watch';

const REPO = path.resolve(__dirname, '..', '..');
const live: AppsScriptRuntime[] = [];

export function bundleRuntime(options: RuntimeOptions = {}): AppsScriptRuntime {
  const runtime = new AppsScriptRuntime({ distDir: path.join(REPO, 'dist'), ...options });
  live.push(runtime);
  watchForHazards(runtime);
  return runtime;
}

export interface FixtureOptions extends RuntimeOptions {
  /** Merged over the project's appsscript.json. */
  manifest?: Partial<Manifest>;
  /** Extra project files (HTML), by name without extension. */
  files?: Record<string, string>;
  /** false: the caller disposes the runtime itself (disposeRuntimes leaves it alone). */
  track?: boolean;
}

export function fixtureRuntime(code: string, options: FixtureOptions = {}): AppsScriptRuntime {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheetdash-fixture-'));
  const manifest = { ...JSON.parse(fs.readFileSync(path.join(REPO, 'appsscript.json'), 'utf8')), ...options.manifest };
  fs.writeFileSync(path.join(dir, 'Code.js'), code);
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
  for (const [name, html] of Object.entries(options.files ?? {}))
    fs.writeFileSync(path.join(dir, `${name}.html`), html);
  const runtime = new AppsScriptRuntime({ ...options, distDir: dir });
  if (options.track !== false) live.push(runtime);
  return runtime;
}

/** Disposes every runtime a test file made (workers, servers); call from afterAll. */
export function disposeRuntimes(): void {
  while (live.length) {
    const runtime = live.pop()!;
    unwatchForHazards(runtime);
    runtime.dispose();
  }
}
