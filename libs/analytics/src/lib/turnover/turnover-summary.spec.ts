import fc from 'fast-check';
import { addDays, addMonths, fromDayNumber, monthEnd, monthStart, toDayNumber } from '../dates';
import {
  TurnoverAgent,
  earlyAttrition90,
  isEmployed,
  monthlyAttritionSeries,
  trailing12Attrition,
} from './attrition';
import { tenureBand } from './tenure-band';
import { GroupedTurnoverAgent, monthsOfRange, summarizeTurnover } from './turnover-summary';
import { TEN_AGENTS } from './__fixtures__/ten-agents.fixture';

const grouped = (agents: readonly (TurnoverAgent & { team: string })[]): GroupedTurnoverAgent[] =>
  agents.map((a) => ({ ...a, key: a.team }));

describe('summarizeTurnover grouped by a fixed key', () => {
  it('gives each group the figures of the single-population functions on its members', () => {
    const agents = grouped(TEN_AGENTS);
    const groups = summarizeTurnover(agents, { from: '2024-01-01', to: '2024-05-31' });
    expect(groups.map((g) => g.key)).toEqual(['T1', 'T2']);
    for (const g of groups) {
      const members = agents.filter((a) => a.key === g.key);
      expect(g.months).toEqual(monthlyAttritionSeries(members, '2024-01', '2024-05'));
      expect(g.trailing12).toEqual(trailing12Attrition(members, '2024-05'));
      expect(g.earlyAttrition90).toEqual(
        earlyAttrition90(members, '2024-05-31', '2024-01-01', '2024-05-31'),
      );
    }
  });

  it('gives the hand-computed single group of the ten agents', () => {
    const [all] = summarizeTurnover(
      TEN_AGENTS.map((a) => ({ ...a, key: 'all' })),
      { from: '2024-02-01', to: '2024-03-31', asOf: '2024-06-30' },
    );
    expect(
      all.months.map((m) => [m.month, m.headcountStart, m.headcountEnd, m.separations]),
    ).toEqual([
      ['2024-02', 7, 6, 2],
      ['2024-03', 7, 5, 2],
    ]);
    // hired 2024-02-01 … 2024-03-31: A6 (0 days), A7 (100), A9 (censored, 121) → 1 of 3
    expect(all.earlyAttrition90).toEqual({ cohortSize: 3, separated: 1, rate: 1 / 3 });
    expect(all.trailing12).toEqual(trailing12Attrition(TEN_AGENTS, '2024-03'));
  });

  it('reports listed keys only, with zeros for a key without agents', () => {
    const groups = summarizeTurnover(grouped(TEN_AGENTS), {
      from: '2024-01-01',
      to: '2024-01-31',
      keys: ['T2', 'none'],
    });
    expect(groups.map((g) => [g.key, g.months[0].headcountEnd])).toEqual([
      ['T2', 2], // A2, A5
      ['none', 0],
    ]);
    expect(groups[1].earlyAttrition90).toEqual({ cohortSize: 0, separated: 0, rate: null });
  });

  it('covers every month the range touches, partial months whole', () => {
    expect(monthsOfRange('2024-11-15', '2025-02-03')).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(() => monthsOfRange('2024-02-02', '2024-02-01')).toThrow('after');
  });

  it('agrees with the reference functions on random rosters (property)', () => {
    const agentArb = fc
      .record({
        hire: fc.integer({ min: 0, max: 900 }),
        stay: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        type: fc.constantFrom('voluntary', 'involuntary', null),
        key: fc.constantFrom('a', 'b', 'c'),
      })
      .map(({ hire, stay, type, key }) => {
        const hireDate = fromDayNumber(toDayNumber('2022-01-01') + hire);
        return {
          hireDate,
          terminationDate: stay === null ? null : addDays(hireDate, stay),
          terminationType: stay === null ? null : type,
          key,
        } as GroupedTurnoverAgent;
      });
    fc.assert(
      fc.property(fc.array(agentArb, { maxLength: 40 }), (agents) => {
        const groups = summarizeTurnover(agents, {
          from: '2023-01-01',
          to: '2023-12-31',
          asOf: '2024-02-15',
        });
        for (const g of groups) {
          const members = agents.filter((a) => a.key === g.key);
          expect(g.months).toEqual(monthlyAttritionSeries(members, '2023-01', '2023-12'));
          expect(g.trailing12).toEqual(trailing12Attrition(members, '2023-12'));
          expect(g.earlyAttrition90).toEqual(
            earlyAttrition90(members, '2024-02-15', '2023-01-01', '2023-12-31'),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('summarizeTurnover by tenure band', () => {
  it('counts each agent in the band of their tenure on each day and at their last day', () => {
    const agents: GroupedTurnoverAgent[] = [
      // 89 days on 2024-03-30 (band 0-89d), 90 days on 03-31: moves band inside March
      { hireDate: '2024-01-01', terminationDate: null, terminationType: null, key: '-' },
      // leaves on day 95 (2024-04-05): a 90-179d separation
      {
        hireDate: '2024-01-01',
        terminationDate: '2024-04-05',
        terminationType: 'voluntary',
        key: '-',
      },
      // hired and gone on 2024-03-15: a 0-89d separation
      {
        hireDate: '2024-03-15',
        terminationDate: '2024-03-15',
        terminationType: 'involuntary',
        key: '-',
      },
    ];
    const groups = summarizeTurnover(agents, {
      from: '2024-03-01',
      to: '2024-04-30',
      grouping: 'tenure_band',
    });
    expect(groups.map((g) => g.key)).toEqual(['0-89d', '90-179d', '180-364d', '1-2y', '2y+']);
    const [young, older] = groups;
    expect(young.months.map((m) => [m.headcountStart, m.headcountEnd, m.separations])).toEqual([
      [2, 0, 1], // March: both 2024-01-01 hires are 60 days on 03-01, 90 on 03-31
      [0, 0, 0],
    ]);
    expect(older.months.map((m) => [m.headcountStart, m.headcountEnd, m.separations])).toEqual([
      [0, 2, 0],
      [2, 1, 1],
    ]);
    // Bands partition the headcount: their sum is the population's.
    for (const [i, month] of ['2024-03', '2024-04'].entries()) {
      for (const d of [monthStart(month), monthEnd(month)]) {
        const total = agents.filter((a) => isEmployed(a, d)).length;
        const banded = groups.reduce(
          (s, g) =>
            s + (d === monthStart(month) ? g.months[i].headcountStart : g.months[i].headcountEnd),
          0,
        );
        expect(banded).toBe(total);
        // each employed agent is in the band of its tenure that day
        for (const a of agents.filter((x) => isEmployed(x, d))) {
          expect(groups.map((g) => g.key)).toContain(
            tenureBand(toDayNumber(d) - toDayNumber(a.hireDate)),
          );
        }
      }
    }
    expect(young.earlyAttrition90.cohortSize).toBe(0); // the 03-15 hire is not 90 days in on 04-30
    expect(older.earlyAttrition90).toEqual({ cohortSize: 0, separated: 0, rate: null });
    expect(addMonths('2024-03', 1)).toBe('2024-04');
  });
});
