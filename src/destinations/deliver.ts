/**
 * Sends one notification to one destination within the execution's deadline, and says how it
 * went as a language-neutral outcome (delivered / failed / retry-later) for the alert history
 * and the next tick. Slack's 429 (after its Retry-After) and 5xx answers are retried while the
 * wait still ends before the deadline; what does not fit is left for the next tick. A 200 with
 * `ok: false` is read by the kind. The secret (URL, token, header) never appears in an outcome,
 * a log or a thrown message: network errors are reported by code, never by Apps Script's text.
 */
import type { AlertNotification } from '../alerts/message';
import { errorMessage } from '../core/user-error';
import { missingScope } from '../datasources/diagnose';
import { type Deadline, fetchFitsBeforeLimit } from '../features/context';
import type { DeliveryOutcome, DeliveryProblem, Lang, ThreadRef } from '../shared/api-types';
import { URL_FETCH_ALLOWLIST, isAllowedUrl } from './allowlist';
import type { AnswerReading, DestinationConfig, DeliveryStep, HttpAnswer, HttpRequest, MailRequest } from './kind';
import { findDestinationKind } from './registry';
import { validateDestination } from './validate';

/** The Apps Script calls a delivery makes (adapters in production, fakes in unit tests). */
export interface DeliveryServices {
  fetch(request: HttpRequest): HttpAnswer;
  sleep(ms: number): void;
  sendMail(mail: MailRequest): void;
  mailQuotaLeft(): number;
}

export interface DeliveryOptions {
  lang: Lang;
  deadline: Deadline;
  services: DeliveryServices;
  /** The Slack thread of this alert's earlier message (Slack bot). */
  thread?: ThreadRef | null;
  /** The manifest's allowlist (tests of other manifests pass their own). */
  allowlist?: readonly string[];
}

/** Attempts of one request, the first included. */
export const MAX_ATTEMPTS = 4;
/** First wait after a 5xx (or a 429 without Retry-After); doubled after each retry. */
export const FIRST_BACKOFF_MS = 1000;
/** Time kept after a wait, for the request itself. */
export const AFTER_WAIT_MS = 5000;

type StepResult =
  | { ok: true; attempts: number; thread?: ThreadRef }
  | { ok: false; attempts: number; retry: boolean; problem: DeliveryProblem; retryAfterMs?: number };

export function deliver(
  destination: DestinationConfig,
  n: AlertNotification,
  options: DeliveryOptions,
): DeliveryOutcome {
  const kind = findDestinationKind(destination.kind);
  if (!kind) return { status: 'failed', attempts: 0, problem: { code: 'unknown-kind' } };
  const allowlist = options.allowlist ?? URL_FETCH_ALLOWLIST;
  const problems = validateDestination(kind, destination.options, allowlist);
  if (problems.length > 0) {
    const code = problems.some((p) => p.key === 'dest.urlNotAllowed') ? 'host-not-allowed' : 'invalid-config';
    return { status: 'failed', attempts: 0, problem: { code } };
  }
  const steps = kind.steps(n, destination.options, { lang: options.lang, thread: options.thread ?? null });
  let attempts = 0;
  let thread: ThreadRef | undefined;
  const warnings: DeliveryProblem[] = [];
  for (const [index, step] of steps.entries()) {
    const result = runStep(step, options, allowlist, kind.readAnswer ?? defaultReading);
    attempts += result.attempts;
    if (result.ok) {
      if (index === 0) thread = result.thread;
      continue;
    }
    if (index > 0) {
      warnings.push(result.problem);
      continue;
    }
    if (result.retry) {
      const later: DeliveryOutcome = { status: 'retry-later', attempts, problem: result.problem };
      if (result.retryAfterMs !== undefined) later.retryAfterMs = result.retryAfterMs;
      return later;
    }
    return { status: 'failed', attempts, problem: result.problem };
  }
  const delivered: DeliveryOutcome = { status: 'delivered', attempts };
  // The thread the message went to (its first message), else the one it was given.
  const keptThread = thread ?? options.thread ?? undefined;
  if (keptThread) delivered.thread = keptThread;
  if (warnings.length > 0) delivered.warnings = warnings;
  return delivered;
}

