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
