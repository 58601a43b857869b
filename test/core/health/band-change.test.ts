/** Band alerts, the pure part: the state rules of check alerts on a synthetic evaluation, and the message. */
import {
  bandEvaluation,
  bandMessage,
  bandStep,
  biggestMoves,
  nextBandState,
} from '../../../src/core/health/band-change';
import { defaultBands } from '../../../src/core/health/model';

const bands = defaultBands('en');
const point = (score: number, band: string, measures: Record<string, number> = {}) => ({ score, band, measures });

it('notifies a move down once, nothing while it stays, and the recovery', () => {
  const green = point(80, 'Green');
  const red = point(30, 'Red');
  let status = nextBandState(null, bandEvaluation(green, green, bands, { dropPoints: 0 }), 0).status;
  const down = nextBandState(status, bandEvaluation(green, red, bands, { dropPoints: 0 }), 1000);
  expect(down.notify).toBe('triggered');
  status = down.status;
  const still = nextBandState(status, bandEvaluation(green, red, bands, { dropPoints: 0 }), 2000);
  expect(still.notify).toBe('none');
  const back = nextBandState(still.status, bandEvaluation(green, green, bands, { dropPoints: 0 }), 3000);
  expect(back.notify).toBe('recovered');
});

it('triggers on a drop of more than N points within a band', () => {
  expect(bandEvaluation(point(99, 'Green'), point(80, 'Green'), bands, { dropPoints: 15 }).state).toBe('triggered');
  expect(bandEvaluation(point(99, 'Green'), point(90, 'Green'), bands, { dropPoints: 15 }).state).toBe('ok');
});

it('names the company, scores, bands, the measures that moved most and the CS owner', () => {
  const before = point(80, 'Green', { Recency: 100, Activity: 60, Sentiment: 80 });
  const now = point(40, 'Red', { Recency: 0, Activity: 50, Sentiment: 80 });
  expect(biggestMoves(before, now).map((m) => m.name)).toEqual(['Recency', 'Activity']);
  const en = bandMessage(
    'en',
    'triggered',
    { company: 'Acme', companyId: '12', csOwner: 'kim@example.com' },
    before,
    now,
  );
  expect(en).toEqual({
    title: 'Acme moved down a health band',
    lines: [
      'Score 80 (Green) → 40 (Red)',
      'Moved most: Recency 100 → 0, Activity 60 → 50',
      'CS owner: kim@example.com',
    ],
  });
  const ja = bandMessage('ja', 'recovered', { company: 'Acme', companyId: '12', csOwner: '' }, now, before);
  expect(ja.title).toBe('Acme のヘルスの帯が回復しました');
});

it('stays quiet while a customer stays down, and recovers only on reaching its band from before the fall', () => {
  const settings = { dropPoints: 0 };
  const days = [point(80, 'Green'), point(40, 'Red'), point(45, 'Red'), point(60, 'Yellow'), point(78, 'Green')];
  let state = null;
  const sent: string[] = [];
  for (let i = 1; i < days.length; i++) {
    const step = bandStep(state, days[i - 1], days[i], bands, settings, i * 86_400_000);
    state = step.state;
    sent.push(`${step.notify}:${step.from.band}`);
  }
  // Green → Red fires; Red → Red and Red → Yellow (still below Green) say nothing; back to Green recovers.
  expect(sent).toEqual(['triggered:Green', 'none:Green', 'none:Green', 'recovered:Green']);
});
