import fc from 'fast-check';
import { CallOutcome, ServiceCall, callServiceIncrements, sumCallService } from './call-service';
import {
  SLA_THRESHOLDS,
  addSlaThresholdCounts,
  callSlaThresholdCounts,
  emptySlaThresholdCounts,
  isSlaThreshold,
  slaThresholdIndex,
  withSlaThreshold,
} from './sla-thresholds';
import { EIGHT_CALLS } from './__fixtures__/eight-calls.fixture';

const OUTCOMES: CallOutcome[] = [
  'resolved',
  'unresolved',
  'sale',
  'save',
  'escalated',
  'transferred',
  'abandoned',
];

const callArb: fc.Arbitrary<ServiceCall> = fc.record({
  direction: fc.constantFrom<'inbound' | 'outbound'>('inbound', 'outbound'),
  outcome: fc.constantFrom(...OUTCOMES),
  hasAgent: fc.boolean(),
  queueSeconds: fc.integer({ min: 0, max: 400 }),
  talkSeconds: fc.integer({ min: 0, max: 2000 }),
  holdSeconds: fc.integer({ min: 0, max: 600 }),
  wrapSeconds: fc.integer({ min: 0, max: 600 }),
  hostile: fc.boolean(),
});

function countsOf(calls: readonly ServiceCall[]) {
  return calls.reduce(
    (acc, c) => addSlaThresholdCounts(acc, callSlaThresholdCounts(c)),
    emptySlaThresholdCounts(),
  );
}

describe('SLA thresholds', () => {
  it('pre-counts the fixed set of thresholds', () => {
    expect([...SLA_THRESHOLDS]).toEqual([10, 15, 20, 30, 45, 60, 90, 120, 180, 300]);
    expect(isSlaThreshold(20)).toBe(true);
    expect(isSlaThreshold(25)).toBe(false);
    expect(slaThresholdIndex(20)).toBe(2);
    expect(() => slaThresholdIndex(25)).toThrow('SL threshold 25 s is not pre-counted');
  });

  it('counts an abandon after 45 s as after T only for T < 45', () => {
    const abandon45 = EIGHT_CALLS[4];
    expect(callSlaThresholdCounts(abandon45)).toEqual({
      answeredWithin: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      abandonedAfter: [1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
    });
    const answered21 = EIGHT_CALLS[2];
    expect(callSlaThresholdCounts(answered21)).toEqual({
      answeredWithin: [0, 0, 0, 1, 1, 1, 1, 1, 1, 1],
      abandonedAfter: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    });
  });

  it('sums the eight-call fixture per threshold', () => {
    expect(countsOf(EIGHT_CALLS)).toEqual({
      // queues of inbound answered: 5, 20, 21
      answeredWithin: [1, 1, 2, 3, 3, 3, 3, 3, 3, 3],
      // queues of inbound abandoned: 20, 45
      abandonedAfter: [2, 2, 1, 1, 0, 0, 0, 0, 0, 0],
    });
  });

  it('agrees with callServiceIncrements for every call and threshold', () => {
    fc.assert(
      fc.property(callArb, (call) => {
        const counts = callSlaThresholdCounts(call);
        SLA_THRESHOLDS.forEach((t, i) => {
          const inc = callServiceIncrements(call, t);
          expect(counts.answeredWithin[i]).toBe(inc.answeredWithinSla);
          expect(counts.abandonedAfter[i]).toBe(inc.abandonedAfterSla);
        });
      }),
      { seed: 20240601, numRuns: 500 },
    );
  });

  it('turns rollup sums counted at one T into the sums for any pre-counted T', () => {
    fc.assert(
      fc.property(
        fc.array(callArb, { maxLength: 40 }),
        fc.constantFrom(...SLA_THRESHOLDS),
        (calls, t) => {
          const rollup = sumCallService(calls, 20);
          expect(withSlaThreshold(rollup, countsOf(calls), t)).toEqual(sumCallService(calls, t));
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});
