import { agentQuotasOn, versionOn } from './effective-quota';
import { quotaDefinitionProblems } from './quota-definition';
import { DEFAULT_FLOOR_SETTINGS, mergeFloorSettings } from './floor-settings';

describe('versionOn (effective dating)', () => {
  const versions = [
    { id: 1, effectiveFrom: '2026-05-01', target: 60 },
    { id: 2, effectiveFrom: '2026-05-10', target: 80 },
    { id: 3, effectiveFrom: '2026-05-10', target: 75 }, // a same-day correction wins
    { id: 4, effectiveFrom: '2026-06-01', target: null }, // ended
  ];
  it('keeps the old target for earlier dates and applies a change forward', () => {
    expect(versionOn(versions, '2026-04-30')).toBeNull();
    expect(versionOn(versions, '2026-05-09')?.target).toBe(60);
    expect(versionOn(versions, '2026-05-10')?.target).toBe(75);
    expect(versionOn(versions, '2026-05-31')?.target).toBe(75);
    expect(versionOn(versions, '2026-06-01')).toBeNull();
  });
});

describe('agentQuotasOn', () => {
  const ramp = { startFraction: 0.5, weeks: 8 };
  const team = {
    quotaId: 1,
    scope: 'team' as const,
    metric: 'calls_handled' as const,
    period: 'shift' as const,
    comparator: 'at_least' as const,
    target: 80,
    ramp: true,
  };
  it('prefers the agent quota over the team per-member one for the same metric and period', () => {
    const own = { ...team, quotaId: 2, scope: 'agent' as const, target: 70 };
    const got = agentQuotasOn([team, own], '2020-01-06', '2026-05-04', ramp);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ quotaId: 2, source: 'agent', target: 70, rampFraction: 1 });
  });

  it('ramps a new hire: 50 % in week one, 1/14 more each week, AHT limits divided', () => {
    const aht = {
      ...team,
      quotaId: 3,
      metric: 'aht_seconds' as const,
      comparator: 'at_most' as const,
      target: 300,
    };
    const wk1 = agentQuotasOn([team, aht], '2026-05-04', '2026-05-06', ramp);
    expect(wk1.map((q) => q.target)).toEqual([40, 600]);
    const wk3 = agentQuotasOn([team], '2026-05-04', '2026-05-18', ramp);
    expect(wk3[0].target).toBeCloseTo(80 * (0.5 + 2 / 14), 10);
    const optOut = agentQuotasOn([{ ...team, ramp: false }], '2026-05-04', '2026-05-06', ramp);
    expect(optOut[0].target).toBe(80);
    const beforeHire = agentQuotasOn([team], '2026-05-04', '2026-05-01', ramp);
    expect(beforeHire[0].target).toBe(40);
  });
});

describe('quotaDefinitionProblems', () => {
  it('names every bad field', () => {
    expect(
      quotaDefinitionProblems({ scope: 'floor', metric: 'calls', period: 'month', target: 10 }).map(
        (p) => p.field,
      ),
    ).toEqual(['scope', 'metric', 'period']);
    expect(
      quotaDefinitionProblems({
        scope: 'agent',
        metric: 'aht_seconds',
        period: 'shift',
        target: 300,
        comparator: 'at_least',
      }),
    ).toEqual([
      {
        field: 'comparator',
        message: 'aht_seconds is an "at_most" metric; comparator must be at_most',
      },
    ]);
    expect(
      quotaDefinitionProblems({ scope: 'agent', metric: 'csat', period: 'day', target: 6 })[0]
        .message,
    ).toBe('target of csat must be between 1 and 5, got 6');
    expect(
      quotaDefinitionProblems({ scope: 'agent', metric: 'sales', period: 'day', target: 2.5 })[0]
        .field,
    ).toBe('target');
    expect(
      quotaDefinitionProblems({
        scope: 'agent',
        metric: 'sales',
        period: 'day',
        target: 5,
        perMember: true,
      })[0].field,
    ).toBe('perMember');
    expect(
      quotaDefinitionProblems({
        scope: 'team',
        metric: 'sales',
        period: 'week',
        target: 50,
        perMember: true,
      }),
    ).toEqual([]);
  });
});

describe('mergeFloorSettings', () => {
  it('merges a partial document and reports unknown or bad values by field', () => {
    const ok = mergeFloorSettings(DEFAULT_FLOOR_SETTINGS, {
      hostileStreakAlert: 4,
      ramp: { weeks: 6 },
    });
    expect(ok.problems).toEqual([]);
    expect(ok.settings.hostileStreakAlert).toBe(4);
    expect(ok.settings.ramp).toEqual({ startFraction: 0.5, weeks: 6 });
    const bad = mergeFloorSettings(DEFAULT_FLOOR_SETTINGS, {
      hostile: 3,
      farBehindRatio: 2,
      ramp: { startFraction: 0 },
    });
    expect(bad.problems.map((p) => p.field)).toEqual([
      'hostile',
      'ramp.startFraction',
      'farBehindRatio',
    ]);
  });
});
