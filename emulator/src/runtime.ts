/**
 * The local Apps Script runtime. It loads the built bundle (dist/Code.js) into a fresh `vm`
 * context for every execution, as Apps Script re-runs a script's global statements on each
 * execution, with only Apps Script's globals in it, each backed by an emulated service. Tests
 * and the playground call the bundle's global functions through it as Apps Script would: as
 * a simple trigger, an installable or time-driven trigger, a menu item or `google.script.run`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { VirtualClock } from './core/clock';
import { AppsScriptException, ExecutionKilled, MESSAGES } from './core/errors';
import { Execution, type AuthModeName, type ExecutionKind, type ExecutionUser } from './core/execution';
import { FaultInjector } from './core/faults';
import type { EmulatedService, SandboxAccess, ServiceHost } from './core/host';
import { Instrumenter } from './core/instrument';
import { parseManifest, type Manifest } from './core/manifest';
import { checkPermission } from './core/permissions';
import { GuestRealm } from './core/realm';
import { createBaseServices, type BaseServices } from './services/base';
import { createJdbcService, type JdbcOptions, type JdbcService } from './services/jdbc';
import {
  ChartsFake,
  createSpreadsheetService,
  type SpreadsheetOptions,
  type SpreadsheetService,
} from './services/spreadsheet';
import { createUrlFetchService, type UrlFetchOptions, type UrlFetchService } from './services/urlfetch';

export interface RuntimeOptions {
  /** Folder holding Code.js, appsscript.json and the HTML files (default: the repo's dist/). */
  distDir?: string;
  /** Emulate a published Editor add-on (one time trigger per user and document, at most hourly). */
  addOnMode?: boolean;
  user?: Partial<ExecutionUser>;
  spreadsheet?: SpreadsheetOptions;
  jdbc?: JdbcOptions;
  urlFetch?: UrlFetchOptions;
  clock?: VirtualClock;
  /** Guard against runaway loops in the sandbox (real CPU time, not the virtual clock). */
  cpuTimeoutMs?: number;
  /** Receives every log line (Logger, console) as it is written. */
  onLog?: (line: string) => void;
}

export interface RunOptions {
  authMode?: AuthModeName;
  kind?: ExecutionKind;
  user?: Partial<ExecutionUser>;
  /** A trigger that fires only if the script defines it: when the function is absent, nothing is recorded. */
  onlyIfDefined?: boolean;
}

export interface ExecutionResult {
  ok: boolean;
  /** The function's return value, copied to the host. */
  value?: unknown;
  /** What Apps Script would report: name "Exception" for service errors, else the thrown error's name. */
  error?: { name: string; message: string; stack?: string };
  execution: Execution;
  /** With `onlyIfDefined`: the script has no such function, so nothing ran. */
  skipped?: boolean;
}

/** Thrown by `call` when the execution failed; `message` reads as Apps Script logs it. */
export class ExecutionError extends Error {
  constructor(readonly result: ExecutionResult) {
    super(`${result.error?.name}: ${result.error?.message}`);
    this.name = 'ExecutionError';
  }
}

const DEFAULT_DIST = path.resolve(__dirname, '..', '..', 'dist');

export class AppsScriptRuntime {
  readonly clock: VirtualClock;
  readonly faults = new FaultInjector();
  readonly manifest: Manifest;
  readonly addOnMode: boolean;
  readonly spreadsheet: SpreadsheetService;
  readonly jdbc: JdbcService;
  readonly urlFetch: UrlFetchService;
  readonly base: BaseServices;
  /** Every execution so far, oldest first. */
  readonly executions: Execution[] = [];
  readonly defaultUser: ExecutionUser;

  private readonly script: vm.Script;
  private readonly services: EmulatedService[];
  private readonly stack: Execution[] = [];
  private readonly sandboxes = new Map<Execution, SandboxAccess>();
  private readonly cpuTimeoutMs: number;
  private readonly onLog?: (line: string) => void;
  private nextExecutionId = 1;
  private disposed = false;

