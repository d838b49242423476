/**
 * echarts for the interval (forest) chart: bars for the intervals, scatter for the estimates, a
 * reference line. Loaded dynamically by `fw-interval-chart` only.
 */
import { ScatterChart } from 'echarts/charts';
import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { init } from './echarts-setup';

use([ScatterChart, MarkLineComponent]);

export { init };
