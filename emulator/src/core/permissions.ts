/**
 * What each authorization mode may call, and which OAuth scope each service needs, after
 * Google's "Authorization modes" table for Editor add-ons and the method reference pages.
 * Rules are matched by the longest prefix of "Service.Class.method".
 */
import { AppsScriptException, MESSAGES } from './errors';
import type { AuthModeName } from './execution';

const SCOPE = {
  sheets: 'https://www.googleapis.com/auth/spreadsheets',
  sheetsCurrent: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  ui: 'https://www.googleapis.com/auth/script.container.ui',
  external: 'https://www.googleapis.com/auth/script.external_request',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  sqlService: 'https://www.googleapis.com/auth/sqlservice',
  mail: 'https://www.googleapis.com/auth/script.send_mail',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

interface Rule {
  /** Modes in which the call is allowed. */
  modes: AuthModeName[];
  /** Scopes any one of which satisfies the call (empty: none needed). */
  scopes: string[];
}

const ALL: AuthModeName[] = ['NONE', 'LIMITED', 'CUSTOM_FUNCTION', 'FULL'];
const DOC: AuthModeName[] = ['LIMITED', 'CUSTOM_FUNCTION', 'FULL'];
const NETWORK: AuthModeName[] = ['CUSTOM_FUNCTION', 'FULL'];
const FULL: AuthModeName[] = ['FULL'];

const RULES: Record<string, Rule> = {
  SpreadsheetApp: { modes: DOC, scopes: [SCOPE.sheets, SCOPE.sheetsCurrent] },
  'SpreadsheetApp.getUi': { modes: ALL, scopes: [] },
  'SpreadsheetApp.Ui': { modes: FULL, scopes: [SCOPE.ui] },
  'SpreadsheetApp.Ui.createAddonMenu': { modes: ALL, scopes: [] },
  'SpreadsheetApp.Ui.createMenu': { modes: ALL, scopes: [] },
  'SpreadsheetApp.Menu': { modes: ALL, scopes: [] },
  'SpreadsheetApp.openById': { modes: FULL, scopes: [SCOPE.sheets] },
  'SpreadsheetApp.openByUrl': { modes: FULL, scopes: [SCOPE.sheets] },
  'SpreadsheetApp.open': { modes: FULL, scopes: [SCOPE.sheets] },
  'SpreadsheetApp.create': { modes: FULL, scopes: [SCOPE.sheets] },
  Charts: { modes: ALL, scopes: [] },
  Jdbc: { modes: NETWORK, scopes: [SCOPE.external] },
  'Jdbc.getCloudSqlConnection': { modes: NETWORK, scopes: [SCOPE.sqlService] },
  UrlFetchApp: { modes: NETWORK, scopes: [SCOPE.external] },
  PropertiesService: { modes: DOC, scopes: [] },
  CacheService: { modes: DOC, scopes: [] },
  LockService: { modes: DOC, scopes: [] },
  ScriptApp: { modes: ALL, scopes: [] },
  'ScriptApp.newTrigger': { modes: FULL, scopes: [SCOPE.scriptApp] },
  'ScriptApp.getProjectTriggers': { modes: FULL, scopes: [SCOPE.scriptApp] },
  'ScriptApp.getUserTriggers': { modes: FULL, scopes: [SCOPE.scriptApp] },
  'ScriptApp.deleteTrigger': { modes: FULL, scopes: [SCOPE.scriptApp] },
  'ScriptApp.TriggerBuilder': { modes: FULL, scopes: [SCOPE.scriptApp] },
  'ScriptApp.ClockTriggerBuilder': { modes: FULL, scopes: [SCOPE.scriptApp] },
  'ScriptApp.SpreadsheetTriggerBuilder': { modes: FULL, scopes: [SCOPE.scriptApp] },
  HtmlService: { modes: DOC, scopes: [] },
  MailApp: { modes: FULL, scopes: [SCOPE.mail] },
  Session: { modes: ALL, scopes: [] },
  'Session.getActiveUser': { modes: FULL, scopes: [] },
  'Session.getEffectiveUser': { modes: FULL, scopes: [] },
  Utilities: { modes: ALL, scopes: [] },
  Logger: { modes: ALL, scopes: [] },
};

export function ruleFor(qualifiedMethod: string): Rule | undefined {
  let name = qualifiedMethod;
  for (;;) {
    const rule = RULES[name];
    if (rule) return rule;
    const dot = name.lastIndexOf('.');
    if (dot < 0) return undefined;
    name = name.slice(0, dot);
  }
}

/** The name Google shows in permission errors: "UrlFetchApp.fetch", "SpreadsheetApp.Range.setValues". */
function displayName(qualifiedMethod: string): string {
  return qualifiedMethod;
}

/**
 * Throws Apps Script's permission errors: a mode that may not call the method, or a manifest
 * whose explicit `oauthScopes` lacks the scope the method needs.
 */
export function checkPermission(
  qualifiedMethod: string,
  mode: AuthModeName,
  manifestScopes: string[] | undefined,
): void {
  const rule = ruleFor(qualifiedMethod);
  if (!rule) return;
  if (!rule.modes.includes(mode)) {
    throw new AppsScriptException(MESSAGES.noPermission(displayName(qualifiedMethod), rule.scopes[0] ?? SCOPE.sheets));
  }
  if (manifestScopes && rule.scopes.length > 0 && !rule.scopes.some((s) => manifestScopes.includes(s))) {
    throw new AppsScriptException(MESSAGES.scopeNotDeclared(displayName(qualifiedMethod), rule.scopes[0]));
  }
}

export const SCOPES = SCOPE;
