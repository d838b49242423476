import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  AgentScheduleDto,
  PayEstimateDto,
  RosterDto,
  ShiftDto,
  TeamDto,
} from '@floorwise/contracts';
import { FwBarChart } from '@floorwise/ui';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { apiInterceptor } from '../core/api.interceptor';
import { MySchedule } from './my-schedule';
import { patternDays } from './pattern-dialog';
import { PayView } from './pay-view';
import { RosterView } from './roster-view';
import { localSpan } from './shift-dialog';

const fakeEcharts = {
  init: () => ({
    setOption: jest.fn(),
    on: jest.fn(),
    off: jest.fn(),
    dispose: jest.fn(),
    isDisposed: () => false,
    resize: jest.fn(),
    getZr: () => ({ on: jest.fn(), setCursorStyle: jest.fn() }),
  }),
};

const figures = {
  scheduledSeconds: 8 * 3600,
  workedSeconds: 0,
  plannedSeconds: 8 * 3600,
  paidSeconds: 0,
  lostSeconds: 0,
  stayLateSeconds: 0,
  overtimeSeconds: 0,
  restBeforeSeconds: 8 * 3600,
  shortRestBefore: true,
  consecutiveDay: 1,
};

const shift = (over: Partial<ShiftDto> = {}): ShiftDto => ({
  shiftId: 'S1',
  employeeCode: 'A1',
  localDate: '2026-12-03',
  start: '2026-12-03T07:00:00-06:00',
  end: '2026-12-03T15:30:00-06:00',
  kind: 'regular',
  breakMinutes: 30,
  status: 'scheduled',
  actualStart: null,
  actualEnd: null,
  sendHomeReason: null,
  sendHomeAt: null,
  note: null,
  source: 'import',
  figures,
  ...over,
});

const period = (
  from: string,
  to: string,
  current: boolean,
  total: number,
  spiff = { cents: 0, awards: 0, pendingCents: 0, pendingAwards: 0 },
): PayEstimateDto => ({
  from,
  to,
  current,
  hourlyRateCents: 1581,
  lines: {
    baseCents: total - 300 - spiff.cents,
    overtimePremiumCents: 200,
    nightDifferentialCents: 100,
    weekendDifferentialCents: 0,
    holidayDifferentialCents: 0,
    spiffCents: spiff.cents,
  },
  totalCents: total,
  paidSeconds: 40 * 3600,
  workedSeconds: 40 * 3600,
  scheduledSeconds: 46 * 3600,
  overtimeSeconds: 3600,
  differentialSeconds: { night: 2 * 3600, weekend: 0, holiday: 0 },
  lostSeconds: 6 * 3600,
  lostSecondsByReason: { goal_met: 0, outage: 6 * 3600, low_volume: 0, unspecified: 0 },
  lostCents: 9486,
  spiffAwards: spiff.awards,
  spiffPendingCents: spiff.pendingCents,
  spiffPendingAwards: spiff.pendingAwards,
});

function setup() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([apiInterceptor])),
      provideHttpClientTesting(),
      provideRouter([]),
    ],
  });
  TestBed.overrideComponent(FwBarChart, {
    add: {
      providers: [
        { provide: NGX_ECHARTS_CONFIG, useValue: { echarts: () => Promise.resolve(fakeEcharts) } },
      ],
    },
  });
  return TestBed.inject(HttpTestingController);
}

describe('MySchedule', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("shows the agent's next shifts with their flags and the pay estimate line by line", async () => {
    const http = setup();
    const fixture = TestBed.createComponent(MySchedule);
    await fixture.whenStable();
    const me: AgentScheduleDto = {
      employeeCode: 'A1',
      fullName: 'Ada One',
      teamCode: 'T1',
      siteCode: 'CHI',
      timeZone: 'America/Chicago',
      contractHours: 40,
      hourlyRateCents: 1581,
      today: '2026-12-01',
      payPeriod: 'biweekly',
      week: {
        from: '2026-11-30',
        to: '2026-12-06',
        workedSeconds: 8 * 3600,
        plannedSeconds: 44 * 3600,
        contractSeconds: 40 * 3600,
        overtimeSeconds: 4 * 3600,
        lostSeconds: 0,
        shortRests: 1,
      },
      upcoming: [shift()],
      recent: [],
      periods: [
        period('2026-11-30', '2026-12-13', true, 12_345, {
          cents: 2_468,
          awards: 2,
          pendingCents: 1_234,
          pendingAwards: 1,
        }),
        period('2026-11-16', '2026-11-29', false, 98_765),
      ],
    };
    http.expectOne('/api/me/schedule').flush(me);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="my-week"]')?.textContent).toContain('44 h of 40 h');
    const upcoming = el.querySelector('[data-testid="my-upcoming"]')?.textContent ?? '';
    expect(upcoming).toContain('Only 8 h of rest before this shift (under 11 h)');
    const lines = el.querySelector('[data-testid="my-pay-lines"]')?.textContent ?? '';
    expect(lines).toContain('Overtime premium');
    expect(lines).toContain('$2.00');
    expect(el.querySelector('[data-testid="my-pay-total"]')?.textContent?.trim()).toBe('$123.45');
    // the SPIFF line, in the total; the pending award beside it, not in it
    expect(lines).toContain('SPIFF awards');
    expect(lines).toContain('2 approved bonus awards');
    expect(lines).toContain('$24.68');
    const pending = el.querySelector('[data-testid="my-spiff-pending"]')?.textContent ?? '';
    expect(pending).toContain('$12.34');
    expect(pending).toContain('1 award · not in the total');
    expect(el.textContent).toContain('6 h of scheduled time was not paid (6 h outage)');
    // the past period, picked
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('.periods button')];
    expect(buttons.map((b) => b.textContent?.trim())).toEqual(['Current', 'Nov 16']);
    buttons[1].click();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="my-pay-total"]')?.textContent?.trim()).toBe('$987.65');
    // a past period has no pending awards and no SPIFF line amount
    expect(el.querySelector('[data-testid="my-spiff-pending"]')).toBeNull();
    expect(el.querySelector('[data-testid="my-pay-lines"]')?.textContent).toContain(
      'no approved bonus awards',
    );
  });
});

