import { computed, Signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, Observable, of, scan, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from './api-error';

/** The state of data loaded from the API: the last value stays while a reload runs. */
export interface Loaded<T> {
  value: T | undefined;
  loading: boolean;
  error: string | null;
}

type LoadEvent<T> =
  | { kind: 'start' }
  | { kind: 'value'; value: T }
  | { kind: 'error'; error: string };

/**
 * Loads `fetch(params())` now and again whenever the params change (a newer request cancels an
 * older one). Bump a counter inside `params` to reload. Must run in an injection context.
 */
export function loadOnChange<P, T>(
  params: () => P,
  fetch: (params: P) => Observable<T>,
): Signal<Loaded<T>> {
  const initial: Loaded<T> = { value: undefined, loading: true, error: null };
  const events = toObservable(computed(params)).pipe(
    switchMap((p) =>
      fetch(p).pipe(
        map((value): LoadEvent<T> => ({ kind: 'value', value })),
        catchError((error: unknown) =>
          of<LoadEvent<T>>({ kind: 'error', error: apiErrorMessage(error) }),
        ),
        startWith<LoadEvent<T>>({ kind: 'start' }),
      ),
    ),
    scan((state: Loaded<T>, event: LoadEvent<T>): Loaded<T> => {
      switch (event.kind) {
        case 'start':
          return { ...state, loading: true, error: null };
        case 'value':
          return { value: event.value, loading: false, error: null };
        case 'error':
          return { ...state, loading: false, error: event.error };
      }
    }, initial),
  );
  return toSignal(events, { initialValue: initial });
}
