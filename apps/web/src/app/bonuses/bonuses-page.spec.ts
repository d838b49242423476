import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  MyBonusCampaign,
  MyBonusDto,
  SessionUser,
  SpiffAwardDto,
  SpiffCampaignDto,
  SpiffLeaderboardDto,
} from '@floorwise/contracts';
import { FwBarChart } from '@floorwise/ui';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { apiInterceptor } from '../core/api.interceptor';
import { AuthService } from '../core/auth.service';
import { BonusesPage } from './bonuses-page';
import { wheelRotation, wheelSlices } from './draw-reveal';
import { burnChart } from './spiff-manage';

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

const zero = { pending: 0, approved: 0, paid: 0, void: 0, declined_budget: 0 };
const award = (over: Partial<SpiffAwardDto>): SpiffAwardDto => ({
  id: 1,
  campaignId: 7,
  campaignName: 'Spin the wheel',
  employeeCode: 'A1',
  agentName: 'Ada One',
  teamCode: 'T1',
  kind: 'spin',
  amountCents: null,
  status: 'pending',
  earnedOn: '2026-11-30',
  occurredAt: null,
  callId: null,
  unitsAt: 20,
  detail: { draw: 1 },
  createdAt: '2026-11-30T10:00:00Z',
  approvedAt: null,
  approvedBy: null,
  approvedOn: null,
  paidAt: null,
  paidBy: null,
  voidedAt: null,
  voidedBy: null,
  voidReason: null,
  dispute: null,
  ...over,
});
const wheel: MyBonusCampaign = {
  id: 7,
  name: 'Spin the wheel',
  description: null,
  status: 'active',
  metric: 'resolved',
  rule: {
    type: 'prize_wheel',
    unitsPerSpin: 20,
    slices: [
      { amountCents: 0, weight: 1 },
      { amountCents: 500, weight: 3 },
    ],
  },
  targetPercent: 70,
  periodFrom: '2026-11-25',
  periodTo: '2026-12-09',
  daysLeft: 9,
  upToCents: 500,
  units: 48,
  countedCalls: 48,
  gatedCalls: 2,
  gatedUnits: 2,
  qualityGate: { qaMin: 70, unscored: 'count' },
  progress: {
    kind: 'spins',
    label: '8 more resolved calls to your next spin',
    from: 42,
    current: 48,
    to: 56,
    fraction: 0.43,
    unitsToNext: 8,
    nextAmountCents: null,
    earnedCents: null,
    earned: 3,
  },
  awards: {
    ...{ pending: [], approved: [], paid: [], void: [], declined_budget: [] },
    pending: [award({})],
  },
  cents: zero,
  draws: [
    {
      draw: 1,
      kind: 'spin',
      earnedOn: '2026-11-26',
      revealed: true,
      amountCents: 0,
      awardId: null,
      index: 0,
      status: null,
    },
    {
      draw: 2,
      kind: 'spin',
      earnedOn: '2026-11-28',
      revealed: false,
      amountCents: null,
      awardId: 1,
      index: null,
      status: 'pending',
    },
  ],
  standing: null,
  teams: null,
  lottery: null,
};

