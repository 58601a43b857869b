/** Utilities conformance cases: dates, digests, Base64, CSV, blobs, archives, enums. */
import { type ConformanceCase, table } from '../types';

const REF = 'https://developers.google.com/apps-script/reference/utilities/utilities';
const JAVA_FMT = 'https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html';
const D = 'new Date(Date.UTC(2024, 0, 15, 9, 5, 7, 89))';
const S = 'new Date(Date.UTC(2024, 6, 1, 12, 0, 0))';
const SIG = (args: string, method: string) =>
  `The parameters (${args}) don't match the method signature for ${method}.`;
const hex = (call: string) =>
  `return ${call}.map(function (b) { return ('0' + (b & 0xff).toString(16)).slice(-2); }).join('');`;

const dates = table('util-date', 'Utilities', `${REF}#formatdatedate,-timezone,-format`, [
  [`Utilities.formatDate(${D}, 'UTC', 'yyyy-MM-dd HH:mm:ss')`, '2024-01-15 09:05:07'],
  [`Utilities.formatDate(${D}, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm')`, '2024-01-15 18:05'],
  [`Utilities.formatDate(${D}, 'America/New_York', 'yyyy-MM-dd HH:mm')`, '2024-01-15 04:05'],
  [`Utilities.formatDate(${D}, 'UTC', 'EEE, d MMM yyyy')`, 'Mon, 15 Jan 2024', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'UTC', 'EEEE MMMM')`, 'Monday January', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'UTC', 'h:mm a')`, '9:05 AM', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'UTC', 'SSS')`, '089', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'UTC', "yyyy-MM-dd'T'HH:mm:ss'Z'")`, '2024-01-15T09:05:07Z', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'Asia/Tokyo', 'Z')`, '+0900', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'Asia/Kolkata', 'XXX')`, '+05:30', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'UTC', 'XXX')`, 'Z', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'Asia/Tokyo', 'z')`, 'JST', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${S}, 'Europe/London', 'z')`, 'BST', 'observed', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'Europe/London', 'z')`, 'GMT', 'observed', JAVA_FMT],
  [`Utilities.formatDate(${S}, 'America/Los_Angeles', 'z')`, 'PDT', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'America/Los_Angeles', 'z')`, 'PST', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${S}, 'Europe/Paris', 'z')`, 'CEST', 'observed', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'GMT+2', 'HH:mm')`, '11:05'],
  [`Utilities.formatDate(${D}, 'UTC', 'D')`, '15', 'documented', JAVA_FMT],
  [`Utilities.formatDate(${D}, 'UTC', 'yy/M/d')`, '24/1/15', 'documented', JAVA_FMT],
  [
    `errorOf_(function () { Utilities.formatDate('2024-01-01', 'UTC', 'yyyy'); })`,
    SIG('String,String,String', 'Utilities.formatDate'),
    'observed',
  ],
  [
    "Utilities.parseDate('2024-03-05 14:30:15', 'UTC', 'yyyy-MM-dd HH:mm:ss').toISOString()",
    '2024-03-05T14:30:15.000Z',
    'documented',
    `${REF}#parsedatedate,-timezone,-format`,
  ],
  [
    "Utilities.parseDate('2024-03-05', 'Asia/Tokyo', 'yyyy-MM-dd').toISOString()",
    '2024-03-04T15:00:00.000Z',
    'documented',
    `${REF}#parsedatedate,-timezone,-format`,
  ],
  [
    "Utilities.parseDate('5 March 2024', 'UTC', 'd MMMM yyyy').toISOString()",
    '2024-03-05T00:00:00.000Z',
    'documented',
    `${REF}#parsedatedate,-timezone,-format`,
  ],
  [
    "Utilities.parseDate('03/05/24 7:00 PM', 'UTC', 'MM/dd/yy h:mm a').toISOString()",
    '2024-03-05T19:00:00.000Z',
    'documented',
    `${REF}#parsedatedate,-timezone,-format`,
  ],
  [
    "Utilities.parseDate('2024-03-05T10:00:00+0100', 'Asia/Tokyo', \"yyyy-MM-dd'T'HH:mm:ssZ\").toISOString()",
    '2024-03-05T09:00:00.000Z',
    'documented',
    `${REF}#parsedatedate,-timezone,-format`,
  ],
  [
    "Utilities.parseDate('2024-02-30', 'UTC', 'yyyy-MM-dd').toISOString()",
    '2024-03-01T00:00:00.000Z',
    'documented',
    JAVA_FMT,
  ],
  [
    "Utilities.parseDate('20240305', 'UTC', 'yyyyMMdd').toISOString()",
    '2024-03-05T00:00:00.000Z',
    'documented',
    JAVA_FMT,
  ],
  [
    "errorOf_(function () { Utilities.parseDate('later', 'UTC', 'yyyy-MM-dd'); }) !== 'no error'",
    true,
    'documented',
    JAVA_FMT,
  ],
]);

