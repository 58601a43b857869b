/**
 * UrlFetchApp and Jdbc conformance cases. Fetches only use hosts that do not exist (".invalid",
 * RFC 2606), so the live platform and the local runtime answer alike without a server; database
 * cases run against JDBC_URL (PGlite locally, CONFORMANCE_JDBC_URL live).
 */
import { type ConformanceCase, table } from '../types';

const FETCH = 'https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app';
const JDBC = 'https://developers.google.com/apps-script/reference/jdbc/';
const UMBRELLA = 'Failed to establish a database connection. Check connection string, username and password.';

const urlfetch = table('fetch', 'UrlFetchApp', FETCH, [
  [
    "return UrlFetchApp.getRequest('https://example.invalid/a?b=1').url;",
    'https://example.invalid/a?b=1',
    'documented',
    `${FETCH}#getrequesturl`,
  ],
  ["return UrlFetchApp.getRequest('https://example.invalid/').method;", 'get', 'documented', `${FETCH}#getrequesturl`],
  [
    "return UrlFetchApp.getRequest('https://example.invalid/', {method: 'POST'}).method;",
    'post',
    'documented',
    `${FETCH}#getrequesturl,-params`,
  ],
  [
    "return UrlFetchApp.getRequest('https://example.invalid/', {method: 'post'}).contentType;",
    'application/x-www-form-urlencoded',
    'observed',
    `${FETCH}#getrequesturl,-params`,
  ],
  [
    "return UrlFetchApp.getRequest('https://example.invalid/', {method: 'post', payload: {a: 'b c'}}).payload;",
    'a=b+c',
    'documented',
    `${FETCH}#getrequesturl,-params`,
  ],
  [
    "return UrlFetchApp.getRequest('https://example.invalid/', {method: 'post', payload: '{}', contentType: 'application/json'}).contentType;",
    'application/json',
    'documented',
    `${FETCH}#getrequesturl,-params`,
  ],
  [
    "return UrlFetchApp.getRequest('https://example.invalid/', {headers: {'X-A': '1'}}).headers['X-A'];",
    '1',
    'documented',
    `${FETCH}#getrequesturl,-params`,
  ],
  [
    "return UrlFetchApp.getRequest('https://example.invalid/').followRedirects;",
    true,
    'documented',
    `${FETCH}#getrequesturl`,
  ],
  [
    "return UrlFetchApp.getRequest('https://example.invalid/', {muteHttpExceptions: true}).muteHttpExceptions;",
    true,
    'documented',
    `${FETCH}#getrequesturl,-params`,
  ],
  [
    "return UrlFetchApp.getRequest('https://example.invalid/').validateHttpsCertificates;",
    true,
    'documented',
    `${FETCH}#getrequesturl`,
  ],
  [
    "return errorOf_(function () { UrlFetchApp.fetch('https://no-such-host.invalid/x'); });",
    'DNS error: https://no-such-host.invalid/x',
    'observed',
  ],
  ["return errorOf_(function () { UrlFetchApp.fetch('not a url'); });", 'Invalid argument: not a url', 'observed'],
  [
    "return errorOf_(function () { UrlFetchApp.fetch('ftp://example.invalid/'); });",
    'Invalid argument: ftp://example.invalid/',
    'observed',
  ],
  [
    "return errorOf_(function () { UrlFetchApp.fetch('https://example.invalid/' + 'a'.repeat(2100)); });",
    'Limit Exceeded: URLFetch URL Length.',
    'observed',
  ],
  [
    "return errorOf_(function () { UrlFetchApp.fetchAll(['https://a.invalid/', 'https://b.invalid/']); });",
    'DNS error: https://a.invalid/',
    'observed',
  ],
  [
    "return errorOf_(function () { UrlFetchApp.fetch('https://example.invalid/', {method: 'fly'}); }) !== 'no error';",
    true,
  ],
  [
    'return errorOf_(function () { UrlFetchApp.fetch(5); });',
    "The parameters (number) don't match the method signature for UrlFetchApp.fetch.",
    'documented',
    `${FETCH}#fetchurl`,
  ],
  [
    "return errorOf_(function () { UrlFetchApp.fetchAll('https://example.invalid/'); });",
    "The parameters (String) don't match the method signature for UrlFetchApp.fetchAll.",
    'documented',
    `${FETCH}#fetchallrequests`,
  ],
]);