async function render(user: SessionUser) {
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
  const http = TestBed.inject(HttpTestingController);
  TestBed.inject(AuthService).session().subscribe();
  http.expectOne('/api/auth/me').flush(user);
  const fixture = TestBed.createComponent(BonusesPage);
  await fixture.whenStable();
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

describe('the Bonuses page', () => {
  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('shows an agent their campaign: bar, up to, draws to open, handicap and gate notes', async () => {
    const { fixture, http, el } = await render({
      email: 'a1@x',
      role: 'agent',
      employeeCode: 'A1',
    });
    const me: MyBonusDto = {
      employeeCode: 'A1',
      asOf: '2026-12-01T10:00:00Z',
      cents: { ...zero, approved: 1_250 },
      campaigns: [wheel],
    };
    http.expectOne('/api/me/bonus').flush(me);
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('h1')?.textContent).toContain('My bonuses');
    expect(el.querySelector('[data-testid=bonus-totals]')?.textContent).toContain('$12.50');
    const card = el.querySelector('[data-testid=bonus-campaign]')?.textContent ?? '';
    expect(card).toContain('Spin the wheel');
    expect(card).toContain('$5.00');
    expect(card).toContain('8 more resolved calls to your next spin');
    expect(card).toContain('70 % of the usual ones');
    expect(card).toContain('2 calls did not count');
    const bar = el.querySelector('[role=progressbar]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('48');
    expect(bar?.getAttribute('aria-valuemax')).toBe('56');
    // one spin to open; the opened one shows its amount; the pending spin's amount is not shown
    expect(el.querySelector('[data-testid=draws-to-open]')?.textContent).toContain('Spin 2');
    expect(card).not.toContain('Pending $');
  });

  it('shows a manager the campaigns with their budget burn and the selected leaderboard', async () => {
    const { fixture, http, el } = await render({ email: 'm@x', role: 'manager' });
    const campaign: SpiffCampaignDto = {
      id: 3,
      name: 'Save ladder',
      description: null,
      status: 'active',
      metric: 'saves',
      rule: { type: 'tiered', tiers: [{ threshold: 40, amountCents: 5_000 }] },
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      periodEndsAt: '2026-12-01T06:00:00.000Z',
      timeZones: ['America/Chicago'],
      eligibility: { teamCodes: ['T1'], siteCodes: [], campaignCodes: [] },
      qualityGate: null,
      handicap: null,
      upToCents: 5_000,
      budget: {
        budgetCents: 100_000,
        grantedCents: 85_000,
        remainingCents: 15_000,
        burn: 0.85,
        cents: { ...zero, pending: 60_000, approved: 25_000, declined_budget: 5_000 },
        counts: { ...zero, pending: 12, approved: 5, declined_budget: 1 },
      },
      entrants: 14,
      secretSha256: 'ab'.repeat(32),
      createdBy: 'm@x',
      createdAt: '2026-10-30T10:00:00Z',
      launchedAt: '2026-10-30T10:00:00Z',
      closedAt: null,
      canManage: true,
    };
    http.expectOne('/api/spiff/campaigns').flush([campaign]);
    await fixture.whenStable();
    fixture.detectChanges();
    const board: SpiffLeaderboardDto = {
      campaignId: 3,
      scope: 'agent',
      final: false,
      rows: [
        {
          rank: 1,
          code: 'A1',
          name: 'Ada One',
          teamCode: 'T1',
          units: 44,
          score: 44,
          targetPercent: 100,
          prizeCents: 0,
          grantedCents: 5_000,
        },
      ],
    };
    http.expectOne((r) => r.url === '/api/spiff/campaigns/3/leaderboard').flush(board);
    await fixture.whenStable();
    fixture.detectChanges();
    const list = el.querySelector('[data-testid=campaign-list]')?.textContent ?? '';
    expect(list).toContain('Save ladder');
    expect(list).toContain('$850.00 of $1,000.00');
    expect(list).toContain('1 declined');
    expect(el.querySelector('[data-testid=leaderboard]')?.textContent).toContain('Ada One');
    expect(el.querySelector('[data-testid=new-campaign]')).not.toBeNull();
    expect(burnChart([campaign]).series.map((s) => [s.name, s.values[0]])).toEqual([
      ['Paid', 0],
      ['Approved', 25_000],
      ['Pending', 60_000],
      ['Left', 15_000],
    ]);
  });
});

describe('the prize wheel', () => {
  const slices = [
    { amountCents: 0, weight: 1 },
    { amountCents: 500, weight: 2 },
    { amountCents: 2_000, weight: 1 },
  ];

  it('gives each slice its weight’s share of the circle', () => {
    expect(wheelSlices(slices)).toEqual([
      { from: 0, to: 90 },
      { from: 90, to: 270 },
      { from: 270, to: 360 },
    ]);
  });

  it('lands the drawn slice’s centre under the pointer', () => {
    for (const [i, centre] of [
      [0, 45],
      [1, 180],
      [2, 315],
    ] as const) {
      const r = wheelRotation(slices, i, 5);
      // after rotating by r clockwise, the slice centre sits at (centre + r) mod 360 = 0
      expect((centre + r) % 360).toBe(0);
      expect(r).toBeGreaterThanOrEqual(5 * 360);
    }
  });
});
