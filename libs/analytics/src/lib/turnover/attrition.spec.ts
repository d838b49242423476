import {
  earlyAttrition90,
  headcount,
  isEmployed,
  monthlyAttrition,
  monthlyAttritionSeries,
  separationsBetween,
  tenureDays,
  trailing12Attrition,
} from './attrition';
import { TEN_AGENTS, makeAgent } from './__fixtures__/ten-agents.fixture';

describe('isEmployed and headcount', () => {
  it('counts the termination date as the last day employed', () => {
    const agent = makeAgent({ hireDate: '2024-01-10', terminationDate: '2024-01-31' });
    expect(isEmployed(agent, '2024-01-09')).toBe(false);
    expect(isEmployed(agent, '2024-01-10')).toBe(true);
    expect(isEmployed(agent, '2024-01-31')).toBe(true);
    expect(isEmployed(agent, '2024-02-01')).toBe(false);
  });

  it('counts a same-day hire and termination on that one day', () => {
    const agent = makeAgent({ hireDate: '2024-02-01', terminationDate: '2024-02-01' });
    expect([isEmployed(agent, '2024-01-31'), isEmployed(agent, '2024-02-01')]).toEqual([
      false,
      true,
    ]);
  });

  it('counts the ten-agent fixture on boundary days', () => {
    // 01-31: A1 A2 A3 (last day) A4 A5 A8 A10
    expect(headcount(TEN_AGENTS, '2024-01-31')).toBe(7);
    // 02-01: A3 gone; A6 hired and terminated that day: A1 A2 A4 A5 A6 A8 A10
    expect(headcount(TEN_AGENTS, '2024-02-01')).toBe(7);
    // 03-01: A8 last day, A9 first day: A1 A2 A5 A7 A8 A9 A10
    expect(headcount(TEN_AGENTS, '2024-03-01')).toBe(7);
    expect(headcount(TEN_AGENTS, '2024-03-02')).toBe(6);
    expect(headcount([], '2024-03-02')).toBe(0);
    expect(() => headcount(TEN_AGENTS, '2024-02-30')).toThrow(RangeError);
  });
});

describe('separations and monthly attrition', () => {
  it('splits separations of a period by type, untyped in neither', () => {
    expect(separationsBetween(TEN_AGENTS, '2024-02-01', '2024-03-31')).toEqual({
      separations: 4, // A4, A6, A8, A10
      voluntary: 2,
      involuntary: 2,
    });
    const untyped = [makeAgent({ terminationDate: '2024-02-10' })];
    expect(separationsBetween(untyped, '2024-02-01', '2024-02-29')).toEqual({
      separations: 1,
      voluntary: 0,
      involuntary: 0,
    });
  });

  it('gives the hand-computed months of 2024', () => {
    expect(monthlyAttritionSeries(TEN_AGENTS, '2024-01', '2024-05')).toEqual([
      // start: A1 A2 A3 A4 A8 A10 = 6; end: + A5 = 7; A3 left 01-31
      {
        month: '2024-01',
        headcountStart: 6,
        headcountEnd: 7,
        separations: 1,
        voluntary: 1,
        involuntary: 0,
        rate: 1 / 6.5,
      },
      // start 7 (see above); end: A1 A2 A5 A7 A8 A10 = 6; A4 and A6 left
      {
        month: '2024-02',
        headcountStart: 7,
        headcountEnd: 6,
        separations: 2,
        voluntary: 1,
        involuntary: 1,
        rate: 2 / 6.5,
      },
      // start 7; end: A1 A2 A5 A7 A9 = 5; A8 and A10 left
      {
        month: '2024-03',
        headcountStart: 7,
        headcountEnd: 5,
        separations: 2,
        voluntary: 1,
        involuntary: 1,
        rate: 2 / 6,
      },
      {
        month: '2024-04',
        headcountStart: 5,
        headcountEnd: 5,
        separations: 0,
        voluntary: 0,
        involuntary: 0,
        rate: 0,
      },
      // A7 left 05-20
      {
        month: '2024-05',
        headcountStart: 5,
        headcountEnd: 4,
        separations: 1,
        voluntary: 1,
        involuntary: 0,
        rate: 1 / 4.5,
      },
    ]);
  });

  it('returns a null rate for a month without anyone employed', () => {
    expect(monthlyAttrition(TEN_AGENTS, '2021-12').rate).toBeNull();
  });

  it('gives trailing-12 attrition as separations over the mean monthly average headcount', () => {
    // 2023-06 … 2024-05 monthly averages: 3, 3, 3, 3, 3, 3.5, 4, 6.5, 6.5, 6, 5, 4.5 → Σ 51, mean
    // 4.25; separations A3 A4 A6 A8 A10 A7 = 6 → 6 ÷ 4.25
    expect(trailing12Attrition(TEN_AGENTS, '2024-05')).toEqual({ separations: 6, rate: 6 / 4.25 });
    expect(trailing12Attrition(TEN_AGENTS, '2021-06')).toEqual({ separations: 0, rate: null });
  });
});

describe('earlyAttrition90', () => {
  it('takes hires of the cohort with 90 days behind them and counts exits before day 90', () => {
    // hired 2024-01-01 … 2024-03-31: A4 (45 days) A5 A6 (0) A7 (100) A9 A10 (89) → 3 of 6
    expect(earlyAttrition90(TEN_AGENTS, '2024-06-30', '2024-01-01', '2024-03-31')).toEqual({
      cohortSize: 6,
      separated: 3,
      rate: 0.5,
    });
  });

  it('leaves out hires whose 90th day is after asOf', () => {
    // A9: 2024-03-01 + 90 = 2024-05-30 > 2024-05-29
    expect(earlyAttrition90(TEN_AGENTS, '2024-05-29', '2024-01-01', '2024-03-31')).toEqual({
      cohortSize: 5,
      separated: 3,
      rate: 0.6,
    });
    expect(earlyAttrition90(TEN_AGENTS, '2024-05-30', '2024-01-01', '2024-03-31').cohortSize).toBe(
      6,
    );
  });

  it('treats day 89 as early and day 90 as not', () => {
    const day89 = makeAgent({ hireDate: '2024-01-01', terminationDate: '2024-03-30' });
    const day90 = makeAgent({ hireDate: '2024-01-01', terminationDate: '2024-03-31' });
    expect(earlyAttrition90([day89, day90], '2024-12-31')).toEqual({
      cohortSize: 2,
      separated: 1,
      rate: 0.5,
    });
  });

  it('uses every hire when no cohort bounds are given, and null for an empty cohort', () => {
    // all ten are 90 days in by 2024-06-30; early exits A3 (77) A4 A6 A10
    expect(earlyAttrition90(TEN_AGENTS, '2024-06-30')).toEqual({
      cohortSize: 10,
      separated: 4,
      rate: 0.4,
    });
    expect(earlyAttrition90(TEN_AGENTS, '2024-06-30', '2025-01-01')).toEqual({
      cohortSize: 0,
      separated: 0,
      rate: null,
    });
  });
});

describe('tenureDays', () => {
  it('measures to the termination date or asOf, null before hire', () => {
    expect(tenureDays(TEN_AGENTS[0], '2024-06-30')).toBe(902);
    expect(tenureDays(TEN_AGENTS[6], '2024-06-30')).toBe(100);
    expect(tenureDays(TEN_AGENTS[6], '2024-03-10')).toBe(29); // terminates later: censored at asOf
    expect(tenureDays(TEN_AGENTS[8], '2024-02-29')).toBeNull();
  });
});
