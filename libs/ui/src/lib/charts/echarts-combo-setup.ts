/**
 * echarts with what the combo chart needs beyond the basic charts: reference lines. Loaded
 * dynamically by `fw-combo-chart` only, so the extra parts ride in a lazy chunk of their own.
 */
import { MarkLineComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { init } from './echarts-setup';

use([MarkLineComponent]);

export { init };
