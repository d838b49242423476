import { teamBurnout } from './team-burnout';

describe('teamBurnout', () => {
  it('averages the members with an index, counts bands and models capacity at risk', () => {
    const team = teamBurnout([20, 45, 65, 85, null]);
    expect(team.members).toBe(4);
    expect(team.meanIndex).toBe(53.75);
    expect(team.bands).toEqual({ low: 1, elevated: 1, high: 1, critical: 1 });
    // mean of (BRI ÷ 100) ÷ 3 = 53.75 ÷ 300
    expect(team.capacityAtRisk).toBeCloseTo(53.75 / 300, 12);
  });

  it('reaches a third of capacity only when every member is at 100', () => {
    expect(teamBurnout([100, 100]).capacityAtRisk).toBeCloseTo(1 / 3, 12);
  });

  it('has no figures for a team without indices', () => {
    expect(teamBurnout([null])).toEqual({
      members: 0,
      meanIndex: null,
      bands: { low: 0, elevated: 0, high: 0, critical: 0 },
      capacityAtRisk: null,
    });
  });
});
