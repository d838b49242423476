import {
  BottomXWhatIfInput,
  WhatIfInputError,
  WhatIfPeriod,
  bottomXWhatIf,
  validateBottomXWhatIf,
} from './bottom-x-what-if';

const MONTH = 365.25 / 12; // 30.4375 days

/** Ten agents: metric i (higher is better) with tenure 100·i days, i = 1 … 10. */
const ROSTER = Array.from({ length: 10 }, (_, k) => ({ metric: k + 1, tenureDays: 100 * (k + 1) }));

function input(overrides: Partial<BottomXWhatIfInput> = {}): BottomXWhatIfInput {
  return {
    roster: ROSTER,
    bottomShare: 0.2,
    periods: 1,
    periodMonths: 1,
    assumptions: {
      baseRateCents: 1581,
      monthlyVoluntaryAttrition: 0,
      newHireMetric: { kind: 'fixed', value: 5.5 },
    },
    ...overrides,
  };
}

function pick(p: WhatIfPeriod) {
  return {
    voluntary: p.voluntarySeparations,
    involuntary: p.involuntarySeparations,
    hires: p.replacementHires,
    headcount: p.headcount,
    meanTenureDays: p.meanTenureDays,
    shareUnder90Days: p.shareUnder90Days,
    meanMetric: p.meanMetric,
  };
}

