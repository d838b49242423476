import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { apiInterceptor } from '../core/api.interceptor';
import { AuthService } from '../core/auth.service';
import { LoginPage, safeReturnUrl } from './login-page';

describe('LoginPage', () => {
  let http: HttpTestingController;

  async function render(queryParams: Record<string, string> = {}) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', children: [] }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    await TestBed.inject(Router).navigate(['/login'], { queryParams });
    const fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
    return fixture;
  }

  async function signIn(
    fixture: Awaited<ReturnType<typeof render>>,
    email: string,
    password: string,
  ) {
    const el = fixture.nativeElement as HTMLElement;
    const emailInput = el.querySelector<HTMLInputElement>('input[type=email]');
    const passwordInput = el.querySelector<HTMLInputElement>('input[type=password]');
    if (!emailInput || !passwordInput) {
      throw new Error('sign-in form not rendered');
    }
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('shows an error and stays on the page when the API answers 401', async () => {
    const fixture = await render();
    http.expectOne('/api/auth/demo-logins').flush(null, { status: 404, statusText: 'Not Found' });

    await signIn(fixture, 'lee@floor.example', 'wrong-password');
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ email: 'lee@floor.example', password: 'wrong-password' });
    expect(req.request.withCredentials).toBe(true);
    req.flush(
      { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();

    const error = (fixture.nativeElement as HTMLElement).querySelector('[data-testid=login-error]');
    expect(error?.textContent).toContain('That email and password do not match an active account.');
    expect(TestBed.inject(AuthService).user()).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/login');
  });

  it('tells the person to wait when sign-in is rate limited (429)', async () => {
    const fixture = await render();
    http.expectOne('/api/auth/demo-logins').flush(null, { status: 404, statusText: 'Not Found' });
    await signIn(fixture, 'lee@floor.example', 'x');
    http.expectOne('/api/auth/login').flush(null, { status: 429, statusText: 'Too Many Requests' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'Too many sign-in attempts',
    );
  });

  it('sends nothing while the form is invalid', async () => {
    const fixture = await render();
    http.expectOne('/api/auth/demo-logins').flush(null, { status: 404, statusText: 'Not Found' });
    await signIn(fixture, 'not-an-email', '');
    http.expectNone('/api/auth/login');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      'This is not an email address.',
    );
  });

  it('signs in and goes to the home page of the role', async () => {
    const fixture = await render();
    http.expectOne('/api/auth/demo-logins').flush(null, { status: 404, statusText: 'Not Found' });
    await signIn(fixture, 'hr@floor.example', 'correct horse');
    http
      .expectOne('/api/auth/login')
      .flush({ accessToken: 'jwt', user: { email: 'hr@floor.example', role: 'hr' } });
    await fixture.whenStable();
    expect(TestBed.inject(AuthService).role()).toBe('hr');
    expect(TestBed.inject(Router).url).toBe('/turnover');
  });

  it('goes back to the page that asked for sign-in', async () => {
    const fixture = await render({ returnUrl: '/organisation/teams' });
    http.expectOne('/api/auth/demo-logins').flush(null, { status: 404, statusText: 'Not Found' });
    await signIn(fixture, 'm@floor.example', 'correct horse');
    http
      .expectOne('/api/auth/login')
      .flush({ accessToken: 'jwt', user: { email: 'm@floor.example', role: 'manager' } });
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/organisation/teams');
  });

  it('hides the demo hint outside demo mode and lists the accounts in demo mode', async () => {
    const hidden = await render();
    http.expectOne('/api/auth/demo-logins').flush(null, { status: 404, statusText: 'Not Found' });
    await hidden.whenStable();
    expect(
      (hidden.nativeElement as HTMLElement).querySelector('[data-testid=demo-logins]'),
    ).toBeNull();

    const shown = TestBed.createComponent(LoginPage);
    http.expectOne('/api/auth/demo-logins').flush([
      { email: 'manager@demo.example', role: 'manager', password: 'demo-manager' },
      { email: 'agent@demo.example', role: 'agent', password: 'demo-agent' },
    ]);
    await shown.whenStable();
    const hint = (shown.nativeElement as HTMLElement).querySelector('[data-testid=demo-logins]');
    expect(hint?.textContent).toContain('manager@demo.example');
    expect(hint?.textContent).toContain('agent@demo.example');

    hint?.querySelector<HTMLButtonElement>('button')?.click();
    await shown.whenStable();
    expect(
      (shown.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input[type=email]')
        ?.value,
    ).toBe('manager@demo.example');
  });
});

describe('safeReturnUrl', () => {
  it('follows only paths inside the app', () => {
    expect(safeReturnUrl('/organisation/agents?teamCode=T1')).toBe(
      '/organisation/agents?teamCode=T1',
    );
    expect(safeReturnUrl('//evil.example/x')).toBeNull();
    expect(safeReturnUrl('https://evil.example')).toBeNull();
    expect(safeReturnUrl('/\\evil.example')).toBeNull();
    expect(safeReturnUrl('/login')).toBeNull();
    expect(safeReturnUrl(null)).toBeNull();
  });
});
