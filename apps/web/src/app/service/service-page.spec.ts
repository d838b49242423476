import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  TestRequest,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { provideRouter, Router } from '@angular/router';
import type {
  CallDto,
  CallStatsRow,
  CampaignDto,
  HandleTimeRow,
  SessionUser,
  TeamDto,
} from '@floorwise/contracts';
import { FwComboChart } from '@floorwise/ui';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { apiInterceptor } from '../core/api.interceptor';
import { AuthService } from '../core/auth.service';
import { ServicePage } from './service-page';

const campaigns: CampaignDto[] = [
  {
    campaignCode: 'INB',
    name: 'Inbound support',
    kind: 'inbound_support',
    client: null,
    siteCode: 'CHI',
  },
  { campaignCode: 'RET', name: 'Retention', kind: 'retention', client: null, siteCode: 'CHI' },
];
const teams: TeamDto[] = [
  { teamCode: 'T01', name: 'Falcons', siteCode: 'CHI', managerEmail: null, activeAgentCount: 12 },
];

const stats = (key: string, offered: number, sl: number): CallStatsRow => ({
  key,
  offered,
  answered: offered - 5,
  abandoned: 5,
  serviceLevel: sl,
  asaSeconds: 15,
  ahtSeconds: 300,
  abandonRate: 5 / offered,
});
const handle = (key: string): HandleTimeRow => ({
  key,
  answered: 10,
  meanSeconds: 300,
  medianSeconds: 241,
  p90Seconds: 610,
});

const call: CallDto = {
  callId: 'C-1',
  startedAt: '2025-03-04T15:31:00.000Z',
  localDate: '2025-03-04',
  localTime: '09:31:00',
  employeeCode: 'A001',
  teamCode: 'T01',
  campaignCode: 'INB',
  channel: 'phone',
  direction: 'inbound',
  queueSeconds: 12,
  talkSeconds: 240,
  holdSeconds: 0,
  wrapSeconds: 30,
  outcome: 'resolved',
  saleAmountCents: null,
  hostile: false,
  qaScore: null,
  csat: null,
  customer: '••••1234',
};

/** Stands in for echarts: a canvas cannot render in jsdom. */
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

