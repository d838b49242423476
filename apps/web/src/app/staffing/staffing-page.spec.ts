import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type {
  CampaignDto,
  ErlangCResponse,
  ForecastSlot,
  StaffingForecast,
} from '@floorwise/contracts';
import { FwComboChart, FwHeatmapChart } from '@floorwise/ui';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { apiInterceptor } from '../core/api.interceptor';
import { ERLANG_DEBOUNCE_MS } from './erlang-calculator';
import { StaffingPage } from './staffing-page';

const campaigns: CampaignDto[] = [
  {
    campaignCode: 'OUT',
    name: 'Outbound sales',
    kind: 'outbound_sales',
    client: null,
    siteCode: 'CHI',
  },
  {
    campaignCode: 'INB',
    name: 'Inbound support',
    kind: 'inbound_support',
    client: null,
    siteCode: 'CHI',
  },
];

const example: ErlangCResponse = {
  trafficErlangs: 10,
  rawAgents: 14,
  agents: 20,
  serviceLevel: 0.88835,
  waitProbability: 0.17413,
  asaSeconds: 8.4,
  occupancy: 0.7142857,
};
const curve = [11, 12, 13, 14, 15].map((agents) => ({
  agents,
  serviceLevel: agents / 16,
  waitProbability: 0.3,
  asaSeconds: 20,
  occupancy: 10 / agents,
}));

function slots(): ForecastSlot[] {
  const out: ForecastSlot[] = [];
  for (const date of ['2025-03-10', '2025-03-11']) {
    for (const start of ['07:30', '08:00', '08:30', '09:00', '09:30']) {
      const agents = start === '07:30' ? 0 : 8;
      out.push({
        date,
        start,
        offered: agents * 4.5,
        ahtSeconds: 190,
        rawAgents: agents - 2,
        agents,
      });
    }
  }
  return out;
}
const forecast: StaffingForecast = {
  campaignCode: 'INB',
  timeZone: 'America/Chicago',
  intervalMinutes: 30,
  startDate: '2025-03-10',
  endDate: '2025-03-16',
  weeksUsed: 6,
  scale: 1.04,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
  slots: slots(),
  backtest: {
    heldOutStart: '2025-03-03',
    heldOutEnd: '2025-03-09',
    mape: 0.183,
    wape: 0.094,
    scoredSlots: 210,
  },
};

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

describe('StaffingPage', () => {
  async function render() {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    for (const chart of [FwComboChart, FwHeatmapChart]) {
      TestBed.overrideComponent(chart, {
        add: {
          providers: [
            {
              provide: NGX_ECHARTS_CONFIG,
              useValue: { echarts: () => Promise.resolve(fakeEcharts) },
            },
          ],
        },
      });
    }
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(StaffingPage);
    await fixture.whenStable();
    http.expectOne('/api/campaigns').flush(campaigns);
    await fixture.whenStable();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('staffs the published example: 14 on the phones, 20 scheduled, with the curve', async () => {
    const { fixture, http, el } = await render();
    const calc = http.expectOne((r) => r.url === '/api/staffing/erlang-c');
    expect(calc.request.params.toString()).toBe(
      'calls=100&intervalMinutes=30&ahtSeconds=180&targetServiceLevel=0.8&targetAnswerSeconds=20&maxOccupancy=0.85&shrinkage=0.3',
    );
    calc.flush(example);
    const curveReq = http.expectOne((r) => r.url === '/api/staffing/erlang-c/curve');
    expect(curveReq.request.params.get('calls')).toBe('100');
    curveReq.flush(curve);
    http.expectOne((r) => r.url === '/api/staffing/forecast').flush(forecast);
    await fixture.whenStable();

    const result = el.querySelector('[data-testid=erlang-result]')?.textContent ?? '';
    expect(result).toMatch(/Scheduled agents\s*20/);
    expect(result).toMatch(/Agents on the phones\s*14/);
    expect(result).toContain('88.8%');
    expect(result).toContain('17.4%');
    expect(result).toContain('0:08');
    expect(el.querySelector('fw-erlang-calculator fw-combo-chart')).not.toBeNull();
  });

  it('shows the API’s reason inline when the inputs cannot be staffed', async () => {
    const { fixture, http, el } = await render();
    http.expectOne((r) => r.url === '/api/staffing/erlang-c').flush(example);
    http.expectOne((r) => r.url === '/api/staffing/erlang-c/curve').flush(curve);
    http.expectOne((r) => r.url === '/api/staffing/forecast').flush(forecast);
    await fixture.whenStable();

    const input = el.querySelector<HTMLInputElement>(
      'input[formControlName=targetServiceLevelPercent]',
    );
    if (!input) {
      throw new Error('target service level field not rendered');
    }
    input.value = '100';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, ERLANG_DEBOUNCE_MS + 50));
    await fixture.whenStable();

    const message =
      'Impossible staffing input: targetServiceLevel must be between 0 and 1, exclusive (got 1)';
    const calc = http.expectOne((r) => r.url === '/api/staffing/erlang-c');
    expect(calc.request.params.get('targetServiceLevel')).toBe('1');
    calc.flush(
      { statusCode: 400, error: 'Bad Request', message },
      { status: 400, statusText: 'Bad Request' },
    );
    // forkJoin gives up on the first refusal: the curve request is cancelled.
    http.match((r) => r.url === '/api/staffing/erlang-c/curve');
    await fixture.whenStable();

    expect(el.querySelector('[data-testid=erlang-error]')?.textContent).toContain(message);
    expect(el.querySelector('[data-testid=erlang-result]')).toBeNull();
  });

  it('draws the forecast week of the first inbound campaign, trimmed, with its accuracy', async () => {
    const { fixture, http, el } = await render();
    http.expectOne((r) => r.url === '/api/staffing/erlang-c').flush(example);
    http.expectOne((r) => r.url === '/api/staffing/erlang-c/curve').flush(curve);
    const req = http.expectOne((r) => r.url === '/api/staffing/forecast');
    expect(req.request.params.get('campaignCode')).toBe('INB');
    expect(req.request.params.get('intervalMinutes')).toBe('30');
    req.flush(forecast);
    await fixture.whenStable();

    expect(el.querySelector('[data-testid=forecast-facts]')?.textContent).toContain(
      'Time zone America/Chicago',
    );
    const accuracy = el.querySelector('[data-testid=forecast-accuracy]')?.textContent ?? '';
    expect(accuracy).toMatch(/MAPE\s*18.3%/);
    expect(accuracy).toMatch(/WAPE\s*9.4%/);
    expect(el.querySelector('fw-heatmap-chart')).not.toBeNull();
    // 07:30 needs nobody on either day: it is trimmed; four half-hours × two days stay.
    const rows = el.querySelectorAll('fw-forecast-panel tr.mat-mdc-row');
    expect(rows).toHaveLength(8);
    expect(rows[0].textContent).toContain('Mon, Mar 10');
  });

  it('says why a campaign has no forecast', async () => {
    const { fixture, http, el } = await render();
    http.expectOne((r) => r.url === '/api/staffing/erlang-c').flush(example);
    http.expectOne((r) => r.url === '/api/staffing/erlang-c/curve').flush(curve);
    http
      .expectOne((r) => r.url === '/api/staffing/forecast')
      .flush(
        {
          statusCode: 400,
          message: 'Campaign INB has no calls in the last 7 weeks to forecast from',
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[data-testid=forecast-error]')?.textContent).toContain(
      'no calls in the last 7 weeks',
    );
    expect(el.querySelector('fw-heatmap-chart')).toBeNull();
  });
});
