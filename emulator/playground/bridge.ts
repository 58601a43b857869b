/**
 * The google.script.run bridge of the playground: a client shim injected at the top of the
 * sidebar's HTML that gives the page `google.script.run` (success/failure handlers, user
 * objects, one method per public server function), `google.script.host` and
 * `google.script.url`, each call POSTed to the playground server, which runs it with
 * `rt.scriptRun` and answers as Apps Script's bridge does. It also puts a short note under
 * every link to the spreadsheet the sidebar shows: those point to Google Sheets, where the
 * local spreadsheet does not exist, so the note offers to open the tab in the page instead.
 */
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import type { Lang } from '../../src/shared/api-types';

/** The paths the shim talks to. */
export const BRIDGE_PATHS = { run: '/__playground/run', close: '/__playground/close' } as const;
/** The message the sidebar frame posts to the page after every call (the page redraws). */
export const CHANGED_MESSAGE = 'sheetdash-playground:changed';
/** The type of the message `{ type, gid }` the sidebar frame posts to show a tab in the page. */
export const OPEN_TAB_MESSAGE = 'sheetdash-playground:open-tab';
/** Links the note is put under: the spreadsheet's own links, as Apps Script gives them. */
export const GOOGLE_SHEETS_PREFIX = 'https://docs.google.com/spreadsheets/';

/** The note under a link to the spreadsheet, in the playground's language. */
export const LINK_NOTE: Record<Lang, { text: string; open: string }> = {
  en: {
    text:
      'Playground: this link points to Google Sheets, where this local spreadsheet does not exist. ' +
      'In the add-on on Google it opens the tab.',
    open: 'Show the tab here',
  },
  ja: {
    text:
      'プレイグラウンド: このリンクは Google スプレッドシートを指しますが、このローカルのスプレッドシートは Google 上にはありません。' +
      'Google 上のアドオンではこのリンクでタブが開きます。',
    open: 'ここでタブを表示',
  },
};

/** The bundle's public functions: top-level functions not ending in "_", as google.script.run lists them. */
export function publicFunctions(codePath: string): string[] {
  const context = vm.createContext({});
  vm.runInContext(fs.readFileSync(codePath, 'utf8'), context, { timeout: 10_000 });
  return Object.keys(context)
    .filter((name) => typeof (context as Record<string, unknown>)[name] === 'function' && !name.endsWith('_'))
    .sort();
}

