/**
 * echarts with what the combo chart needs beyond the basic charts: reference lines and a legend
 * that scrolls on one line on a narrow screen. Loaded
 * dynamically by `fw-combo-chart` only, so the extra parts ride in a lazy chunk of their own.
 */
import { LegendScrollComponent, MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { init } from './echarts-setup';

use([MarkLineComponent, LegendScrollComponent]);

export { init };
