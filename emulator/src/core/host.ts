/**
 * The contract between the runtime and each emulated service. A service gets a `ServiceHost`
 * (clock, manifest, the running execution, options) and gives back the object it exposes as
 * a global in the sandbox, plus hooks for the end of each execution and for shutdown.
 */
import type { VirtualClock } from './clock';
import type * as vm from 'node:vm';
import type { Execution, ExecutionUser } from './execution';
import type { FaultInjector } from './faults';
import type { Manifest } from './manifest';

export interface ServiceHost {
  readonly clock: VirtualClock;
  readonly manifest: Manifest;
  readonly faults: FaultInjector;
  /** The execution now running (the innermost one when executions interleave). */
  currentExecution(): Execution | undefined;
  /** Whether the runtime emulates a published Editor add-on (trigger limits) or a bound script. */
  readonly addOnMode: boolean;
  /** Files of the deployed project other than Code.js (HTML files by name without extension). */
  readonly projectFiles: ReadonlyMap<string, string>;
  /** Appends a line to the running execution's log (and the runtime's log sink). */
  log(line: string): void;
  /** Runs a function of the bundle as a new execution (used by triggers the services fire). */
  runExecution(
    functionName: string,
    args: unknown[],
    init: {
      authMode: 'FULL' | 'LIMITED';
      kind: 'installable-trigger' | 'time-trigger' | 'simple-trigger';
      triggerUid?: string;
      user?: Partial<ExecutionUser>;
    },
  ): unknown;
  /**
   * The running execution's sandbox, for services that must run code in it (HtmlService
   * templates evaluate their scriptlets with the script's globals).
   */
  sandbox?(): SandboxAccess | undefined;
}

/** A running execution's `vm` context and the copies across its boundary (service objects wrapped). */
export interface SandboxAccess {
  readonly context: vm.Context;
  toGuest(value: unknown): unknown;
  toHost(value: unknown): unknown;
}

export interface EmulatedService {
  /** Name of the global in the sandbox ("SpreadsheetApp"). */
  readonly globalName: string;
  /** The host object behind that global; its class declares `appsScriptName`. */
  readonly global: object;
  /** Called when an execution ends, normally or not (close JDBC connections, release locks). */
  endExecution?(execution: Execution): void;
  /** Called once when the runtime is disposed (stop workers, servers). */
  dispose?(): void;
}
