import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import type { SpiffCampaignDto } from '@floorwise/contracts';
import {
  Alert,
  CategoryChartData,
  CentsPipe,
  formatCents,
  FwBarChart,
  Icon,
  LocalDatePipe,
  NumberFormatPipe,
  PageHeader,
  PercentFormatPipe,
} from '@floorwise/ui';
import { firstValueFrom, map } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { loadOnChange } from '../core/load';
import { Notify } from '../core/notify';
import { OrgApi } from '../organisation/org-api.service';
import { ApprovalQueue } from './approval-queue';
import { BuilderData, CampaignBuilder } from './campaign-builder';
import { CampaignDetail } from './campaign-detail';
import { DisputesPanel } from './disputes-panel';
import { PayrollPanel } from './payroll-panel';
import { SpiffApi } from './spiff-api.service';
import { burnTone, RULE_LABEL, ruleSummary } from './spiff-format';

function isoDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The budget burn chart: granted cents by status and what is left, per campaign. */
export function burnChart(campaigns: readonly SpiffCampaignDto[]): CategoryChartData {
  const shown = campaigns.filter((c) => c.status !== 'draft').slice(0, 12);
  return {
    categories: shown.map((c) => c.name),
    series: [
      { name: 'Paid', values: shown.map((c) => c.budget.cents.paid) },
      { name: 'Approved', values: shown.map((c) => c.budget.cents.approved) },
      { name: 'Pending', values: shown.map((c) => c.budget.cents.pending) },
      { name: 'Left', values: shown.map((c) => c.budget.remainingCents) },
    ],
  };
}

/**
 * Bonuses for managers, HR and admins: every campaign with its budget burn, a campaign's
 * leaderboards and cost preview, the builder, the approval queue, disputes and payroll. HR reads;
 * managers act on their own teams; admins on everything.
 */
@Component({
  selector: 'fw-spiff-manage',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PageHeader,
    Alert,
    Icon,
    MatButton,
    MatProgressBar,
    MatTabGroup,
    MatTab,
    MatTabContent,
    FwBarChart,
    CampaignDetail,
    ApprovalQueue,
    DisputesPanel,
    PayrollPanel,
    CentsPipe,
    NumberFormatPipe,
    PercentFormatPipe,
    LocalDatePipe,
  ],
  templateUrl: './spiff-manage.html',
  styleUrl: './spiff-manage.scss',
})
export class SpiffManage {
  private readonly api = inject(SpiffApi);
  private readonly org = inject(OrgApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly auth = inject(AuthService);
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  private readonly reload = signal(0);
  protected readonly campaigns = loadOnChange(
    () => this.reload(),
    () => this.api.campaigns(),
  );
  protected readonly list = computed(() => this.campaigns().value ?? []);
  protected readonly selectedId = signal<number | null>(null);
  protected readonly selected = computed(() => {
    const list = this.list();
    return (
      list.find((c) => c.id === this.selectedId()) ??
      list.find((c) => c.status === 'active') ??
      list.at(0) ??
      null
    );
  });
  protected readonly chart = computed(() => burnChart(this.list()));
  protected readonly money = (v: number) => formatCents(v).replace(/\.00$/, '');
  protected readonly canBuild = computed(
    () => this.auth.role() === 'admin' || this.auth.role() === 'manager',
  );
  protected readonly userRole = computed(() => this.auth.role() ?? 'hr');
  protected readonly ruleLabel = RULE_LABEL;
  protected readonly payFrom = isoDay(-13);
  protected readonly payTo = isoDay(0);
  protected readonly Math = Math;
  /** Paid dark green, approved blue, pending amber, what is left light grey. */
  protected readonly burnPalette = ['#2e7d5b', '#3465a4', '#d08c32', '#d9dde3'];

  protected summary(c: SpiffCampaignDto): string {
    return ruleSummary(c.rule, c.metric);
  }

  protected tone(c: SpiffCampaignDto): string {
    return burnTone(c.budget.burn);
  }

  protected select(c: SpiffCampaignDto): void {
    this.selectedId.set(c.id);
  }

  protected refresh(): void {
    this.reload.update((n) => n + 1);
  }

  protected build(campaign?: SpiffCampaignDto): void {
    Promise.all([
      firstValueFrom(this.org.teams()),
      firstValueFrom(this.org.sites()),
      firstValueFrom(this.org.campaigns()),
    ]).then(([t, s, l]) => {
      const data: BuilderData = {
        today: isoDay(0),
        inAMonth: isoDay(30),
        teams: t,
        sites: s,
        lines: l,
        campaign,
      };
      this.dialog
        .open(CampaignBuilder, { data, width: '860px', maxWidth: '96vw' })
        .afterClosed()
        .subscribe((saved?: SpiffCampaignDto) => {
          if (saved) {
            this.notify.done(
              saved.status === 'active' ? `${saved.name} launched.` : `Draft ${saved.name} saved.`,
            );
            this.selectedId.set(saved.id);
            this.refresh();
          }
        });
    });
  }
}
