/**
 * "Send test": a sample notification (a check that fired with three rows, named as a test) sent to
 * a destination now, within the execution's deadline, with its outcome worded for the sidebar.
 */
import { sampleNotification } from '../alerts/sample';
import type { ExecutionContext } from '../features/context';
import type { DeliveryOutcome } from '../shared/api-types';
import { type DeliveryServices, deliver } from './deliver';
import type { DestinationConfig } from './kind';
import { describeOutcome } from './outcome';
import { appsScriptDeliveryServices } from './services';

export interface TestSendResult {
  outcome: DeliveryOutcome;
  /** The outcome in the user's language. */
  message: string;
}

export function sendTest(
  destination: DestinationConfig,
  ctx: Pick<ExecutionContext, 'lang' | 'clock' | 'deadline'>,
  services: DeliveryServices = appsScriptDeliveryServices(),
): TestSendResult {
  const n = sampleNotification(ctx.lang, new Date(ctx.clock.now()).toISOString());
  const outcome = deliver(destination, n, { lang: ctx.lang, deadline: ctx.deadline, services });
  return { outcome, message: describeOutcome(ctx.lang, outcome) };
}
