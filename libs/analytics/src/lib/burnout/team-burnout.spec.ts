import { teamBurnout, teamBurnoutFromSums, teamDrivers } from './team-burnout';

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

describe('teamBurnoutFromSums', () => {
  it('gives the same figures as teamBurnout from the list', () => {
    const indices = [20, 45, 65, 85, 7, 99];
    const list = teamBurnout(indices);
    const sums = teamBurnoutFromSums({
      members: indices.length,
      sumIndex: indices.reduce((a, b) => a + b, 0),
      bands: list.bands,
    });
    expect(sums.members).toBe(list.members);
    expect(sums.meanIndex).toBeCloseTo(list.meanIndex as number, 12);
    expect(sums.capacityAtRisk).toBeCloseTo(list.capacityAtRisk as number, 12);
    expect(sums.bands).toEqual(list.bands);
  });

  it('has no mean for an empty team', () => {
    const empty = { low: 0, elevated: 0, high: 0, critical: 0 };
    expect(teamBurnoutFromSums({ members: 0, sumIndex: 0, bands: empty })).toEqual({
      members: 0,
      meanIndex: null,
      bands: empty,
      capacityAtRisk: null,
    });
  });
});

describe('teamDrivers', () => {
  const names = ['overtime', 'hostile', 'absence'] as const;
  it('orders drivers by mean points over members with an index, ignoring those without', () => {
    const drivers = teamDrivers(names, [
      {
        index: 30,
        drivers: ['hostile', 'overtime'],
        points: { overtime: 6, hostile: 9, absence: 0 },
      },
      { index: 50, drivers: ['overtime'], points: { overtime: 12, hostile: 0, absence: 0 } },
      { index: null, drivers: [], points: { overtime: 0, hostile: 0, absence: 10 } },
    ]);
    expect(drivers).toEqual([
      { name: 'overtime', agents: 2, meanPoints: 9 },
      { name: 'hostile', agents: 1, meanPoints: 4.5 },
    ]);
  });
});
