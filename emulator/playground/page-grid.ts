/**
 * The playground page's editable grid and charts, as a script and styles the page embeds. A
 * person selects a cell by clicking or with the arrow keys, Tab and Enter (a roving tabindex,
 * focus always visible), types a value or a formula and presses Enter: the edit goes to the
 * playground server as a person's edit. List validation shows a dropdown (a <select>), checkbox
 * validation a checkbox; a refusal (protection, rejecting validation) shows Sheets' message. Each
 * row header opens a small menu (insert above/below, delete). Charts are built from the server's
 * SVG element tree with DOM calls (allow-listed tags and attributes), never parsed as HTML.
 */

export const GRID_CSS = `
  #grid { position: relative; z-index: 0; } /* its own stacking context: menus, popups and toasts stay above the grid */
  #sheet-table td.cell { min-width: 64px; cursor: cell; position: relative; }
  #sheet-table td.cell:focus { outline: 2px solid #1a73e8; outline-offset: -2px; }
  #sheet-table td.cell.active { box-shadow: inset 0 0 0 2px #1a73e8; }
  #sheet-table td.cell.locked { background-image: repeating-linear-gradient(135deg, transparent 0 6px, rgba(95,99,104,.08) 6px 8px); }
  #sheet-table td.cell.invalid::before { content: ''; position: absolute; top: 0; right: 0; border-style: solid; border-width: 0 7px 7px 0; border-color: transparent #d93025 transparent transparent; }
  #sheet-table td.cell.editing { padding: 0; overflow: visible; }
  #sheet-table td.cell input.cell-editor, #sheet-table td.cell select.cell-editor { font: inherit; width: 100%; min-width: 120px; border: 2px solid #1a73e8; padding: 1px 4px; margin: 0; box-sizing: border-box; }
  #sheet-table td.cell .dropdown-mark { float: right; color: inherit; opacity: .75; margin-left: 6px; }
  #sheet-table td.cell input[type=checkbox] { margin: 0; }
  #sheet-table td.rownum { padding: 0; }
  #sheet-table td.rownum button { width: 100%; border: 0; background: none; font: inherit; color: #5f6368; padding: 2px 6px; cursor: pointer; text-align: right; }
  #sheet-table td.rownum button:focus { outline: 2px solid #1a73e8; outline-offset: -2px; }
  #sheet-table tr.frozen td { border-bottom-color: #bdc1c6; position: sticky; z-index: 2; }
  #sheet-table tr.frozen td.cell { background-color: #fff; }
  #sheet-table thead th { z-index: 3; }
  #row-menu { position: fixed; z-index: 5; background: #fff; box-shadow: 0 2px 6px rgba(0,0,0,.3); list-style: none; margin: 0; padding: 4px 0; min-width: 180px; }
  #row-menu button { display: block; width: 100%; text-align: left; background: none; border: 0; font: inherit; padding: 6px 16px; cursor: pointer; }
  #row-menu button:hover { background: #f1f3f4; }
  #row-menu button:focus { background: #e8f0fe; outline: 2px solid #1a73e8; outline-offset: -2px; }
  #edit-message { padding: 4px 12px; color: #c5221f; min-height: 0; }
  #edit-message:empty { display: none; }
  #formula-bar { display: flex; gap: 8px; align-items: center; padding: 4px 12px; border-bottom: 1px solid #dadce0; font-family: monospace; }
  #formula-bar .cell-name { color: #5f6368; min-width: 48px; }
  #formula-bar #cell-hint { margin-left: auto; color: #5f6368; font-family: Roboto, Arial, sans-serif; }
  figure.chart { margin: 12px; padding: 4px; background: #fff; border: 1px solid #dadce0; display: inline-block; }
  figure.chart.anchored { position: absolute; margin: 0; z-index: 1; box-shadow: 0 1px 3px rgba(0,0,0,.2); }
  figure.chart figcaption { font-size: 11px; color: #5f6368; }
  #charts-after { display: flex; flex-wrap: wrap; }
`;

