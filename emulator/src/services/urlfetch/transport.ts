/**
 * The synchronous bridge to emulator/worker/http-worker.mjs: the main thread blocks (as
 * Apps Script's UrlFetchApp does) while the worker performs one or several requests
 * concurrently over real loopback HTTP.
 */
import * as path from 'node:path';
import { createSyncFn } from 'synckit';

export interface WireRequest {
  /** The real destination (already mapped; loopback only). */
  url: string;
  method: string;
  headers: [string, string][];
  body: Uint8Array | null;
  rejectUnauthorized: boolean;
}

export type WireResult =
  | { ok: true; status: number; rawHeaders: string[]; body: Uint8Array }
  | { ok: false; kind: 'refused' | 'timeout' | 'dns' | 'other'; message: string };

export interface HttpTransport {
  /** Sends every request at once and waits for all of them (each bounded by `timeoutMs`). */
  send(requests: WireRequest[], timeoutMs: number): WireResult[];
}

const WORKER_PATH = path.resolve(__dirname, '..', '..', '..', 'worker', 'http-worker.mjs');
/** Upper bound on one blocking call; the worker's own per-request timeout ends requests sooner. */
const BRIDGE_TIMEOUT_MS = 15 * 60_000;

type WorkerFn = (op: 'fetchAll', payload: { requests: WireRequest[]; timeoutMs: number }) => WireResult[];

let workerFn: WorkerFn | undefined;

/** The shared worker transport (one worker thread per process, started on first use, unref'd). */
export function workerTransport(): HttpTransport {
  return {
    send(requests, timeoutMs) {
      if (requests.length === 0) return [];
      workerFn ??= createSyncFn<WorkerFn>(WORKER_PATH, { timeout: BRIDGE_TIMEOUT_MS });
      return workerFn('fetchAll', { requests, timeoutMs }).map((r) =>
        r.ok ? { ...r, body: new Uint8Array(r.body) } : r,
      );
    },
  };
}