/** The shim's source, for the given function names, with link notes in `lang`. */
export function shimSource(functions: string[], lang: Lang = 'en'): string {
  const names = JSON.stringify(functions).replace(/</g, '\\u003c');
  const note = JSON.stringify(LINK_NOTE[lang]).replace(/</g, '\\u003c');
  return `(function () {
  'use strict';
  var FUNCTIONS = ${names};
  var RUN_PATH = ${JSON.stringify(BRIDGE_PATHS.run)};
  var CLOSE_PATH = ${JSON.stringify(BRIDGE_PATHS.close)};
  function notifyPage() {
    try { if (window.parent && window.parent !== window) window.parent.postMessage(${JSON.stringify(CHANGED_MESSAGE)}, '*'); } catch (e) {}
  }
  function scriptError(message) {
    var error = new Error(message);
    error.name = 'ScriptError';
    return error;
  }
  function formValue(form) {
    var out = {};
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled || el.type === 'file') continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      out[el.name] = el.value;
    }
    return out;
  }
  function checkValue(value, where) {
    if (value === null || value === undefined) return;
    var type = typeof value;
    if (type === 'function' || type === 'symbol' || type === 'bigint') throw new Error('Failed due to illegal value in property: ' + where);
    if (type !== 'object') return;
    if (value instanceof Date) throw new Error('Failed due to illegal value in property: ' + where);
    for (var key in value) if (Object.prototype.hasOwnProperty.call(value, key)) checkValue(value[key], key);
  }
  // Every google.script.run call, in order (the browser tests count the rounds before the sidebar is usable).
  var CALLS = window.__playgroundScriptRunCalls = [];
  function call(name, args, success, failure, userObject) {
    var entry = { fn: name, method: typeof args[0] === 'string' ? args[0] : null, at: performance.now(), doneAt: null };
    CALLS.push(entry);
    args = args.map(function (a) { return typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement ? formValue(a) : a; });
    args.forEach(function (a, i) { checkValue(a, String(i)); });
    var body = JSON.stringify({ fn: name, args: args });
    fetch(RUN_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body })
      .then(function (response) { return response.json(); })
      .then(function (answer) {
        entry.doneAt = performance.now();
        notifyPage();
        if (answer && answer.ok) {
          if (success) success(answer.value === undefined ? null : answer.value, userObject);
        } else {
          var error = scriptError(answer && answer.error ? answer.error.message : 'We\\'re sorry, a server error occurred. Please wait a bit and try again.');
          if (failure) failure(error, userObject);
          else setTimeout(function () { throw error; });
        }
      }, function () {
        var error = scriptError('NetworkError: Connection failure due to HTTP 0');
        if (failure) failure(error, userObject);
        else setTimeout(function () { throw error; });
      });
  }
  function runner(success, failure, userObject) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, failure, userObject); },
      withFailureHandler: function (f) { return runner(success, f, userObject); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    FUNCTIONS.forEach(function (name) {
      r[name] = function () { call(name, Array.prototype.slice.call(arguments), success, failure, userObject); };
    });
    return r;
  }
  var NOTE = ${note};
  var SHEETS_PREFIX = ${JSON.stringify(GOOGLE_SHEETS_PREFIX)};
  var NOTE_STYLE = 'display:block;font-size:11px;line-height:1.35;color:#5f6368;background:#f1f3f4;'
    + 'border-left:3px solid #fbbc04;padding:4px 6px;margin:4px 0;';
  function openHere(gid) {
    return function (event) {
      event.preventDefault();
      try { window.parent.postMessage({ type: ${JSON.stringify(OPEN_TAB_MESSAGE)}, gid: gid }, '*'); } catch (e) {}
    };
  }
  function noteLinks() {
    var links = document.querySelectorAll('a[href^="' + SHEETS_PREFIX + '"]');
    for (var i = 0; i < links.length; i++) {
      var link = links[i];
      if (link.getAttribute('data-playground-noted')) continue;
      link.setAttribute('data-playground-noted', '1');
      var box = document.createElement('span');
      box.setAttribute('data-testid', 'playground-link-note');
      box.setAttribute('role', 'note');
      box.style.cssText = NOTE_STYLE;
      box.appendChild(document.createTextNode(NOTE.text + ' '));
      var gid = /[#&]gid=(\\d+)/.exec(link.getAttribute('href') || '');
      if (gid) {
        var open = document.createElement('a');
        open.href = '#';
        open.textContent = NOTE.open;
        open.setAttribute('data-testid', 'playground-open-here');
        open.addEventListener('click', openHere(Number(gid[1])));
        box.appendChild(open);
      }
      link.parentNode.insertBefore(box, link.nextSibling);
    }
  }
  function watchLinks() {
    noteLinks();
    new MutationObserver(noteLinks).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchLinks);
  else watchLinks();
  var google = window.google = window.google || {};
  google.script = google.script || {};
  google.script.run = runner(null, null, undefined);
  google.script.host = {
    origin: location.origin,
    close: function () { fetch(CLOSE_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }).then(notifyPage, notifyPage); },
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} }
  };
  google.script.url = {
    getLocation: function (callback) {
      var parameters = {};
      new URLSearchParams(location.search).forEach(function (v, k) { (parameters[k] = parameters[k] || []).push(v); });
      var parameter = {};
      Object.keys(parameters).forEach(function (k) { parameter[k] = parameters[k][0]; });
      callback({ hash: location.hash.replace(/^#/, ''), parameter: parameter, parameters: parameters });
    }
  };
})();`;
}

/** The sidebar's HTML with the shim as the first script of the document. */
export function injectShim(html: string, functions: string[], lang: Lang = 'en'): string {
  const tag = `<script data-playground-shim>${shimSource(functions, lang)}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root)
    return `${html.slice(0, root.index + root[0].length)}<head>${tag}</head>${html.slice(root.index + root[0].length)}`;
  return tag + html;
}
