import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BURNOUT_COMPONENT_NAMES, type BurnoutAgentDetail } from '@floorwise/contracts';
import {
  CategoryChartData,
  formatLocalDate,
  formatNumber,
  formatPercent,
  FwBarChart,
  FwLineChart,
} from '@floorwise/ui';
import { BandChip } from './band-chip';
import { COMPONENT_LABEL, describeRaw, siteTime } from './burnout-text';

/**
 * One agent's index explained: over time, each component's raw value and points, and the
 * shifts, weeks and calls behind the drivers. Shared by the drill-down and "My wellbeing".
 */
@Component({
  selector: 'fw-burnout-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BandChip, FwBarChart, FwLineChart],
  templateUrl: './burnout-detail.html',
  styleUrl: './burnout.scss',
})
export class BurnoutDetail {
  readonly detail = input.required<BurnoutAgentDetail>();
  /** `self`: the agent's own page (second person, no raw call list). */
  readonly mode = input<'manager' | 'self'>('manager');

  protected readonly names = BURNOUT_COMPONENT_NAMES;
  protected readonly label = COMPONENT_LABEL;
  protected readonly describe = describeRaw;
  protected readonly time = siteTime;
  protected readonly fmtNum = (v: number) => formatNumber(v, undefined, 1);

  protected readonly history = computed<CategoryChartData>(() => {
    const h = this.detail().history;
    return h.length === 0
      ? { categories: [], series: [] }
      : {
          categories: h.map((p) => formatLocalDate(p.date, undefined, 'short')),
          series: [{ name: 'Index', values: h.map((p) => p.index) }],
        };
  });

  protected readonly daily = computed<CategoryChartData>(() => {
    const d = this.detail().days;
    return {
      categories: d.map((x) => formatLocalDate(x.date, undefined, 'short')),
      series: [
        { name: 'Worked hours', values: d.map((x) => Math.round(x.workedHours * 10) / 10) },
        { name: 'Hostile calls', values: d.map((x) => x.hostile) },
      ],
    };
  });

  protected readonly flagged = computed(() =>
    this.detail().shifts.filter(
      (s) =>
        s.shortRestBeforeHours !== null ||
        s.seventhDayOrLater ||
        s.unpaidSendHome ||
        s.unplannedAbsence ||
        s.kind === 'overtime',
    ),
  );

  protected readonly overtimeWeeks = computed(() =>
    this.detail().weeks.filter((w) => w.overtimeHours > 0),
  );

  protected readonly totalPoints = computed(() =>
    BURNOUT_COMPONENT_NAMES.reduce((s, n) => s + this.detail().components[n].points, 0),
  );

  protected pct(v: number | null): string {
    return formatPercent(v);
  }
  protected num(v: number | null, digits = 1): string {
    return formatNumber(v, undefined, digits);
  }
  protected date(d: string): string {
    return formatLocalDate(d);
  }
  protected isDriver(n: string): boolean {
    return (this.detail().drivers as string[]).includes(n);
  }
  protected driftValue(k: 'aht' | 'qa' | 'csat' | 'adherence', v: number | null): string {
    if (v === null) {
      return '—';
    }
    return k === 'aht'
      ? `${formatNumber(v, undefined, 0)} s`
      : k === 'adherence'
        ? formatPercent(v)
        : formatNumber(v, undefined, 2);
  }
  protected flags(s: BurnoutAgentDetail['shifts'][number]): string {
    const out: string[] = [];
    if (s.shortRestBeforeHours !== null) {
      out.push(`rest of ${formatNumber(s.shortRestBeforeHours, undefined, 1)} h before`);
    }
    if (s.seventhDayOrLater) {
      out.push('7th+ day in a row');
    }
    if (s.unpaidSendHome) {
      out.push(`sent home unpaid (${s.sendHomeReason?.replace('_', ' ') ?? 'no reason'})`);
    }
    if (s.unplannedAbsence) {
      out.push('unplanned absence');
    }
    if (s.kind === 'overtime') {
      out.push('overtime shift');
    }
    return out.join(' · ');
  }
}
