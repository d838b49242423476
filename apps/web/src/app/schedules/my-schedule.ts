import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import type { PayEstimateDto, ShiftDto } from '@floorwise/contracts';
import {
  Alert,
  CategoryChartData,
  CentsPipe,
  formatCents,
  formatDayLabel,
  formatRange,
  FwBarChart,
  PageHeader,
  StatCard,
  TypedCellDef,
  TypedRowDef,
} from '@floorwise/ui';
import { loadOnChange } from '../core/load';
import {
  hoursText,
  KIND_LABEL,
  payLines,
  REASON_LABEL,
  shiftBadges,
  shiftSpanText,
  STATUS_LABEL,
} from './roster-model';
import { SchedulesApi } from './schedules-api.service';
import { PERIOD_LABEL } from './pay-rules-view';

/**
 * "My schedule": the agent's upcoming shifts, hours this week against their contract, hours lost
 * to send-homes and the pay estimate of the current and past pay periods, line by line. Only
 * their own figures: the API answers `/api/me/schedule` for the signed-in agent alone.
 */
@Component({
  selector: 'fw-my-schedule',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatProgressBar,
    MatTableModule,
    TypedCellDef,
    TypedRowDef,
    PageHeader,
    Alert,
    StatCard,
    FwBarChart,
    CentsPipe,
  ],
  template: `
    <fw-page-header heading="My schedule" [subtitle]="subtitle()" />
    @if (me().loading && !me().value) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading your schedule" />
    }
    @if (me().error; as message) {
      <fw-alert tone="error" heading="Your schedule could not be loaded">{{ message }}</fw-alert>
    }
    @if (me().value; as m) {
      <div class="fw-summary" data-testid="my-week">
        <fw-stat-card
          label="This week"
          [value]="hours(m.week.plannedSeconds) + ' of ' + hours(m.week.contractSeconds)"
          [hint]="hours(m.week.workedSeconds) + ' worked so far'"
          [tone]="m.week.plannedSeconds > m.week.contractSeconds + 300 ? 'warn' : 'neutral'"
        />
        <fw-stat-card
          label="Overtime this week"
          [value]="hours(m.week.overtimeSeconds)"
          [tone]="m.week.overtimeSeconds >= 300 ? 'warn' : 'neutral'"
          hint="planned beyond your contract"
        />
        <fw-stat-card
          label="Hours lost"
          [value]="hours(current()?.lostSeconds ?? 0)"
          [tone]="(current()?.lostSeconds ?? 0) > 0 ? 'bad' : 'good'"
          [hint]="lostHint()"
        />
        <fw-stat-card
          label="Pay so far"
          [value]="cents(current()?.totalCents ?? 0)"
          [hint]="'estimate for ' + periodText(current())"
        />
      </div>

      <section class="fw-section" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">Next two weeks</h2>
        @if (m.upcoming.length) {
          <ul class="shifts" data-testid="my-upcoming">
            @for (s of m.upcoming; track s.shiftId) {
              <li [attr.data-status]="s.status">
                <span class="when">{{ day(s.localDate) }}</span>
                <span class="time">{{ span(s) }}</span>
                <span class="fw-chip" [class.info]="s.kind !== 'regular'">{{
                  kindLabel[s.kind]
                }}</span>
                <span class="fw-muted"
                  >{{ hours(s.figures.scheduledSeconds) }}, break {{ s.breakMinutes }} min</span
                >
                @if (s.status !== 'scheduled') {
                  <span class="fw-chip" [class.bad]="s.status === 'absent_unplanned'">{{
                    statusLabel[s.status]
                  }}</span>
                }
                @for (b of badges(s); track b.text) {
                  <span
                    class="fw-chip"
                    [class.bad]="b.tone === 'bad'"
                    [class.warn]="b.tone === 'warn'"
                    [attr.title]="b.title"
                    >{{ b.title }}</span
                  >
                }
              </li>
            }
          </ul>
        } @else {
          <p class="fw-muted">No shifts scheduled in the next two weeks.</p>
        }
        <p class="fw-muted small">Times are your site's clock ({{ m.timeZone }}).</p>
      </section>

      <section class="fw-section" aria-labelledby="pay-title">
        <div class="pay-head">
          <h2 id="pay-title">Pay estimate</h2>
          <div class="periods" role="group" aria-label="Pay period">
            @for (p of m.periods; track p.from; let i = $index) {
              <button
                mat-stroked-button
                type="button"
                [class.on]="i === periodIndex()"
                (click)="periodIndex.set(i)"
                [attr.aria-pressed]="i === periodIndex()"
              >
                {{ p.current ? 'Current' : periodShort(p) }}
              </button>
            }
          </div>
        </div>
        @if (period(); as p) {
          <p class="fw-muted">
            {{ periodText(p) }} · {{ periodLabel[m.payPeriod].toLowerCase() }} ·
            {{ cents(p.hourlyRateCents) }}/h
            @if (p.current) {
              · <strong>so far</strong>: the period is still being worked
            }
          </p>
          <div class="fw-table-card">
            <table mat-table class="fw-table" [dataSource]="lines()" data-testid="my-pay-lines">
              <ng-container matColumnDef="label">
                <th mat-header-cell *matHeaderCellDef>Line</th>
                <td mat-cell *matCellDef="let l; table: lines()">
                  {{ l.label }}<span class="fw-sub">{{ l.note }}</span>
                </td>
              </ng-container>
              <ng-container matColumnDef="hours">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Hours</th>
                <td mat-cell *matCellDef="let l; table: lines()" class="fw-num">
                  {{ l.hours === null ? '' : hoursOf(l.hours) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="amount">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Amount</th>
                <td mat-cell *matCellDef="let l; table: lines()" class="fw-num">
                  {{ l.cents | cents }}
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="lineColumns"></tr>
              <tr mat-row *matRowDef="let l; columns: lineColumns; table: lines()"></tr>
            </table>
            <div class="total">
              <span>Estimated total</span>
              <strong data-testid="my-pay-total">{{ p.totalCents | cents }}</strong>
            </div>
            @if (p.spiffPendingCents > 0) {
              <div class="pending" data-testid="my-spiff-pending">
                <span
                  >SPIFF awaiting approval<span class="fw-sub"
                    >{{ p.spiffPendingAwards }} award{{ p.spiffPendingAwards === 1 ? '' : 's' }} ·
                    not in the total until a manager approves</span
                  ></span
                >
                <span class="fw-num">{{ p.spiffPendingCents | cents }}</span>
              </div>
            }
          </div>
          @if (p.lostSeconds > 0) {
            <fw-alert tone="error" class="lost" heading="Hours lost to send-homes">
              {{ hours(p.lostSeconds) }} of scheduled time was not paid ({{ lostReasons(p) }}) —
              about {{ p.lostCents | cents }} at your rate.
            </fw-alert>
          }
          <p class="fw-muted small">
            SPIFF awards count in the pay period in which a manager approves them (a spin or
            envelope once you have also opened it). Overtime is paid for hours past
            {{ m.contractHours }} h in a Monday–Sunday week, in the period that holds its Sunday.
          </p>
        }
      </section>

      <section class="fw-section" aria-labelledby="history-title">
        <h2 id="history-title">Past pay periods</h2>
        <fw-bar-chart
          [data]="history()"
          caption="Estimated pay per period"
          [valueFormatter]="money"
          [height]="220"
        />
        <div class="fw-table-card">
          <div class="fw-table-scroll">
            <table mat-table class="fw-table" [dataSource]="m.periods">
              <ng-container matColumnDef="period">
                <th mat-header-cell *matHeaderCellDef>Period</th>
                <td mat-cell *matCellDef="let p; table: m.periods" class="fw-nowrap">
                  {{ periodText(p) }}{{ p.current ? ' (current)' : '' }}
                </td>
              </ng-container>
              <ng-container matColumnDef="paid">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Paid hours</th>
                <td mat-cell *matCellDef="let p; table: m.periods" class="fw-num">
                  {{ hours(p.paidSeconds) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="overtime">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Overtime</th>
                <td mat-cell *matCellDef="let p; table: m.periods" class="fw-num">
                  {{ hours(p.overtimeSeconds) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="diff">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Differentials</th>
                <td mat-cell *matCellDef="let p; table: m.periods" class="fw-num">
                  {{
                    p.lines.nightDifferentialCents +
                      p.lines.weekendDifferentialCents +
                      p.lines.holidayDifferentialCents | cents
                  }}
                </td>
              </ng-container>
              <ng-container matColumnDef="spiff">
                <th mat-header-cell *matHeaderCellDef class="fw-num">SPIFF</th>
                <td mat-cell *matCellDef="let p; table: m.periods" class="fw-num">
                  {{ p.lines.spiffCents > 0 ? (p.lines.spiffCents | cents) : '—' }}
                </td>
              </ng-container>
              <ng-container matColumnDef="lost">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Hours lost</th>
                <td
                  mat-cell
                  *matCellDef="let p; table: m.periods"
                  class="fw-num"
                  [class.bad]="p.lostSeconds > 0"
                >
                  {{ p.lostSeconds > 0 ? hours(p.lostSeconds) : '—' }}
                </td>
              </ng-container>
              <ng-container matColumnDef="total">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Estimate</th>
                <td mat-cell *matCellDef="let p; table: m.periods" class="fw-num">
                  <strong>{{ p.totalCents | cents }}</strong>
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="historyColumns"></tr>
              <tr mat-row *matRowDef="let p; columns: historyColumns; table: m.periods"></tr>
            </table>
          </div>
        </div>
      </section>

      <section class="fw-section" aria-labelledby="recent-title">
        <h2 id="recent-title">Recent shifts</h2>
        <div class="fw-table-card">
          <div class="fw-table-scroll recent">
            <table mat-table class="fw-table" [dataSource]="m.recent">
              <ng-container matColumnDef="day">
                <th mat-header-cell *matHeaderCellDef>Day</th>
                <td mat-cell *matCellDef="let s; table: m.recent" class="fw-nowrap">
                  {{ day(s.localDate) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="time">
                <th mat-header-cell *matHeaderCellDef>Scheduled</th>
                <td mat-cell *matCellDef="let s; table: m.recent" class="fw-nowrap">
                  {{ span(s) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="status">
                <th mat-header-cell *matHeaderCellDef>Status</th>
                <td mat-cell *matCellDef="let s; table: m.recent">
                  {{ statusLabel[s.status] }}
                  @if (s.sendHomeReason) {
                    <span class="fw-sub">{{ reasonLabel[s.sendHomeReason] }}</span>
                  }
                </td>
              </ng-container>
              <ng-container matColumnDef="worked">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Worked</th>
                <td mat-cell *matCellDef="let s; table: m.recent" class="fw-num">
                  {{ hours(s.figures.workedSeconds) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="paid">
                <th mat-header-cell *matHeaderCellDef class="fw-num">Paid</th>
                <td mat-cell *matCellDef="let s; table: m.recent" class="fw-num">
                  {{ hours(s.figures.paidSeconds) }}
                </td>
              </ng-container>
              <ng-container matColumnDef="flags">
                <th mat-header-cell *matHeaderCellDef>Flags</th>
                <td mat-cell *matCellDef="let s; table: m.recent">
                  @if (s.figures.lostSeconds > 0) {
                    <span class="fw-chip bad">{{ hours(s.figures.lostSeconds) }} lost</span>
                  }
                  @for (b of badges(s); track b.text) {
                    <span
                      class="fw-chip"
                      [class.bad]="b.tone === 'bad'"
                      [class.warn]="b.tone === 'warn'"
                      [attr.title]="b.title"
                      >{{ b.text }}</span
                    >
                  }
                </td>
              </ng-container>
              <tr mat-header-row *matHeaderRowDef="recentColumns; sticky: true"></tr>
              <tr mat-row *matRowDef="let s; columns: recentColumns; table: m.recent"></tr>
            </table>
          </div>
        </div>
      </section>
    }
  `,
  styles: `
    h2 {
      margin: 0 0 10px;
      font: var(--mat-sys-title-medium);
    }
    .shifts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .shifts li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 10px;
      padding: 8px 10px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .shifts li[data-status='absent_unplanned'],
    .shifts li[data-status='absent_excused'] {
      opacity: 0.7;
    }
    .when {
      font-weight: 600;
      min-width: 96px;
    }
    .time {
      font-variant-numeric: tabular-nums;
      min-width: 130px;
    }
    .small {
      font: var(--mat-sys-body-small);
      margin: 8px 0 0;
    }
    .pay-head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .periods {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
    }
    .periods button.on {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .total {
      display: flex;
      justify-content: space-between;
      padding: 10px 16px;
      border-top: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-title-medium);
    }
    .pending {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      padding: 8px 16px;
      border-top: 1px dashed var(--mat-sys-outline-variant);
      color: var(--mat-sys-on-surface-variant);
    }
    .lost {
      display: block;
      margin-top: 12px;
    }
    .bad {
      color: var(--mat-sys-error);
    }
    .recent {
      max-height: 420px;
      overflow: auto;
    }
    fw-bar-chart {
      display: block;
      margin-bottom: 12px;
    }
  `,
})
export class MySchedule {
  private readonly api = inject(SchedulesApi);
  protected readonly me = loadOnChange(
    () => true,
    () => this.api.mySchedule(),
  );
  protected readonly kindLabel = KIND_LABEL;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly reasonLabel = REASON_LABEL;
  protected readonly periodLabel = PERIOD_LABEL;
  protected readonly lineColumns = ['label', 'hours', 'amount'];
  protected readonly historyColumns = [
    'period',
    'paid',
    'overtime',
    'diff',
    'spiff',
    'lost',
    'total',
  ];
  protected readonly recentColumns = ['day', 'time', 'status', 'worked', 'paid', 'flags'];
  protected readonly periodIndex = signal(0);
  protected readonly current = computed(() => this.me().value?.periods[0] ?? null);
  protected readonly period = computed(() => this.me().value?.periods[this.periodIndex()] ?? null);
  protected readonly lines = computed(() => {
    const p = this.period();
    return p ? payLines(p) : [];
  });
  protected readonly history = computed<CategoryChartData>(() => {
    const periods = [...(this.me().value?.periods ?? [])].reverse();
    return {
      categories: periods.map((p) => this.periodShort(p)),
      series: [{ name: 'Estimated pay', values: periods.map((p) => p.totalCents / 100) }],
    };
  });
  protected readonly subtitle = computed(() => {
    const m = this.me().value;
    return m
      ? `${m.fullName} · ${m.teamCode} · ${m.contractHours} h contract · your shifts, hours and what they pay`
      : 'Your shifts, hours and what they pay.';
  });
  protected readonly lostHint = computed(() => {
    const p = this.current();
    return p && p.lostSeconds > 0
      ? `${formatCents(p.lostCents)} unpaid this period`
      : 'this pay period';
  });
  protected readonly money = (dollars: number) => formatCents(Math.round(dollars * 100));

  protected hours(seconds: number): string {
    return hoursText(seconds);
  }

  protected hoursOf(h: number): string {
    return hoursText(h * 3600);
  }

  protected cents(c: number): string {
    return formatCents(c);
  }

  protected day(date: string): string {
    return formatDayLabel(date);
  }

  protected span(s: ShiftDto): string {
    return shiftSpanText(s);
  }

  protected badges(s: ShiftDto) {
    return shiftBadges(s);
  }

  protected periodText(p: PayEstimateDto | null): string {
    return p ? formatRange({ from: p.from, to: p.to }) : '';
  }

  protected periodShort(p: PayEstimateDto): string {
    return formatDayLabel(p.from, undefined, false);
  }

  protected lostReasons(p: PayEstimateDto): string {
    return (
      Object.entries(p.lostSecondsByReason) as [keyof typeof REASON_LABEL | 'unspecified', number][]
    )
      .filter(([, s]) => s > 0)
      .map(([r, s]) => `${hours(s)} ${r === 'unspecified' ? 'no reason' : r.replace('_', ' ')}`)
      .join(', ');
  }
}

function hours(seconds: number): string {
  return hoursText(seconds);
}
