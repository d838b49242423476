import { kaplanMeier } from './retention-curve';
import { TEN_AGENTS, makeAgent } from './__fixtures__/ten-agents.fixture';

describe('kaplanMeier', () => {
  it('gives the hand-computed curve of the ten-agent fixture as of 2024-06-30', () => {
    // sorted durations: 0E 45E 77E 89E 100E 121C 167C 366E 395C 902C
    const { points, medianTenureDays } = kaplanMeier(TEN_AGENTS, '2024-06-30');
    const expected = [
      { day: 0, survival: 0.9, atRisk: 10, events: 1 }, // A6: hired and gone on one day
      { day: 45, survival: 0.8, atRisk: 9, events: 1 },
      { day: 77, survival: 0.7, atRisk: 8, events: 1 },
      { day: 89, survival: 0.6, atRisk: 7, events: 1 },
      { day: 100, survival: 0.5, atRisk: 6, events: 1 },
      { day: 366, survival: 1 / 3, atRisk: 3, events: 1 }, // 366, 395, 902 at risk
    ];
    expect(points).toHaveLength(expected.length);
    points.forEach((p, i) => {
      expect([p.day, p.atRisk, p.events]).toEqual([
        expected[i].day,
        expected[i].atRisk,
        expected[i].events,
      ]);
      expect(p.survival).toBeCloseTo(expected[i].survival, 12);
    });
    // S(100) = 0.9 × 8/9 × 7/8 × 6/7 × 5/6 = 0.5 ≤ 0.5
    expect(medianTenureDays).toBe(100);
  });

  it('censors later terminations at asOf and leaves out later hires', () => {
    // as of 2024-02-20: A9 not hired yet; A8 (leaves 03-01) censored at 356, A7 at 10, A10 at 50,
    // A5 at 36; events A6 0, A4 45, A3 77
    const { points, medianTenureDays } = kaplanMeier(TEN_AGENTS, '2024-02-20');
    expect(points.map((p) => [p.day, p.atRisk, p.events])).toEqual([
      [0, 9, 1],
      [45, 6, 1],
      [77, 4, 1],
    ]);
    expect(points[2].survival).toBeCloseTo(5 / 9, 12); // 8/9 × 5/6 × 3/4
    expect(medianTenureDays).toBeNull();
  });

  it('finds the median where S is 0.5 on paper but a hair above it in floating point', () => {
    // 24 agents hired 2024-01-01, one leaving after 1, 2, …, 12 days: S(12) = 12/24 = 0.5, but
    // the float product (23/24)(22/23)…(12/13) is 0.5000000000000001.
    const agents = Array.from({ length: 24 }, (_, i) =>
      makeAgent({
        hireDate: '2024-01-01',
        terminationDate: i < 12 ? `2024-01-${String(i + 2).padStart(2, '0')}` : null,
      }),
    );
    const { points, medianTenureDays } = kaplanMeier(agents, '2024-06-30');
    expect(points[12].day).toBe(12);
    expect(points[12].survival).toBeGreaterThan(0.5);
    expect(points[0]).toEqual({ day: 0, survival: 1, atRisk: 24, events: 0 });
    expect(medianTenureDays).toBe(12);
  });

  it('gives ties their combined events at one time', () => {
    const agents = [
      makeAgent({ hireDate: '2024-01-01', terminationDate: '2024-01-11' }),
      makeAgent({ hireDate: '2024-02-01', terminationDate: '2024-02-11' }),
      makeAgent({ hireDate: '2024-01-01', terminationDate: '2024-01-31' }),
      makeAgent({ hireDate: '2024-01-01' }),
    ];
    const { points, medianTenureDays } = kaplanMeier(agents, '2024-03-01');
    expect(points).toEqual([
      { day: 0, survival: 1, atRisk: 4, events: 0 },
      { day: 10, survival: 0.5, atRisk: 4, events: 2 },
      { day: 30, survival: 0.25, atRisk: 2, events: 1 },
    ]);
    expect(medianTenureDays).toBe(10);
  });

  it('lists every day once, so a day-0 event replaces the origin point', () => {
    const agents = [
      makeAgent({ hireDate: '2024-01-01', terminationDate: '2024-01-01' }),
      makeAgent({ hireDate: '2024-01-01', terminationDate: '2024-01-01' }),
      makeAgent({ hireDate: '2024-01-01', terminationDate: '2024-01-03' }),
      makeAgent({ hireDate: '2024-01-01' }),
    ];
    expect(kaplanMeier(agents, '2024-02-01')).toEqual({
      points: [
        { day: 0, survival: 0.5, atRisk: 4, events: 2 },
        { day: 2, survival: 0.25, atRisk: 2, events: 1 },
      ],
      medianTenureDays: 0,
    });
  });

  it('returns only the origin for an empty population and rejects impossible records', () => {
    expect(kaplanMeier([], '2024-01-01')).toEqual({
      points: [{ day: 0, survival: 1, atRisk: 0, events: 0 }],
      medianTenureDays: null,
    });
    expect(() =>
      kaplanMeier(
        [makeAgent({ hireDate: '2024-02-01', terminationDate: '2024-01-01' })],
        '2024-03-01',
      ),
    ).toThrow('termination date 2024-01-01 is before hire date 2024-02-01');
  });
});
