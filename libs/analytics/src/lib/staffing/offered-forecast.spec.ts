import { addDays, isoWeekday } from '../dates';
import {
  OfferedCallsForecaster,
  OfferedCallsObservation,
  backtestForecast,
  forecastOfferedCalls,
} from './offered-forecast';

/** `days` consecutive days from `from`, `slotsPerDay` slots each, valued by `f(dayIndex, slot)`. */
function series(
  from: string,
  days: number,
  slotsPerDay: number,
  f: (dayIndex: number, slot: number, date: string) => number,
): OfferedCallsObservation[] {
  const rows: OfferedCallsObservation[] = [];
  for (let d = 0; d < days; d++) {
    const date = addDays(from, d);
    for (let s = 0; s < slotsPerDay; s++) {
      rows.push({ date, slot: s, offered: f(d, s, date) });
    }
  }
  return rows;
}

// 2024-01-01 is a Monday.
const MONDAY = '2024-01-01';

describe('forecastOfferedCalls', () => {
  it('forecasts a flat series as itself with scale 1', () => {
    const f = forecastOfferedCalls(
      series(MONDAY, 56, 4, () => 10),
      { slotsPerDay: 4 },
    );
    expect(f.startDate).toBe('2024-02-26');
    expect(f.endDate).toBe('2024-03-03');
    expect([f.weeksUsed, f.trendWeeksUsed, f.scale]).toEqual([6, 4, 1]);
    expect(f.slots).toHaveLength(28);
    expect(f.slots.every((s) => s.offered === 10)).toBe(true);
  });

  it('keeps the weekday × slot shape, aligned to weekdays when the week starts mid-week', () => {
    // value = 100 × ISO weekday + slot, identical every week
    const history = series(MONDAY, 44, 3, (_d, s, date) => 100 * isoWeekday(date) + s);
    const f = forecastOfferedCalls(history, { slotsPerDay: 3 }); // history ends on a Tuesday
    expect(f.startDate).toBe('2024-02-14'); // a Wednesday
    for (const s of f.slots) {
      expect(s.offered).toBeCloseTo(100 * isoWeekday(s.date) + s.slot, 12);
    }
    expect(f.slots[0]).toEqual({ date: '2024-02-14', slot: 0, offered: 300 });
  });

  it('scales the 6-week mean by the last 4 weeks level (hand-computed 2 × 1.25 = 2.5)', () => {
    // one slot a day; weekly levels oldest → newest 1, 1, 2, 2, 3, 3
    const levels = [1, 1, 2, 2, 3, 3];
    const f = forecastOfferedCalls(
      series(MONDAY, 42, 1, (d) => levels[Math.floor(d / 7)]),
      { slotsPerDay: 1 },
    );
    // slot mean = (1+1+2+2+3+3) ÷ 6 = 2; last 4 weeks mean level 2.5 ÷ 6-week mean level 2 = 1.25
    expect(f.scale).toBe(1.25);
    expect(f.slots.map((s) => s.offered)).toEqual([2.5, 2.5, 2.5, 2.5, 2.5, 2.5, 2.5]);
  });

  it('uses only the last k weeks and honours custom k and trend weeks', () => {
    const levels = [100, 100, 1, 1, 2, 2, 3, 3]; // the first two weeks are outside k = 6
    const history = series(MONDAY, 56, 1, (d) => levels[Math.floor(d / 7)]);
    expect(forecastOfferedCalls(history, { slotsPerDay: 1 }).slots[0].offered).toBe(2.5);
    // k = 2, trend 1: mean (3 + 3) ÷ 2 = 3, scale = 3 ÷ 3 = 1
    const short = forecastOfferedCalls(history, { slotsPerDay: 1, weeks: 2, trendWeeks: 1 });
    expect([short.weeksUsed, short.scale, short.slots[0].offered]).toEqual([2, 1, 3]);
    // k = 4, trend 2: levels 2, 2, 3, 3 → slot mean 2.5; last 2 weeks 3, 3 → scale 3 ÷ 2.5 = 1.2
    // → 2.5 × 1.2 = 3
    const k4 = forecastOfferedCalls(history, { slotsPerDay: 1, weeks: 4, trendWeeks: 2 });
    expect(k4.scale).toBeCloseTo(1.2, 15);
    expect(k4.slots[0].offered).toBeCloseTo(3, 12);
  });

  it('uses every complete week when the history is shorter than k, with no trend', () => {
    const f = forecastOfferedCalls(
      series(MONDAY, 24, 1, (d) => (d < 3 ? 999 : 7)), // 3 leftover days + 3 weeks
      { slotsPerDay: 1 },
    );
    expect([f.weeksUsed, f.trendWeeksUsed, f.scale]).toEqual([3, 3, 1]);
    expect(f.slots.every((s) => s.offered === 7)).toBe(true);
  });

  it('treats a missing day as zero volume and adds duplicate rows', () => {
    const history = series(MONDAY, 14, 2, () => 6).filter(
      (r) => !(r.date === '2024-01-03' && r.slot === 1),
    );
    history.push({ date: '2024-01-10', slot: 0, offered: 4 });
    const f = forecastOfferedCalls(history, { slotsPerDay: 2 });
    // Wednesday slot 1: (0 + 6) ÷ 2 = 3; Wednesday slot 0: (6 + 10) ÷ 2 = 8; scale 1 (k = trend)
    const wed = f.slots.filter((s) => s.date === '2024-01-17');
    expect(wed.map((s) => s.offered)).toEqual([8, 3]);
  });

  it('ignores history at or after the start date', () => {
    const history = series(MONDAY, 49, 1, (d) => (d < 42 ? 5 : 500));
    const f = forecastOfferedCalls(history, { slotsPerDay: 1, startDate: '2024-02-12' });
    expect(f.slots.every((s) => s.offered === 5)).toBe(true);
  });

  it('refuses without one complete week and rejects malformed rows', () => {
    expect(() =>
      forecastOfferedCalls(
        series(MONDAY, 6, 1, () => 1),
        { slotsPerDay: 1 },
      ),
    ).toThrow('the forecast needs at least one complete week of history before 2024-01-07');
    expect(() => forecastOfferedCalls([], { slotsPerDay: 1 })).toThrow(RangeError);
    expect(() =>
      forecastOfferedCalls([{ date: MONDAY, slot: 2, offered: 1 }], { slotsPerDay: 2 }),
    ).toThrow('slot 2 on 2024-01-01 is outside 0..1');
    expect(() =>
      forecastOfferedCalls([{ date: MONDAY, slot: 0, offered: -1 }], { slotsPerDay: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      forecastOfferedCalls(
        series(MONDAY, 14, 1, () => 1),
        { slotsPerDay: 0 },
      ),
    ).toThrow('slotsPerDay must be a positive integer (got 0)');
  });
});

describe('backtestForecast', () => {
  it('scores a flat series with zero error', () => {
    const b = backtestForecast(
      series(MONDAY, 49, 2, () => 10),
      { slotsPerDay: 2 },
    );
    expect([b.heldOutStart, b.heldOutEnd]).toEqual(['2024-02-12', '2024-02-18']);
    expect([b.mape, b.wape, b.scoredSlots]).toEqual([0, 0, 14]);
  });

  it('gives the hand-computed MAPE 1/12 and WAPE 2/7', () => {
    // six weeks of 10 a day, then a held-out week 10, 10, 10, 10, 10, 20, 0
    const heldOut = [10, 10, 10, 10, 10, 20, 0];
    const b = backtestForecast(
      series(MONDAY, 49, 1, (d) => (d < 42 ? 10 : heldOut[d - 42])),
      { slotsPerDay: 1 },
    );
    // forecast 10 every day; errors 0 ×5, 10, 10
    // MAPE over the 6 days with volume: (0 × 5 + 10/20) ÷ 6 = 1/12; WAPE = 20 ÷ 70 = 2/7
    expect(b.scoredSlots).toBe(6);
    expect(b.mape).toBeCloseTo(1 / 12, 15);
    expect(b.wape).toBeCloseTo(2 / 7, 15);
    expect(b.slots[6]).toEqual({ date: '2024-02-18', slot: 0, forecast: 10, actual: 0 });
  });

  it('returns null figures for a held-out week without calls', () => {
    const b = backtestForecast(
      series(MONDAY, 49, 1, (d) => (d < 42 ? 3 : 0)),
      {
        slotsPerDay: 1,
      },
    );
    expect([b.mape, b.wape, b.scoredSlots]).toEqual([null, null, 0]);
  });

  it('reports the error of a challenger method on the same held-out week', () => {
    // Growth of 10% a week; "same as last week" beats the 6-week mean on such a series.
    const history = series(MONDAY, 56, 1, (d) => 100 * 1.1 ** Math.floor(d / 7));
    const lastWeek: OfferedCallsForecaster = (h, o) => ({
      slots: Array.from({ length: 7 }, (_, d) => {
        const date = addDays(o.startDate as string, d);
        const prior = h.find((r) => r.date === addDays(date, -7));
        return { date, slot: 0, offered: prior?.offered ?? 0 };
      }),
    });
    const standard = backtestForecast(history, { slotsPerDay: 1 });
    const challenger = backtestForecast(history, { slotsPerDay: 1 }, lastWeek);
    // actual 100·1.1^7; last week's 100·1.1^6 → error 1 − 1/1.1 = 1/11 exactly
    expect(challenger.mape).toBeCloseTo(1 / 11, 12);
    expect(challenger.wape).toBeCloseTo(1 / 11, 12);
    expect(standard.mape as number).toBeGreaterThan(challenger.mape as number);
  });
});
