/**
 * The synchronous bridge to the database worker (emulator/worker/jdbc-worker.mjs). The sandbox
 * calls Jdbc synchronously, as Apps Script does, so each database operation blocks on the
 * worker through synckit. Errors come back as data and are turned into the texts the Java
 * drivers would show (pgjdbc "ERROR: …\n  Position: n", MySQL server text).
 */
import * as path from 'node:path';
import { createSyncFn } from 'synckit';
import { AppsScriptException } from '../../core/errors';
import type { MysqlFieldWire, PgFieldWire } from './columns';

export type Engine = 'pg' | 'pglite' | 'mysql';

export interface WorkerError {
  message: string;
  kind: 'db' | 'lost' | 'closed' | 'timeout' | string;
  code?: string;
  errno?: number;
  severity?: string;
  position?: string;
  detail?: string;
  hint?: string;
  where?: string;
}

export type Cell = string | Uint8Array | null;

export interface WireResult {
  fields?: (PgFieldWire | MysqlFieldWire)[];
  rows?: Cell[][];
  total?: number;
  cursor?: number;
  command?: string;
  update?: number;
}

export interface ConnectRequest {
  kind: Engine;
  host: string;
  port: number;
  hostPort: string;
  database: string;
  user?: string;
  password?: string;
  timeZone: string;
  timeZoneOffset: string;
  connectTimeoutMs: number;
  pglite?: { dataDir?: string; snapshot?: string };
}

export const WORKER_PATH = path.resolve(__dirname, '..', '..', '..', 'worker', 'jdbc-worker.mjs');

type Reply = { ok: true; v: unknown } | { ok: false; err: WorkerError };
let syncFn: ((op: string, arg: unknown) => Reply) | undefined;

/** Thrown by `call` when the worker reports a failure; the service maps it to a user-visible text. */
export class WorkerFailure extends Error {
  constructor(readonly error: WorkerError) {
    super(error.message);
  }
}

export function callWorker<T>(op: string, arg: unknown, timeoutMs: number): T {
  syncFn ??= createSyncFn(WORKER_PATH, { timeout: timeoutMs }) as unknown as (op: string, arg: unknown) => Reply;
  const reply = syncFn(op, arg);
  if (!reply.ok) throw new WorkerFailure(reply.err);
  return reply.v as T;
}

/** The message a script sees for a failed statement, as the Java driver words it. */
export function driverMessage(engine: Engine, e: WorkerError): string {
  if (e.kind === 'lost') {
    return engine === 'mysql'
      ? 'Communications link failure\n\nThe last packet successfully received from the server was 0 milliseconds ago.'
      : 'An I/O error occurred while sending to the backend.';
  }
  if (e.kind === 'closed')
    return engine === 'mysql' ? 'No operations allowed after connection closed.' : 'This connection has been closed.';
  if (e.kind === 'timeout') return e.message;
  if (engine === 'mysql') return e.message;
  if (!e.severity) return e.message;
  let text = `${e.severity}: ${e.message}`;
  if (e.detail) text += `\n  Detail: ${e.detail}`;
  if (e.hint) text += `\n  Hint: ${e.hint}`;
  if (e.position) text += `\n  Position: ${e.position}`;
  if (e.where) text += `\n  Where: ${e.where}`;
  return text;
}

export function toException(engine: Engine, error: unknown): unknown {
  return error instanceof WorkerFailure ? new AppsScriptException(driverMessage(engine, error.error)) : error;
}
