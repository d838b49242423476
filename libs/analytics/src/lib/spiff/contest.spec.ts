import fc from 'fast-check';
import { contestStandings, splitTeamPrize, teamContestUnits } from './contest';
import { ContestRule } from './spiff.types';

const rule: ContestRule = {
  type: 'contest',
  prizes: [10_000, 5_000, 2_500],
  scope: 'agent',
  minUnits: 5,
};

describe('contestStandings', () => {
  it('shares the prizes of the places a tie occupies, floored to the cent', () => {
    const result = contestStandings(
      [
        { code: 'E', units: 9 },
        { code: 'B', units: 12 },
        { code: 'F', units: 4 },
        { code: 'A', units: 12 },
        { code: 'G', units: 7 },
        { code: 'D', units: 9 },
        { code: 'C', units: 9 },
      ],
      rule,
    );
    // A, B tie for places 1–2: (10 000 + 5 000) ÷ 2 = 7 500; C, D, E places 3–5: 2 500 ÷ 3 → 833
    expect(
      result.standings.map((s) => [s.code, s.rank, s.places.from, s.places.to, s.prizeCents]),
    ).toEqual([
      ['A', 1, 1, 2, 7_500],
      ['B', 1, 1, 2, 7_500],
      ['C', 3, 3, 5, 833],
      ['D', 3, 3, 5, 833],
      ['E', 3, 3, 5, 833],
      ['G', 6, 6, 6, 0],
    ]);
    expect(result.ineligible).toEqual(['F']);
    expect(result.totalCents).toBe(17_499);
  });

  it('floors an odd shared pool and pays untied places in full', () => {
    const result = contestStandings(
      [
        { code: 'X', units: 30 },
        { code: 'Y', units: 30 },
        { code: 'Z', units: 20 },
      ],
      { ...rule, prizes: [10_001, 5_000, 2_500] },
    );
    expect(result.standings.map((s) => s.prizeCents)).toEqual([7_500, 7_500, 2_500]);
  });

  it('rejects an entrant listed twice', () => {
    expect(() =>
      contestStandings(
        [
          { code: 'A', units: 1 },
          { code: 'A', units: 2 },
        ],
        rule,
      ),
    ).toThrow(/twice/);
  });
});

describe('team contests', () => {
  it('sums members per team and splits a team prize equally, floored', () => {
    expect(
      teamContestUnits([
        { agentCode: 'a1', teamCode: 'T2', units: 4 },
        { agentCode: 'a2', teamCode: 'T1', units: 6 },
        { agentCode: 'a3', teamCode: 'T2', units: 5 },
      ]),
    ).toEqual([
      { code: 'T1', units: 6 },
      { code: 'T2', units: 9 },
    ]);
    expect(splitTeamPrize(10_000, ['c', 'a', 'b'])).toEqual([
      { code: 'a', cents: 3_333 },
      { code: 'b', cents: 3_333 },
      { code: 'c', cents: 3_333 },
    ]);
    expect(splitTeamPrize(10_000, [])).toEqual([]);
  });
});

/**
 * Independent reference for ties: an entrant occupies places (higher + 1) … (higher + equal),
 * where `higher` counts qualified entrants with a strictly higher score and `equal` those with
 * the same score (itself included); it gets floor(Σ prizes of those places ÷ equal). Scores are
 * compared as units × 100 ÷ targetPercent with exact fractions.
 */
function referencePrize(
  entrants: { code: string; units: number; targetPercent?: number }[],
  prizes: number[],
  minUnits: number,
): Map<string, number> {
  const score = (e: { units: number; targetPercent?: number }) =>
    [e.units * 100, e.targetPercent ?? 100] as const;
  const cmp = (a: readonly [number, number], b: readonly [number, number]) =>
    a[0] * b[1] - b[0] * a[1];
  const needed = (p: number) => {
    let n = 1;
    while (n * 100 < minUnits * p) n++;
    return n;
  };
  const qualified = entrants.filter((e) => e.units >= needed(e.targetPercent ?? 100));
  const out = new Map<string, number>();
  for (const e of qualified) {
    const higher = qualified.filter((o) => cmp(score(o), score(e)) > 0).length;
    const equal = qualified.filter((o) => cmp(score(o), score(e)) === 0).length;
    let pool = 0;
    for (let p = higher; p < higher + equal; p++) pool += prizes[p] ?? 0;
    out.set(e.code, Math.floor(pool / equal));
  }
  return out;
}

describe('contestStandings against the independent reference', () => {
  it('matches on random fields with many ties and handicaps', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            code: fc.stringMatching(/^[A-F][0-9]$/),
            units: fc.integer({ min: 0, max: 6 }),
            targetPercent: fc.constantFrom(100, 100, 50, 75),
          }),
          { selector: (e) => e.code, maxLength: 12 },
        ),
        fc
          .array(fc.integer({ min: 0, max: 9_999 }), { minLength: 1, maxLength: 5 })
          .map((p) => p.sort((a, b) => b - a)),
        fc.integer({ min: 1, max: 4 }),
        (entrants, prizes, minUnits) => {
          const result = contestStandings(entrants, {
            type: 'contest',
            scope: 'agent',
            prizes,
            minUnits,
          });
          const reference = referencePrize(entrants, prizes, minUnits);
          expect(new Map(result.standings.map((s) => [s.code, s.prizeCents]))).toEqual(reference);
          expect(result.totalCents).toBe([...reference.values()].reduce((a, b) => a + b, 0));
        },
      ),
    );
  });
});
