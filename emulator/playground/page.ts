/**
 * The playground's web page: the spreadsheet's tabs as editable grids (page-grid.ts: typing,
 * dropdowns, checkboxes, row menus, conditional colours, embedded charts; a tab bar, hidden sheets
 * behind a toggle, cell notes on hover or keyboard focus), who edits (you or a colleague), the add-on menu
 * (clicking an item runs it), the add-on's toasts (bottom right, for their timeout as Sheets
 * does), a link to the webhook receiver, and the real sidebar in a 300-pixel iframe. It is
 * static; its script draws everything from /__playground/state with textContent (never as
 * HTML) and redraws after each sidebar call and every few seconds.
 */
import type { Lang } from '../../src/shared/api-types';
import { CHANGED_MESSAGE, OPEN_TAB_MESSAGE } from './bridge';
import { GRID_CSS, GRID_SCRIPT } from './page-grid';

const TEXT: Record<Lang, Record<string, string>> = {
  en: {
    title: 'Sheetdash playground',
    extensions: 'Extensions',
    receiver: 'Webhook receiver',
    showHidden: 'Show hidden sheets',
    hidden: 'hidden',
    empty: 'This sheet is empty.',
    showing: 'Showing the first {shown} of {total} rows.',
    sidebarClosed: 'The sidebar is closed. Open it from the Extensions menu.',
    menuFailed: 'The menu item failed: ',
    closeToast: 'Close',
    noteOf: 'Note of {cell}',
    editAs: 'Edit as',
    owner: '(owner)',
    gridOf: 'Cells of {sheet}',
    editCell: 'Edit {cell}',
    dropdownOf: 'Choose a value for {cell}',
    checkboxOf: 'Checkbox in {cell}',
    rowMenu: 'Row {row} actions',
    insertAbove: 'Insert 1 row above',
    insertBelow: 'Insert 1 row below',
    deleteRow: 'Delete row',
    refusedProtected: 'Sheets refused the edit (protected):',
    refusedInvalid: 'Sheets refused the entry (data validation):',
    failed: 'The edit failed:',
    triggerFailed: 'The {handler} trigger failed:',
    lockedCell: 'Protected: you cannot edit this cell.',
    invalidCell: 'Invalid: the content breaks the data validation of this cell.',
    chartAt: '{type} chart anchored at {cell}',
  },
  ja: {
    title: 'Sheetdash プレイグラウンド',
    extensions: '拡張機能',
    receiver: 'Webhook 受信ページ',
    showHidden: '非表示のシートを表示',
    hidden: '非表示',
    empty: 'このシートは空です。',
    showing: '{total} 行のうち最初の {shown} 行を表示しています。',
    sidebarClosed: 'サイドバーは閉じています。拡張機能メニューから開いてください。',
    menuFailed: 'メニュー項目が失敗しました: ',
    closeToast: '閉じる',
    noteOf: '{cell} のメモ',
    editAs: '編集するユーザー',
    owner: '(オーナー)',
    gridOf: '{sheet} のセル',
    editCell: '{cell} を編集',
    dropdownOf: '{cell} の値を選択',
    checkboxOf: '{cell} のチェックボックス',
    rowMenu: '{row} 行目の操作',
    insertAbove: '上に 1 行挿入',
    insertBelow: '下に 1 行挿入',
    deleteRow: '行を削除',
    refusedProtected: 'スプレッドシートが編集を拒否しました(保護):',
    refusedInvalid: 'スプレッドシートが入力を拒否しました(データの入力規則):',
    failed: '編集に失敗しました:',
    triggerFailed: '{handler} トリガーが失敗しました:',
    lockedCell: '保護されています: このセルは編集できません。',
    invalidCell: '無効: このセルの内容はデータの入力規則に違反しています。',
    chartAt: '{cell} に配置された {type} グラフ',
  },
};

