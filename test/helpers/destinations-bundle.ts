/**
 * Bundles destinations-entry.ts (the add-on's delivery modules and a global `deliverNow`) with
 * esbuild, once per test process, and loads it in a fixture runtime with a given manifest.
 */
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { fixtureRuntime, type FixtureOptions } from './runtimes';

let code: string | null = null;

export function destinationsCode(): string {
  if (code !== null) return code;
  const result = buildSync({
    entryPoints: [path.join(__dirname, 'destinations-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
  });
  code = result.outputFiles[0].text;
  return code;
}

export function destinationsRuntime(options: FixtureOptions = {}) {
  return fixtureRuntime(destinationsCode(), options);
}