function defaultReading(answer: HttpAnswer): AnswerReading {
  return answer.status >= 200 && answer.status < 300 ? { ok: true } : { ok: false, transient: false };
}

function runStep(
  step: DeliveryStep,
  options: DeliveryOptions,
  allowlist: readonly string[],
  read: (answer: HttpAnswer) => AnswerReading,
): StepResult {
  if (step.kind === 'mail') return sendMailStep(step.mail, options);
  if (!isAllowedUrl(step.request.url, allowlist))
    return { ok: false, attempts: 0, retry: false, problem: { code: 'host-not-allowed' } };
  return fetchWithRetries(step.request, options, read);
}

function sendMailStep(mail: MailRequest, options: DeliveryOptions): StepResult {
  if (options.deadline.remainingMs() <= 0)
    return { ok: false, attempts: 0, retry: true, problem: { code: 'deadline' } };
  const recipients = mail.to.split(',').length;
  try {
    if (options.services.mailQuotaLeft() < recipients)
      return { ok: false, attempts: 0, retry: true, problem: { code: 'mail-quota' } };
    options.services.sendMail(mail);
    return { ok: true, attempts: 1 };
  } catch (error) {
    return thrown(error, 1, 'mail-error');
  }
}

/**
 * A service call that threw. A missing OAuth scope is found by its URL, which survives
 * translation (the add-on must be redeployed with it: failed); anything else is reported by code
 * only, never by Apps Script's text (UrlFetch's names the URL, which may hold the secret).
 */
function thrown(error: unknown, attempts: number, code: 'network' | 'mail-error'): StepResult {
  const scope = missingScope(errorMessage(error));
  if (scope) return { ok: false, attempts, retry: false, problem: { code: 'missing-scope', detail: scope } };
  return { ok: false, attempts, retry: true, problem: { code } };
}

/** Retry-After in milliseconds (Slack sends whole seconds), or null. */
export function retryAfterMs(headers: Record<string, string>): number | null {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
  if (!entry) return null;
  const seconds = Number(entry[1].trim());
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : null;
}

function fetchWithRetries(
  request: HttpRequest,
  options: DeliveryOptions,
  read: (answer: HttpAnswer) => AnswerReading,
): StepResult {
  const { deadline, services } = options;
  let backoff = FIRST_BACKOFF_MS;
  for (let attempt = 1; ; attempt++) {
    // a call that could outlast the execution is left for the next tick (a kill after Slack took it would send it twice)
    if (deadline.remainingMs() <= 0 || !fetchFitsBeforeLimit(deadline))
      return { ok: false, attempts: attempt - 1, retry: true, problem: { code: 'deadline' } };
    let answer: HttpAnswer;
    try {
      answer = services.fetch(request);
    } catch (error) {
      return thrown(error, attempt, 'network');
    }
    let wait: number;
    let problem: DeliveryProblem;
    if (answer.status === 429) {
      wait = retryAfterMs(answer.headers) ?? backoff;
      problem = { code: 'rate-limited', httpStatus: 429 };
    } else if (answer.status >= 500) {
      wait = backoff;
      problem = { code: 'server-error', httpStatus: answer.status };
    } else {
      const reading = read(answer);
      if (reading.ok) return { ok: true, attempts: attempt, thread: reading.thread };
      problem = failureProblem(answer, reading.detail);
      if (!reading.transient) return { ok: false, attempts: attempt, retry: false, problem };
      wait = backoff;
    }
    backoff *= 2;
    if (attempt >= MAX_ATTEMPTS || wait + AFTER_WAIT_MS > deadline.remainingMs())
      return { ok: false, attempts: attempt, retry: true, problem, retryAfterMs: wait };
    services.sleep(wait);
  }
}

function failureProblem(answer: HttpAnswer, detail: string | undefined): DeliveryProblem {
  const problem: DeliveryProblem =
    answer.status >= 200 && answer.status < 300
      ? { code: 'api-error', httpStatus: answer.status }
      : { code: 'http-error', httpStatus: answer.status };
  if (detail !== undefined) problem.detail = detail;
  return problem;
}
