/**
 * A small fixture script for the destinations' end-to-end tests, bundled by
 * destinations-bundle.ts from the add-on's own modules: until the tick and the sidebar send
 * alerts, this is how the delivery code runs in the local Apps Script runtime with the real
 * UrlFetchApp, Utilities.sleep and MailApp. `deliverNow` makes the execution's deadline
 * `remainingMs` from now (virtual clock); `sendTestNow` is "Send test" with the execution's deadline.
 */
import type { AlertNotification } from '../../src/alerts/message';
import { deliver } from '../../src/destinations/deliver';
import type { DestinationConfig } from '../../src/destinations/kind';
import { sendTest, type TestSendResult } from '../../src/destinations/send-test';
import { appsScriptDeliveryServices } from '../../src/destinations/services';
import { createDeadline } from '../../src/features/context';
import type { DeliveryOutcome, Lang, ThreadRef } from '../../src/shared/api-types';

export interface DeliverNowOptions {
  lang: Lang;
  remainingMs: number;
  thread?: ThreadRef | null;
  allowlist?: string[];
}

function deliverNow(destination: DestinationConfig, n: AlertNotification, o: DeliverNowOptions): DeliveryOutcome {
  const startedAt = Date.now();
  const at = startedAt + o.remainingMs;
  const deadline = {
    startedAt,
    at,
    remainingMs: () => at - Date.now(),
    elapsedMs: () => Date.now() - startedAt,
  };
  const options = { lang: o.lang, deadline, services: appsScriptDeliveryServices(), thread: o.thread ?? null };
  return deliver(destination, n, o.allowlist ? { ...options, allowlist: o.allowlist } : options);
}

function sendTestNow(destination: DestinationConfig, lang: Lang): TestSendResult {
  const clock = { now: () => Date.now() };
  return sendTest(destination, { lang, clock, deadline: createDeadline(clock) });
}

const globals = globalThis as unknown as Record<string, unknown>;
globals.deliverNow = deliverNow;
globals.sendTestNow = sendTestNow;
