/** Conformance cases of the base services: Properties, Cache, Lock, ScriptApp, Session, HtmlService, Logger. */
import { type ConformanceCase, table } from '../types';

const PROPS = 'https://developers.google.com/apps-script/reference/properties/properties';
const CACHE = 'https://developers.google.com/apps-script/reference/cache/cache';
const LOCK = 'https://developers.google.com/apps-script/reference/lock/lock';
const SCRIPT = 'https://developers.google.com/apps-script/reference/script/script-app';
const HTML = 'https://developers.google.com/apps-script/reference/html/';
const QUOTA = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const props = table('props', 'PropertiesService', PROPS, [
  [
    "var p = PropertiesService.getScriptProperties(); p.setProperty('conf_a', '1'); return p.getProperty('conf_a');",
    '1',
  ],
  [
    "return PropertiesService.getScriptProperties().getProperty('conf_missing');",
    null,
    'documented',
    `${PROPS}#getpropertykey`,
  ],
  [
    "var p = PropertiesService.getScriptProperties(); p.setProperty('conf_n', 5); return typeof p.getProperty('conf_n');",
    'string',
  ],
  [
    "var p = PropertiesService.getUserProperties(); p.setProperty('conf_u', 'x'); p.deleteProperty('conf_u'); return p.getProperty('conf_u');",
    null,
    'documented',
    `${PROPS}#deletepropertykey`,
  ],
  [
    "var p = PropertiesService.getDocumentProperties(); p.setProperties({conf_d1: 'a', conf_d2: 'b'}); return [p.getProperty('conf_d1'), p.getProperty('conf_d2')];",
    ['a', 'b'],
    'documented',
    `${PROPS}#setpropertiesproperties`,
  ],
  [
    "var p = PropertiesService.getDocumentProperties(); p.setProperties({conf_k1: '1'}); p.setProperties({conf_k2: '2'}, true); return p.getKeys();",
    ['conf_k2'],
    'documented',
    `${PROPS}#setpropertiesproperties,-deleteallothers`,
  ],
  [
    "var p = PropertiesService.getUserProperties(); p.deleteAllProperties(); p.setProperty('conf_x', 'y'); return p.getProperties();",
    { conf_x: 'y' },
    'documented',
    `${PROPS}#getproperties`,
  ],
  [
    'var p = PropertiesService.getUserProperties(); p.deleteAllProperties(); return p.getKeys();',
    [],
    'documented',
    `${PROPS}#deleteallproperties`,
  ],
  [
    "var p = PropertiesService.getScriptProperties(); return p.setProperty('conf_chain', 'v').getProperty('conf_chain');",
    'v',
    'documented',
    `${PROPS}#setpropertykey,-value`,
  ],
  [
    "return errorOf_(function () { PropertiesService.getScriptProperties().setProperty('conf_big', 'x'.repeat(10000)); });",
    QUOTA,
    'observed',
    'https://developers.google.com/apps-script/guides/services/quotas',
  ],
  [
    "var p = PropertiesService.getScriptProperties(); p.setProperty('conf_json', JSON.stringify({a: 1})); return JSON.parse(p.getProperty('conf_json')).a;",
    1,
  ],
  [
    "PropertiesService.getUserProperties().setProperty('conf_scope', 'user'); return PropertiesService.getScriptProperties().getProperty('conf_scope');",
    null,
    'documented',
    'https://developers.google.com/apps-script/guides/properties',
  ],
]);

