import { HttpErrorResponse } from '@angular/common/http';
import { ApplicationRef, Injector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject } from 'rxjs';
import { loadOnChange } from './load';

describe('loadOnChange', () => {
  async function settle() {
    await TestBed.inject(ApplicationRef).whenStable();
  }

  it('loads, keeps the last value while reloading, and reports failures as sentences', async () => {
    const param = signal(1);
    const responses = new Map<number, Subject<string>>();
    const state = runInInjectionContext(TestBed.inject(Injector), () =>
      loadOnChange(
        () => param(),
        (p) => {
          const subject = new Subject<string>();
          responses.set(p, subject);
          return subject;
        },
      ),
    );
    expect(state()).toEqual({ value: undefined, loading: true, error: null });

    await settle();
    responses.get(1)?.next('first');
    expect(state()).toEqual({ value: 'first', loading: false, error: null });

    param.set(2);
    await settle();
    expect(state()).toEqual({ value: 'first', loading: true, error: null });

    responses.get(2)?.error(new HttpErrorResponse({ status: 403, url: '/api/x' }));
    expect(state()).toEqual({
      value: 'first',
      loading: false,
      error: 'Your role is not allowed to do this.',
    });
  });

  it('ignores the answer of a request that newer params replaced', async () => {
    const param = signal('a');
    const responses = new Map<string, Subject<string>>();
    const state = runInInjectionContext(TestBed.inject(Injector), () =>
      loadOnChange(
        () => param(),
        (p) => {
          const subject = new Subject<string>();
          responses.set(p, subject);
          return subject;
        },
      ),
    );
    await settle();
    param.set('b');
    await settle();
    responses.get('a')?.next('stale');
    responses.get('b')?.next('fresh');
    expect(state().value).toBe('fresh');
    responses.get('a')?.next('stale again');
    expect(state().value).toBe('fresh');
  });
});
