import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { DeferBlockBehavior, DeferBlockState, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { SessionUser, SiteDto } from '@floorwise/contracts';
import { apiInterceptor } from '../../core/api.interceptor';
import { AuthService } from '../../core/auth.service';
import { SitesPage } from './sites-page';

const sites: SiteDto[] = [
  {
    siteCode: 'MNL',
    name: 'Manila BGC',
    timeZone: 'Asia/Manila',
    holidays: [],
    teamCount: 5,
    activeAgentCount: 164,
  },
  {
    siteCode: 'CHI',
    name: 'Chicago Loop',
    timeZone: 'America/Chicago',
    holidays: ['2099-12-25'],
    teamCount: 4,
    activeAgentCount: 118,
  },
];

describe('SitesPage', () => {
  async function renderAs(user: SessionUser) {
    TestBed.configureTestingModule({
      // The chart waits for the viewport (jsdom has no IntersectionObserver): tests render it on demand.
      deferBlockBehavior: DeferBlockBehavior.Manual,
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).session().subscribe();
    http.expectOne('/api/auth/me').flush(user);
    const fixture = TestBed.createComponent(SitesPage);
    await fixture.whenStable();
    http.expectOne('/api/sites').flush(sites);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const codes = () =>
      [...el.querySelectorAll('tr.mat-mdc-row td.fw-code')].map((td) => td.textContent?.trim());
    return { fixture, el, codes, http };
  }

  it('lists the sites sorted by code, with totals and the next holiday', async () => {
    const { el, codes } = await renderAs({ email: 'root@floor.example', role: 'admin' });
    expect(codes()).toEqual(['CHI', 'MNL']);
    expect(el.textContent).toContain('282');
    expect(el.textContent).toContain('next Dec 25, 2099');
  });

  it('renders the headcount chart, largest site first, once it scrolls into view', async () => {
    const { fixture, el } = await renderAs({ email: 'root@floor.example', role: 'admin' });
    expect(el.querySelector('fw-bar-chart')).toBeNull();
    const [chart] = await fixture.getDeferBlocks();
    await chart.render(DeferBlockState.Complete);
    expect(el.querySelector('fw-bar-chart [role=img]')?.getAttribute('aria-label')).toBe(
      'Active agents by site. Active agents — MNL: 164, CHI: 118',
    );
  });

  it('filters the rows by the text typed', async () => {
    const { el, fixture, codes } = await renderAs({ email: 'root@floor.example', role: 'admin' });
    const input = el.querySelector<HTMLInputElement>('input[type=search]');
    if (!input) {
      throw new Error('filter box not rendered');
    }
    input.value = 'manila';
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(codes()).toEqual(['MNL']);
    expect(el.textContent).toContain('1 of 2 sites');
  });

  it('offers create and edit to an admin only', async () => {
    const admin = await renderAs({ email: 'root@floor.example', role: 'admin' });
    expect(admin.el.textContent).toContain('New site');
    expect(admin.el.querySelectorAll('button[aria-label^="Edit site"]')).toHaveLength(2);

    TestBed.resetTestingModule();
    const hr = await renderAs({ email: 'hr@floor.example', role: 'hr' });
    expect(hr.codes()).toEqual(['CHI', 'MNL']);
    expect(hr.el.textContent).not.toContain('New site');
    expect(hr.el.querySelectorAll('button[aria-label^="Edit site"]')).toHaveLength(0);
  });
});
