import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

/** jsdom has no ResizeObserver; ngx-echarts requires one to exist (it only resizes through it). */
class ResizeObserverStub implements ResizeObserver {
  observe(): void {
    /* nothing to observe in jsdom */
  }
  unobserve(): void {
    /* nothing to observe in jsdom */
  }
  disconnect(): void {
    /* nothing to observe in jsdom */
  }
}
globalThis.ResizeObserver ??= ResizeObserverStub;

/**
 * jsdom has no IntersectionObserver either; `@defer (on viewport)` needs one to exist.
 * This one never reports an intersection: tests render deferred blocks with `getDeferBlocks()`.
 */
class IntersectionObserverStub implements IntersectionObserver {
  readonly root = null;
  readonly rootMargin = '0px';
  readonly thresholds: readonly number[] = [0];
  observe(): void {
    /* nothing intersects in jsdom */
  }
  unobserve(): void {
    /* nothing intersects in jsdom */
  }
  disconnect(): void {
    /* nothing intersects in jsdom */
  }
  takeRecords(): IntersectionObserverEntry[] {
    return [];
  }
}
globalThis.IntersectionObserver ??= IntersectionObserverStub;
