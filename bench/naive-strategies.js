// Apps Script code of the two naive refresh strategies the benchmark compares against:
// (a) next() with one getter call per cell and one appendRow per row, as old samples do;
// (b) per-cell getters and one setValues at the end.
function connect_(url, user, password) {
  return Jdbc.getConnection(url, user, password);
}

function naiveAppendRow(url, user, password, sql, tabName) {
  var conn = connect_(url, user, password);
  var rs = conn.createStatement().executeQuery(sql);
  var meta = rs.getMetaData();
  var n = meta.getColumnCount();
  var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(tabName);
  var header = [];
  for (var c = 1; c <= n; c++) header.push(meta.getColumnLabel(c));
  sheet.appendRow(header);
  var rows = 0;
  while (rs.next()) {
    var row = [];
    for (var i = 1; i <= n; i++) row.push(rs.getString(i));
    sheet.appendRow(row);
    rows++;
  }
  rs.close();
  conn.close();
  return rows;
}

function naiveSetValues(url, user, password, sql, tabName) {
  var conn = connect_(url, user, password);
  var rs = conn.createStatement().executeQuery(sql);
  var meta = rs.getMetaData();
  var n = meta.getColumnCount();
  var values = [];
  var header = [];
  for (var c = 1; c <= n; c++) header.push(meta.getColumnLabel(c));
  values.push(header);
  while (rs.next()) {
    var row = [];
    for (var i = 1; i <= n; i++) row.push(rs.getString(i));
    values.push(row);
  }
  rs.close();
  conn.close();
  var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet(tabName);
  if (values.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), values.length - sheet.getMaxRows());
  sheet.getRange(1, 1, values.length, n).setValues(values);
  return values.length - 1;
}

function exec(url, statements) {
  var conn = Jdbc.getConnection(url);
  var st = conn.createStatement();
  for (var i = 0; i < statements.length; i++) st.execute(statements[i]);
  conn.close();
}

// (t) A naive tick for the tick benchmark: per query, one connection, per-cell getters, the
// tab cleared and written row by row, then read back to evaluate its check (rows > 0), the
// state in its own property, and one UrlFetch per change of state.
function naiveTick(url, user, password, queries, webhookUrl) {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var props = PropertiesService.getDocumentProperties();
  var sent = 0;
  for (var q = 0; q < queries.length; q++) {
    var conn = connect_(url, user, password);
    var rs = conn.createStatement().executeQuery(queries[q].sql);
    var n = rs.getMetaData().getColumnCount();
    var sheet = ss.getSheetByName(queries[q].name) || ss.insertSheet(queries[q].name);
    sheet.clear();
    while (rs.next()) {
      var row = [];
      for (var i = 1; i <= n; i++) row.push(rs.getString(i));
      sheet.appendRow(row);
    }
    rs.close();
    conn.close();
    var rows = sheet
      .getDataRange()
      .getValues()
      .filter((r) => r.join('') !== '').length;
    var state = rows > 0 ? 'triggered' : 'ok';
    var before = props.getProperty(`naive.alert.${q}`) || 'unknown';
    if (state !== before) {
      props.setProperty(`naive.alert.${q}`, state);
      if (state === 'triggered' || before === 'triggered') {
        UrlFetchApp.fetch(webhookUrl, {
          method: 'post',
          contentType: 'application/json',
          payload: JSON.stringify({ text: `${queries[q].name}: ${state} (${rows} rows)` }),
        });
        sent++;
      }
    }
  }
  return sent;
}
