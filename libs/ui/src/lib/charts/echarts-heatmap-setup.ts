/**
 * echarts with the heatmap and its colour legend. Loaded dynamically by `fw-heatmap-chart`
 * only, so these parts ride in a lazy chunk of their own.
 */
import { HeatmapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { init } from './echarts-setup';

use([HeatmapChart, VisualMapContinuousComponent]);

export { init };
