import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { ActivatedRoute, Router } from '@angular/router';
import type { CallStatsRow, CampaignDto, HandleTimeRow, TeamDto } from '@floorwise/contracts';
import {
  Alert,
  ComboChartData,
  ComboPanel,
  durationAxis,
  formatDuration,
  formatNumber,
  formatPercent,
  formatRange,
  FwComboChart,
  localDateOf,
  LocalDateRange,
  NumberFormatPipe,
  PageHeader,
  PercentFixedPipe,
  rangeDays,
  StatCard,
  DurationPipe,
  ComboCategoryClick,
} from '@floorwise/ui';
import { forkJoin, map } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { Loaded, loadOnChange } from '../core/load';
import { OrgApi } from '../organisation/org-api.service';
import { CallsApi } from './calls-api.service';
import { CallsDialog, CallsDialogData } from './calls-dialog';
import { FwDateRangePicker } from './date-range-picker';
import { ServiceBreakdown } from './service-breakdown';
import {
  BreakdownRow,
  fillTimeline,
  summarizeRange,
  timeAxis,
  withHandleTime,
} from './service-figures';
import {
  Breakdown,
  breakdownQuery,
  DrillTarget,
  drillQuery,
  effectiveGrouping,
  GROUPINGS,
  Grouping,
  MAX_INTERVAL_DAYS,
  paramsFromState,
  ServiceState,
  SLA_SECONDS,
  stateFromParams,
  timelineQuery,
} from './service-query';

interface BreakdownData {
  stats: CallStatsRow[];
  handleTime: HandleTimeRow[];
}

const BREAKDOWN_LABEL: Readonly<Record<Breakdown, string>> = {
  team: 'team',
  campaign: 'campaign',
  agent: 'agent',
};

/**
 * Service: how the phones were answered over a range of days — service level, speed of answer,
 * handle time and abandons — over time and by team, campaign and agent, down to the calls.
 */
@Component({
  selector: 'fw-service-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PageHeader,
    FwDateRangePicker,
    FwComboChart,
    StatCard,
    Alert,
    MatFormField,
    MatLabel,
    MatHint,
    MatSelect,
    MatOption,
    MatProgressBar,
    MatTabGroup,
    MatTab,
    ServiceBreakdown,
    NumberFormatPipe,
    PercentFixedPipe,
    DurationPipe,
  ],
  templateUrl: './service-page.html',
  styleUrl: './service-page.scss',
})
export class ServicePage {
  private readonly calls = inject(CallsApi);
  private readonly org = inject(OrgApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly today = localDateOf(new Date());
  protected readonly groupings = GROUPINGS;
  protected readonly slaSeconds = SLA_SECONDS;
  protected readonly maxIntervalDays = MAX_INTERVAL_DAYS;
  protected readonly isManager = computed(() => this.auth.role() === 'manager');
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );

  /** The page state lives in the URL, so a view can be bookmarked and shared. */
  protected readonly state = toSignal(
    this.route.queryParamMap.pipe(map((params) => stateFromParams(params, this.today))),
    { requireSync: true },
  );
  protected readonly range = computed<LocalDateRange>(() => ({
    from: this.state().from,
    to: this.state().to,
  }));
  protected readonly rangeText = computed(() => formatRange(this.range()));
  protected readonly grouping = computed(() => effectiveGrouping(this.state()));
  protected readonly filtered = computed(() =>
    Boolean(this.state().campaignCode || this.state().teamCode),
  );
  protected readonly intervalsAllowed = computed(
    () => rangeDays(this.range()) <= MAX_INTERVAL_DAYS,
  );

  protected readonly lookups = loadOnChange(
    () => true,
    () => forkJoin({ campaigns: this.org.campaigns(), teams: this.org.teams() }),
  );
  protected readonly campaigns = computed<CampaignDto[]>(
    () => this.lookups().value?.campaigns ?? [],
  );
  protected readonly teams = computed<TeamDto[]>(() => this.lookups().value?.teams ?? []);
  protected readonly campaignNames = computed(
    () => new Map(this.campaigns().map((c) => [c.campaignCode, c.name])),
  );
  protected readonly teamNames = computed(
    () => new Map(this.teams().map((t) => [t.teamCode, t.name])),
  );

  protected readonly timeline = loadOnChange(
    () => timelineQuery(this.state()),
    (query) => this.calls.stats(query),
  );
  protected readonly byCampaign = this.breakdown('campaign');
  protected readonly byTeam = this.breakdown('team');
  protected readonly byAgent = this.breakdown('agent');

  protected readonly loading = computed(() => this.timeline().loading || this.byCampaign().loading);
  protected readonly error = computed(() => this.timeline().error ?? this.byCampaign().error);

  /** The cards: exact range figures from the rows by campaign (see `summarizeRange`). */
  protected readonly summary = computed(() => {
    const value = this.byCampaign().value;
    return value ? summarizeRange(value.stats, value.handleTime) : undefined;
  });
  /** Nothing to show: the range (with its filters) has no calls. */
  protected readonly empty = computed(
    () => !this.loading() && !this.error() && this.summary() === null,
  );
  protected readonly campaignRows = computed(() => this.rowsOf(this.byCampaign()));
  protected readonly teamRows = computed(() => this.rowsOf(this.byTeam()));
  protected readonly agentRows = computed(() => this.rowsOf(this.byAgent()));

