import fc from 'fast-check';
import { callServiceIncrements, CallOutcome } from './call-service';
import {
  addCallToRollup,
  ROLLUP_MEASURE_COUNT,
  ROLLUP_MEASURE_NAMES,
  RollupCall,
} from './rollup-measures';
import { callSlaThresholdCounts, SLA_THRESHOLDS } from './sla-thresholds';

const OUTCOMES: CallOutcome[] = [
  'resolved',
  'unresolved',
  'sale',
  'save',
  'escalated',
  'transferred',
  'abandoned',
];

const rollupCall: fc.Arbitrary<RollupCall> = fc.record({
  direction: fc.constantFrom('inbound' as const, 'outbound' as const),
  outcome: fc.constantFrom(...OUTCOMES),
  hasAgent: fc.boolean(),
  queueSeconds: fc.integer({ min: 0, max: 600 }),
  talkSeconds: fc.integer({ min: 0, max: 3000 }),
  holdSeconds: fc.integer({ min: 0, max: 600 }),
  wrapSeconds: fc.integer({ min: 0, max: 600 }),
  hostile: fc.boolean(),
  saleAmountCents: fc.option(fc.integer({ min: 0, max: 500_000 })),
  qaScore: fc.option(fc.integer({ min: 0, max: 100 })),
  csat: fc.option(fc.integer({ min: 1, max: 5 })),
});

function rollupOf(calls: readonly RollupCall[]): Record<string, number> {
  const sums = new Float64Array(ROLLUP_MEASURE_COUNT);
  for (const c of calls) {
    addCallToRollup(sums, 0, c);
  }
  return Object.fromEntries(ROLLUP_MEASURE_NAMES.map((n, i) => [n, sums[i]]));
}

describe('addCallToRollup', () => {
  it('names 19 measures and a pair per pre-counted SL threshold', () => {
    expect(ROLLUP_MEASURE_COUNT).toBe(19 + 2 * SLA_THRESHOLDS.length);
    expect(new Set(ROLLUP_MEASURE_NAMES).size).toBe(ROLLUP_MEASURE_COUNT);
  });

  it('adds what callServiceIncrements and callSlaThresholdCounts count, for every threshold', () => {
    fc.assert(
      fc.property(fc.array(rollupCall, { maxLength: 40 }), (calls) => {
        const r = rollupOf(calls);
        for (const [i, t] of SLA_THRESHOLDS.entries()) {
          const inc = calls.map((c) => callServiceIncrements(c, t));
          const sum = (f: (x: (typeof inc)[number]) => number) => inc.reduce((s, x) => s + f(x), 0);
          expect(r['offered']).toBe(sum((x) => x.offered));
          expect(r['answered']).toBe(sum((x) => x.answered));
          expect(r['abandoned']).toBe(sum((x) => x.abandoned));
          expect(r['inbound_answered']).toBe(sum((x) => x.inboundAnswered));
          expect(r['queue_answered']).toBe(sum((x) => x.queueSecondsInboundAnswered));
          expect(r['handle_seconds']).toBe(sum((x) => x.handleSeconds));
          expect(r['hostile']).toBe(sum((x) => x.hostile));
          expect(r[`ans_le_${t}`]).toBe(sum((x) => x.answeredWithinSla));
          expect(r[`abn_gt_${t}`]).toBe(sum((x) => x.abandonedAfterSla));
          const counts = calls.map(callSlaThresholdCounts);
          expect(r[`ans_le_${t}`]).toBe(counts.reduce((s, c) => s + c.answeredWithin[i], 0));
          expect(r[`abn_gt_${t}`]).toBe(counts.reduce((s, c) => s + c.abandonedAfter[i], 0));
        }
      }),
    );
  });

  it('counts outcomes, sale cents of sales only, and QA and CSAT of the calls that carry one', () => {
    fc.assert(
      fc.property(fc.array(rollupCall, { maxLength: 40 }), (calls) => {
        const r = rollupOf(calls);
        const answered = calls.filter((c) => c.hasAgent && c.outcome !== 'abandoned');
        const count = (p: (c: RollupCall) => boolean) => calls.filter(p).length;
        const total = (xs: RollupCall[], f: (c: RollupCall) => number) =>
          xs.reduce((s, c) => s + f(c), 0);
        expect(r['calls']).toBe(calls.length);
        expect(r['resolved']).toBe(count((c) => c.outcome === 'resolved'));
        expect(r['sales']).toBe(count((c) => c.outcome === 'sale'));
        expect(r['saves']).toBe(count((c) => c.outcome === 'save'));
        expect(r['sale_cents']).toBe(
          total(
            calls.filter((c) => c.outcome === 'sale'),
            (c) => c.saleAmountCents ?? 0,
          ),
        );
        expect(r['talk_seconds']).toBe(total(answered, (c) => c.talkSeconds));
        expect(r['hold_seconds']).toBe(total(answered, (c) => c.holdSeconds));
        expect(r['wrap_seconds']).toBe(total(answered, (c) => c.wrapSeconds));
        expect(r['qa_count']).toBe(count((c) => c.qaScore !== null));
        expect(r['qa_sum']).toBe(total(calls, (c) => c.qaScore ?? 0));
        expect(r['csat_count']).toBe(count((c) => c.csat !== null));
        expect(r['csat_sum']).toBe(total(calls, (c) => c.csat ?? 0));
      }),
    );
  });

  it('counts a hand-worked abandoned call and a sale at their own offsets only', () => {
    const sums = new Float64Array(2 * ROLLUP_MEASURE_COUNT);
    addCallToRollup(sums, ROLLUP_MEASURE_COUNT, {
      direction: 'inbound',
      outcome: 'abandoned',
      hasAgent: false,
      queueSeconds: 25,
      talkSeconds: 0,
      holdSeconds: 0,
      wrapSeconds: 0,
      hostile: true,
      saleAmountCents: null,
      qaScore: null,
      csat: null,
    });
    expect(Array.from(sums.subarray(0, ROLLUP_MEASURE_COUNT)).every((v) => v === 0)).toBe(true);
    const row = Object.fromEntries(
      ROLLUP_MEASURE_NAMES.map((n, i) => [n, sums[ROLLUP_MEASURE_COUNT + i]]),
    );
    // Abandoned after 25 s: offered and abandoned; "after T" for T = 10, 15, 20 only.
    expect(row).toMatchObject({ calls: 1, offered: 1, abandoned: 1, answered: 0, hostile: 0 });
    expect(row['abn_gt_20']).toBe(1);
    expect(row['abn_gt_30']).toBe(0);
    expect(SLA_THRESHOLDS.reduce((s, t) => s + row[`abn_gt_${t}`], 0)).toBe(3);
  });
});