describe('PayView', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("shows each agent's SPIFF awards as a column and their sum with the pending cents", async () => {
    const http = setup();
    const fixture = TestBed.createComponent(PayView);
    await fixture.whenStable();
    http.expectOne('/api/teams').flush([]);
    const req = http.expectOne((r) => r.url === '/api/pay/estimates');
    const row = (code: string, p: PayEstimateDto) => ({
      ...p,
      employeeCode: code,
      fullName: `Agent ${code}`,
      teamCode: 'T1',
      siteCode: 'CHI',
    });
    const a = row(
      'A1',
      period('2026-11-16', '2026-11-29', false, 50_000, {
        cents: 3_702,
        awards: 3,
        pendingCents: 0,
        pendingAwards: 0,
      }),
    );
    const b = row('A2', period('2026-11-16', '2026-11-29', false, 40_000));
    req.flush({
      date: '2026-11-17',
      rows: [a, b],
      totals: {
        agents: 2,
        totalCents: 90_000,
        lines: { ...a.lines, spiffCents: 3_702 },
        lostSeconds: 0,
        spiffPendingCents: 1_234,
      },
    });
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const card = el.querySelector('[data-testid="pay-spiff-total"]')?.textContent ?? '';
    expect(card).toContain('$37.02');
    expect(card).toContain('$12.34 awaiting approval, not in the total');
    const headers = [...el.querySelectorAll('th')].map((h) => h.textContent?.trim());
    expect(headers).toContain('SPIFF');
    const cells = [...el.querySelectorAll('tr')].map((r) => r.textContent ?? '');
    expect(cells.find((c) => c.includes('Agent A1'))).toContain('$37.02');
    expect(cells.find((c) => c.includes('Agent A1'))).toContain('3 awards');
    expect(cells.find((c) => c.includes('Agent A2'))).not.toContain('award');
  });
});

describe('RosterView', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it("loads the week of the manager's one team and draws a row per agent", async () => {
    const http = setup();
    const fixture = TestBed.createComponent(RosterView);
    fixture.componentRef.setInput('canEdit', true);
    await fixture.whenStable();
    const teams: TeamDto[] = [
      {
        teamCode: 'T1',
        name: 'Team One',
        siteCode: 'CHI',
        managerEmail: 'm@x',
        activeAgentCount: 2,
      },
    ];
    http.expectOne('/api/teams').flush(teams);
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/schedules/roster');
    expect(req.request.params.get('teamCode')).toBe('T1');
    const from = req.request.params.get('from') as string;
    const days = Array.from({ length: 7 }, (_, i) =>
      new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
    );
    const roster: RosterDto = {
      from,
      to: days[6],
      days,
      agents: [
        {
          employeeCode: 'A1',
          fullName: 'Ada One',
          teamCode: 'T1',
          siteCode: 'CHI',
          timeZone: 'America/Chicago',
          contractHours: 40,
          shifts: [
            shift({
              localDate: days[1],
              start: `${days[1]}T07:00:00-06:00`,
              end: `${days[1]}T15:30:00-06:00`,
            }),
          ],
          totals: {
            scheduledSeconds: 8 * 3600,
            workedSeconds: 0,
            plannedSeconds: 8 * 3600,
            paidSeconds: 0,
            lostSeconds: 0,
            stayLateSeconds: 0,
            overtimeSeconds: 0,
            shortRests: 1,
            longestRun: 1,
            adherence: null,
          },
        },
      ],
    };
    req.flush(roster);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelectorAll('fw-timeline .row')).toHaveLength(1);
    const bar = el.querySelector('fw-timeline button.bar') as HTMLButtonElement;
    expect(bar.getAttribute('aria-label')).toContain('Ada One');
    expect(bar.textContent).toContain('Rest');
    expect(el.querySelector('[data-testid="roster-summary"]')?.textContent).toContain(
      'Short rests',
    );
  });
});

describe('shift forms', () => {
  it('reads an end at or before the start as the next day', () => {
    expect(localSpan('2026-12-03', '22:00', '06:00')).toEqual({
      start: '2026-12-03T22:00',
      end: '2026-12-04T06:00',
    });
    expect(localSpan('2026-12-03', '09:00', '17:30')).toEqual({
      start: '2026-12-03T09:00',
      end: '2026-12-03T17:30',
    });
  });

  it('sends the days of a pattern that are switched on', () => {
    expect(
      patternDays([
        {
          weekday: 1,
          label: 'Monday',
          on: true,
          start: '09:00',
          end: '17:00',
          breakMinutes: 30,
          kind: 'regular',
        },
        {
          weekday: 2,
          label: 'Tuesday',
          on: false,
          start: '09:00',
          end: '17:00',
          breakMinutes: 30,
          kind: 'regular',
        },
      ]),
    ).toEqual([{ weekday: 1, start: '09:00', end: '17:00', breakMinutes: 30, kind: 'regular' }]);
  });
});
