import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, Routes } from '@angular/router';
import type { SessionUser } from '@floorwise/contracts';
import { apiInterceptor } from './api.interceptor';
import { homeGuard, pageGuard, signedInGuard, signedOutGuard } from './auth.guards';
import { AuthService } from './auth.service';

@Component({ template: 'page' })
class Blank {}

/** The same shape as app.routes.ts, with blank pages. */
const routes: Routes = [
  { path: 'login', canActivate: [signedOutGuard], component: Blank },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [] },
      { path: 'turnover', canActivate: [pageGuard], data: { page: 'turnover' }, component: Blank },
      { path: 'bonuses', canActivate: [pageGuard], data: { page: 'bonuses' }, component: Blank },
      { path: 'my-day', canActivate: [pageGuard], data: { page: 'myday' }, component: Blank },
      { path: 'floor', canActivate: [pageGuard], data: { page: 'floor' }, component: Blank },
      { path: 'admin/users', canActivate: [pageGuard], data: { page: 'users' }, component: Blank },
      {
        path: 'organisation/agents',
        canActivate: [pageGuard],
        data: { page: 'agents' },
        component: Blank,
      },
    ],
  },
];

describe('route guards', () => {
  let http: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter(routes),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => http.verify());

  async function navigateAs(user: SessionUser | null, url: string): Promise<string> {
    const done = router.navigateByUrl(url);
    // The guards run a few microtasks after navigation starts.
    await new Promise((resolve) => setTimeout(resolve));
    const me = http.expectOne('/api/auth/me');
    if (user) {
      me.flush(user);
    } else {
      me.flush(
        { statusCode: 401, error: 'Unauthorized', message: 'No session' },
        { status: 401, statusText: 'Unauthorized' },
      );
    }
    await done;
    return router.url;
  }

  it('sends someone not signed in to sign-in, remembering where they were going', async () => {
    expect(await navigateAs(null, '/turnover')).toBe('/login?returnUrl=%2Fturnover');
  });

  it('redirects an agent away from Turnover and Admin to their home page', async () => {
    const agent: SessionUser = { email: 'ana@floor.example', role: 'agent', employeeCode: 'E1' };
    expect(await navigateAs(agent, '/turnover')).toBe('/my-day');
    await router.navigateByUrl('/admin/users');
    expect(router.url).toBe('/my-day');
  });

  it('lets a manager open the floor but not user administration', async () => {
    const manager: SessionUser = { email: 'm@floor.example', role: 'manager' };
    expect(await navigateAs(manager, '/floor')).toBe('/floor');
    await router.navigateByUrl('/admin/users');
    expect(router.url).toBe('/floor');
  });

  it('sends each role from / to its home page', async () => {
    expect(await navigateAs({ email: 'hr@floor.example', role: 'hr' }, '/')).toBe('/turnover');
  });

  it('sends a signed-in admin from the sign-in page to their home page', async () => {
    expect(await navigateAs({ email: 'root@floor.example', role: 'admin' }, '/login')).toBe(
      '/organisation/agents',
    );
  });

  it('goes to sign-in when any other call answers 401 (the session expired)', async () => {
    expect(await navigateAs({ email: 'hr@floor.example', role: 'hr' }, '/turnover')).toBe(
      '/turnover',
    );
    TestBed.inject(HttpClient)
      .get('/api/sites')
      .subscribe({ error: () => undefined });
    http.expectOne('/api/sites').flush(null, { status: 401, statusText: 'Unauthorized' });
    await TestBed.inject(Router).navigated;
    await new Promise((resolve) => setTimeout(resolve));
    expect(TestBed.inject(AuthService).user()).toBeNull();
    expect(router.url).toBe('/login?returnUrl=%2Fturnover&expired=1');
  });
});
