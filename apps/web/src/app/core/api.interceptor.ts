import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from './auth.service';

/** Calls whose 401 is an answer, not an expired session. */
const AUTH_CALLS = ['/api/auth/login', '/api/auth/me', '/api/auth/logout'];

/**
 * Every API call carries the session cookie (same origin already does; `withCredentials` keeps
 * it so if the app is ever served from another origin). A 401 from any other call means the
 * session is gone: forget the user and go to sign-in, coming back to this page afterwards.
 */
export const apiInterceptor: HttpInterceptorFn = (req, next) => {
  const router = inject(Router);
  const auth = inject(AuthService);
  const isApi = req.url.startsWith('/api/');
  const request = isApi ? req.clone({ withCredentials: true }) : req;
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        isApi &&
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !AUTH_CALLS.some((path) => req.url.startsWith(path))
      ) {
        auth.expire();
        const current = router.url;
        if (!current.startsWith('/login')) {
          router.navigate(['/login'], { queryParams: { returnUrl: current, expired: 1 } });
        }
      }
      return throwError(() => error);
    }),
  );
};
