/**
 * Conformance cases: short Apps Script function bodies with the value or error each must
 * produce on real Apps Script, written from Google's reference (`documented`) or recorded on
 * the live platform (`observed`, from the recorded differences or the errors reference
 * in shared/reference). Where only the failure is known and not its wording, a case checks that
 * the call fails (`errorOf_(...) !== 'no error'`) rather than a guessed text. The same cases run
 * in the local runtime (conformance.test.ts) and on Apps Script (scripts/conformance-live.mjs).
 */

/** What a case must produce: a JSON value, or an error (exact message, or a pattern). */
export type Expectation = { value: unknown } | { error: string } | { errorMatch: string };

export interface ConformanceCase {
  /** Stable id: `<table prefix>-<nnn>`. */
  id: string;
  service: string;
  /** A function body (`return ...;`); a bare expression is wrapped in `return`. */
  code: string;
  expect: Expectation;
  source: 'documented' | 'observed';
  url: string;
  /** Needs a database at JDBC_URL (the live run skips it without CONFORMANCE_JDBC_URL). */
  needsDb?: boolean;
}

/** One row: code, expected value (or err()/errMatch()), and optionally source and URL overrides. */
export type Row =
  | [code: string, expected: unknown]
  | [code: string, expected: unknown, source: 'documented' | 'observed']
  | [code: string, expected: unknown, source: 'documented' | 'observed', url: string];

const ERROR = Symbol('error');

interface ErrorMark {
  [ERROR]: true;
  expectation: Expectation;
}

/** The case must throw an Apps Script exception with exactly this message. */
export function err(message: string): ErrorMark {
  return { [ERROR]: true, expectation: { error: message } };
}

/** The case must throw an exception whose message matches this pattern. */
export function errMatch(pattern: string): ErrorMark {
  return { [ERROR]: true, expectation: { errorMatch: pattern } };
}

function isErrorMark(value: unknown): value is ErrorMark {
  return typeof value === 'object' && value !== null && ERROR in value;
}

/** Builds a table of cases with ids `<prefix>-001`, `-002`, ... in row order (append only, never reorder). */
export function table(
  prefix: string,
  service: string,
  url: string,
  rows: Row[],
  options: { needsDb?: boolean } = {},
): ConformanceCase[] {
  return rows.map(([code, expected, source, rowUrl], i) => ({
    id: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    service,
    code: /\breturn\b/.test(code) ? code : `return ${code};`,
    expect: isErrorMark(expected) ? expected.expectation : { value: expected },
    source: source ?? 'documented',
    url: rowUrl ?? url,
    ...(options.needsDb ? { needsDb: true } : {}),
  }));
}

/** What running a case gave (as the project's runner reports it). */
export interface CaseResult {
  id: string;
  ok: boolean;
  /** JSON text of the returned value when ok. */
  value?: string;
  name?: string;
  message?: string;
}

/** Whether a result meets the case's expectation; a reason when it does not. */
export function judge(c: ConformanceCase, r: CaseResult): string | null {
  const e = c.expect;
  if ('value' in e) {
    if (!r.ok) return `threw ${r.name}: ${r.message}`;
    const got = JSON.parse(r.value ?? 'null');
    return JSON.stringify(got) === JSON.stringify(e.value) ? null : `returned ${r.value}`;
  }
  if (r.ok) return `returned ${r.value} instead of throwing`;
  if ('error' in e) return r.message === e.error ? null : `threw "${r.message}"`;
  return new RegExp(e.errorMatch).test(r.message ?? '') ? null : `threw "${r.message}"`;
}
