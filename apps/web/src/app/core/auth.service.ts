import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginRequest, LoginResponse, SessionUser } from '@floorwise/contracts';
import { catchError, finalize, map, Observable, of, shareReplay, tap, throwError } from 'rxjs';

/**
 * The signed-in person. The session itself is the API's httpOnly cookie: this service never
 * sees or stores a token; it only remembers who `/api/auth/me` said is signed in.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  /** `undefined` until the API has been asked; `null` when nobody is signed in. */
  private readonly state = signal<SessionUser | null | undefined>(undefined);
  private pending: Observable<SessionUser | null> | null = null;

  readonly user = computed(() => this.state() ?? null);
  readonly role = computed(() => this.user()?.role ?? null);

  /** Who is signed in, asking the API once; later calls answer from memory. */
  session(): Observable<SessionUser | null> {
    const known = this.state();
    if (known !== undefined) {
      return of(known);
    }
    this.pending ??= this.http.get<SessionUser>('/api/auth/me').pipe(
      catchError((error: unknown) =>
        error instanceof HttpErrorResponse && error.status === 401
          ? of(null)
          : throwError(() => error),
      ),
      tap((user) => this.state.set(user)),
      finalize(() => (this.pending = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.pending;
  }

  login(credentials: LoginRequest): Observable<SessionUser> {
    return this.http.post<LoginResponse>('/api/auth/login', credentials).pipe(
      // The response also carries a bearer token for API clients; the browser uses the cookie.
      map((response) => response.user),
      tap((user) => this.state.set(user)),
    );
  }

  /** Ends the session on the server; the local session is cleared even if that call fails. */
  logout(): Observable<void> {
    return this.http.post<void>('/api/auth/logout', {}).pipe(
      catchError(() => of(undefined)),
      map(() => this.state.set(null)),
    );
  }

  /** The API answered 401 to some call: the cookie expired or was revoked. */
  expire(): void {
    this.state.set(null);
  }
}
