/** Zone offsets from the engine's time-zone data, cached per quarter hour; moving a wall clock between zones. */
import { cachedPerQuarterHour, shiftMs, zoneOffsets } from '../../../src/core/values/zone-offsets';

const HOUR = 3_600_000;

describe('zoneOffsets', () => {
  it('gives each side of a DST change its own offset, to the second', () => {
    const la = zoneOffsets('America/Los_Angeles')!;
    expect(la(Date.UTC(2024, 0, 15, 12))).toBe(-8 * HOUR);
    expect(la(Date.UTC(2024, 6, 1, 12))).toBe(-7 * HOUR);
    expect(la(Date.UTC(2024, 2, 10, 9, 59, 59))).toBe(-8 * HOUR);
    expect(la(Date.UTC(2024, 2, 10, 10))).toBe(-7 * HOUR);
    expect(la(Date.UTC(2024, 10, 3, 8, 59, 59))).toBe(-7 * HOUR);
    expect(la(Date.UTC(2024, 10, 3, 9))).toBe(-8 * HOUR);
    const london = zoneOffsets('Europe/London')!;
    expect(london(Date.UTC(2024, 2, 31, 0, 59, 59))).toBe(0);
    expect(london(Date.UTC(2024, 2, 31, 1))).toBe(HOUR);
    expect(london(Date.UTC(2024, 9, 27, 0, 59, 59))).toBe(HOUR);
    expect(london(Date.UTC(2024, 9, 27, 1))).toBe(0);
    expect(zoneOffsets('Asia/Kolkata')!(Date.UTC(2024, 0, 1))).toBe(5.5 * HOUR);
    expect(zoneOffsets('UTC')!(Date.UTC(2024, 6, 1))).toBe(0);
  });

  it('reads years before 100 as such, not as 19xx', () => {
    expect(zoneOffsets('UTC')!(Date.UTC(2000, 0, 1) - 1950 * 365.2425 * 86_400_000)).toBe(0);
  });

  it('is null for a zone the engine does not know', () => {
    expect(zoneOffsets('Mars/Olympus_Mons')).toBeNull();
  });
});

describe('cachedPerQuarterHour', () => {
  it('asks its source once per quarter hour, at the quarter hour', () => {
    const asked: number[] = [];
    const offsets = cachedPerQuarterHour((ms) => {
      asked.push(ms);
      return 42;
    });
    const base = Date.UTC(2024, 6, 1, 12);
    for (let s = 0; s < 3600; s += 7) expect(offsets(base + s * 1000)).toBe(42);
    expect(asked).toEqual([0, 1, 2, 3].map((q) => base + q * 15 * 60_000));
  });
});

describe('shiftMs', () => {
  const shift = { sessionOffsetMs: -8 * HOUR, offsetAt: zoneOffsets('America/Los_Angeles')! };

  it('moves a wall clock read at a winter offset into summer time, and leaves winter alone', () => {
    // 2024-07-01 04:00 at -08:00 is 12:00 UTC, 05:00 in Los Angeles.
    expect(shiftMs(Date.UTC(2024, 6, 1, 4), shift)).toBe(HOUR);
    expect(shiftMs(Date.UTC(2024, 0, 15, 4), shift)).toBe(0);
  });
});
