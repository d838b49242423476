/**
 * The only module that loads echarts. It is imported dynamically by the chart components,
 * so echarts lands in its own lazy chunk; `use()` runs once, when that chunk first loads.
 * Register here only what `FwChartOption` allows.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  DatasetComponent,
  CanvasRenderer,
]);

export { init };
