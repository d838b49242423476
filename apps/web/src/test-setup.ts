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