const bytes = table('util-bytes', 'Utilities', `${REF}#computedigestalgorithm,-value`, [
  [hex("Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc')"), '900150983cd24fb0d6963f7d28e17f72'],
  [hex("Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, 'abc')"), 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  [
    hex("Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, '')"),
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  ],
  ["Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'abc').slice(0, 4)", [-112, 1, 80, -104]],
  ["Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc').length", 32],
  ["Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_512, 'abc').length", 64],
  [hex("Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'é')"), 'd1457b72c3fb323a2671125aef3eab5d', 'observed'], // MD5 of '?': 'é' is '?' in US-ASCII
  [
    hex("Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'é', Utilities.Charset.UTF_8)"),
    '66ddcd97cfdeabb2f6fb8a999b4bc76f',
    'documented',
  ],
  [hex('Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, [97, 98, 99])'), '900150983cd24fb0d6963f7d28e17f72'],
  [
    'errorOf_(function () { Utilities.computeDigest(Utilities.DigestAlgorithm.MD5); })',
    SIG('Utilities.DigestAlgorithm', 'Utilities.computeDigest'),
    'observed',
  ],
  ['errorOf_(function () { Utilities.computeDigest(); })', SIG('', 'Utilities.computeDigest'), 'observed'],
  [
    'errorOf_(function () { Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 5); })',
    SIG('Utilities.DigestAlgorithm,number', 'Utilities.computeDigest'),
    'observed',
  ],
  [
    "/^Cannot convert /.test(errorOf_(function () { Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, ['a']); }))",
    true,
    'observed',
  ],
  [
    hex("Utilities.computeHmacSha256Signature('msg', 'key')"),
    '2d93cbc1be167bcb1637a4a23cbff01a7878f0c50ee833954ea5221bb1b8c628',
    'documented',
    `${REF}#computehmacsha256signaturevalue,-key`,
  ],
  [
    hex("Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_MD5, 'msg', 'key')"),
    '18e3548c59ad40dd03907b7aeee71d67',
    'documented',
    `${REF}#computehmacsignaturealgorithm,-value,-key`,
  ],
  [
    "Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_512, 'msg', 'key').length",
    64,
    'documented',
    `${REF}#computehmacsignaturealgorithm,-value,-key`,
  ],
  [
    "errorOf_(function () { Utilities.computeHmacSha256Signature('msg'); })",
    SIG('String', 'Utilities.computeHmacSha256Signature'),
    'observed',
  ],
  ["Utilities.base64Encode('Hello, world')", 'SGVsbG8sIHdvcmxk', 'documented', `${REF}#base64encodedata`],
  ['Utilities.base64Encode([104, 105])', 'aGk=', 'documented', `${REF}#base64encodedata`],
  [
    "Utilities.base64Encode('日本', Utilities.Charset.UTF_8)",
    '5pel5pys',
    'documented',
    `${REF}#base64encodedata,-charset`,
  ],
  ['Utilities.base64EncodeWebSafe([251, 255])', '-_8=', 'documented', `${REF}#base64encodewebsafedata`],
  ["Utilities.base64Decode('aGk=')", [104, 105], 'documented', `${REF}#base64decodeencoded`],
  ["Utilities.base64DecodeWebSafe('-_8=')", [-5, -1], 'documented', `${REF}#base64decodewebsafeencoded`],
  ["Utilities.newBlob(Utilities.base64Decode('5pel5pys')).getDataAsString()", '日本'],
  [
    '/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(Utilities.getUuid())',
    true,
    'documented',
    `${REF}#getuuid`,
  ],
  ['Utilities.getUuid() !== Utilities.getUuid()', true, 'documented', `${REF}#getuuid`],
]);

const misc = table('util-misc', 'Utilities', REF, [
  [
    "Utilities.parseCsv('a,b\\n1,2')",
    [
      ['a', 'b'],
      ['1', '2'],
    ],
    'documented',
    `${REF}#parsecsvcsv`,
  ],
  ["Utilities.parseCsv('a;b', ';')", [['a', 'b']], 'documented', `${REF}#parsecsvcsv,-delimiter`],
  ['Utilities.parseCsv(\'"x,y","say ""hi"""\')', [['x,y', 'say "hi"']], 'documented', `${REF}#parsecsvcsv`],
  ["Utilities.formatString('%s-%d', 'a', 5)", 'a-5', 'documented', `${REF}#formatstringtemplate,-args`],
  ["Utilities.formatString('%05.1f', 3.14159)", '003.1', 'documented', `${REF}#formatstringtemplate,-args`],
  ["Utilities.formatString('%x', 255)", 'ff', 'documented', `${REF}#formatstringtemplate,-args`],
  ["Utilities.formatString('%%')", '%', 'documented', `${REF}#formatstringtemplate,-args`],
  ["Utilities.jsonStringify({a: [1, 'b']})", '{"a":[1,"b"]}', 'documented', `${REF}#jsonstringifyobj`],
  ['Utilities.jsonParse(\'{"a":1}\').a', 1, 'documented', `${REF}#jsonparsejsonstring`],
  [
    'var t = Date.now(); Utilities.sleep(10); return Date.now() - t >= 10;',
    true,
    'documented',
    `${REF}#sleepmilliseconds`,
  ],
  ["Utilities.newBlob('abc').getDataAsString()", 'abc', 'documented', `${REF}#newblobdata`],
  ["Utilities.newBlob('abc').getContentType()", 'text/plain', 'observed', `${REF}#newblobdata`],
  [
    "Utilities.newBlob('abc', 'text/csv', 'a.csv').getName()",
    'a.csv',
    'documented',
    `${REF}#newblobdata,-contenttype,-name`,
  ],
  ['Utilities.newBlob([65, 66]).getDataAsString()', 'AB', 'documented', `${REF}#newblobdata`],
  ["Utilities.newBlob('héllo').getBytes().length", 6],
  [
    "Utilities.newBlob('x').setName('n.txt').getName()",
    'n.txt',
    'documented',
    'https://developers.google.com/apps-script/reference/base/blob#setnamename',
  ],
  [
    "Utilities.newBlob('x').copyBlob().getDataAsString()",
    'x',
    'documented',
    'https://developers.google.com/apps-script/reference/base/blob#copyblob',
  ],
  [
    "Utilities.newBlob('x').isGoogleType()",
    false,
    'documented',
    'https://developers.google.com/apps-script/reference/base/blob#isgoogletype',
  ],
  [
    "Utilities.zip([Utilities.newBlob('a', 'text/plain', 'a.txt')], 'z.zip').getName()",
    'z.zip',
    'documented',
    `${REF}#zipblobs,-name`,
  ],
  [
    "Utilities.zip([Utilities.newBlob('a', 'text/plain', 'a.txt')]).getContentType()",
    'application/zip',
    'documented',
    `${REF}#zipblobs`,
  ],
  [
    "return Utilities.unzip(Utilities.zip([Utilities.newBlob('aa', 'text/plain', 'a.txt'), Utilities.newBlob('b', 'text/plain', 'b.txt')])).map(function (b) { return b.getName() + ':' + b.getDataAsString(); })",
    ['a.txt:aa', 'b.txt:b'],
    'documented',
    `${REF}#unzipblob`,
  ],
  [
    "Utilities.ungzip(Utilities.gzip(Utilities.newBlob('zipped text', 'text/plain', 't.txt'))).getDataAsString()",
    'zipped text',
    'documented',
    `${REF}#ungzipblob`,
  ],
  [
    "Utilities.gzip(Utilities.newBlob('x', 'text/plain', 't.txt')).getContentType()",
    'application/x-gzip',
    'documented',
    `${REF}#gzipblob`,
  ],
  [
    "Utilities.gzip(Utilities.newBlob('x', 'text/plain', 't.txt'), 'named.gz').getName()",
    'named.gz',
    'documented',
    `${REF}#gzipblob,-name`,
  ],
  [
    "Utilities.gzip(Utilities.newBlob('x')).getBytes().slice(0, 2)",
    [31, -117],
    'documented',
    'https://www.rfc-editor.org/rfc/rfc1952',
  ],
  [
    'String(Utilities.DigestAlgorithm.SHA_256)',
    'SHA_256',
    'documented',
    'https://developers.google.com/apps-script/reference/utilities/digest-algorithm',
  ],
  [
    'Utilities.MacAlgorithm.HMAC_SHA_256.name()',
    'HMAC_SHA_256',
    'documented',
    'https://developers.google.com/apps-script/reference/utilities/mac-algorithm',
  ],
  [
    'String(Utilities.Charset.UTF_8)',
    'UTF_8',
    'documented',
    'https://developers.google.com/apps-script/reference/utilities/charset',
  ],
  ['Utilities.DigestAlgorithm.MD5 === Utilities.DigestAlgorithm.MD5', true],
]);

export const UTILITIES_CASES: ConformanceCase[] = [...dates, ...bytes, ...misc];
