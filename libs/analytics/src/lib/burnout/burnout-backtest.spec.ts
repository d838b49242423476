import { bootstrapAuc, eventRateBy, rocAuc, ScoredCase } from './burnout-backtest';

/** The reference: count every (positive, negative) pair. */
function pairwiseAuc(cases: readonly ScoredCase[]): number | null {
  const pos = cases.filter((c) => c.positive);
  const neg = cases.filter((c) => !c.positive);
  if (pos.length === 0 || neg.length === 0) {
    return null;
  }
  let wins = 0;
  for (const p of pos) {
    for (const n of neg) {
      wins += p.score > n.score ? 1 : p.score === n.score ? 0.5 : 0;
    }
  }
  return wins / (pos.length * neg.length);
}

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one and 0.5 for all ties', () => {
    const perfect = [1, 2, 3, 4].map((s) => ({ score: s, positive: s > 2 }));
    expect(rocAuc(perfect)).toBe(1);
    expect(rocAuc(perfect.map((c) => ({ ...c, positive: !c.positive })))).toBe(0);
    expect(rocAuc([1, 2, 3].map((s) => ({ score: 5, positive: s === 1 })))).toBe(0.5);
  });

  it('counts a hand example with ties: 3 positives, 3 negatives', () => {
    // positives 10, 20, 20; negatives 5, 20, 30 → wins 1 + (1 + 0.5) + (1 + 0.5) = 4 of 9
    const cases = [
      { score: 10, positive: true },
      { score: 20, positive: true },
      { score: 20, positive: true },
      { score: 5, positive: false },
      { score: 20, positive: false },
      { score: 30, positive: false },
    ];
    expect(rocAuc(cases)).toBeCloseTo(4 / 9, 12);
  });

  it('equals the pairwise count on random data with many ties', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 20; trial += 1) {
      const cases = Array.from({ length: 150 }, () => ({
        score: Math.floor(rnd() * 20),
        positive: rnd() < 0.2,
      }));
      expect(rocAuc(cases)).toBeCloseTo(pairwiseAuc(cases) as number, 12);
    }
  });

  it('has no AUC without both classes', () => {
    expect(rocAuc([{ score: 1, positive: true }])).toBeNull();
    expect(rocAuc([])).toBeNull();
  });
});

describe('bootstrapAuc', () => {
  const cases: ScoredCase[] = [];
  for (let agent = 0; agent < 60; agent += 1) {
    const positive = agent % 4 === 0;
    for (let d = 0; d < 5; d += 1) {
      cases.push({
        score: ((agent * 37) % 50) + (positive ? 25 : 0) + d,
        positive,
        cluster: agent,
      });
    }
  }

  it('brackets the point estimate and repeats exactly with the same seed', () => {
    const a = bootstrapAuc(cases, { iterations: 300, seed: 3 });
    expect(a.auc).toBeCloseTo(rocAuc(cases) as number, 12);
    expect(a.lower as number).toBeLessThanOrEqual(a.auc as number);
    expect(a.upper as number).toBeGreaterThanOrEqual(a.auc as number);
    expect(a.lower as number).toBeLessThan(a.upper as number);
    expect(a.clusters).toBe(60);
    expect(a.positives).toBe(75);
    expect(bootstrapAuc(cases, { iterations: 300, seed: 3 })).toEqual(a);
  });

  it('gives a wider interval when the same cases are resampled by agent than one by one', () => {
    const clustered = bootstrapAuc(cases, { iterations: 400, seed: 5 });
    const naive = bootstrapAuc(
      cases.map((c) => ({ score: c.score, positive: c.positive })),
      { iterations: 400, seed: 5 },
    );
    const width = (x: typeof clustered) => (x.upper as number) - (x.lower as number);
    expect(width(clustered)).toBeGreaterThan(width(naive));
  });
});

describe('eventRateBy', () => {
  it('divides events by cases per group', () => {
    expect(
      eventRateBy([
        { group: 'low', positive: false },
        { group: 'low', positive: true },
        { group: 'low', positive: false },
        { group: 'high', positive: true },
      ]),
    ).toEqual({
      low: { cases: 3, events: 1, rate: 1 / 3 },
      high: { cases: 1, events: 1, rate: 1 },
    });
  });
});
