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