const jdbc = table('jdbc', 'Jdbc', `${JDBC}jdbc`, [
  [
    "return errorOf_(function () { Jdbc.getConnection('jdbc:postgresql://no-such-host.invalid:5432/db', 'u', 'p'); });",
    UMBRELLA,
    'observed',
  ],
  [
    "return errorOf_(function () { Jdbc.getConnection('jdbc:mysql://no-such-host.invalid:3306/db?user=u&password=p'); });",
    UMBRELLA,
    'observed',
  ],
  [
    "return errorOf_(function () { Jdbc.getConnection('jdbc:postgresql://no-such-host.invalid:5432/db?sslmode=require'); });",
    'The following connection properties are unsupported: sslmode.',
    'observed',
  ],
  [
    'return errorOf_(function () { Jdbc.getConnection(); });',
    "The parameters () don't match the method signature for Jdbc.getConnection.",
    'documented',
    `${JDBC}jdbc#getconnectionurl`,
  ],
]);

const db = table(
  'jdbc-db',
  'Jdbc',
  `${JDBC}jdbc-connection`,
  [
    [
      "var c = Jdbc.getConnection(JDBC_URL); var rs = c.createStatement().executeQuery('SELECT 1 AS one'); rs.next(); var v = rs.getInt(1); c.close(); return v;",
      1,
      'documented',
      `${JDBC}jdbc-result-set#getintcolumnindex`,
    ],
    [
      "var c = Jdbc.getConnection(JDBC_URL); var rs = c.createStatement().executeQuery(\"SELECT 'x' AS s\"); rs.next(); var v = [rs.getString('s'), rs.getMetaData().getColumnLabel(1)]; c.close(); return v;",
      ['x', 's'],
      'documented',
      `${JDBC}jdbc-result-set#getstringcolumnlabel`,
    ],
    [
      "var c = Jdbc.getConnection(JDBC_URL); var rs = c.createStatement().executeQuery('SELECT 1 WHERE 1 = 0'); var v = rs.next(); c.close(); return v;",
      false,
      'documented',
      `${JDBC}jdbc-result-set#next`,
    ],
    [
      "var c = Jdbc.getConnection(JDBC_URL); var s = c.prepareStatement('SELECT ? + 1'); s.setInt(1, 41); var rs = s.executeQuery(); rs.next(); var v = rs.getInt(1); c.close(); return v;",
      42,
      'documented',
      `${JDBC}jdbc-prepared-statement#setintparameterindex,-x`,
    ],
    [
      "var c = Jdbc.getConnection(JDBC_URL); var rs = c.createStatement().executeQuery('SELECT NULL AS n'); rs.next(); var v = [rs.getString(1), rs.wasNull()]; c.close(); return v;",
      [null, true],
      'documented',
      `${JDBC}jdbc-result-set#wasnull`,
    ],
    [
      'var c = Jdbc.getConnection(JDBC_URL); var v = c.isClosed(); c.close(); return [v, c.isClosed()];',
      [false, true],
      'documented',
      `${JDBC}jdbc-connection#isclosed`,
    ],
    [
      'var c = Jdbc.getConnection(JDBC_URL); var v = c.getAutoCommit(); c.close(); return v;',
      true,
      'documented',
      `${JDBC}jdbc-connection#getautocommit`,
    ],
    [
      "var c = Jdbc.getConnection(JDBC_URL); var rs = c.createStatement().executeQuery('SELECT 1 AS a, 2 AS b'); var n = rs.getMetaData().getColumnCount(); c.close(); return n;",
      2,
      'documented',
      `${JDBC}jdbc-result-set-meta-data#getcolumncount`,
    ],
    [
      "var c = Jdbc.getConnection(JDBC_URL); var st = c.createStatement(); var r = st.execute('SELECT 1'); c.close(); return r;",
      true,
      'documented',
      `${JDBC}jdbc-statement#executesql`,
    ],
    [
      "var c = Jdbc.getConnection(JDBC_URL); var msg = errorOf_(function () { c.createStatement().executeQuery('SELEC 1'); }); c.close(); return /syntax error/.test(msg);",
      true,
      'documented',
      'https://developers.google.com/apps-script/guides/jdbc',
    ],
  ],
  { needsDb: true },
);

export const NETWORK_CASES: ConformanceCase[] = [...urlfetch, ...jdbc, ...db];