describe('bottomXWhatIf — hand-computed ten-agent cases', () => {
  it('fires the bottom 20% once and replaces them (no voluntary attrition)', () => {
    const r = bottomXWhatIf(input());
    expect(r.start).toMatchObject({
      headcount: 10,
      meanTenureDays: 550,
      shareUnder90Days: 0,
      meanMetric: 5.5,
    });
    const [p] = r.policy.periods;
    // metrics 1 and 2 go; the other eight age one month: Σ (100i + 30.4375), i = 3…10 = 5443.5;
    // their tenures 330.4 | 430.4 530.4 630.4 | 730.4 … 1030.4 give the mix 0.1 | 0.3 | 0.4
    expect(pick(p)).toEqual({
      voluntary: 0,
      involuntary: 2,
      hires: 2,
      headcount: 10,
      meanTenureDays: 544.35,
      shareUnder90Days: 0.2,
      meanMetric: 6.3, // (3 + … + 10 + 2 × 5.5) ÷ 10
    });
    // two replacements at $6,559.20 each
    expect([p.recruitingCents, p.trainingCents, p.rampLossCents, p.costCents]).toEqual([
      300_000, 505_920, 505_920, 1_311_840,
    ]);
    expect(p.tenureMix).toEqual({
      '0-89d': 0.2,
      '90-179d': 0,
      '180-364d': 0.1,
      '1-2y': 0.3,
      '2y+': 0.4,
    });
    // baseline: nobody leaves, everyone a month older
    expect(pick(r.baseline.periods[0])).toEqual({
      voluntary: 0,
      involuntary: 0,
      hires: 0,
      headcount: 10,
      meanTenureDays: 550 + MONTH,
      shareUnder90Days: 0,
      meanMetric: 5.5,
    });
    expect(r.baseline.totals.costCents).toBe(0);
  });

  it('combines 10% monthly voluntary attrition with the policy over two periods', () => {
    const r = bottomXWhatIf(
      input({
        periods: 2,
        assumptions: {
          baseRateCents: 1581,
          monthlyVoluntaryAttrition: 0.1,
          newHireMetric: { kind: 'fixed', value: 0 },
        },
      }),
    );
    const [p1, p2] = r.policy.periods;
    // P1: 1.0 quits; 9 left; fire 1.8 = metrics 1 and 2 (0.9 each); hire 2.8 at tenure 0.
    //     tenure Σ = 0.9 × 5443.5 = 4899.15
    expect(p1.voluntarySeparations).toBeCloseTo(1, 12);
    expect(p1.involuntarySeparations).toBeCloseTo(1.8, 12);
    expect(p1.replacementHires).toBeCloseTo(2.8, 12);
    expect(p1.meanTenureDays).toBeCloseTo(489.915, 9);
    expect(p1.shareUnder90Days).toBeCloseTo(0.28, 12);
    // 2.8 hires: recruiting 420,000; training 2.8 × 252,960 = 708,288; ramp the same
    expect(p1.costCents).toBe(420_000 + 708_288 + 708_288);
    // P2: 1.0 quits (weights 0.81 old, 2.52 hires); fire 1.8 of the hires (metric 0) → 0.72 left;
    //     tenure Σ = 0.81 × (5200 + 8 × 2 × 30.4375) + 0.72 × 30.4375 = 4606.47 + 21.915
    expect(p2.involuntarySeparations).toBeCloseTo(1.8, 12);
    expect(p2.meanTenureDays).toBeCloseTo(462.8385, 9);
    expect(p2.shareUnder90Days).toBeCloseTo(0.352, 12); // 0.72 + 2.8 new
    expect(p2.meanMetric).toBeCloseTo((0.81 * 52) / 10, 12);
    expect(r.policy.totals.separations).toBeCloseTo(5.6, 12);
    expect(r.policy.totals.costCents).toBe(2 * 1_836_576);

    // Baseline: 1.0 quits and 1.0 hire each period.
    // P1 Σ = 0.9 × (5500 + 304.375) = 5223.9375; P2 Σ = 0.81 × (5500 + 608.75) + 0.9 × 30.4375
    const [b1, b2] = r.baseline.periods;
    expect(b1.meanTenureDays).toBeCloseTo(522.39375, 9);
    expect(b1.shareUnder90Days).toBeCloseTo(0.1, 12);
    expect(b1.costCents).toBe(655_920);
    expect(b2.meanTenureDays).toBeCloseTo(497.548125, 9);
    expect(b2.shareUnder90Days).toBeCloseTo(0.19, 12);
    expect(r.baseline.totals.costCents).toBe(2 * 655_920);
  });

  it('draws hires from the roster distribution and splits ties at the cut-off evenly', () => {
    const r = bottomXWhatIf(
      input({
        roster: [1, 2, 3, 4].map((metric) => ({ metric, tenureDays: 100 })),
        bottomShare: 0.5,
        periods: 2,
        assumptions: { baseRateCents: 1581, monthlyVoluntaryAttrition: 0 },
      }),
    );
    // P1: fire metrics 1 and 2; 2 hires as 0.5 each of metrics 1, 2, 3, 4 → (3 + 4 + 5) ÷ 4 = 3
    expect(r.policy.periods[0].meanMetric).toBeCloseTo(3, 12);
    // P2: fire 2: hires at 1 (0.5) and 2 (0.5), then 1 of the 1.5 tied at metric 3 (2/3 of each);
    //     left: metric 3 × 0.5, metric 4 × 1.5, new hires 0.5 of each → (1.5 + 6 + 5) ÷ 4
    expect(r.policy.periods[1].meanMetric).toBeCloseTo(3.125, 12);
    // tenure: old metric-3 agent keeps 1/3 (tenure 100 + 2 months), old metric-4 agent 1, the
    // first hires at metric 3 and 4 keep 1/6 and 1/2 (tenure 1 month)
    const expectedTenure = ((1 / 3 + 1) * (100 + 2 * MONTH) + (1 / 6 + 1 / 2) * MONTH) / 4;
    expect(r.policy.periods[1].meanTenureDays).toBeCloseTo(expectedTenure, 9);
  });

  it('fires the highest values when lower is better', () => {
    const r = bottomXWhatIf(
      input({
        roster: [300, 400, 500, 600].map((metric) => ({ metric, tenureDays: 400 })),
        bottomShare: 0.25,
        metricDirection: 'lower_is_better',
        assumptions: {
          baseRateCents: 1581,
          monthlyVoluntaryAttrition: 0,
          newHireMetric: { kind: 'fixed', value: 450 },
        },
      }),
    );
    expect(r.policy.periods[0].meanMetric).toBe((300 + 400 + 500 + 450) / 4);
  });

  it('applies quarterly periods as three months of attrition and ageing', () => {
    const r = bottomXWhatIf(
      input({
        bottomShare: 0,
        periodMonths: 3,
        assumptions: { baseRateCents: 1581, monthlyVoluntaryAttrition: 0.1 },
      }),
    );
    const [p] = r.policy.periods;
    expect(p.voluntarySeparations).toBeCloseTo(10 * (1 - 0.9 ** 3), 12); // 2.71
    expect(p.involuntarySeparations).toBe(0);
    expect(p.meanTenureDays).toBeCloseTo((0.729 * (5500 + 10 * 3 * MONTH)) / 10, 9);
    expect(r.policy).toEqual(r.baseline); // X = 0 is the current trend
  });

  it('is deterministic: the same input gives the same result', () => {
    const a = bottomXWhatIf(input({ periods: 12, bottomShare: 1 / 3 }));
    const b = bottomXWhatIf(input({ periods: 12, bottomShare: 1 / 3 }));
    expect(a).toEqual(b);
    // the bottom-third policy keeps a far less experienced floor than the baseline
    const last = a.policy.periods[11];
    // at least the last period's hires (1/3) are new; the baseline (no quits) hires nobody
    expect(last.shareUnder90Days as number).toBeGreaterThan(1 / 3);
    expect(a.baseline.periods[11].shareUnder90Days).toBe(0);
    expect(last.meanTenureDays as number).toBeLessThan(
      a.baseline.periods[11].meanTenureDays as number,
    );
    expect(a.policy.periods.every((p) => Math.abs(p.headcount - 10) < 1e-9)).toBe(true);
  });
});