  constructor(options: RuntimeOptions = {}) {
    const distDir = options.distDir ?? DEFAULT_DIST;
    const codePath = path.join(distDir, 'Code.js');
    if (!fs.existsSync(codePath)) throw new Error(`No bundle at ${codePath}: run "npm run build" first.`);
    this.script = new vm.Script(fs.readFileSync(codePath, 'utf8'), { filename: 'Code.gs' });
    this.manifest = parseManifest(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8'));
    const projectFiles = new Map<string, string>();
    for (const file of fs.readdirSync(distDir)) {
      if (file.endsWith('.html'))
        projectFiles.set(file.slice(0, -5), fs.readFileSync(path.join(distDir, file), 'utf8'));
    }
    this.clock = options.clock ?? new VirtualClock();
    this.addOnMode = options.addOnMode ?? false;
    this.cpuTimeoutMs = options.cpuTimeoutMs ?? 360_000;
    this.onLog = options.onLog;
    this.defaultUser = { email: 'user@example.com', locale: 'en', ...options.user };
    if (this.manifest.timeZone) process.env.TZ = this.manifest.timeZone;

    const host: ServiceHost = {
      clock: this.clock,
      manifest: this.manifest,
      faults: this.faults,
      addOnMode: this.addOnMode,
      projectFiles,
      currentExecution: () => this.stack[this.stack.length - 1],
      log: (line) => {
        this.stack[this.stack.length - 1]?.logs.push(line);
        this.onLog?.(line);
      },
      runExecution: (functionName, args, init) => {
        const result = this.run(functionName, args, { authMode: init.authMode, kind: init.kind, user: init.user });
        if (!result.ok) throw new ExecutionError(result);
        return result.value;
      },
      sandbox: () => {
        const execution = this.stack[this.stack.length - 1];
        return execution ? this.sandboxes.get(execution) : undefined;
      },
    };
    this.spreadsheet = createSpreadsheetService(host, options.spreadsheet ?? {});
    this.jdbc = createJdbcService(host, options.jdbc ?? {});
    this.urlFetch = createUrlFetchService(host, options.urlFetch ?? {});
    this.base = createBaseServices(host, { spreadsheet: this.spreadsheet });
    const charts: EmulatedService = { globalName: 'Charts', global: new ChartsFake() };
    this.services = [this.spreadsheet, charts, this.jdbc, this.urlFetch, ...this.base.all];
  }

  /** Runs one execution of a global function of the bundle and reports how it ended. */
  run(functionName: string, args: unknown[] = [], options: RunOptions = {}): ExecutionResult {
    if (this.disposed) throw new Error('The runtime was disposed.');
    const execution = new Execution({
      id: this.nextExecutionId++,
      functionName,
      authMode: options.authMode ?? 'FULL',
      kind: options.kind ?? 'direct',
      user: { ...this.defaultUser, ...options.user },
      startedAt: this.clock.now(),
    });
    this.executions.push(execution);
    this.stack.push(execution);
    let result: ExecutionResult;
    try {
      const { context, instrumenter } = this.createContext(execution);
      this.sandboxes.set(execution, {
        context,
        toGuest: (v) => instrumenter.toGuest(v),
        toHost: (v) => instrumenter.toHost(v),
      });
      this.script.runInContext(context, { timeout: this.cpuTimeoutMs });
      const fn = (context as Record<string, unknown>)[functionName];
      if (typeof fn !== 'function' && options.onlyIfDefined) {
        this.executions.splice(this.executions.indexOf(execution), 1);
        return { ok: true, skipped: true, execution };
      }
      if (typeof fn !== 'function') {
        throw new AppsScriptException(`Script function not found: ${functionName}`);
      }
      const guestArgs = args.map((a) => instrumenter.toGuest(a));
      (context as Record<string, unknown>).__sheetdashEntry = { fn, args: guestArgs };
      const value = vm.runInContext(
        '(function (e) { delete globalThis.__sheetdashEntry; return e.fn.apply(globalThis, e.args); })(globalThis.__sheetdashEntry)',
        context,
        { timeout: this.cpuTimeoutMs },
      );
      result = { ok: true, value: instrumenter.toHost(value), execution };
    } catch (error) {
      result = { ok: false, error: describeError(error), execution };
    } finally {
      for (const service of this.services) {
        try {
          service.endExecution?.(execution);
        } catch {
          // one service failing to clean up must not hide the execution's own outcome
        }
      }
      this.stack.pop();
      this.sandboxes.delete(execution);
    }
    if (execution.killedWith)
      result = { ok: false, error: { name: 'Exception', message: execution.killedWith }, execution };
    return result;
  }

  /** Runs a function with full authorization and returns its value, or throws `ExecutionError`. */
  call(functionName: string, ...args: unknown[]): unknown {
    const result = this.run(functionName, args);
    if (!result.ok) throw new ExecutionError(result);
    return result.value;
  }

  /**
   * Runs `onOpen` as the simple trigger does: LIMITED when the add-on is enabled in the
   * document, NONE when installed but not yet used in it.
   */
  open(authMode: 'LIMITED' | 'NONE' | 'FULL' = 'LIMITED'): ExecutionResult {
    return this.run('onOpen', [this.triggerEvent(authMode)], { authMode, kind: 'simple-trigger' });
  }

  /** Runs `onInstall` as Apps Script does when a user installs the add-on (FULL). */
  install(): ExecutionResult {
    return this.run('onInstall', [this.triggerEvent('FULL')], { authMode: 'FULL', kind: 'simple-trigger' });
  }

  /**
   * A `google.script.run` call from the sidebar: the client sees what Apps Script's bridge gives
   * it. `user` is who has the sidebar open (default: the runtime's default user).
   */
  scriptRun(
    functionName: string,
    args: unknown[] = [],
    options: { user?: Partial<ExecutionUser> } = {},
  ): { ok: true; value: unknown } | { ok: false; error: { name: 'ScriptError'; message: string } } {
    const refuse = (message: string) => ({ ok: false as const, error: { name: 'ScriptError' as const, message } });
    if (functionName.endsWith('_')) return refuse(`Script function not found: ${functionName}`);
    const illegal = findIllegalScriptRunValue(args);
    if (illegal) return refuse(`Invalid argument: ${illegal}`);
    const result = this.run(functionName, args, { authMode: 'FULL', kind: 'script.run', user: options.user });
    if (!result.ok) {
      const prefix = result.error?.name === 'Exception' ? 'Exception: ' : `${result.error?.name ?? 'Error'}: `;
      return refuse(prefix + (result.error?.message ?? ''));
    }
    return { ok: true, value: findIllegalScriptRunValue([result.value]) ? null : result.value };
  }

  /** The event object of a simple trigger on this spreadsheet. */
  triggerEvent(authMode: AuthModeName): Record<string, unknown> {
    return {
      authMode: this.base.scriptApp._authModeValue(authMode),
      source: this.spreadsheet._active(),
      user: this.defaultUser.email,
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const service of this.services) service.dispose?.();
  }

  private createContext(execution: Execution): { context: vm.Context; instrumenter: Instrumenter } {
    const context = vm.createContext(
      {},
      { name: `execution ${execution.id}`, codeGeneration: { strings: true, wasm: false } },
    );
    const realm = new GuestRealm(context);
    const instrumenter = new Instrumenter(realm, {
      beforeCall: (name) => this.beforeCall(name, execution),
      translateError: (error) => translateError(error, realm),
    });
    const sandbox = context as Record<string, unknown>;
    for (const service of this.services) sandbox[service.globalName] = instrumenter.wrap(service.global);
    sandbox.__sheetdashNow = () => this.clock.now();
    vm.runInContext(VIRTUAL_DATE_SOURCE, context);
    vm.runInContext('delete globalThis.WebAssembly;', context);
    return { context, instrumenter };
  }

  private beforeCall(name: string, execution: Execution): void {
    if (execution.killedWith) throw new ExecutionKilled(execution.killedWith);
    if (this.clock.now() - execution.startedAt > execution.limitMs) {
      execution.killedWith = MESSAGES.maxExecutionTime;
      throw new ExecutionKilled(MESSAGES.maxExecutionTime);
    }
    checkPermission(name, execution.authMode, this.manifest.oauthScopes);
    execution.noteCall(name);
    this.faults.beforeCall(name, execution);
  }
}

/** Replaces the sandbox's Date with one that reads the virtual clock. */
const VIRTUAL_DATE_SOURCE = `
(function () {
  var now = globalThis.__sheetdashNow;
  delete globalThis.__sheetdashNow;
  var RealDate = Date;
  function VirtualDate(a, b, c, d, e, f, g) {
    if (!new.target) return new RealDate(now()).toString();
    switch (arguments.length) {
      case 0: return Reflect.construct(RealDate, [now()], new.target);
      case 1: return Reflect.construct(RealDate, [a], new.target);
      case 3: return Reflect.construct(RealDate, [a, b, c], new.target);
      default: return Reflect.construct(RealDate, Array.prototype.slice.call(arguments), new.target);
    }
  }
  VirtualDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  VirtualDate.now = function () { return now(); };
  VirtualDate.parse = RealDate.parse;
  VirtualDate.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: VirtualDate, writable: true, configurable: true, enumerable: false });
})();
`;

function translateError(error: unknown, realm: GuestRealm): unknown {
  if (error instanceof AppsScriptException) return realm.guestError('Exception', error.message);
  if (error instanceof Error) {
    // A bug in the emulator itself: surface it loudly rather than disguising it as a platform error.
    return realm.guestError('Exception', `Internal emulator error: ${error.message}\n${error.stack ?? ''}`);
  }
  return error;
}

function describeError(error: unknown): { name: string; message: string; stack?: string } {
  if (error && typeof error === 'object' && 'message' in error) {
    const e = error as { name?: unknown; message?: unknown; stack?: unknown };
    return {
      name: String(e.name ?? 'Error'),
      message: String(e.message),
      stack: typeof e.stack === 'string' ? e.stack : undefined,
    };
  }
  return { name: 'Error', message: String(error) };
}

/** google.script.run accepts only primitives, plain objects and arrays; a Date or function makes the request fail. */
function findIllegalScriptRunValue(values: unknown[]): string | undefined {
  const seen = new Set<unknown>();
  const visit = (v: unknown): string | undefined => {
    if (v === null || v === undefined || typeof v !== 'object') {
      return typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint' ? typeof v : undefined;
    }
    if (seen.has(v)) return 'circular structure';
    seen.add(v);
    if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
    if (Array.isArray(v)) {
      for (const item of v) {
        const bad = visit(item);
        if (bad) return bad;
      }
      seen.delete(v);
      return undefined;
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return 'object of a non-plain type';
    for (const key of Object.keys(v as object)) {
      const bad = visit((v as Record<string, unknown>)[key]);
      if (bad) return bad;
    }
    seen.delete(v);
    return undefined;
  };
  for (const value of values) {
    const bad = visit(value);
    if (bad) return bad;
  }
  return undefined;
}
