import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router } from '@angular/router';
import type { Role } from '@floorwise/contracts';
import { Alert } from '@floorwise/ui';
import { catchError, map, of } from 'rxjs';
import { homeFor } from '../core/access';
import { apiErrorMessage, httpStatus } from '../core/api-error';
import { AuthService } from '../core/auth.service';

/** `GET /api/auth/demo-logins` in demo mode; the endpoint answers 404 otherwise. */
export interface DemoLogin {
  email: string;
  role: Role;
  password: string;
}

/** A return URL from the query string is followed only when it is a path inside this app. */
export function safeReturnUrl(value: string | null): string | null {
  if (
    !value ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\') ||
    value.startsWith('/login')
  ) {
    return null;
  }
  return value;
}

@Component({
  selector: 'fw-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
    Alert,
  ],
  templateUrl: './login-page.html',
  styleUrl: './login-page.scss',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly query = inject(ActivatedRoute).snapshot.queryParamMap;

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly expired = this.query.get('expired') === '1';

  /** Shown only when the API is in demo mode; any failure (404 in production) hides the hint. */
  protected readonly demoLogins = toSignal(
    inject(HttpClient)
      .get<DemoLogin[]>('/api/auth/demo-logins')
      .pipe(
        map((list) => (Array.isArray(list) ? list : [])),
        catchError(() => of([] as DemoLogin[])),
      ),
    { initialValue: [] as DemoLogin[] },
  );
  protected readonly hasDemo = computed(() => this.demoLogins().length > 0);

  protected useDemo(login: DemoLogin): void {
    this.form.setValue({ email: login.email, password: login.password });
    this.error.set(null);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.error.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: (user) => {
        const target = safeReturnUrl(this.query.get('returnUrl')) ?? homeFor(user.role);
        // The page guard sends the user home if the return URL is a page their role may not open.
        this.router.navigateByUrl(target);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(loginErrorMessage(error));
      },
    });
  }
}

export function loginErrorMessage(error: unknown): string {
  switch (httpStatus(error)) {
    case 401:
      return 'That email and password do not match an active account.';
    case 429:
      return 'Too many sign-in attempts. Wait a minute, then try again.';
    case 400:
      return 'Enter a valid email address and your password.';
    default:
      return apiErrorMessage(error);
  }
}