  protected readonly axis = computed(() => timeAxis(this.range(), this.grouping()));
  protected readonly chart = computed<ComboChartData>(() => {
    const rows = this.timeline().value;
    if (!rows || rows.length === 0) {
      return { categories: [], series: [] };
    }
    const line = fillTimeline(rows, this.range(), this.grouping());
    return {
      categories: line.keys,
      series: [
        { name: 'Offered', type: 'bar', values: line.rows.map((r) => r?.offered ?? 0) },
        { name: 'Abandoned', type: 'bar', values: line.rows.map((r) => r?.abandoned ?? 0) },
        {
          name: `Service level (${SLA_SECONDS} s)`,
          type: 'line',
          panel: 1,
          values: line.rows.map((r) => r?.serviceLevel ?? null),
        },
        {
          name: 'ASA',
          type: 'line',
          panel: 1,
          axis: 'right',
          values: line.rows.map((r) => r?.asaSeconds ?? null),
        },
      ],
    };
  });
  /** Calls above; service level (0–100 %) and ASA (on round m:ss ticks) below. */
  protected readonly panels = computed<readonly ComboPanel[]>(() => {
    const asa = this.chart().series.find((s) => s.name === 'ASA')?.values ?? [];
    const asaAxis = durationAxis(Math.max(0, ...asa.map((v) => v ?? 0)));
    return [
      { left: { name: 'Calls', format: (v) => formatNumber(v) }, weight: 3 },
      {
        left: {
          name: 'Service level',
          format: (v) => formatPercent(v, undefined, 0),
          min: 0,
          max: 1,
          interval: 0.25,
        },
        right: { name: 'ASA (m:ss)', format: formatDuration, min: 0, ...asaAxis },
        weight: 2,
      },
    ];
  });
  protected readonly chartTitle = computed(() => {
    const g = this.grouping();
    return g === 'day'
      ? 'Calls and service by day'
      : `Calls and service by ${GROUPINGS.find((x) => x.id === g)?.label.replace('minutes', 'minute')} interval`;
  });
  protected readonly axisLabel = (key: string) => this.axis().label(key);
  protected readonly showAxisLabel = (key: string, index: number) => this.axis().show(key, index);
  protected readonly tooltipTitle = (key: string) => this.axis().title(key);

  protected update(change: Partial<ServiceState>): void {
    const next: ServiceState = { ...this.state(), ...change };
    this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromState(next),
      replaceUrl: true,
    });
  }

  protected setGrouping(grouping: Grouping): void {
    this.update({ grouping });
  }

  protected openColumn(click: ComboCategoryClick): void {
    const groupBy = this.grouping() === 'day' ? 'day' : 'interval';
    this.drill({ groupBy, key: click.category, title: this.axis().title(click.category) });
  }

  protected openRow(kind: Breakdown, row: BreakdownRow): void {
    const names =
      kind === 'team' ? this.teamNames() : kind === 'campaign' ? this.campaignNames() : null;
    const name = names?.get(row.key);
    this.drill({
      groupBy: kind,
      key: row.key,
      title: `${BREAKDOWN_LABEL[kind][0].toUpperCase()}${BREAKDOWN_LABEL[kind].slice(1)} ${row.key}${name ? ` · ${name}` : ''}`,
    });
  }

  protected fileSubject(kind: string): string {
    return `service-by-${kind}-${this.state().from}-${this.state().to}`;
  }

  /** Opens the calls behind a figure, with the page's range and filters. */
  private drill(target: DrillTarget): void {
    const state = this.state();
    const filters = [this.rangeText()];
    if (state.campaignCode) {
      filters.push(`Campaign ${state.campaignCode}`);
    }
    if (state.teamCode) {
      filters.push(`Team ${state.teamCode}`);
    }
    this.dialog.open<CallsDialog, CallsDialogData>(CallsDialog, {
      data: {
        title: `Calls · ${target.title}`,
        filters,
        query: drillQuery(state, target),
        fileSubject: `calls-${target.groupBy}-${target.key.replace(/[^A-Za-z0-9_-]/g, '')}`,
      },
      width: '1100px',
      maxWidth: '96vw',
      maxHeight: '92vh',
      autoFocus: 'dialog',
    });
  }

  private breakdown(groupBy: Breakdown) {
    return loadOnChange<ReturnType<typeof breakdownQuery>, BreakdownData>(
      () => breakdownQuery(this.state(), groupBy),
      (query) =>
        forkJoin({ stats: this.calls.stats(query), handleTime: this.calls.handleTime(query) }),
    );
  }

  private rowsOf(loaded: Loaded<BreakdownData>): BreakdownRow[] {
    const value = loaded.value;
    return value ? withHandleTime(value.stats, value.handleTime) : [];
  }
}
