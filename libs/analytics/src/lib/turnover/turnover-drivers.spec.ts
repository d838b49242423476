import { BurnoutDailyCalls, burnoutIndex } from '../burnout';
import { WorkShift } from '../schedule';
import {
  DriverAgent,
  DriverRates,
  DriverExposure,
  driverBand,
  driverExposure,
  driverRates,
  exitReasons,
  exposureWindow,
  NO_REASON,
} from './turnover-drivers';
import { wilsonInterval } from './wilson';

const UTC = 'UTC';

/** A worked shift on a UTC day from `startHour` for `hours`, no break. */
function worked(date: string, startHour: number, hours: number): WorkShift {
  const start = new Date(`${date}T00:00:00Z`).getTime() + startHour * 3_600_000;
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + hours * 3_600_000).toISOString(),
    breakMinutes: 0,
    status: 'worked',
    kind: 'regular',
  };
}

function day(date: string, answered: number, hostile: number): BurnoutDailyCalls {
  return {
    date,
    answered,
    handleSeconds: answered * 300,
    hostile,
    qaSum: 0,
    qaCount: 0,
    csatSum: 0,
    csatCount: 0,
  };
}

describe('exposureWindow', () => {
  it('ends at the last day employed for an exit, at `to` for a stayer, never before hire', () => {
    expect(exposureWindow('2024-01-01', '2024-06-30', '2024-01-01', '2024-12-31')).toEqual({
      from: '2024-04-02', // 90 days: 04-02 … 06-30
      to: '2024-06-30',
    });
    expect(exposureWindow('2024-12-01', null, '2024-01-01', '2024-12-31')).toEqual({
      from: '2024-12-01',
      to: '2024-12-31',
    });
    expect(exposureWindow('2024-01-01', '2023-12-31', '2024-01-01', '2024-12-31')).toBeNull();
    expect(exposureWindow('2025-01-01', null, '2024-01-01', '2024-12-31')).toBeNull();
  });
});

describe('driverExposure', () => {
  it('measures overtime, unsocial share, hostile rate and send-home losses by hand', () => {
    // hired 2024-01-01 (Monday), leaves Sunday 2024-01-14: two Monday–Sunday weeks, 14 days.
    // Week 1: five 9 h days 08–17 = 45 h → 5 h overtime. Week 2: four 8 h days 08–16 and a
    // Saturday 20:00–04:00 (8 h: 2 h Saturday evening + 4 h Sunday weekend + … all weekend or
    // night) = 40 h → 0 overtime. Overtime per week = 5 h ÷ 2 weeks = 2.5 h.
    const shifts: WorkShift[] = [
      ...['01', '02', '03', '04', '05'].map((d) => worked(`2024-01-${d}`, 8, 9)),
      ...['08', '09', '10', '11'].map((d) => worked(`2024-01-${d}`, 8, 8)),
      worked('2024-01-13', 20, 8),
      {
        start: '2024-01-12T08:00:00Z',
        end: '2024-01-12T16:00:00Z',
        breakMinutes: 0,
        status: 'sent_home',
        sendHomeReason: 'outage',
        sendHomeAt: '2024-01-12T10:00:00Z',
        actualStart: '2024-01-12T08:00:00Z',
        actualEnd: '2024-01-12T10:00:00Z',
        kind: 'regular',
      },
    ];
    const dailyCalls = [
      day('2024-01-02', 40, 4),
      day('2024-01-09', 60, 1),
      day('2024-02-01', 50, 50),
    ];
    // the BRI on the last day employed comes from the burnout feature (here: its formula)
    const bri = burnoutIndex({
      asOf: '2024-01-14',
      zone: UTC,
      contractHours: 40,
      shifts,
      dailyCalls: dailyCalls.filter((d) => d.date <= '2024-01-14'),
    });
    const e = driverExposure({
      hireDate: '2024-01-01',
      terminationDate: '2024-01-14',
      from: '2024-01-01',
      to: '2024-03-31',
      zone: UTC,
      contractHours: 40,
      shifts,
      dailyCalls,
      burnout: bri,
    }) as DriverExposure;
    // week 2 also has the 2 h worked before the outage send-home: 42 h → 2 h overtime
    expect(e.overtimeHoursPerWeek).toBeCloseTo((5 + 2) / 2, 9);
    // the Saturday shift, 20:00–04:00, is all weekend (Sat/Sun) → 8 of 45 + 42 = 87 worked h
    expect(e.unsocialShare).toBeCloseTo(8 / 87, 9);
    // calls after the last day employed do not count: 5 hostile of 100
    expect(e.hostileRate).toBeCloseTo(0.05, 12);
    expect(e.answeredCalls).toBe(100);
    // outage send-home: 6 h of the 8 h shift unpaid, per 4 weeks over a 14-day window → × 2
    expect(e.sendHomeHoursPer4Weeks).toBeCloseTo(12, 9);
    expect(e.windowFrom).toBe('2024-01-01');
    expect(e.burnoutIndex).not.toBeNull();
    expect([e.burnoutIndex, e.burnoutBand, e.burnoutDrivers]).toEqual([
      bri.index,
      bri.band,
      bri.drivers,
    ]);
    expect(driverBand('burnout', e)).toBe(bri.band);
  });

  it('has no figures without shifts or calls, and no index', () => {
    const e = driverExposure({
      hireDate: '2024-01-01',
      terminationDate: null,
      from: '2024-01-01',
      to: '2024-01-31',
      zone: UTC,
      contractHours: 40,
      shifts: [],
      dailyCalls: [],
      burnout: null,
    }) as DriverExposure;
    expect(e).toMatchObject({
      overtimeHoursPerWeek: null,
      unsocialShare: null,
      hostileRate: null,
      sendHomeHoursPer4Weeks: null,
      burnoutIndex: null,
      burnoutBand: null,
    });
    expect(driverBand('overtime', e)).toBe('no data');
    expect(driverBand('burnout', e)).toBe('no data');
  });
});

