import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import type { SessionUser } from '@floorwise/contracts';
import { AuthService } from '../core/auth.service';
import { Shell } from './shell';

describe('Shell navigation', () => {
  async function renderAs(user: SessionUser) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', children: [] }]),
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(AuthService);
    auth.session().subscribe();
    http.expectOne('/api/auth/me').flush(user);
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  const navLabels = (el: HTMLElement) =>
    [...el.querySelectorAll('nav a.nav-link')].map((a) => a.textContent?.trim() ?? '');
  const navIds = (el: HTMLElement) =>
    [...el.querySelectorAll('nav a.nav-link')].map((a) => a.getAttribute('data-nav') ?? '');

  it('shows an agent only their own pages — no Admin, Turnover or Organisation', async () => {
    const { el } = await renderAs({
      email: 'ana@floor.example',
      role: 'agent',
      employeeCode: 'E100',
    });
    expect(navLabels(el)).toEqual(['My day', 'My bonuses', 'My schedule', 'My wellbeing']);
    expect(navIds(el)).not.toContain('users');
    expect(navIds(el)).not.toContain('imports');
    expect(navIds(el)).not.toContain('turnover');
    expect(el.querySelector('nav')?.textContent).not.toContain('Admin');
    expect(el.querySelector('nav')?.textContent).not.toContain('Turnover');
  });

  it('shows an admin every section with links to the pages', async () => {
    const { el } = await renderAs({ email: 'root@floor.example', role: 'admin' });
    expect([...el.querySelectorAll('.group-title')].map((h) => h.textContent?.trim())).toEqual([
      'Operations',
      'People',
      'Organisation',
      'Admin',
    ]);
    expect(el.querySelector('a[data-nav=users]')?.getAttribute('href')).toBe('/admin/users');
    expect(el.querySelector('a[data-nav=imports]')?.getAttribute('href')).toBe('/admin/imports');
  });

  it('names the signed-in person and their role in the header', async () => {
    const { el } = await renderAs({ email: 'hr@floor.example', role: 'hr' });
    const person = el.querySelector('[data-testid=session-person]');
    expect(person?.textContent).toContain('hr@floor.example');
    expect(person?.textContent).toContain('HR');
  });

  it('signs out through the API and goes to the sign-in page', async () => {
    const { el, http, fixture } = await renderAs({ email: 'hr@floor.example', role: 'hr' });
    [...el.querySelectorAll('button')].find((b) => b.textContent?.includes('Sign out'))?.click();
    http.expectOne({ method: 'POST', url: '/api/auth/logout' }).flush(null);
    await fixture.whenStable();
    expect(TestBed.inject(AuthService).user()).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/login');
  });
});
