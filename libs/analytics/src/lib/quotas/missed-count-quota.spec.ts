import { AgentQuotaDefinition, missedCountQuotaDays, QuotaCountSums } from './missed-count-quota';

const counts = (c: Partial<QuotaCountSums>): QuotaCountSums => ({
  callsHandled: 0,
  sales: 0,
  saves: 0,
  resolved: 0,
  ...c,
});

describe('missedCountQuotaDays', () => {
  // Hired Monday 2026-03-02; default ramp 50 % → 100 % by week 8 (+1/14 a week).
  const hireDate = '2026-03-02';
  const ramp = { startFraction: 0.5, weeks: 8 };
  const quotas: AgentQuotaDefinition[] = [
    {
      // the team's per-member shift target: 40, raised to 56 from 2026-03-18
      quotaId: 1,
      scope: 'team',
      metric: 'calls_handled',
      period: 'shift',
      comparator: 'at_least',
      ramp: true,
      versions: [
        { id: 1, effectiveFrom: '2026-03-01', target: 40 },
        { id: 2, effectiveFrom: '2026-03-18', target: 56 },
      ],
    },
    {
      // the agent's own daily sales quota, not ramped, from 2026-03-10
      quotaId: 2,
      scope: 'agent',
      metric: 'sales',
      period: 'day',
      comparator: 'at_least',
      ramp: false,
      versions: [{ id: 3, effectiveFrom: '2026-03-10', target: 4 }],
    },
    {
      // the agent's own shift target overrides the team's from 2026-03-23 (no ramp)
      quotaId: 3,
      scope: 'agent',
      metric: 'calls_handled',
      period: 'shift',
      comparator: 'at_least',
      ramp: false,
      versions: [{ id: 4, effectiveFrom: '2026-03-23', target: 30 }],
    },
    {
      // rate and week quotas never make a missed day
      quotaId: 4,
      scope: 'agent',
      metric: 'aht_seconds',
      period: 'shift',
      comparator: 'at_most',
      ramp: true,
      versions: [{ id: 5, effectiveFrom: '2026-02-01', target: 300 }],
    },
    {
      quotaId: 5,
      scope: 'team',
      metric: 'calls_handled',
      period: 'week',
      comparator: 'at_least',
      ramp: true,
      versions: [{ id: 6, effectiveFrom: '2026-02-01', target: 1000 }],
    },
  ];
  const shift = (date: string, callsHandled: number, judged = true) => ({
    date,
    judged,
    counts: counts({ callsHandled }),
  });

  // Hand-worked reference, date by date (target = base × fraction of the tenure week):
  const expected = [
    // only the AHT and week quotas are in force: no count quota, nothing to miss
    { date: '2026-02-20', hasQuota: false, missed: false },
    // the day before hire (training) takes week one: 40 × 0.5 = 20; the shift made 19
    { date: '2026-03-01', hasQuota: true, missed: true },
    // week 1: 20, made 20 (equal meets)
    { date: '2026-03-02', hasQuota: true, missed: false },
    // week 2: 40 × (0.5 + 1/14) = 22.857, made 22 (a fractional target needs 23)
    { date: '2026-03-09', hasQuota: true, missed: true },
    // week 2: the shift made 23 (met), but sales 3 < 4 on the new day quota
    { date: '2026-03-10', hasQuota: true, missed: true },
    // week 3, new version: 56 × (0.5 + 2/14) = 36, made 36; sales 4 = 4
    { date: '2026-03-18', hasQuota: true, missed: false },
    // two shifts starting that day: 40 met, 30 < 36 missed
    { date: '2026-03-19', hasQuota: true, missed: true },
    // sent home for low volume after 5 calls: not judged; sales 4 met
    { date: '2026-03-20', hasQuota: true, missed: false },
    // week 4: the team's would be 56 × (0.5 + 3/14) = 40; the agent's own 30 wins, made 35
    { date: '2026-03-23', hasQuota: true, missed: false },
    // a worked date with no shift starting on it (the night shift's second day): sales 5 met
    { date: '2026-03-24', hasQuota: true, missed: false },
  ];

  it('judges each worked day against the quotas the floor applies (versions, ramp, own over team)', () => {
    const got = missedCountQuotaDays({
      hireDate,
      ramp,
      quotas,
      days: [
        { date: '2026-02-20', counts: counts({}) },
        { date: '2026-03-01', counts: counts({ callsHandled: 19 }) },
        { date: '2026-03-02', counts: counts({ callsHandled: 20 }) },
        { date: '2026-03-09', counts: counts({ callsHandled: 22 }) },
        { date: '2026-03-10', counts: counts({ callsHandled: 23, sales: 3 }) },
        { date: '2026-03-18', counts: counts({ callsHandled: 36, sales: 4 }) },
        { date: '2026-03-19', counts: counts({ callsHandled: 70, sales: 6 }) },
        { date: '2026-03-20', counts: counts({ callsHandled: 5, sales: 4 }) },
        { date: '2026-03-23', counts: counts({ callsHandled: 20, sales: 9 }) },
        { date: '2026-03-24', counts: counts({ callsHandled: 15, sales: 5 }) },
      ],
      shifts: [
        shift('2026-03-01', 19),
        shift('2026-03-02', 20),
        shift('2026-03-09', 22),
        shift('2026-03-10', 23),
        shift('2026-03-18', 36),
        shift('2026-03-19', 40),
        shift('2026-03-19', 30),
        shift('2026-03-20', 5, false),
        shift('2026-03-23', 35),
      ],
    });
    expect(got).toEqual(expected);
  });

  it('reads a day quota from the day counts, whatever the shifts say', () => {
    const day: AgentQuotaDefinition = {
      quotaId: 9,
      scope: 'team',
      metric: 'resolved',
      period: 'day',
      comparator: 'at_least',
      ramp: false,
      versions: [{ id: 1, effectiveFrom: '2026-01-01', target: 10 }],
    };
    const got = missedCountQuotaDays({
      hireDate: '2020-01-06',
      ramp,
      quotas: [day],
      days: [
        { date: '2026-03-02', counts: counts({ resolved: 9, callsHandled: 50 }) },
        { date: '2026-03-03', counts: counts({ resolved: 10 }) },
      ],
      shifts: [shift('2026-03-02', 50)],
    });
    expect(got.map((d) => d.missed)).toEqual([true, false]);
  });

  it('ends a quota with a null version: no quota from that date, so not missed', () => {
    const ended: AgentQuotaDefinition = {
      ...quotas[0],
      ramp: false,
      versions: [
        { id: 1, effectiveFrom: '2026-03-01', target: 40 },
        { id: 2, effectiveFrom: '2026-03-05', target: null },
      ],
    };
    const got = missedCountQuotaDays({
      hireDate: '2020-01-06',
      ramp,
      quotas: [ended],
      days: [
        { date: '2026-03-04', counts: counts({ callsHandled: 1 }) },
        { date: '2026-03-05', counts: counts({ callsHandled: 1 }) },
      ],
      shifts: [shift('2026-03-04', 1), shift('2026-03-05', 1)],
    });
    expect(got).toEqual([
      { date: '2026-03-04', hasQuota: true, missed: true },
      { date: '2026-03-05', hasQuota: false, missed: false },
    ]);
  });
});