export const GRID_SCRIPT = `
function createGrid(deps) {
  var T = deps.T, el = deps.el, columnName = deps.columnName;
  var table = document.getElementById('sheet-table');
  var message = document.getElementById('edit-message');
  var formulaBar = document.getElementById('formula-bar-text');
  var cellName = document.getElementById('formula-bar-name');
  var hint = document.getElementById('cell-hint');
  var state = null;
  var active = { row: 0, col: 0 };
  var editing = null;
  var rowMenu = null;
  var SVG_TAGS = { svg: 1, g: 1, rect: 1, line: 1, polyline: 1, polygon: 1, circle: 1, path: 1, text: 1, title: 1 };
  var SVG_NS = 'http://www.w3.org/2000/svg';

  function key(r, c) { return r + ':' + c; }
  function lookup(list) {
    var out = {};
    (list || []).forEach(function (x) { out[key(x[0], x[1])] = x[2]; });
    return out;
  }
  function inBox(b, r, c) { return r >= b.row && r < b.row + b.numRows && c >= b.col && c < b.col + b.numCols; }
  function isLocked(r, c) {
    return (state.locked || []).some(function (p) {
      return inBox(p.box, r, c) && !p.except.some(function (u) { return inBox(u, r, c); });
    });
  }
  function display(r, c) {
    var line = state.values[r];
    return line && line[c] !== undefined ? line[c] : '';
  }
  function cellAt(r, c) { return table.querySelector('td.cell[data-row="' + r + '"][data-col="' + c + '"]'); }
  function validationAt(r, c) {
    var i = state.cellValidationMap[key(r, c)];
    return i === undefined ? null : state.validations[i];
  }
  function say(text) { message.textContent = text || ''; }

  function select(r, c, focus) {
    r = Math.max(0, Math.min(state.gridRows - 1, r));
    c = Math.max(0, Math.min(state.gridCols - 1, c));
    var old = cellAt(active.row, active.col);
    if (old) { old.classList.remove('active'); old.setAttribute('tabindex', '-1'); old.setAttribute('aria-selected', 'false'); }
    active = { row: r, col: c };
    var td = cellAt(r, c);
    if (!td) return;
    td.classList.add('active');
    td.setAttribute('tabindex', '0');
    td.setAttribute('aria-selected', 'true');
    cellName.textContent = columnName(c) + (r + 1);
    formulaBar.textContent = state.formulaMap[key(r, c)] || display(r, c);
    var rule = validationAt(r, c);
    hint.textContent = rule && rule.helpText ? rule.helpText : '';
    if (focus) td.focus();
  }

  function send(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json(); });
  }
  function answered(answer) {
    if (!answer.ok) {
      var e = answer.error || {};
      say((e.reason === 'protected' ? T.refusedProtected : e.reason === 'invalid' ? T.refusedInvalid : T.failed) + ' ' + (e.message || ''));
    } else {
      var failed = (answer.triggers || []).filter(function (t) { return !t.ok; });
      say(failed.length ? failed.map(function (t) { return T.triggerFailed.replace('{handler}', t.handler) + ' ' + (t.error || ''); }).join('\\n') : '');
    }
    return answer;
  }

  function commit(r, c, value, move) {
    editing = null;
    var sheet = state.sheet;
    return send('/__playground/edit', { sheet: sheet, row: r, col: c, value: value }).then(function (answer) {
      answered(answer);
      if (answer.ok && move) { active = { row: r + move[0], col: c + move[1] }; }
      deps.refresh(true);
    });
  }

  function cancel() {
    if (!editing) return;
    var e = editing;
    editing = null;
    fillCell(e.td, e.row, e.col);
    e.td.classList.remove('editing');
    e.td.focus();
    deps.refresh(true);
  }

  function startEdit(r, c, initial, asText) {
    var td = cellAt(r, c);
    if (!td || editing) return;
    var rule = validationAt(r, c);
    if (rule && rule.kind === 'checkbox' && !asText) { toggle(r, c); return; }
    if (asText && rule && rule.kind !== 'other') rule = null;
    select(r, c, false);
    td.classList.add('editing');
    td.textContent = '';
    editing = { td: td, row: r, col: c };
    if (rule && rule.kind === 'list') {
      var sel = el('select', null, { 'class': 'cell-editor', 'aria-label': T.dropdownOf.replace('{cell}', columnName(c) + (r + 1)), 'data-testid': 'cell-dropdown' });
      var current = display(r, c);
      sel.appendChild(el('option', '', { value: '' }));
      rule.values.forEach(function (v) {
        var o = el('option', v, { value: v });
        if (v === current) o.selected = true;
        sel.appendChild(o);
      });
      if (current && rule.values.indexOf(current) < 0) { var keep = el('option', current, { value: current }); keep.selected = true; sel.appendChild(keep); }
      sel.addEventListener('change', function () { commit(r, c, sel.value, [1, 0]); });
      sel.addEventListener('keydown', function (ev) {
        if (ev.key === 'Escape') { ev.preventDefault(); cancel(); }
        else if (ev.key === 'Enter') { ev.preventDefault(); commit(r, c, sel.value, [1, 0]); }
        else if (ev.key === 'Tab') { ev.preventDefault(); commit(r, c, sel.value, [0, ev.shiftKey ? -1 : 1]); }
        ev.stopPropagation();
      });
      sel.addEventListener('blur', function () { setTimeout(function () { if (editing && editing.td === td) cancel(); }, 0); });
      td.appendChild(sel);
      sel.focus();
      return;
    }
    var input = el('input', null, { type: 'text', 'class': 'cell-editor', 'aria-label': T.editCell.replace('{cell}', columnName(c) + (r + 1)), 'data-testid': 'cell-editor', autocomplete: 'off', spellcheck: 'false' });
    input.value = initial !== undefined ? initial : (state.formulaMap[key(r, c)] || state.rawMap[key(r, c)] || display(r, c));
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter') { ev.preventDefault(); commit(r, c, input.value, [ev.shiftKey ? -1 : 1, 0]); }
      else if (ev.key === 'Tab') { ev.preventDefault(); commit(r, c, input.value, [0, ev.shiftKey ? -1 : 1]); }
      else if (ev.key === 'Escape') { ev.preventDefault(); cancel(); }
      ev.stopPropagation();
    });
    input.addEventListener('input', function () { formulaBar.textContent = input.value; });
    td.appendChild(input);
    input.focus();
    var end = input.value.length;
    input.setSelectionRange(end, end);
  }

  function toggle(r, c) {
    var rule = validationAt(r, c);
    var checked = display(r, c).toUpperCase() === String(rule.checked).toUpperCase();
    select(r, c, true);
    commit(r, c, checked ? rule.unchecked : rule.checked, null);
  }

  function fillCell(td, r, c) {
    td.textContent = '';
    var rule = validationAt(r, c);
    var text = display(r, c);
    if (rule && rule.kind === 'checkbox') {
      var box = el('input', null, { type: 'checkbox', tabindex: '-1', 'aria-label': T.checkboxOf.replace('{cell}', columnName(c) + (r + 1)), 'data-testid': 'cell-checkbox' });
      box.checked = text.toUpperCase() === String(rule.checked).toUpperCase();
      box.addEventListener('click', function (ev) { ev.preventDefault(); toggle(r, c); });
      td.appendChild(box);
      return;
    }
    if (rule && rule.kind === 'list') td.appendChild(el('span', '\\u25be', { 'class': 'dropdown-mark', 'aria-hidden': 'true' }));
    td.appendChild(document.createTextNode(text));
  }

  function closeRowMenu(focusButton) {
    if (!rowMenu) return;
    var m = rowMenu;
    rowMenu = null;
    m.menu.remove();
    if (focusButton && m.button.isConnected) m.button.focus();
  }
  function openRowMenu(button, row) {
    closeRowMenu(false);
    var menu = el('ul', null, { id: 'row-menu', role: 'menu', 'aria-label': T.rowMenu.replace('{row}', row) });
    [['insertAbove', T.insertAbove], ['insertBelow', T.insertBelow], ['delete', T.deleteRow]].forEach(function (a) {
      var li = el('li', null, { role: 'none' });
      var b = el('button', a[1], { type: 'button', role: 'menuitem', 'data-action': a[0], tabindex: '-1' });
      b.addEventListener('click', function () {
        closeRowMenu(false);
        send('/__playground/rows', { sheet: state.sheet, row: row, action: a[0] }).then(function (answer) {
          answered(answer);
          if (answer.ok) active = { row: a[0] === 'insertBelow' ? row : row - 1, col: active.col };
          deps.refresh(true);
        });
      });
      li.appendChild(b);
      menu.appendChild(li);
    });
    var items = menu.querySelectorAll('button');
    menu.addEventListener('keydown', function (ev) {
      var i = Array.prototype.indexOf.call(items, document.activeElement);
      if (ev.key === 'ArrowDown') { ev.preventDefault(); items[(i + 1) % items.length].focus(); }
      else if (ev.key === 'ArrowUp') { ev.preventDefault(); items[(i + items.length - 1) % items.length].focus(); }
      else if (ev.key === 'Escape' || ev.key === 'Tab') { ev.preventDefault(); closeRowMenu(true); }
    });
    document.body.appendChild(menu);
    var box = button.getBoundingClientRect();
    menu.style.left = box.right + 'px';
    menu.style.top = box.top + 'px';
    rowMenu = { menu: menu, button: button };
    button.setAttribute('aria-expanded', 'true');
    items[0].focus();
  }
  document.addEventListener('mousedown', function (ev) {
    if (rowMenu && !rowMenu.menu.contains(ev.target) && ev.target !== rowMenu.button) closeRowMenu(false);
  });

  table.addEventListener('keydown', function (ev) {
    if (editing || !ev.target.classList || !ev.target.classList.contains('cell')) return;
    var r = active.row, c = active.col;
    var moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (ev.key === 'ArrowLeft' && c === 0) {
      // Past column A: the row header, whose button opens the row menu.
      ev.preventDefault();
      var header = table.querySelector('tr[data-row="' + r + '"] td.rownum button');
      if (header) header.focus();
      return;
    }
    if (moves[ev.key]) { ev.preventDefault(); select(r + moves[ev.key][0], c + moves[ev.key][1], true); return; }
    if (ev.key === 'Tab') {
      var next = c + (ev.shiftKey ? -1 : 1);
      if (next < 0 || next >= state.gridCols) return;
      ev.preventDefault();
      select(r, next, true);
      return;
    }
    var rule = validationAt(r, c);
    if (ev.key === 'F2') { ev.preventDefault(); startEdit(r, c, undefined, true); return; }
    if (ev.key === 'Enter' || (ev.key === 'ArrowDown' && ev.altKey)) { ev.preventDefault(); startEdit(r, c); return; }
    if (ev.key === ' ' && rule && rule.kind === 'checkbox') { ev.preventDefault(); toggle(r, c); return; }
    if (ev.key === 'Delete' || ev.key === 'Backspace') { ev.preventDefault(); commit(r, c, '', null); return; }
    if (ev.key.length === 1 && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      // As in Sheets, typing into a dropdown or checkbox cell types text (the server validates it).
      startEdit(r, c, ev.key, true);
    }
  });

  // Copy gives the selected cell's text; paste writes tab-separated lines from the selected cell on.
  table.addEventListener('copy', function (ev) {
    if (editing || !state) return;
    ev.preventDefault();
    ev.clipboardData.setData('text/plain', state.formulaMap[key(active.row, active.col)] || display(active.row, active.col));
  });
  table.addEventListener('paste', function (ev) {
    if (editing || !state) return;
    var text = ev.clipboardData ? ev.clipboardData.getData('text/plain') : '';
    if (!text) return;
    ev.preventDefault();
    var lines = text.replace(/\\r\\n?/g, '\\n').replace(/\\n$/, '').split('\\n');
    var rows = lines.map(function (line) { return line.split('\\t'); });
    send('/__playground/paste', { sheet: state.sheet, row: active.row, col: active.col, rows: rows }).then(function (answer) {
      answered(answer);
      deps.refresh(true);
    });
  });

  function buildSvg(node) {
    if (!node || !SVG_TAGS[node.tag]) return null;
    var out = document.createElementNS(SVG_NS, node.tag);
    for (var k in node.attrs) {
      if (!/^[a-z][a-z-]*$/i.test(k) || /^on/i.test(k) || /href/i.test(k)) continue;
      if (k === 'xmlns') continue;
      out.setAttribute(k, String(node.attrs[k]));
    }
    if (node.text !== undefined) out.textContent = node.text;
    (node.children || []).forEach(function (child) { var c = buildSvg(child); if (c) out.appendChild(c); });
    return out;
  }

  function drawChart(chart) {
    var fig = el('figure', null, { 'class': 'chart', 'data-testid': 'chart', 'data-chart-type': chart.type, 'data-chart-id': String(chart.chartId) });
    if (chart.type === 'TABLE') {
      if (chart.title) fig.appendChild(el('figcaption', chart.title));
      var t = el('table');
      chart.table.forEach(function (line) {
        var tr = el('tr');
        line.forEach(function (v) { tr.appendChild(el('td', v)); });
        t.appendChild(tr);
      });
      fig.appendChild(t);
    } else {
      var svg = buildSvg(chart.svg);
      if (svg) fig.appendChild(svg);
    }
    fig.appendChild(el('figcaption', T.chartAt.replace('{type}', chart.type).replace('{cell}', columnName(chart.anchorCol - 1) + chart.anchorRow)));
    return fig;
  }

  function drawCharts() {
    var after = document.getElementById('charts-after');
    after.textContent = '';
    Array.prototype.forEach.call(document.querySelectorAll('#grid figure.chart.anchored'), function (f) { f.remove(); });
    (state.charts || []).forEach(function (chart) {
      var fig = drawChart(chart);
      var anchor = cellAt(chart.anchorRow - 1, chart.anchorCol - 1);
      if (anchor) {
        fig.classList.add('anchored');
        fig.style.left = (anchor.offsetLeft + chart.offsetX) + 'px';
        fig.style.top = (anchor.offsetTop + chart.offsetY) + 'px';
        document.getElementById('grid').appendChild(fig);
      } else after.appendChild(fig);
    });
  }

  function draw(next, forced) {
    var focused = document.activeElement;
    var hadFocus = table.contains(focused) || (forced && (!focused || focused === document.body));
    if (state && state.sheet !== next.sheet) { active = { row: 0, col: 0 }; say(''); }
    state = next;
    state.formulaMap = lookup(state.formulas);
    state.cellValidationMap = lookup(state.cellValidations);
    state.rawMap = {};
    var looks = lookup(state.looks);
    var notes = lookup(state.notes);
    var invalid = {};
    (state.invalid || []).forEach(function (x) { invalid[key(x[0], x[1])] = true; });
    table.textContent = '';
    table.setAttribute('data-sheet', state.sheet || '');
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', T.gridOf.replace('{sheet}', state.sheet));
    table.setAttribute('aria-rowcount', String(state.gridRows + 1));
    var head = el('tr', null, { role: 'row' });
    head.appendChild(el('th', '', { role: 'columnheader' }));
    for (var c = 0; c < state.gridCols; c++) head.appendChild(el('th', columnName(c), { role: 'columnheader', scope: 'col' }));
    var thead = el('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    var body = el('tbody');
    for (var r = 0; r < state.gridRows; r++) {
      var tr = el('tr', null, { role: 'row', 'data-row': String(r) });
      if (r < state.frozenRows) tr.className = 'frozen';
      var num = el('td', null, { 'class': 'rownum', role: 'rowheader' });
      var rb = el('button', r + 1, { type: 'button', tabindex: '-1', 'aria-haspopup': 'menu', 'aria-label': T.rowMenu.replace('{row}', r + 1), 'data-testid': 'row-header' });
      (function (button, row) {
        button.addEventListener('click', function () { openRowMenu(button, row); });
        button.addEventListener('keydown', function (ev) {
          var to = { ArrowUp: row - 2, ArrowDown: row }[ev.key];
          if (ev.key === 'ArrowRight') { ev.preventDefault(); select(row - 1, 0, true); }
          else if (to !== undefined && to >= 0 && to < state.gridRows) {
            ev.preventDefault();
            table.querySelector('tr[data-row="' + to + '"] td.rownum button').focus();
          }
        });
      })(rb, r + 1);
      num.appendChild(rb);
      tr.appendChild(num);
      for (var c2 = 0; c2 < state.gridCols; c2++) {
        var td = el('td', null, { 'class': 'cell', role: 'gridcell', tabindex: '-1', 'data-row': String(r), 'data-col': String(c2), 'aria-selected': 'false' });
        fillCell(td, r, c2);
        var look = looks[key(r, c2)];
        if (look) {
          if (look.background) td.style.backgroundColor = look.background;
          if (look.color) td.style.color = look.color;
          if (look.bold) td.style.fontWeight = 'bold';
          if (look.italic) td.style.fontStyle = 'italic';
          if (look.strikethrough || look.underline)
            td.style.textDecoration = [look.underline ? 'underline' : '', look.strikethrough ? 'line-through' : ''].join(' ');
          td.setAttribute('data-look', JSON.stringify(look));
        }
        if (invalid[key(r, c2)]) { td.classList.add('invalid'); td.setAttribute('data-invalid', 'true'); td.title = T.invalidCell; }
        if (isLocked(r, c2)) { td.classList.add('locked'); td.setAttribute('aria-readonly', 'true'); td.title = T.lockedCell; }
        var note = notes[key(r, c2)];
        if (note) deps.addNote(td, note, columnName(c2) + (r + 1));
        (function (cell, row, col) {
          cell.addEventListener('mousedown', function (ev) {
            if (editing && editing.td === cell) return;
            if (ev.target.tagName === 'INPUT') return;
            select(row, col, true);
          });
          cell.addEventListener('dblclick', function () { startEdit(row, col); });
          cell.addEventListener('click', function () {
            var rule = validationAt(row, col);
            if (rule && rule.kind === 'list' && !editing) startEdit(row, col);
          });
        })(td, r, c2);
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    // Frozen rows stay under the column letters while the grid scrolls, as in Sheets.
    var top = thead.getBoundingClientRect().height;
    Array.prototype.forEach.call(body.querySelectorAll('tr.frozen'), function (row) {
      Array.prototype.forEach.call(row.children, function (cellNode) { cellNode.style.top = top + 'px'; });
      top += row.getBoundingClientRect().height;
    });
    select(active.row, active.col, hadFocus);
    drawCharts();
  }

  return {
    draw: draw,
    isEditing: function () { return editing !== null; },
  };
}
`;
