import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { BURNOUT_COMPONENT_NAMES, type BurnoutAgentDetail } from '@floorwise/contracts';
import { FwBarChart, FwLineChart } from '@floorwise/ui';
import { NGX_ECHARTS_CONFIG } from 'ngx-echarts';
import { SUGGESTION } from './burnout-text';
import { MyWellbeingPage } from './my-wellbeing-page';

const fakeEcharts = {
  init: () => ({
    setOption: jest.fn(),
    dispose: jest.fn(),
    on: jest.fn(),
    off: jest.fn(),
    isDisposed: () => false,
    resize: jest.fn(),
    getZr: () => ({ on: jest.fn(), setCursorStyle: jest.fn() }),
  }),
};

function detail(overrides: Partial<BurnoutAgentDetail> = {}): BurnoutAgentDetail {
  const components = Object.fromEntries(
    BURNOUT_COMPONENT_NAMES.map((n) => [
      n,
      { raw: 0, score: 0, points: 0, weight: 0.1, ramp: { lo: 0, hi: 1 }, detail: null },
    ]),
  ) as BurnoutAgentDetail['components'];
  components.overtime = { ...components.overtime, raw: 12, score: 0.3, points: 4.5 };
  components.quota_pressure = {
    ...components.quota_pressure,
    raw: null,
    detail: { source: 'none' },
  };
  return {
    employeeCode: 'A1',
    fullName: 'Ada One',
    teamCode: 'T1',
    timeZone: 'America/Chicago',
    contractHours: 40,
    asOf: '2026-01-31',
    window: {
      from: '2026-01-04',
      to: '2026-01-31',
      recentFrom: '2026-01-25',
      baselineTo: '2026-01-24',
    },
    configVersion: 1,
    source: 'snapshot',
    index: 45,
    band: 'elevated',
    drivers: ['overtime', 'hostile'],
    components,
    history: [{ date: '2026-01-31', index: 45, band: 'elevated' }],
    days: [],
    shifts: [],
    weeks: [],
    drift: {
      aht: { baseline: 300, recent: 330 },
      qa: { baseline: null, recent: null },
      csat: { baseline: null, recent: null },
      adherence: { baseline: 1, recent: 0.99 },
    },
    hostileCalls: [
      {
        callId: 'C1',
        startedAt: '2026-01-30T10:00:00-06:00',
        campaignCode: 'SUP',
        outcome: 'resolved',
        handleSeconds: 300,
      },
    ],
    quotaSource: 'none',
    ...overrides,
  };
}

describe('MyWellbeingPage', () => {
  async function render(body: BurnoutAgentDetail): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    for (const chart of [FwLineChart, FwBarChart]) {
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
    const fixture = TestBed.createComponent(MyWellbeingPage);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('/api/me/burnout').flush(body);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows the agent one plain-language suggestion per driver', async () => {
    const el = await render(detail());
    const items = [...el.querySelectorAll('.suggestions li')].map((li) => li.textContent ?? '');
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(SUGGESTION.overtime);
    expect(items[1]).toContain(SUGGESTION.hostile);
  });

  it('explains every component and says plainly when missed quotas are not measured', async () => {
    const el = await render(detail());
    expect(el.querySelectorAll('table.components tbody tr')).toHaveLength(10);
    expect(el.textContent).toContain('not measured: no day or shift count quota applies');
  });

  it('does not list call records on the agent’s own page', async () => {
    const el = await render(detail());
    expect(el.textContent).not.toContain('Hostile calls in the window');
    expect(el.textContent).not.toContain('C1');
  });

  it('says there is no index rather than showing 0 for an agent who did not work', async () => {
    const el = await render(detail({ index: null, band: null, drivers: [] }));
    expect(el.querySelector('.suggestions')).toBeNull();
    expect(el.textContent).toContain('no index');
    expect(el.textContent).toContain('you have no worked time');
  });
});