function exposure(overrides: Partial<DriverExposure>): DriverExposure {
  return {
    windowFrom: '2024-01-01',
    windowTo: '2024-03-31',
    overtimeHoursPerWeek: 0,
    unsocialShare: 0,
    hostileRate: 0,
    answeredCalls: 100,
    sendHomeHoursPer4Weeks: 0,
    burnoutIndex: 20,
    burnoutBand: 'low',
    burnoutDrivers: [],
    ...overrides,
  };
}

describe('driverBand', () => {
  it('puts lower bounds inside their band', () => {
    const band = (o: Partial<DriverExposure>, d: Parameters<typeof driverBand>[0]) =>
      driverBand(d, exposure(o));
    expect([0, 0.1, 2, 4.99, 5].map((x) => band({ overtimeHoursPerWeek: x }, 'overtime'))).toEqual([
      'none',
      '< 2 h/week',
      '2–5 h/week',
      '2–5 h/week',
      '≥ 5 h/week',
    ]);
    expect([0.0999, 0.1, 0.25, 0.5].map((x) => band({ unsocialShare: x }, 'unsocial'))).toEqual([
      '< 10 %',
      '10–25 %',
      '25–50 %',
      '≥ 50 %',
    ]);
    expect([0.01, 0.02, 0.05, 0.1].map((x) => band({ hostileRate: x }, 'hostile'))).toEqual([
      '< 2 %',
      '2–5 %',
      '5–10 %',
      '≥ 10 %',
    ]);
    expect([0, 1, 4, 12].map((x) => band({ sendHomeHoursPer4Weeks: x }, 'send_home'))).toEqual([
      'none',
      '< 4 h',
      '4–12 h',
      '≥ 12 h',
    ]);
  });
});

describe('driverRates', () => {
  it('counts agents and exits per band with Wilson intervals', () => {
    const agents: DriverAgent[] = [
      ...Array.from({ length: 6 }, (_, i) => ({
        separated: i < 3,
        terminationType: i < 3 ? ('voluntary' as const) : null,
        exposure: exposure({ hostileRate: 0.12, burnoutBand: 'high' }),
      })),
      ...Array.from({ length: 20 }, (_, i) => ({
        separated: i < 2,
        terminationType: i < 2 ? ('involuntary' as const) : null,
        exposure: exposure({ hostileRate: 0.01 }),
      })),
    ];
    const hostile = driverRates(agents).find((d) => d.driver === 'hostile') as DriverRates;
    expect(hostile.bands.map((b) => [b.band, b.agents, b.separations, b.rate])).toEqual([
      ['< 2 %', 20, 2, 0.1],
      ['2–5 %', 0, 0, null],
      ['5–10 %', 0, 0, null],
      ['≥ 10 %', 6, 3, 0.5],
      ['no data', 0, 0, null],
    ]);
    expect(hostile.bands[3].ci).toEqual(wilsonInterval(3, 6));
    expect(hostile.bands[3].voluntary).toBe(3);
    expect(hostile.bands[0].involuntary).toBe(2);
    expect(hostile.bands[1].ci).toBeNull();
    const burnout = driverRates(agents).find((d) => d.driver === 'burnout') as DriverRates;
    expect(burnout.bands.find((b) => b.band === 'high')?.agents).toBe(6);
  });
});

describe('exitReasons', () => {
  it('merges spellings of one free-text reason and counts what was not recorded', () => {
    const r = exitReasons([
      { reason: 'Better pay', terminationType: 'voluntary' },
      { reason: ' better_pay ', terminationType: 'voluntary' },
      { reason: 'better pay', terminationType: 'voluntary' },
      { reason: 'No-call, no-show', terminationType: 'involuntary' },
      { reason: null, terminationType: null },
    ]);
    expect(r).toEqual([
      { reason: 'Better pay', separations: 3, voluntary: 3, involuntary: 0, share: 0.6 },
      { reason: NO_REASON, separations: 1, voluntary: 0, involuntary: 0, share: 0.2 },
      { reason: 'No-call, no-show', separations: 1, voluntary: 0, involuntary: 1, share: 0.2 },
    ]);
  });
});
