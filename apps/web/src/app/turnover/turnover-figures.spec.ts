import type {
  RetentionCurvesDto,
  TurnoverCostDto,
  TurnoverSummaryGroup,
} from '@floorwise/contracts';
import {
  addMonth,
  groupRows,
  monthBounds,
  monthlyCombo,
  overviewFigures,
  survivalCurves,
  survivalOn,
  wholeDollars,
} from './turnover-figures';

const GROUP: TurnoverSummaryGroup = {
  key: 'all',
  months: [
    {
      month: '2025-01',
      headcountStart: 10,
      headcountEnd: 11,
      separations: 2,
      voluntary: 1,
      involuntary: 0,
      rate: 2 / 10.5,
    },
    {
      month: '2025-02',
      headcountStart: 11,
      headcountEnd: 9,
      separations: 3,
      voluntary: 1,
      involuntary: 2,
      rate: 0.3,
    },
    {
      month: '2025-03',
      headcountStart: 0,
      headcountEnd: 0,
      separations: 0,
      voluntary: 0,
      involuntary: 0,
      rate: null,
    },
  ],
  trailing12: { separations: 5, rate: 0.42 },
  earlyAttrition90: { cohortSize: 4, separated: 1, rate: 0.25 },
};

describe('overviewFigures', () => {
  it('sums the months and keeps untyped separations apart', () => {
    expect(overviewFigures(GROUP)).toEqual({
      headcountStart: 10,
      headcountEnd: 0,
      separations: 5,
      voluntary: 2,
      involuntary: 2,
      untyped: 1,
      trailing12Rate: 0.42,
      trailing12Separations: 5,
      earlyRate: 0.25,
      earlyCohort: 4,
      earlySeparated: 1,
    });
  });
});

describe('monthlyCombo', () => {
  it('draws separations by type as bars, headcount on the right axis and the rate below', () => {
    const c = monthlyCombo(GROUP, (m) => m);
    expect(c.categories).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(c.series.map((s) => [s.name, s.type, s.panel, s.axis ?? 'left'])).toEqual([
      ['Voluntary', 'bar', 0, 'left'],
      ['Involuntary', 'bar', 0, 'left'],
      ['Type not recorded', 'bar', 0, 'left'],
      ['Headcount (month end)', 'line', 0, 'right'],
      ['Monthly attrition', 'line', 1, 'left'],
    ]);
    expect(c.series[2].values).toEqual([1, 0, 0]);
    expect(c.series[4].values).toEqual([2 / 10.5, 0.3, null]);
    const typed = monthlyCombo({ ...GROUP, months: GROUP.months.slice(1) }, (m) => m);
    expect(typed.series.map((s) => s.name)).not.toContain('Type not recorded');
  });
});

describe('groupRows', () => {
  it('takes the mean of the months that have a rate and the cost of the group', () => {
    const cost = { groups: [{ key: 'all', totalCents: 1234 }] } as unknown as TurnoverCostDto;
    const [row] = groupRows([GROUP], cost);
    expect(row.meanMonthlyRate).toBeCloseTo((2 / 10.5 + 0.3) / 2, 12);
    expect(row).toMatchObject({ separations: 5, costCents: 1234, earlyRate: 0.25 });
    expect(groupRows([GROUP], null)[0].costCents).toBeNull();
  });
});

describe('retention curves', () => {
  const curves: RetentionCurvesDto = {
    asOf: '2025-12-31',
    groups: ['2021', '2022', '2023', '2024', '2025', '2026', '2019', '2020', 'tiny'].map(
      (key, i) => ({
        key,
        agents: key === 'tiny' ? 3 : 10 + i,
        separations: 1,
        followUpDays: 400,
        points: [
          { day: 0, survival: 1, atRisk: 10, events: 0 },
          { day: 30, survival: 0.8, atRisk: 10, events: 2 },
        ],
        medianTenureDays: null,
      }),
    ),
  };

  it('reads a curve as a step function', () => {
    expect([0, 29, 30, 400].map((d) => survivalOn(curves.groups[0].points, d))).toEqual([
      1, 1, 0.8, 0.8,
    ]);
  });

  it('draws the seven largest groups of at least ten hires, in key order', () => {
    const shown = survivalCurves(curves);
    // 2021 (10 hires) is the eighth largest; "tiny" has fewer than ten
    expect(shown.map((c) => c.name)).toEqual([
      '2019 (16)',
      '2020 (17)',
      '2022 (11)',
      '2023 (12)',
      '2024 (13)',
      '2025 (14)',
      '2026 (15)',
    ]);
    const small = { ...curves, groups: curves.groups.map((g) => ({ ...g, agents: 2 })) };
    expect(survivalCurves(small)).toHaveLength(7);
    expect(shown[0].steps).toEqual([
      [0, 1],
      [30, 0.8],
    ]);
  });
});

describe('months and money', () => {
  it('steps months across years and bounds them', () => {
    expect(addMonth('2025-01', -1)).toBe('2024-12');
    expect(addMonth('2024-11', 14)).toBe('2026-01');
    expect(monthBounds('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
  });

  it('shows cents as whole dollars', () => {
    expect(wholeDollars(655_920, 'en-US')).toBe('$6,559');
    expect(wholeDollars(null)).toBe('—');
  });
});
