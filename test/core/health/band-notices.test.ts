/**
 * Band notices, the pure part: settings read back with defaults and bounds, the cap (the biggest
 * moves get a notice of their own, the rest one digest), the digest's text, and the bound that
 * matters for storage: a digest of 500 customers, in Japanese, still fits one 9 KB property.
 */
import type { AlertNotification } from '../../../src/alerts/message';
import { fitRecord, PROPERTY_LIMIT_BYTES, readAlertRecord, utf8Bytes } from '../../../src/core/alerts/record';
import { initialAlertStatus } from '../../../src/core/alerts/state';
import type { HealthPoint } from '../../../src/core/health/band-change';
import {
  BAND_NOTICE_CAP,
  type BandDecision,
  DIGEST_NAMES,
  digestNotice,
  readBandSettings,
  splitNotices,
} from '../../../src/core/health/band-notices';

const point = (score: number, band: string): HealthPoint => ({ score, band, measures: {} });

function decision(i: number, from: number, to: number, notify: 'triggered' | 'recovered' | 'none'): BandDecision {
  return {
    customer: {
      companyId: `c${i}`,
      company: `株式会社テスト${i}`,
      csOwner: 'kim',
      point: point(to, to < 50 ? 'Red' : 'Green'),
    },
    step: {
      notify,
      from: point(from, from < 50 ? 'Red' : 'Green'),
      state: { status: initialAlertStatus(), baseline: point(from, 'Green') },
    },
  };
}

test('settings: defaults, and what is stored is checked and bounded', () => {
  expect(readBandSettings(null)).toEqual({ enabled: true, muted: false, dropPoints: 15, destinations: [] });
  expect(readBandSettings({ enabled: false, muted: 'yes', dropPoints: 500, destinations: ['d1', 3] })).toEqual({
    enabled: false,
    muted: false,
    dropPoints: 100,
    destinations: ['d1'],
  });
});

test('the biggest moves get their own notice, up to the cap; the rest share the digest; quiet ones neither', () => {
  const decisions = [
    ...Array.from({ length: 30 }, (_, i) => decision(i, 80, 80 - i - 31, 'triggered')),
    decision(99, 80, 79, 'none'),
  ];
  const { own, digest } = splitNotices(decisions);
  expect(own).toHaveLength(BAND_NOTICE_CAP);
  expect(digest).toHaveLength(30 - BAND_NOTICE_CAP);
  expect(own[0].customer.companyId).toBe('c29');
  expect(Math.min(...own.map((d) => 80 - d.customer.point.score))).toBeGreaterThan(
    Math.max(...digest.map((d) => 80 - d.customer.point.score)),
  );
});

test('the digest names at most DIGEST_NAMES customers and counts the others, in both languages', () => {
  const list = Array.from({ length: 45 }, (_, i) => decision(i, 80, 30, i % 2 ? 'triggered' : 'recovered'));
  const en = digestNotice('en', list);
  expect(en.title).toBe('45 more customers changed health band');
  expect(en.lines).toHaveLength(DIGEST_NAMES + 1);
  expect(en.lines[1]).toBe('↓ 株式会社テスト1: 80 (Green) → 30 (Red)');
  expect(en.lines.at(-1)).toBe('…and 5 more');
  expect(digestNotice('ja', list).lines.at(-1)).toBe('…ほか 5 社');
});

test('a digest of 500 customers in Japanese fits one property, with its text kept readable', () => {
  const list = Array.from({ length: 500 }, (_, i) => decision(i, 80, 30, 'triggered'));
  const text = digestNotice('ja', list);
  const message: AlertNotification = {
    alert: { id: 'health~digest', name: 'ヘルスの帯のまとめ' },
    query: { id: 'health', name: 'ヘルススコア' },
    state: 'triggered',
    previousState: 'ok',
    condition: { column: 'score', op: '<', value: '', selector: 'first' },
    value: null,
    reason: null,
    resultUrl: null,
    result: { columns: [], rows: [] },
    rowCount: 0,
    at: '2030-01-01T00:00:00.000Z',
    text,
  };
  const entry = { key: 'k', notify: 'triggered' as const, message, pending: ['d1'], notBefore: {}, outcomes: {} };
  const key = 'sheetdash.alert.health~digest';
  const stored = fitRecord(key, {
    status: initialAlertStatus(),
    outbox: [entry, { ...entry, key: 'k2' }],
    threads: {},
  });
  expect(utf8Bytes(key) + utf8Bytes(stored)).toBeLessThanOrEqual(PROPERTY_LIMIT_BYTES);
  const back = readAlertRecord(JSON.parse(stored));
  expect(back.outbox).toHaveLength(2);
  expect(back.outbox[0].message.text?.lines.length).toBeGreaterThan(3);
});