describe('ServicePage', () => {
  async function render(
    user: SessionUser,
    url = '/?from=2025-03-03&to=2025-03-09&group=i60',
    data: { campaign?: CallStatsRow[]; timeline?: CallStatsRow[] } = {},
  ) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    TestBed.overrideComponent(FwComboChart, {
      add: {
        providers: [
          {
            provide: NGX_ECHARTS_CONFIG,
            useValue: { echarts: () => Promise.resolve(fakeEcharts) },
          },
        ],
      },
    });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).session().subscribe();
    http.expectOne('/api/auth/me').flush(user);
    await TestBed.inject(Router).navigateByUrl(url);
    const fixture = TestBed.createComponent(ServicePage);
    await fixture.whenStable();

    const one = (path: string, groupBy?: string): TestRequest =>
      http.expectOne(
        (r) => r.url === path && (groupBy === undefined || r.params.get('groupBy') === groupBy),
      );
    one('/api/campaigns').flush(campaigns);
    one('/api/teams').flush(teams);
    const timeline = http.expectOne(
      (r) =>
        r.url === '/api/calls/stats' && ['interval', 'day'].includes(r.params.get('groupBy') ?? ''),
    );
    const timelineParams = timeline.request.params;
    timeline.flush(
      data.timeline ?? [stats('2025-03-04T09:00', 40, 0.8), stats('2025-03-04T10:00', 60, 0.9)],
    );
    const campaignRows = data.campaign ?? [stats('INB', 1000, 0.85), stats('RET', 100, 0.6)];
    one('/api/calls/stats', 'campaign').flush(campaignRows);
    one('/api/calls/handle-time', 'campaign').flush(campaignRows.map((r) => handle(r.key)));
    one('/api/calls/stats', 'team').flush(campaignRows.length ? [stats('T01', 300, 0.7)] : []);
    one('/api/calls/handle-time', 'team').flush(campaignRows.length ? [handle('T01')] : []);
    one('/api/calls/stats', 'agent').flush(campaignRows.length ? [stats('A001', 50, 0.75)] : []);
    one('/api/calls/handle-time', 'agent').flush(campaignRows.length ? [handle('A001')] : []);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, http, timelineParams };
  }

  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((o) => (o.innerHTML = ''));
  });

  it('asks for the range by hour and shows the range in cards, SL per campaign', async () => {
    const { el, timelineParams } = await render({ email: 'm@floor.example', role: 'manager' });
    expect(timelineParams.get('from')).toBe('2025-03-03');
    expect(timelineParams.get('to')).toBe('2025-03-09');
    expect(timelineParams.get('groupBy')).toBe('interval');
    expect(timelineParams.get('intervalMinutes')).toBe('60');
    const cards = el.querySelector('[data-testid=service-cards]')?.textContent ?? '';
    expect(cards).toContain('1,100');
    // Two campaigns: no merged service level, one per queue instead.
    const perCampaign = el.querySelector('[data-testid=sl-per-campaign]')?.textContent ?? '';
    expect(perCampaign).toContain('INB');
    expect(perCampaign).toContain('85.0%');
    expect(perCampaign).toContain('RET');
    expect(perCampaign).toContain('60.0%');
    // AHT is exact (5:00); the median cannot be merged across campaigns.
    expect(el.querySelector('[data-testid=aht-card]')?.textContent).toContain('5:00');
    expect(el.querySelector('[data-testid=aht-card]')?.textContent).toContain(
      'medians per campaign',
    );
  });

  it('renders the campaign rows with mean and median handle time side by side', async () => {
    const { el } = await render({ email: 'hr@floor.example', role: 'hr' });
    const rows = [...el.querySelectorAll('fw-service-breakdown tr.mat-mdc-row')];
    expect(rows.map((r) => r.querySelector('.fw-code')?.textContent?.trim())).toEqual([
      'INB',
      'RET',
    ]);
    expect(rows[0].textContent).toContain('Inbound support');
    expect(rows[0].textContent).toContain('5:00');
    expect(rows[0].textContent).toContain('4:01');
    expect(rows[0].textContent).toContain('10:10');
  });

  it('shows the exact service level and median when one campaign is chosen', async () => {
    const { el } = await render(
      { email: 'm@floor.example', role: 'manager' },
      '/?from=2025-03-03&to=2025-03-09&group=i60&campaign=INB',
      { campaign: [stats('INB', 1000, 0.85)] },
    );
    expect(el.querySelector('[data-testid=sl-per-campaign]')).toBeNull();
    const cards = el.querySelector('[data-testid=service-cards]')?.textContent ?? '';
    expect(cards).toContain('85.0%');
    expect(el.querySelector('[data-testid=aht-card]')?.textContent).toContain('4:01');
  });

  it('opens the calls behind a clicked column, with its interval key', async () => {
    const { fixture, http } = await render({ email: 'm@floor.example', role: 'manager' });
    const chart = fixture.debugElement.query(By.directive(FwComboChart));
    chart.componentInstance.categoryClick.emit({ index: 33, category: '2025-03-04T09:00' });
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/calls');
    expect(req.request.params.get('groupBy')).toBe('interval');
    expect(req.request.params.get('key')).toBe('2025-03-04T09:00');
    expect(req.request.params.get('intervalMinutes')).toBe('60');
    expect(req.request.params.get('from')).toBe('2025-03-03');
    expect(req.request.params.get('limit')).toBe('200');
    expect(req.request.params.get('offset')).toBe('0');
    req.flush({ items: [call], total: 1 });
    await fixture.whenStable();
    const dialog = document.querySelector('fw-calls-dialog');
    expect(dialog?.textContent).toContain('••••1234');
    expect(dialog?.textContent).toContain('Calls · Tue, Mar 4');
  });

  it('opens the calls behind a table row, with the row key and the page filters', async () => {
    const { fixture, http, el } = await render(
      { email: 'm@floor.example', role: 'manager' },
      '/?from=2025-03-03&to=2025-03-09&group=i60&team=T01',
    );
    el.querySelector<HTMLButtonElement>('button[aria-label="Calls of campaign RET"]')?.click();
    await fixture.whenStable();
    const req = http.expectOne((r) => r.url === '/api/calls');
    expect(req.request.params.get('groupBy')).toBe('campaign');
    expect(req.request.params.get('key')).toBe('RET');
    expect(req.request.params.get('teamCode')).toBe('T01');
    expect(req.request.params.has('intervalMinutes')).toBe(false);
    req.flush({ items: [], total: 0 });
    await fixture.whenStable();
    expect(document.querySelector('fw-calls-dialog')?.textContent).toContain(
      'No calls behind this figure.',
    );
  });

  it('says honestly that an empty range has no calls, instead of showing zeros', async () => {
    const { el } = await render({ email: 'm@floor.example', role: 'manager' }, undefined, {
      campaign: [],
      timeline: [],
    });
    expect(el.querySelector('[data-testid=service-empty]')?.textContent).toContain('No calls in');
    expect(el.querySelector('[data-testid=service-cards]')).toBeNull();
    expect(el.querySelector('fw-combo-chart')).toBeNull();
  });

  it('groups a month by day and offers intervals only for a week or less', async () => {
    const { timelineParams, el } = await render(
      { email: 'admin@floor.example', role: 'admin' },
      '/?from=2025-02-01&to=2025-02-28&group=i15',
    );
    expect(timelineParams.get('groupBy')).toBe('day');
    expect(timelineParams.has('intervalMinutes')).toBe(false);
    expect(el.textContent).toContain('Intervals for up to 7 days');
  });
});
