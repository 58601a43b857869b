/**
 * The playground's saved state in its state folder (default `.playground/`): the spreadsheet
 * and the properties as one JSON file, written atomically after every call, and the PGlite
 * data directory beside it. A state file that cannot be read is kept aside, not overwritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppsScriptRuntime } from '../src/runtime';
import type { SpreadsheetSnapshot } from '../src/services/spreadsheet';
import type { SetupState } from './demo/content';

export interface PlaygroundState {
  format: 'sheetdash-playground';
  version: 1;
  savedAt: string;
  spreadsheet: SpreadsheetSnapshot;
  properties: ReturnType<AppsScriptRuntime['base']['properties']['_snapshot']>;
  setup: SetupState;
}

export class StateStore {
  readonly file: string;
  readonly pgliteDir: string;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, 'state.json');
    this.pgliteDir = path.join(dir, 'pglite');
  }

  /** The saved state, or null on a first start. An unreadable file is moved aside and reported. */
  load(warn: (message: string) => void): PlaygroundState | null {
    if (!fs.existsSync(this.file)) return null;
    try {
      const data = JSON.parse(fs.readFileSync(this.file, 'utf8')) as PlaygroundState;
      if (data.format !== 'sheetdash-playground' || data.version !== 1)
        throw new Error('not a playground state file (format/version)');
      return data;
    } catch (error) {
      const aside = `${this.file}.broken-${Date.now()}`;
      fs.renameSync(this.file, aside);
      warn(`Could not read ${this.file} (${(error as Error).message}); kept it as ${aside} and started fresh.`);
      return null;
    }
  }

  /** Restores a loaded state into the runtime. */
  apply(rt: AppsScriptRuntime, state: PlaygroundState): void {
    rt.spreadsheet._restore(state.spreadsheet);
    rt.base.properties._restore(state.properties);
  }

  save(rt: AppsScriptRuntime, setup: SetupState): void {
    const state: PlaygroundState = {
      format: 'sheetdash-playground',
      version: 1,
      savedAt: new Date().toISOString(),
      spreadsheet: rt.spreadsheet._snapshot(),
      properties: rt.base.properties._snapshot(),
      setup,
    };
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(state));
    fs.renameSync(tmp, this.file);
  }
}