export function pageHtml(lang: Lang): string {
  const t = JSON.stringify(TEXT[lang]).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${TEXT[lang].title}</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 Roboto, Arial, sans-serif; color: #202124; display: flex; flex-direction: column; height: 100vh; }
  header { display: flex; align-items: center; gap: 16px; padding: 6px 12px; border-bottom: 1px solid #dadce0; background: #f8f9fa; }
  header h1 { font-size: 16px; font-weight: 500; margin: 0; }
  .menu { position: relative; }
  .menu > button { background: none; border: 0; font: inherit; padding: 4px 8px; cursor: pointer; border-radius: 4px; }
  .menu > button:hover, .menu.open > button { background: #e8eaed; }
  .menu ul { display: none; position: absolute; z-index: 2; list-style: none; margin: 0; padding: 6px 0; background: #fff; box-shadow: 0 2px 6px rgba(0,0,0,.3); min-width: 220px; }
  .menu.open ul { display: block; }
  .menu li { padding: 0; }
  .menu li.group { padding: 4px 16px; color: #5f6368; font-size: 12px; }
  .menu li button { display: block; width: 100%; text-align: left; background: none; border: 0; font: inherit; padding: 6px 24px; cursor: pointer; }
  .menu li button:hover { background: #f1f3f4; }
  main { flex: 1; display: flex; min-height: 0; }
  #sheet-area { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #grid { flex: 1; overflow: auto; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { border: 1px solid #e2e3e3; padding: 2px 6px; white-space: pre; max-width: 320px; overflow: hidden; text-overflow: ellipsis; }
  th { background: #f8f9fa; color: #5f6368; font-weight: normal; position: sticky; top: 0; }
  td.rownum { background: #f8f9fa; color: #5f6368; text-align: right; }
  #notice { padding: 4px 12px; color: #5f6368; }
  #error { padding: 4px 12px; color: #c5221f; }
  #tab-bar { display: flex; gap: 2px; padding: 0 8px; border-top: 1px solid #dadce0; background: #f8f9fa; overflow-x: auto; align-items: center; }
  #tab-bar button { border: 0; background: none; padding: 6px 12px; font: inherit; cursor: pointer; white-space: nowrap; }
  #tab-bar button.active { background: #fff; color: #188038; font-weight: 500; box-shadow: inset 0 -2px #188038; }
  #tab-bar button.hidden-sheet { font-style: italic; color: #80868b; }
  #tab-bar label { margin-left: auto; white-space: nowrap; color: #5f6368; padding-left: 12px; }
  aside { width: 300px; border-left: 1px solid #dadce0; display: flex; flex-direction: column; }
  aside .title { padding: 8px 12px; font-size: 15px; border-bottom: 1px solid #dadce0; }
  aside iframe { flex: 1; border: 0; width: 300px; }
  aside .closed { padding: 12px; color: #5f6368; }
  td.has-note { position: relative; cursor: default; }
  td.has-note::after { content: ''; position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 6px 6px 0; border-color: transparent #000 transparent transparent; }
  td.has-note:focus { outline: 2px solid #1a73e8; outline-offset: -2px; }
  #note-popup { position: fixed; z-index: 4; max-width: 360px; max-height: 260px; overflow: auto; background: #fff; border: 1px solid #dadce0; box-shadow: 0 2px 6px rgba(0,0,0,.25); padding: 6px 8px; white-space: pre-wrap; font-size: 12px; }
  #toasts { position: fixed; right: 316px; bottom: 44px; z-index: 6; display: flex; flex-direction: column; gap: 8px; align-items: flex-end; }
  .toast { background: #323232; color: #fff; border-radius: 4px; padding: 10px 12px; min-width: 240px; max-width: 420px; box-shadow: 0 2px 6px rgba(0,0,0,.35); display: flex; gap: 12px; align-items: flex-start; }
  .toast .toast-body { flex: 1; white-space: pre-wrap; }
  .toast .toast-title { font-weight: 500; display: block; margin-bottom: 2px; }
  .toast button { background: none; border: 0; color: #8ab4f8; font: inherit; cursor: pointer; padding: 0 2px; }
  .toast button:focus { outline: 2px solid #8ab4f8; }
  #edit-as-label { margin-left: auto; color: #5f6368; }
${GRID_CSS}
</style>
</head>
<body>
<header>
  <h1>${TEXT[lang].title}</h1>
  <div class="menu" id="extensions-menu"><button type="button" id="extensions-button">${TEXT[lang].extensions}</button><ul id="menu-list"></ul></div>
  <a id="receiver-link" target="_blank" rel="noopener">${TEXT[lang].receiver}</a>
  <label id="edit-as-label">${TEXT[lang].editAs} <select id="edit-as" data-testid="edit-as"></select></label>
</header>
<main>
  <section id="sheet-area">
    <div id="error" role="alert"></div>
    <div id="formula-bar"><span class="cell-name" id="formula-bar-name"></span><span id="formula-bar-text" data-testid="formula-bar"></span><span id="cell-hint" data-testid="cell-hint"></span></div>
    <div id="edit-message" role="alert" data-testid="edit-message"></div>
    <div id="grid"><table data-testid="sheet-table" id="sheet-table"></table><div id="charts-after"></div></div>
    <div id="notice"></div>
    <nav id="tab-bar" data-testid="tab-bar"></nav>
  </section>
  <aside id="sidebar">
    <div class="title" id="sidebar-title"></div>
    <iframe id="sidebar-frame" title="sidebar" width="300" sandbox="allow-scripts allow-forms allow-popups allow-modals allow-same-origin allow-downloads"></iframe>
    <div class="closed" id="sidebar-closed" hidden>${TEXT[lang].sidebarClosed}</div>
  </aside>
</main>
<div id="note-popup" role="tooltip" data-testid="note-popup" hidden></div>
<div id="toasts" aria-live="polite"></div>
<script>
(function () {
  'use strict';
${GRID_SCRIPT}
  var T = ${t};
  var current = null;
  var showHidden = false;
  var lastSidebarVersion = -1;
  var pending = false;
  var drawn = '';
  var toastsShown = null;
  var notePopup = document.getElementById('note-popup');

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    return node;
  }
  function columnName(i) {
    var s = '';
    for (i = i + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
    return s;
  }
  function gidFromHash() {
    var m = /gid=(\\d+)/.exec(location.hash);
    return m ? Number(m[1]) : null;
  }

  function drawTabs(state) {
    var bar = document.getElementById('tab-bar');
    bar.textContent = '';
    state.sheets.forEach(function (s) {
      if (s.hidden && !showHidden && s.name !== state.sheet) return;
      var b = el('button', s.hidden ? s.name + ' (' + T.hidden + ')' : s.name, { type: 'button', 'data-testid': 'sheet-tab-' + s.name, 'data-sheet-id': String(s.sheetId) });
      if (s.hidden) b.className = 'hidden-sheet';
      if (s.name === state.sheet) b.classList.add('active');
      b.addEventListener('click', function () { current = s.name; history.replaceState(null, '', '#gid=' + s.sheetId); refresh(); });
      bar.appendChild(b);
    });
    var label = el('label');
    var box = el('input', null, { type: 'checkbox', id: 'show-hidden' });
    box.checked = showHidden;
    box.addEventListener('change', function () { showHidden = box.checked; refresh(); });
    label.appendChild(box);
    label.appendChild(document.createTextNode(' ' + T.showHidden));
    bar.appendChild(label);
  }

  function showNote(cell, text) {
    notePopup.textContent = text;
    notePopup.hidden = false;
    var box = cell.getBoundingClientRect();
    var left = Math.min(box.right + 4, window.innerWidth - notePopup.offsetWidth - 8);
    var top = Math.min(box.top, window.innerHeight - notePopup.offsetHeight - 8);
    notePopup.style.left = Math.max(0, left) + 'px';
    notePopup.style.top = Math.max(0, top) + 'px';
    cell.setAttribute('aria-describedby', 'note-popup');
  }
  function hideNote(cell) {
    notePopup.hidden = true;
    cell.removeAttribute('aria-describedby');
  }
  function addNote(cell, text, name) {
    cell.classList.add('has-note');
    cell.setAttribute('data-note', text);
    cell.setAttribute('aria-label', T.noteOf.replace('{cell}', name) + ': ' + cell.textContent);
    cell.addEventListener('mouseenter', function () { showNote(cell, text); });
    cell.addEventListener('mouseleave', function () { if (document.activeElement !== cell) hideNote(cell); });
    cell.addEventListener('focus', function () { showNote(cell, text); });
    cell.addEventListener('blur', function () { hideNote(cell); });
    cell.addEventListener('keydown', function (event) { if (event.key === 'Escape') hideNote(cell); });
  }

  function drawToasts(state) {
    if (toastsShown === null) toastsShown = state.toastCount;
    var box = document.getElementById('toasts');
    state.toasts.forEach(function (toast) {
      if (toast.seq < toastsShown) return;
      toastsShown = toast.seq + 1;
      var item = el('div', null, { 'class': 'toast', 'data-testid': 'toast', role: 'status' });
      var body = el('div', null, { 'class': 'toast-body' });
      if (toast.title) body.appendChild(el('span', toast.title, { 'class': 'toast-title' }));
      body.appendChild(document.createTextNode(toast.message));
      var close = el('button', '\u00d7', { type: 'button', 'aria-label': T.closeToast, title: T.closeToast });
      close.addEventListener('click', function () { item.remove(); });
      item.appendChild(body);
      item.appendChild(close);
      box.appendChild(item);
      // As Sheets does: 5 seconds unless told; a negative timeout stays until closed.
      var seconds = toast.timeoutSeconds === null ? 5 : toast.timeoutSeconds;
      if (seconds >= 0) setTimeout(function () { item.remove(); }, seconds * 1000);
    });
  }

  var grid = createGrid({ T: T, el: el, columnName: columnName, addNote: addNote, refresh: function (forced) { refresh(forced); } });

  function drawTable(state, forced) {
    notePopup.hidden = true;
    grid.draw(state, forced);
    var rows = state.values;
    document.getElementById('notice').textContent = rows.length === 0 ? T.empty
      : state.totalRows > rows.length ? T.showing.replace('{shown}', rows.length).replace('{total}', state.totalRows) : '';
  }

  function drawEditAs(state) {
    var sel = document.getElementById('edit-as');
    sel.textContent = '';
    (state.editors || []).forEach(function (email, i) {
      var o = el('option', email + (i === 0 ? ' ' + T.owner : ''), { value: email });
      if (email === state.editAs) o.selected = true;
      sel.appendChild(o);
    });
  }

  function drawMenu(state) {
    var list = document.getElementById('menu-list');
    list.textContent = '';
    state.menus.forEach(function (menu) {
      list.appendChild(el('li', menu.title, { 'class': 'group' }));
      menu.items.forEach(function (item) {
        var li = el('li');
        var b = el('button', item.caption, { type: 'button', 'data-testid': 'menu-item', 'data-function': item.functionName });
        b.addEventListener('click', function () { document.getElementById('extensions-menu').classList.remove('open'); runMenu(item.functionName); });
        li.appendChild(b);
        list.appendChild(li);
      });
    });
  }

  function drawSidebar(state) {
    var frame = document.getElementById('sidebar-frame');
    var closed = document.getElementById('sidebar-closed');
    document.getElementById('sidebar-title').textContent = state.sidebar ? state.sidebar.title : '';
    if (!state.sidebar) {
      frame.hidden = true;
      frame.removeAttribute('src');
      closed.hidden = false;
      lastSidebarVersion = -1;
      return;
    }
    frame.hidden = false;
    closed.hidden = true;
    if (state.sidebar.version !== lastSidebarVersion) {
      lastSidebarVersion = state.sidebar.version;
      frame.src = '/sidebar?v=' + state.sidebar.version;
    }
  }

  var again = false;
  var forcedNext = false;
  function refresh(forced) {
    if (forced) forcedNext = true;
    if (pending) { again = true; return; }
    pending = true;
    var url = '/__playground/state';
    var gid = current === null ? gidFromHash() : null;
    if (current !== null) url += '?sheet=' + encodeURIComponent(current);
    else if (gid !== null) url += '?gid=' + gid;
    fetch(url).then(function (r) { return r.json(); }).then(function (state) {
      pending = false;
      if (again) { again = false; refresh(); return; }
      current = state.sheet;
      drawToasts(state);
      var key = state.version + '|' + state.sheet + '|' + showHidden;
      if (key === drawn || grid.isEditing()) return;
      drawn = key;
      var forced = forcedNext;
      forcedNext = false;
      document.getElementById('receiver-link').href = state.receiverUrl || '#';
      document.body.setAttribute('data-version', String(state.version));
      drawTabs(state);
      drawEditAs(state);
      drawTable(state, forced);
      drawMenu(state);
      drawSidebar(state);
    }, function (e) {
      pending = false;
      document.getElementById('error').textContent = String(e);
    });
  }

  function runMenu(functionName) {
    document.getElementById('error').textContent = '';
    fetch('/__playground/menu', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ functionName: functionName }) })
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        if (!answer.ok) document.getElementById('error').textContent = T.menuFailed + answer.error.message;
        refresh();
      });
  }

  document.getElementById('edit-as').addEventListener('change', function (ev) {
    fetch('/__playground/edit-as', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: ev.target.value }) })
      .then(function () { refresh(); });
  });
  document.getElementById('extensions-button').addEventListener('click', function () {
    document.getElementById('extensions-menu').classList.toggle('open');
  });
  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin) return;
    if (event.data === ${JSON.stringify(CHANGED_MESSAGE)}) refresh();
    var data = event.data;
    if (data && data.type === ${JSON.stringify(OPEN_TAB_MESSAGE)} && typeof data.gid === 'number') {
      current = null;
      drawn = '';
      history.replaceState(null, '', '#gid=' + data.gid);
      refresh();
    }
  });
  window.addEventListener('hashchange', function () { current = null; refresh(); });
  setInterval(refresh, 3000);
  refresh();
})();
</script>
</body>
</html>`;
}
