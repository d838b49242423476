import type { ErlangCResponse } from '@floorwise/contracts';
import { curveChart, ERLANG_FORM_DEFAULTS, erlangQuery, percentToFraction } from './erlang-form';

describe('erlangQuery', () => {
  it('sends the published example with rates as fractions', () => {
    expect(erlangQuery(ERLANG_FORM_DEFAULTS)).toEqual({
      calls: 100,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
    });
  });

  it('turns a 100% cap into 1, which disables it', () => {
    expect(erlangQuery({ ...ERLANG_FORM_DEFAULTS, maxOccupancyPercent: 100 })?.maxOccupancy).toBe(
      1,
    );
  });

  it('waits while a field is empty', () => {
    expect(erlangQuery({ ...ERLANG_FORM_DEFAULTS, ahtSeconds: null })).toBeNull();
    expect(erlangQuery({ ...ERLANG_FORM_DEFAULTS, calls: Number.NaN })).toBeNull();
  });

  it('sends impossible values as typed, for the API to refuse with its reason', () => {
    expect(erlangQuery({ ...ERLANG_FORM_DEFAULTS, targetServiceLevelPercent: 100 })).toMatchObject({
      targetServiceLevel: 1,
    });
    expect(erlangQuery({ ...ERLANG_FORM_DEFAULTS, shrinkagePercent: -5 })?.shrinkage).toBe(-0.05);
  });

  it('converts percentages without float noise', () => {
    expect(percentToFraction(57)).toBe(0.57);
    expect(percentToFraction(7)).toBe(0.07);
    expect(percentToFraction(33.3)).toBe(0.333);
  });
});

describe('curveChart', () => {
  const result: ErlangCResponse = {
    trafficErlangs: 10,
    rawAgents: 14,
    agents: 20,
    serviceLevel: 0.88835,
    waitProbability: 0.17413,
    asaSeconds: 7.8,
    occupancy: 0.714,
  };
  const points = [11, 12, 13, 14, 15].map((agents) => ({
    agents,
    serviceLevel: agents / 16,
    waitProbability: 0.2,
    asaSeconds: agents > 10 ? 10 : null,
    occupancy: 10 / agents,
  }));
  const query = erlangQuery(ERLANG_FORM_DEFAULTS);

  it('plots service level and occupancy against agents, marking the target, cap and need', () => {
    if (!query) {
      throw new Error('defaults must make a query');
    }
    const chart = curveChart(points, result, query, 'en-US');
    expect(chart.data.categories).toEqual(['11', '12', '13', '14', '15']);
    expect(chart.data.series.map((s) => s.name)).toEqual(['Service level', 'Occupancy']);
    expect(chart.data.series[1].values[0]).toBeCloseTo(10 / 11);
    // The cap line is higher: its label goes above, the target's below, so they do not collide.
    expect(chart.valueMarks).toEqual([
      { value: 0.8, label: 'Target SL 80%', labelAt: 'below' },
      { value: 0.85, label: 'Max occupancy 85%', labelAt: 'above' },
    ]);
    expect(chart.categoryMarks).toEqual([{ category: '14', label: '14 needed' }]);
  });

  it('draws no cap line when the cap is off', () => {
    if (!query) {
      throw new Error('defaults must make a query');
    }
    const chart = curveChart(points, result, { ...query, maxOccupancy: 1 }, 'en-US');
    expect(chart.valueMarks.map((m) => m.label)).toEqual(['Target SL 80%']);
  });
});
