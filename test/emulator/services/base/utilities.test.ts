/** Utilities: formatDate across zones, digests and HMACs as signed bytes, Base64, sleep, CSV, formatString, blobs. */
import { createHash, createHmac } from 'node:crypto';
import { disposeRuntimes, fixtureRuntime } from '../../../helpers/runtimes';

afterAll(disposeRuntimes);

const CODE = `
function fmt(ms, tz, pattern) { return Utilities.formatDate(new Date(ms), tz, pattern); }
function digest(alg, s) { return Utilities.computeDigest(Utilities.DigestAlgorithm[alg], s); }
function hmac(s, k) { return Utilities.computeHmacSha256Signature(s, k); }
function hmac512(s, k) { return Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_SHA_512, s, k); }
function b64() {
  var bytes = Utilities.base64Decode(Utilities.base64Encode('日本 ok?>'));
  return [Utilities.base64Encode('日本 ok?>'), Utilities.base64EncodeWebSafe('日本 ok?>'), Utilities.newBlob(bytes).getDataAsString(), Utilities.newBlob(Utilities.base64DecodeWebSafe(Utilities.base64EncodeWebSafe([-1, 0, 127]))).getBytes()];
}
function sleepy() { var t = Date.now(); Utilities.sleep(1500); var d = Date.now() - t; try { Utilities.sleep(300001); } catch (e) { return [d, e.name]; } return [d, 'no error']; }
function misc() {
  var blob = Utilities.newBlob('hello', 'text/csv', 'a.csv');
  return [
    Utilities.parseCsv('a,"b,c"\\n"d""e",f'),
    Utilities.formatString('%s has %d rows (%.2f%%) %05d|%-3s|', 'q', 12.7, 99.456, 42, 'x'),
    [blob.getName(), blob.getContentType(), blob.getDataAsString(), blob.getBytes().length],
    Utilities.jsonParse(Utilities.jsonStringify({ a: [1, 'b'] })),
    /^[0-9a-f-]{36}$/.test(Utilities.getUuid()),
  ];
}
function badDate() { try { Utilities.formatDate('2020-01-01', 'UTC', 'yyyy'); } catch (e) { return e.message; } }
`;

const signed = (buf: Buffer) => Array.from(buf, (b) => (b > 127 ? b - 256 : b));

describe('Utilities.formatDate', () => {
  const instant = Date.UTC(2024, 5, 2, 23, 31, 5, 7); // 2024-06-02T23:31:05.007Z, a Sunday

  it('formats the same instant in Asia/Tokyo and UTC', () => {
    const rt = fixtureRuntime(CODE);
    const p = "yyyy-MM-dd HH:mm:ss.SSS EEE MMM a hh Z XXX z 'at' ''";
    expect(rt.call('fmt', instant, 'Asia/Tokyo', p)).toBe(
      "2024-06-03 08:31:05.007 Mon Jun AM 08 +0900 +09:00 JST at '",
    );
    expect(rt.call('fmt', instant, 'UTC', p)).toBe("2024-06-02 23:31:05.007 Sun Jun PM 11 +0000 Z UTC at '");
  });

  it('understands GMT offsets and daylight saving zones', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('fmt', instant, 'GMT+9', 'yyyy-MM-dd HH:mm z')).toBe('2024-06-03 08:31 GMT+09:00');
    expect(rt.call('fmt', instant, 'GMT-03:30', 'HH:mm Z')).toBe('20:01 -0330');
    expect(rt.call('fmt', instant, 'America/New_York', 'yyyy-MM-dd HH:mm z')).toBe('2024-06-02 19:31 EDT');
    expect(rt.call('fmt', Date.UTC(2024, 0, 15, 12), 'America/New_York', 'HH:mm z MMMM yy')).toBe(
      '07:00 EST January 24',
    );
    expect(rt.call('badDate')).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('Utilities digests and encodings', () => {
  it('returns digest bytes of a known string as signed Java bytes', () => {
    const rt = fixtureRuntime(CODE);
    const md5 = rt.call('digest', 'MD5', 'abc') as number[];
    expect(md5.slice(0, 4)).toEqual([-112, 1, 80, -104]); // 900150983cd24fb0...
    expect(md5).toEqual(signed(createHash('md5').update('abc').digest()));
    // Without a charset a string is US-ASCII ('?' per other character): see fidelity.test.ts.
    expect(rt.call('digest', 'SHA_256', '日本')).toEqual(signed(createHash('sha256').update('??', 'latin1').digest()));
    expect(rt.call('hmac', 'msg', 'key')).toEqual(signed(createHmac('sha256', 'key').update('msg').digest()));
    expect(rt.call('hmac512', 'msg', 'key')).toEqual(signed(createHmac('sha512', 'key').update('msg').digest()));
  });

  it('encodes and decodes Base64, standard and web-safe', () => {
    const rt = fixtureRuntime(CODE);
    const std = Buffer.from('日本 ok?>', 'utf8').toString('base64');
    expect(rt.call('b64')).toEqual([std, std.replace(/\+/g, '-').replace(/\//g, '_'), '日本 ok?>', [-1, 0, 127]]);
  });

  it('sleeps on the virtual clock and refuses more than 5 minutes', () => {
    const rt = fixtureRuntime(CODE);
    rt.clock.freeze(0);
    expect(rt.call('sleepy')).toEqual([1500, 'Exception']);
  });

  it('parses CSV, formats strings, builds blobs and JSON', () => {
    const rt = fixtureRuntime(CODE);
    expect(rt.call('misc')).toEqual([
      [
        ['a', 'b,c'],
        ['d"e', 'f'],
      ],
      'q has 12 rows (99.46%) 00042|x  |',
      ['a.csv', 'text/csv', 'hello', 5],
      { a: [1, 'b'] },
      true,
    ]);
  });
});
