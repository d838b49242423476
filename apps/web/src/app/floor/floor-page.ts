import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { HttpClient } from '@angular/common/http';
import type { FloorAgentDto, FloorSnapshot, ReleaseResult } from '@floorwise/contracts';
import {
  Alert,
  formatDuration,
  formatNumber,
  formatPercent,
  PageHeader,
  StatCard,
} from '@floorwise/ui';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { Notify } from '../core/notify';
import { applyMessage, floorRows, FloorView, headline, mergeSnapshot, SortKey } from './floor-live';
import {
  alertLines,
  barWidth,
  expectedMarker,
  hoursText,
  intervalCards,
  METRIC_NAME,
  minutesText,
  PACE_LABEL,
  periodName,
  progressPercent,
  quotaText,
  rampText,
  staffingText,
  targetText,
} from './floor-format';
import { openFloorStream } from './floor-stream';

/** The snapshot is reloaded this often so pacing follows the clock between calls. */
const REFRESH_MS = 30_000;
/** Agents listed in the alert panel before "show all". */
const ALERT_LINES = 6;

/**
 * The live floor: every agent on shift now in the manager's teams, against their quotas, with
 * team totals, the current interval's service level against the Erlang C requirement, alerts and
 * early release. Live through server-sent events.
 */
@Component({
  selector: 'fw-floor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader, StatCard, Alert],
  templateUrl: './floor-page.html',
  styleUrl: './floor-page.scss',
})
export class FloorPage {
  private readonly http = inject(HttpClient);
  private readonly notify = inject(Notify);

  protected readonly view = signal<FloorView | null>(null);
  protected readonly settings = signal<FloorSnapshot['settings'] | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly live = signal(false);
  protected readonly team = signal('');
  protected readonly campaign = signal('');
  protected readonly onlyAlerts = signal(false);
  protected readonly sort = signal<{ key: SortKey; dir: 'asc' | 'desc' }>({
    key: 'pacing',
    dir: 'asc',
  });
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly confirming = signal(false);
  protected readonly releasing = signal(false);

  protected readonly rows = computed(() => {
    const v = this.view();
    return v
      ? floorRows(
          v,
          { team: this.team(), campaign: this.campaign(), onlyAlerts: this.onlyAlerts() },
          this.sort(),
        )
      : [];
  });
  protected readonly teams = computed(() =>
    [...(this.view()?.teams.values() ?? [])].sort((a, b) => a.teamCode.localeCompare(b.teamCode)),
  );
  protected readonly shownTeams = computed(() =>
    this.teams().filter((t) => !this.team() || t.teamCode === this.team()),
  );
  /** The interval table: the campaigns the shown agents take calls of first, then the rest. */
  protected readonly intervals = computed(() => {
    const worked = new Set(this.rows().flatMap((a) => a.campaignCodes));
    return [...(this.view()?.intervals.values() ?? [])]
      .filter((i) => !this.campaign() || i.campaignCode === this.campaign())
      .sort(
        (a, b) =>
          Number(worked.has(b.campaignCode)) - Number(worked.has(a.campaignCode)) ||
          a.campaignName.localeCompare(b.campaignName),
      );
  });
  protected readonly cardIntervals = computed(() => intervalCards(this.intervals(), this.rows()));
  protected readonly alertList = computed(() => alertLines(this.rows()));
  protected readonly allAlerts = signal(false);
  protected readonly shownAlerts = computed(() =>
    this.allAlerts() ? this.alertList() : this.alertList().slice(0, ALERT_LINES),
  );
  protected readonly campaigns = computed(() => {
    const codes = new Set<string>();
    for (const a of this.view()?.agents.values() ?? [])
      a.campaignCodes.forEach((c) => codes.add(c));
    for (const i of this.view()?.intervals.values() ?? []) codes.add(i.campaignCode);
    return [...codes].sort();
  });
  protected readonly eligible = computed(() =>
    this.rows().filter((a) => a.dailyGoal?.eligibleForEarlyRelease),
  );
  protected readonly alertRows = computed(() => this.rows().filter((a) => a.alerts.length > 0));
  protected readonly behind = computed(
    () => this.rows().filter((a) => a.pacing === 'behind').length,
  );
  protected readonly selectedEligible = computed(() =>
    this.eligible()
      .filter((a) => this.selected().has(a.employeeCode))
      .map((a) => a.employeeCode),
  );

