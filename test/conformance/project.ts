/**
 * The Apps Script project the conformance cases run in: a prelude of helpers, one function
 * per case in a CASES table, and runners that report each result as JSON-safe data.
 */
import type { ConformanceCase } from './types';

/** Helpers the cases may call; the same text is pushed to the live project. */
export const PRELUDE = `
/** A fresh, empty sheet named __conf (the previous one is deleted). */
function fresh_() {
  var ss = SpreadsheetApp.getActive();
  var old = ss.getSheetByName('__conf');
  if (old) ss.deleteSheet(old);
  return ss.insertSheet('__conf');
}
/** The error message of a call, or 'no error'. */
function errorOf_(f) {
  try { f(); return 'no error'; } catch (e) { return e.message; }
}
`;

export function projectSource(cases: ConformanceCase[], jdbcUrl: string): string {
  const entries = cases.map((c) => `  ${JSON.stringify(c.id)}: function () {\n    ${c.code}\n  }`).join(',\n');
  return `// Generated from test/conformance/cases: do not edit.
var JDBC_URL = ${JSON.stringify(jdbcUrl)};
${PRELUDE}
var CASES = {
${entries}
};

function runCase(id) {
  try {
    var v = CASES[id]();
    return { id: id, ok: true, value: JSON.stringify(v === undefined ? null : v) };
  } catch (e) {
    return { id: id, ok: false, name: e && e.name, message: e && e.message !== undefined ? String(e.message) : String(e) };
  }
}

function runConformance(ids) {
  return (ids || Object.keys(CASES)).map(runCase);
}

/** Entry point for clasp run (scripts/conformance-live.mjs): all results as one JSON string. */
function runConformanceJson(ids) {
  return JSON.stringify(runConformance(ids));
}
`;
}

/** The manifest of the conformance project: V8, every scope the cases use, no UrlFetch allowlist. */
export const CONFORMANCE_MANIFEST = {
  timeZone: 'Asia/Tokyo',
  runtimeVersion: 'V8',
  oauthScopes: [
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
    'https://www.googleapis.com/auth/script.external_request',
    'https://www.googleapis.com/auth/script.scriptapp',
    'https://www.googleapis.com/auth/script.container.ui',
    'https://www.googleapis.com/auth/userinfo.email',
  ],
  urlFetchWhitelist: undefined,
};
