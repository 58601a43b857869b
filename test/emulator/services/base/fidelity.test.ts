/** Utilities, LockService and UrlFetchApp behaviours fixed against Google's reference (issue 11, "Differences found"). */
import { createHash, createHmac } from 'node:crypto';
import { useReceiver } from '../../../helpers/receiver';
import { fixtureRuntime } from '../../../helpers/runtimes';

const receiver = useReceiver();

const signed = (b: Buffer) => Array.from(b, (x) => (x > 127 ? x - 256 : x));

describe('Utilities digests and MACs', () => {
  // computeDigest(algorithm, value: String) / computeHmacSha256Signature(value, key): a string without a charset is
  // encoded with the platform default, which is US-ASCII: Java replaces each non-ASCII character with '?'.
  // Overloads: computeDigest(DigestAlgorithm, Byte[]), (DigestAlgorithm, String), (DigestAlgorithm, String, Charset).
  // https://developers.google.com/apps-script/reference/utilities/utilities#computedigestalgorithm,-value
  const rt = () =>
    fixtureRuntime(`
      function digest(s) { return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, s); }
      function digestUtf8(s) { return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, s, Utilities.Charset.UTF_8); }
      function hmac(v, k) { return Utilities.computeHmacSha256Signature(v, k); }
      function hmacMd5(v, k) { return Utilities.computeHmacSignature(Utilities.MacAlgorithm.HMAC_MD5, v, k); }
      function attempt(name) {
        var calls = {
          noArgs: function () { return Utilities.computeDigest(); },
          oneArg: function () { return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5); },
          numberValue: function () { return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 5); },
          textBytes: function () { return Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, ['a', 'b']); },
          hmacMixed: function () { return Utilities.computeHmacSha256Signature('a', [1, 2]); },
        };
        try { calls[name](); return 'ok'; } catch (e) { return e.message; }
      }`);

  it('encodes a string without charset as US-ASCII, with ? for other characters', () => {
    const r = rt();
    expect(r.call('digest', 'café')).toEqual(signed(createHash('sha256').update('caf?', 'latin1').digest()));
    expect(r.call('digestUtf8', 'café')).toEqual(signed(createHash('sha256').update('café', 'utf8').digest()));
    expect(r.call('hmac', 'é', 'k')).toEqual(signed(createHmac('sha256', 'k').update('?', 'latin1').digest()));
    expect(r.call('hmacMd5', 'x', 'ké')).toEqual(signed(createHmac('md5', 'k?').update('x').digest()));
  });

  it('checks the overloads and refuses byte arrays that hold text', () => {
    const r = rt();
    expect(r.call('attempt', 'noArgs')).toBe(
      "The parameters () don't match the method signature for Utilities.computeDigest.",
    );
    expect(r.call('attempt', 'oneArg')).toBe(
      "The parameters (Utilities.DigestAlgorithm) don't match the method signature for Utilities.computeDigest.",
    );
    expect(r.call('attempt', 'numberValue')).toBe(
      "The parameters (Utilities.DigestAlgorithm,number) don't match the method signature for Utilities.computeDigest.",
    );
    expect(r.call('attempt', 'textBytes')).toMatch(/^Cannot convert /);
    expect(r.call('attempt', 'hmacMixed')).toMatch(/^Cannot convert |don't match the method signature/);
  });
});

describe('LockService negative timeouts', () => {
  // tryLock(timeoutInMillis): "Attempts to acquire the lock, timing out after the provided number of milliseconds";
  // waitLock: "throws an exception if the lock could not be acquired". A negative wait can never succeed.
  // https://developers.google.com/apps-script/reference/lock/lock
  it('tryLock(-1) answers false and waitLock(-1) throws the lock timeout', () => {
    const rt = fixtureRuntime(`function go() {
      var lock = LockService.getScriptLock();
      var tried = lock.tryLock(-1);
      var held = lock.hasLock();
      try { lock.waitLock(-5); return [tried, held, 'no error']; } catch (e) { return [tried, held, e.message]; }
    }`);
    expect(rt.call('go')).toEqual([false, false, 'Lock timeout: another process was holding the lock for too long.']);
  });
});

describe('UrlFetchApp', () => {
  // getRequest(url, params): "Returns the request that is made if the operation was invoked"; contentType
  // "defaults to 'application/x-www-form-urlencoded'".
  // https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#getrequesturl,-params
  it('reports the form content type for a POST without payload', () => {
    const rt = fixtureRuntime(`function go() {
      return [UrlFetchApp.getRequest('https://example.com/x', { method: 'post' }).contentType,
              UrlFetchApp.getRequest('https://example.com/x').contentType];
    }`);
    expect(rt.call('go')).toEqual(['application/x-www-form-urlencoded', undefined]);
  });

  // HTTPResponse.getBlob(): "Return the data inside this object as a blob"; the blob is named (Blob.getName).
  it('names the response blob after the last path segment', () => {
    const rt = fixtureRuntime(
      `function go(url) { return [UrlFetchApp.fetch(url + '/files/report.csv').getBlob().getName(),
        UrlFetchApp.fetch(url + '/').getBlob().getName()]; }`,
      { urlFetch: { hostMap: { 'https://hooks.slack.com': receiver.origin } } },
    );
    expect(rt.call('go', 'https://hooks.slack.com')).toEqual(['report.csv', 'hooks.slack.com']);
  });
});

describe('Utilities.formatDate z', () => {
  // formatDate uses Java SimpleDateFormat: 'z' is the general time zone, e.g. "Pacific Standard Time; PST; GMT-08:00".
  // https://developers.google.com/apps-script/reference/utilities/utilities#formatdatedate,-timezone,-format
  // https://docs.oracle.com/javase/7/docs/api/java/text/SimpleDateFormat.html
  it("gives Java's short zone names", () => {
    const rt = fixtureRuntime(`function go() {
      var summer = new Date(Date.UTC(2024, 6, 1, 12)), winter = new Date(Date.UTC(2024, 0, 15, 12));
      return ['Europe/London', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/Paris', 'Australia/Sydney'].map(function (z) {
        return Utilities.formatDate(summer, z, 'z') + '/' + Utilities.formatDate(winter, z, 'z');
      });
    }`);
    expect(rt.call('go')).toEqual(['BST/GMT', 'JST/JST', 'PDT/PST', 'CEST/CET', 'AEST/AEDT']);
  });
});

describe('Utilities.parseDate', () => {
  // parseDate(date, timeZone, format): "Parses the provided string date according to the specification described in
  // the Java Standard Edition SimpleDateFormat class."
  // https://developers.google.com/apps-script/reference/utilities/utilities#parsedatedate,-timezone,-format
  it('parses SimpleDateFormat patterns in a time zone', () => {
    const rt = fixtureRuntime(`function go() {
      return [Utilities.parseDate('2024-03-05 14:30:15', 'Asia/Tokyo', 'yyyy-MM-dd HH:mm:ss').toISOString(),
        Utilities.parseDate('05/Mar/2024 02:30 PM', 'UTC', 'dd/MMM/yyyy hh:mm a').toISOString(),
        Utilities.parseDate('20240305T1430+0200', 'Asia/Tokyo', "yyyyMMdd'T'HHmmZ").toISOString(),
        Utilities.parseDate('2024-13-01', 'UTC', 'yyyy-MM-dd').toISOString()];
    }
    function bad() { try { Utilities.parseDate('soon', 'UTC', 'yyyy-MM-dd'); } catch (e) { return e.message; } }`);
    expect(rt.call('go')).toEqual([
      '2024-03-05T05:30:15.000Z',
      '2024-03-05T14:30:00.000Z',
      '2024-03-05T12:30:00.000Z',
      '2025-01-01T00:00:00.000Z',
    ]);
    expect(rt.call('bad')).toBe('Unparseable date: "soon"');
  });
});

describe('Utilities zip and gzip', () => {
  // zip(blobs, name): "Creates a new Blob object that is a zip file containing the data from the Blobs passed in";
  // unzip(blob): "Takes a Blob representing a zip file and returns its component files"; gzip / ungzip likewise.
  // https://developers.google.com/apps-script/reference/utilities/utilities#zipblobs,-name
  it('round-trips files through zip and gzip', () => {
    const rt = fixtureRuntime(`function go() {
      var a = Utilities.newBlob('hello', 'text/plain', 'a.txt'), b = Utilities.newBlob('日本語 '.repeat(50), 'text/plain', 'dir/b.txt');
      var z = Utilities.zip([a, b], 'files.zip');
      var files = Utilities.unzip(z);
      var g = Utilities.gzip(a);
      var back = Utilities.ungzip(g);
      return [z.getName(), z.getContentType(), files.map(function (f) { return f.getName() + '=' + f.getDataAsString().length; }),
        g.getName(), g.getContentType(), g.getBytes()[0], back.getDataAsString(), back.getName()];
    }`);
    expect(rt.call('go')).toEqual([
      'files.zip',
      'application/zip',
      ['a.txt=5', 'dir/b.txt=200'],
      'a.txt.gz',
      'application/x-gzip',
      31,
      'hello',
      'a.txt',
    ]);
  });
});