describe("bottomXWhatIf — the current trend includes today's dismissals", () => {
  const assumptions = {
    baseRateCents: 1581,
    monthlyVoluntaryAttrition: 0.1,
    monthlyInvoluntaryAttrition: 0.05,
    newHireMetric: { kind: 'fixed' as const, value: 5.5 },
  };

  it('carries both rates in the baseline: 10 × 0.1 quit, then 9 × 0.05 dismissed', () => {
    const r = bottomXWhatIf(input({ bottomShare: 0, assumptions }));
    const [b] = r.baseline.periods;
    expect(b.voluntarySeparations).toBeCloseTo(1, 12);
    expect(b.involuntarySeparations).toBeCloseTo(0.45, 12);
    expect(b.replacementHires).toBeCloseTo(1.45, 12);
  });

  it("lets the policy replace today's dismissals unless told to keep them", () => {
    // 9 remain after quits; the policy fires 20 % of them = 1.8, and no current dismissals
    const replaced = bottomXWhatIf(input({ assumptions })).policy.periods[0];
    expect(replaced.involuntarySeparations).toBeCloseTo(1.8, 12);
    // kept: 0.45 dismissed first, then 20 % of the 8.55 left = 1.71
    const kept = bottomXWhatIf(
      input({ assumptions: { ...assumptions, policyKeepsCurrentInvoluntary: true } }),
    ).policy.periods[0];
    expect(kept.involuntarySeparations).toBeCloseTo(0.45 + 1.71, 12);
  });

  it('rejects an involuntary rate outside [0, 1)', () => {
    expect(
      validateBottomXWhatIf(
        input({ assumptions: { ...assumptions, monthlyInvoluntaryAttrition: 1 } }),
      ),
    ).toEqual(['monthlyInvoluntaryAttrition must be at least 0 and less than 1 (got 1)']);
  });
});

describe('bottomXWhatIf — input problems', () => {
  it('lists every problem', () => {
    const bad = input({
      roster: [{ metric: Number.NaN, tenureDays: -1 }],
      bottomShare: 1,
      periods: 0,
      periodMonths: 1.5,
      assumptions: { baseRateCents: -5, monthlyVoluntaryAttrition: 1 },
    });
    expect(validateBottomXWhatIf(bad)).toEqual([
      'roster[0].metric must be a finite number',
      'roster[0].tenureDays must be a finite number ≥ 0',
      'bottomShare must be at least 0 and less than 1 (got 1)',
      'periods must be an integer from 1 to 120 (got 0)',
      'periodMonths must be an integer from 1 to 12 (got 1.5)',
      'monthlyVoluntaryAttrition must be at least 0 and less than 1 (got 1)',
      'baseRateCents must be a finite number ≥ 0 (got -5)',
    ]);
    expect(() => bottomXWhatIf(bad)).toThrow(WhatIfInputError);
  });

  it('returns empty figures for an empty roster', () => {
    const r = bottomXWhatIf(input({ roster: [] }));
    expect(r.start.meanTenureDays).toBeNull();
    expect(r.policy.periods[0]).toMatchObject({ headcount: 0, separations: 0, costCents: 0 });
  });
});
