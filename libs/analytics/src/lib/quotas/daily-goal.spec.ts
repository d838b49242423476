import { dailyGoalMet, isDailyGoalQuota } from './daily-goal';

const quota = {
  metric: 'calls_handled' as const,
  period: 'day' as const,
  comparator: 'at_least' as const,
  target: 3,
};
const shiftEnd = '2026-05-04T17:00:00-05:00';
const times = [
  '2026-05-04T12:30:00-05:00',
  '2026-05-04T10:00:00-05:00',
  '2026-05-04T11:00:00-05:00',
  '2026-05-04T16:00:00-05:00',
];

describe('dailyGoalMet', () => {
  it('marks the goal met at the unit that reached it and makes the agent eligible to leave', () => {
    expect(
      dailyGoalMet({ quota, unitTimes: times, shiftEnd, now: '2026-05-04T14:00:00-05:00' }),
    ).toEqual({
      units: 3,
      remaining: 0,
      reachedAtMs: Date.parse('2026-05-04T17:30:00Z'),
      met: true,
      eligibleForEarlyRelease: true,
    });
  });

  it('counts only units recorded up to now', () => {
    const result = dailyGoalMet({
      quota,
      unitTimes: times,
      shiftEnd,
      now: '2026-05-04T11:30:00-05:00',
    });
    expect(result).toEqual({
      units: 2,
      remaining: 1,
      reachedAtMs: null,
      met: false,
      eligibleForEarlyRelease: false,
    });
  });

  it('is not met when the goal is reached only at or after the scheduled end', () => {
    const late = ['2026-05-04T10:00:00-05:00', '2026-05-04T11:00:00-05:00', shiftEnd];
    const result = dailyGoalMet({
      quota,
      unitTimes: late,
      shiftEnd,
      now: '2026-05-04T17:30:00-05:00',
    });
    expect(result.reachedAtMs).toBe(Date.parse(shiftEnd));
    expect(result.met).toBe(false);
    expect(result.eligibleForEarlyRelease).toBe(false);
  });

  it('stays met but offers no early release once the shift has ended', () => {
    const result = dailyGoalMet({
      quota,
      unitTimes: times,
      shiftEnd,
      now: '2026-05-04T17:00:00-05:00',
    });
    expect(result.met).toBe(true);
    expect(result.eligibleForEarlyRelease).toBe(false);
  });

  it('needs ceil(target) units for a fractional (ramped) target', () => {
    const result = dailyGoalMet({
      quota: { ...quota, target: 2.5 },
      unitTimes: times,
      shiftEnd,
      now: '2026-05-04T11:30:00-05:00',
    });
    expect(result).toMatchObject({ units: 2, remaining: 1, met: false });
  });

  it('accepts only at-least count quotas for a day or shift', () => {
    expect(isDailyGoalQuota(quota)).toBe(true);
    expect(isDailyGoalQuota({ ...quota, period: 'shift' })).toBe(true);
    expect(isDailyGoalQuota({ ...quota, period: 'week' })).toBe(false);
    expect(isDailyGoalQuota({ metric: 'aht_seconds', period: 'day', comparator: 'at_most' })).toBe(
      false,
    );
    expect(() =>
      dailyGoalMet({ quota: { ...quota, metric: 'csat' }, unitTimes: [], shiftEnd, now: shiftEnd }),
    ).toThrow(/count quota/);
    expect(() =>
      dailyGoalMet({ quota: { ...quota, target: 0 }, unitTimes: [], shiftEnd, now: shiftEnd }),
    ).toThrow(/positive target/);
  });
});