  protected readonly headline = headline;
  protected readonly quotaText = quotaText;
  protected readonly targetText = targetText;
  protected readonly rampText = rampText;
  protected readonly staffingText = staffingText;
  protected readonly barWidth = barWidth;
  protected readonly expectedMarker = expectedMarker;
  protected readonly progressPercent = progressPercent;
  protected readonly paceLabel = PACE_LABEL;
  protected readonly metricName = METRIC_NAME;
  protected readonly periodName = periodName;
  protected readonly minutesText = minutesText;
  protected readonly hoursText = hoursText;
  protected readonly duration = formatDuration;
  protected readonly num = formatNumber;
  protected readonly pct = formatPercent;

  private closeStream: (() => void) | null = null;

  constructor() {
    void this.load(true);
    const timer = setInterval(() => void this.load(false), REFRESH_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      this.closeStream?.();
    });
  }

  private async load(openStream: boolean): Promise<void> {
    try {
      const snap = await firstValueFrom(this.http.get<FloorSnapshot>('/api/floor'));
      this.settings.set(snap.settings);
      this.view.update((v) => mergeSnapshot(v, snap));
      this.error.set(null);
      if (openStream) {
        this.closeStream?.();
        this.closeStream = openFloorStream(snap.eventId, {
          message: (m) => this.view.update((v) => (v ? applyMessage(v, m) : v)),
          reset: () => void this.load(true),
          state: (live) => this.live.set(live),
        });
      }
    } catch (e) {
      this.error.set(apiErrorMessage(e));
    }
  }

  protected sortBy(key: SortKey): void {
    this.sort.update((s) => ({
      key,
      dir:
        s.key === key && s.dir === 'desc'
          ? 'asc'
          : s.key === key
            ? 'desc'
            : key === 'name' || key === 'team' || key === 'pacing'
              ? 'asc'
              : 'desc',
    }));
  }

  protected ariaSort(key: SortKey): 'ascending' | 'descending' | 'none' {
    const s = this.sort();
    return s.key !== key ? 'none' : s.dir === 'asc' ? 'ascending' : 'descending';
  }

  protected toggle(code: string, on: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  }

  protected selectAllEligible(): void {
    this.selected.set(new Set(this.eligible().map((a) => a.employeeCode)));
  }

  protected async release(): Promise<void> {
    const codes = this.selectedEligible();
    if (codes.length === 0) return;
    this.releasing.set(true);
    try {
      const r = await firstValueFrom(
        this.http.post<ReleaseResult>('/api/floor/release', { employeeCodes: codes }),
      );
      this.notify.done(
        `Released ${r.released.length} agent${r.released.length === 1 ? '' : 's'}: paid through the end of their shift`,
      );
      this.selected.set(new Set());
      this.view.update((v) => {
        if (!v) return v;
        const agents = new Map(v.agents);
        for (const x of r.released) agents.delete(x.employeeCode);
        return { ...v, agents };
      });
    } catch (e) {
      this.notify.failed(apiErrorMessage(e));
    } finally {
      this.releasing.set(false);
      this.confirming.set(false);
    }
  }

  protected onTeam(e: Event): void {
    this.team.set((e.target as HTMLSelectElement).value);
  }

  protected onCampaign(e: Event): void {
    this.campaign.set((e.target as HTMLSelectElement).value);
  }

  protected onlyAlertsChanged(e: Event): void {
    this.onlyAlerts.set((e.target as HTMLInputElement).checked);
  }

  protected checked(e: Event): boolean {
    return (e.target as HTMLInputElement).checked;
  }

  protected slTone(sl: number | null, target: number): 'good' | 'warn' | 'bad' | 'neutral' {
    if (sl === null) return 'neutral';
    return sl >= target ? 'good' : sl >= target - 0.1 ? 'warn' : 'bad';
  }

  protected trackAgent(_: number, a: FloorAgentDto): string {
    return a.employeeCode;
  }
}
