import { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * Gives ngx-echarts a loader instead of the library: echarts is fetched (as its own chunk)
 * the first time a chart renders, never with the page that merely references the component.
 */
export function provideLazyEcharts(): Provider {
  return provideEchartsCore({ echarts: () => import('./echarts-setup') });
}