const cache = table('cache', 'CacheService', CACHE, [
  [
    "var c = CacheService.getScriptCache(); c.put('conf_a', 'v'); return c.get('conf_a');",
    'v',
    'documented',
    `${CACHE}#putkey,-value`,
  ],
  ["return CacheService.getScriptCache().get('conf_missing');", null, 'documented', `${CACHE}#getkey`],
  [
    "var c = CacheService.getUserCache(); c.put('conf_r', 'v'); c.remove('conf_r'); return c.get('conf_r');",
    null,
    'documented',
    `${CACHE}#removekey`,
  ],
  [
    "var c = CacheService.getDocumentCache(); c.putAll({conf_1: 'a', conf_2: 'b'}); return c.getAll(['conf_1', 'conf_2', 'conf_3']);",
    { conf_1: 'a', conf_2: 'b' },
    'documented',
    `${CACHE}#getallkeys`,
  ],
  [
    "var c = CacheService.getScriptCache(); c.putAll({conf_3: 'a', conf_4: 'b'}); c.removeAll(['conf_3', 'conf_4']); return c.getAll(['conf_3', 'conf_4']);",
    {},
    'documented',
    `${CACHE}#removeallkeys`,
  ],
  [
    "var c = CacheService.getScriptCache(); c.put('conf_e', 'v', 1); Utilities.sleep(1500); return c.get('conf_e');",
    null,
    'documented',
    `${CACHE}#putkey,-value,-expirationinseconds`,
  ],
  [
    "var c = CacheService.getScriptCache(); c.put('conf_t', 'v', 60); return c.get('conf_t');",
    'v',
    'documented',
    `${CACHE}#putkey,-value,-expirationinseconds`,
  ],
  [
    "return errorOf_(function () { CacheService.getScriptCache().put('k'.repeat(251), 'v'); });",
    'Argument too large: key',
    'observed',
    'https://developers.google.com/apps-script/reference/cache/cache',
  ],
  [
    "return errorOf_(function () { CacheService.getScriptCache().put('conf_big', 'x'.repeat(100 * 1024 + 1)); });",
    'Argument too large: value',
    'observed',
  ],
  ["var c = CacheService.getScriptCache(); c.put('conf_n', '5'); return typeof c.get('conf_n');", 'string'],
  [
    'return CacheService.getDocumentCache() !== null;',
    true,
    'documented',
    'https://developers.google.com/apps-script/reference/cache/cache-service#getdocumentcache',
  ],
]);

const lock = table('lock', 'LockService', LOCK, [
  [
    'var l = LockService.getScriptLock(); var ok = l.tryLock(1000); var has = l.hasLock(); l.releaseLock(); return [ok, has];',
    [true, true],
    'documented',
    `${LOCK}#trylocktimeoutinmillis`,
  ],
  [
    'var l = LockService.getScriptLock(); l.waitLock(1000); l.releaseLock(); return l.hasLock();',
    false,
    'documented',
    `${LOCK}#releaselock`,
  ],
  ['return LockService.getUserLock().hasLock();', false, 'documented', `${LOCK}#haslock`],
  ['var l = LockService.getDocumentLock(); var ok = l.tryLock(0); l.releaseLock(); return ok;', true],
  [
    'var l = LockService.getScriptLock(); var ok = l.tryLock(-1); return [ok, l.hasLock()];',
    [false, false],
    'observed',
    `${LOCK}#trylocktimeoutinmillis`,
  ],
  [
    'return errorOf_(function () { LockService.getScriptLock().waitLock(-1); });',
    'Lock timeout: another process was holding the lock for too long.',
    'observed',
    `${LOCK}#waitlocktimeoutinmillis`,
  ],
  [
    "return errorOf_(function () { LockService.getScriptLock().tryLock('soon'); });",
    "The parameters (String) don't match the method signature for LockService.Lock.tryLock.",
    'observed',
  ],
]);

const script = table('script', 'ScriptApp', SCRIPT, [
  [
    'return String(ScriptApp.AuthMode.FULL);',
    'FULL',
    'documented',
    'https://developers.google.com/apps-script/reference/script/auth-mode',
  ],
  [
    'return ScriptApp.AuthMode.LIMITED.name();',
    'LIMITED',
    'documented',
    'https://developers.google.com/apps-script/reference/script/auth-mode',
  ],
  [
    'return String(ScriptApp.TriggerSource.CLOCK);',
    'CLOCK',
    'documented',
    'https://developers.google.com/apps-script/reference/script/trigger-source',
  ],
  [
    'return String(ScriptApp.EventType.ON_OPEN);',
    'ON_OPEN',
    'documented',
    'https://developers.google.com/apps-script/reference/script/event-type',
  ],
  ['return typeof ScriptApp.getScriptId();', 'string', 'documented', `${SCRIPT}#getscriptid`],
  ['return typeof ScriptApp.getOAuthToken();', 'string', 'documented', `${SCRIPT}#getoauthtoken`],
  ['return Array.isArray(ScriptApp.getProjectTriggers());', true, 'documented', `${SCRIPT}#getprojecttriggers`],
  [
    "var t = ScriptApp.newTrigger('fresh_').timeBased().everyHours(1).create(); var out = [t.getHandlerFunction(), String(t.getEventType())]; ScriptApp.deleteTrigger(t); return out;",
    ['fresh_', 'CLOCK'],
    'documented',
    'https://developers.google.com/apps-script/reference/script/trigger',
  ],
  [
    "var t = ScriptApp.newTrigger('fresh_').timeBased().everyMinutes(5).create(); var id = t.getUniqueId(); ScriptApp.deleteTrigger(t); return ScriptApp.getProjectTriggers().filter(function (x) { return x.getUniqueId() === id; }).length;",
    0,
    'documented',
    `${SCRIPT}#deletetriggertrigger`,
  ],
  [
    "return errorOf_(function () { ScriptApp.newTrigger('fresh_').timeBased().everyMinutes(7).create(); });",
    'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    'observed',
    'https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyminutesn',
  ],
  [
    "var t = ScriptApp.newTrigger('fresh_').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); var out = String(t.getEventType()); ScriptApp.deleteTrigger(t); return out;",
    'ON_EDIT',
    'documented',
    'https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder',
  ],
  [
    'return String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus());',
    'NOT_REQUIRED',
    'documented',
    'https://developers.google.com/apps-script/reference/script/authorization-info',
  ],
]);

const session = table('session', 'Session', 'https://developers.google.com/apps-script/reference/base/session', [
  ['return typeof Session.getActiveUser().getEmail();', 'string'],
  ['return typeof Session.getEffectiveUser().getEmail();', 'string'],
  ['return typeof Session.getScriptTimeZone();', 'string'],
  ['return typeof Session.getActiveUserLocale();', 'string'],
  ['return Session.getTemporaryActiveUserKey() === Session.getTemporaryActiveUserKey();', true],
  [
    "Logger.log('hello %s', 'world'); return Logger.getLog().indexOf('hello world') >= 0;",
    true,
    'documented',
    'https://developers.google.com/apps-script/reference/base/logger#logformat,-values',
  ],
  [
    'Logger.clear(); return Logger.getLog();',
    '',
    'documented',
    'https://developers.google.com/apps-script/reference/base/logger#clear',
  ],
  [
    "console.log('x'); return 'logged';",
    'logged',
    'documented',
    'https://developers.google.com/apps-script/reference/base/console',
  ],
]);

const html = table('html', 'HtmlService', `${HTML}html-service`, [
  [
    "return HtmlService.createHtmlOutput('<b>hi</b>').getContent();",
    '<b>hi</b>',
    'documented',
    `${HTML}html-output#getcontent`,
  ],
  [
    "return HtmlService.createHtmlOutput('a').append('b').getContent();",
    'ab',
    'documented',
    `${HTML}html-output#appendaddedcontent`,
  ],
  [
    "return HtmlService.createHtmlOutput('').appendUntrusted('<i>').getContent();",
    '&lt;i&gt;',
    'documented',
    `${HTML}html-output#appenduntrustedaddedcontent`,
  ],
  [
    "return HtmlService.createHtmlOutput('x').setTitle('T').getTitle();",
    'T',
    'documented',
    `${HTML}html-output#settitletitle`,
  ],
  [
    "return HtmlService.createHtmlOutput('x').setWidth(300).getWidth();",
    300,
    'documented',
    `${HTML}html-output#getwidth`,
  ],
  [
    "return HtmlService.createHtmlOutput('x').setHeight(200).getHeight();",
    200,
    'documented',
    `${HTML}html-output#getheight`,
  ],
  ["return HtmlService.createHtmlOutput('x').clear().getContent();", '', 'documented', `${HTML}html-output#clear`],
  [
    "var t = HtmlService.createTemplate('<?= name ?>!'); t.name = 'Ann'; return t.evaluate().getContent();",
    'Ann!',
    'documented',
    `${HTML}html-template#evaluate`,
  ],
  [
    "var t = HtmlService.createTemplate('<?= v ?>'); t.v = '<b>'; return t.evaluate().getContent();",
    '&lt;b&gt;',
    'documented',
    'https://developers.google.com/apps-script/guides/html/templates#printing_scriptlets',
  ],
  [
    "var t = HtmlService.createTemplate('<?!= v ?>'); t.v = '<b>'; return t.evaluate().getContent();",
    '<b>',
    'documented',
    'https://developers.google.com/apps-script/guides/html/templates#force-printing_scriptlets',
  ],
  [
    "var t = HtmlService.createTemplate('<? for (var i = 0; i < 3; i++) { ?><?= i ?><? } ?>'); return t.evaluate().getContent();",
    '012',
    'documented',
    'https://developers.google.com/apps-script/guides/html/templates#standard_scriptlets',
  ],
  ['return String(HtmlService.SandboxMode.IFRAME);', 'IFRAME', 'documented', `${HTML}sandbox-mode`],
  ['return String(HtmlService.XFrameOptionsMode.ALLOWALL);', 'ALLOWALL', 'documented', `${HTML}x-frame-options-mode`],
  [
    "return HtmlService.createHtmlOutput('x').addMetaTag('viewport', 'width=device-width').getMetaTags()[0].getName();",
    'viewport',
    'documented',
    `${HTML}html-output#addmetatagname,-content`,
  ],
]);

export const BASE_CASES: ConformanceCase[] = [...props, ...cache, ...lock, ...script, ...session, ...html];
