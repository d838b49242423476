import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { SpiffCampaignDto } from '@floorwise/contracts';
import {
  Alert,
  CentsPipe,
  formatCents,
  InstantPipe,
  LocalDatePipe,
  NumberFormatPipe,
  PercentFormatPipe,
  StatCard,
} from '@floorwise/ui';
import { of } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { loadOnChange } from '../core/load';
import { Notify } from '../core/notify';
import { dollarsToCents } from './builder-form';
import { SpiffApi } from './spiff-api.service';
import { burnTone, METRIC_UNITS, ruleSummary } from './spiff-format';

/**
 * One campaign for managers: budget burn in figures, its leaderboards (agents and teams), the
 * cost preview of a draft, and what its author can do next (launch, edit, close, re-budget).
 */
@Component({
  selector: 'fw-campaign-detail',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    StatCard,
    Alert,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatProgressBar,
    CentsPipe,
    NumberFormatPipe,
    PercentFormatPipe,
    LocalDatePipe,
    InstantPipe,
  ],
  template: `
    @let c = campaign();
    <div class="head">
      <div>
        <h2>{{ c.name }}</h2>
        <p class="rule">{{ summary() }}</p>
        <p class="fw-muted small">
          {{ c.periodFrom | localDate }} – {{ c.periodTo | localDate }} · ends
          {{ c.periodEndsAt | instant }} ({{ c.timeZones.join(', ') }}) ·
          {{
            c.eligibility.teamCodes.length
              ? 'teams ' + c.eligibility.teamCodes.join(', ')
              : 'every team'
          }}
          @if (c.eligibility.siteCodes.length) {
            · sites {{ c.eligibility.siteCodes.join(', ') }}
          }
          @if (c.eligibility.campaignCodes.length) {
            · lines {{ c.eligibility.campaignCodes.join(', ') }}
          }
          @if (c.qualityGate; as g) {
            · quality gate
            {{ g.qaMin !== null && g.qaMin !== undefined ? 'QA ≥ ' + g.qaMin : '' }}
            {{ g.csatMin !== null && g.csatMin !== undefined ? 'CSAT ≥ ' + g.csatMin : '' }}
          }
          @if (c.handicap; as h) {
            · new hires under {{ h.tenureDays }} days at {{ h.targetPercent }} %
          }
        </p>
      </div>
      @if (c.canManage) {
        <div class="actions">
          @if (c.status === 'draft') {
            <button mat-stroked-button type="button" (click)="edit.emit(c)">Edit</button>
            <button mat-stroked-button type="button" (click)="act('delete')">Delete</button>
            <button mat-flat-button type="button" (click)="act('launch')">Launch</button>
          }
          @if (c.status === 'active') {
            <button mat-stroked-button type="button" (click)="budgetOpen.set(!budgetOpen())">
              Change budget
            </button>
            <button
              mat-flat-button
              type="button"
              [disabled]="!ended()"
              (click)="act('close')"
              [title]="
                ended()
                  ? 'Count the last calls, draw or rank, and close'
                  : 'Closes after its last day in every site'
              "
            >
              Close now
            </button>
          }
        </div>
      }
    </div>
    @if (budgetOpen()) {
      <form class="budget" (submit)="$event.preventDefault(); saveBudget(budgetInput.value)">
        <label
          >New budget, dollars
          <input #budgetInput [value]="(c.budget.budgetCents / 100).toFixed(2)" inputmode="decimal"
        /></label>
        <button mat-flat-button type="submit">Save</button>
        <span class="fw-muted small"
          >Never below the {{ c.budget.grantedCents | cents }} already granted.</span
        >
      </form>
    }
    @if (error(); as message) {
      <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
    }
    <div class="cards">
      <fw-stat-card
        label="Budget"
        [value]="c.budget.budgetCents | cents"
        [hint]="(c.budget.remainingCents | cents) + ' left'"
      />
      <fw-stat-card
        label="Granted"
        [value]="c.budget.grantedCents | cents"
        [hint]="(c.budget.burn | percent: 0) + ' of the budget'"
        [tone]="tone()"
      />
      <fw-stat-card
        label="Pending"
        [value]="c.budget.cents.pending | cents"
        [hint]="(c.budget.counts.pending | num) + ' to approve'"
      />
      <fw-stat-card
        label="Approved"
        [value]="c.budget.cents.approved | cents"
        [hint]="(c.budget.counts.approved | num) + ' awaiting payroll'"
      />
      <fw-stat-card
        label="Paid"
        [value]="c.budget.cents.paid | cents"
        [hint]="(c.budget.counts.paid | num) + ' awards'"
      />
      <fw-stat-card
        label="Declined for budget"
        [value]="c.budget.counts.declined_budget | num"
        [hint]="(c.budget.cents.declined_budget | cents) + ' not paid'"
        [tone]="c.budget.counts.declined_budget > 0 ? 'bad' : 'neutral'"
      />
      <fw-stat-card label="Agents with units" [value]="c.entrants | num" [hint]="upTo()" />
    </div>

    @if (c.status === 'draft') {
      <h3>Cost preview</h3>
      @if (preview().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Computing the preview" />
      }
      @if (preview().value; as p) {
        <p class="preview" data-testid="draft-preview">
          Expected <strong [class.over]="p.expectedOverBudget">{{ p.expectedCents | cents }}</strong
          >, worst case
          <strong [class.over]="p.worstCaseOverBudget">{{ p.worstCaseCents | cents }}</strong>
          against a budget of {{ p.budgetCents | cents }}; the budget runs out in
          {{ p.overBudgetChance | percent: 0 }} of simulated periods.
          {{ p.eligibleAgents }} eligible agents.
        </p>
      }
    } @else {
      <div class="board-head">
        <h3>Leaderboard{{ board().value?.final ? ' (final)' : '' }}</h3>
        <mat-button-toggle-group
          [value]="scope()"
          (change)="scope.set($event.value)"
          aria-label="Leaderboard of agents or teams"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="agent">Agents</mat-button-toggle>
          <mat-button-toggle value="team">Teams</mat-button-toggle>
        </mat-button-toggle-group>
      </div>
      @if (board().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the leaderboard" />
      }
      @if (board().value; as b) {
        <div class="fw-table-scroll">
          <table class="mini" data-testid="leaderboard">
            <tr>
              <th class="num">#</th>
              <th>{{ b.scope === 'team' ? 'Team' : 'Agent' }}</th>
              <th class="num">{{ unitLabel() }}</th>
              @if (hasPrizes()) {
                <th class="num">{{ b.final ? 'Prize' : 'Prize if it ended now' }}</th>
              }
              <th class="num">Granted</th>
            </tr>
            @for (r of b.rows.slice(0, 50); track r.code) {
              <tr>
                <td class="num">{{ r.rank }}</td>
                <td>
                  {{ r.name }} <span class="fw-code">{{ r.code }}</span>
                  @if (r.targetPercent < 100) {
                    <span class="fw-chip info" title="New-hire targets"
                      >{{ r.targetPercent }} %</span
                    >
                  }
                </td>
                <td class="num">{{ r.units | num }}</td>
                @if (hasPrizes()) {
                  <td class="num">{{ r.prizeCents | cents }}</td>
                }
                <td class="num">{{ r.grantedCents | cents }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="5" class="fw-muted">Nobody has counted a unit yet.</td>
              </tr>
            }
          </table>
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 12px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 16px 0 6px;
      font: var(--mat-sys-title-small);
    }
    .rule {
      margin: 4px 0 0;
      font-weight: 500;
    }
    .small {
      margin: 4px 0 0;
      font: var(--mat-sys-body-small);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-start;
    }
    .budget {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin: 10px 0;
      input {
        width: 120px;
        margin-left: 6px;
        padding: 6px;
        font: inherit;
      }
    }
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
      gap: 10px;
      margin-top: 12px;
      fw-stat-card {
        min-width: 0;
      }
    }
    .board-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      margin-top: 12px;
      h3 {
        margin: 0;
      }
    }
    .preview strong.over {
      color: var(--mat-sys-error);
    }
    table.mini {
      width: 100%;
      border-collapse: collapse;
      margin-top: 8px;
      font: var(--mat-sys-body-medium);
      th {
        text-align: left;
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
        padding: 6px 10px 6px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      td {
        padding: 5px 10px 5px 0;
        border-bottom: 1px solid var(--mat-sys-surface-container-high);
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
    }
  `,
})
export class CampaignDetail {
  private readonly api = inject(SpiffApi);
  private readonly notify = inject(Notify);
  readonly campaign = input.required<SpiffCampaignDto>();
  /** Emitted after the campaign changed (launched, closed, deleted, re-budgeted). */
  readonly changed = output<void>();
  readonly edit = output<SpiffCampaignDto>();
  protected readonly scope = signal<'agent' | 'team'>('agent');
  protected readonly budgetOpen = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly summary = computed(() =>
    ruleSummary(this.campaign().rule, this.campaign().metric),
  );
  protected readonly unitLabel = computed(() => METRIC_UNITS[this.campaign().metric].label);
  protected readonly tone = computed(() => burnTone(this.campaign().budget.burn));
  protected readonly ended = computed(() => Date.parse(this.campaign().periodEndsAt) <= Date.now());
  protected readonly hasPrizes = computed(() => this.campaign().rule.type === 'contest');
  protected readonly upTo = computed(() =>
    this.campaign().upToCents === null
      ? 'no "up to": uncapped'
      : `up to ${formatCents(this.campaign().upToCents)}`,
  );
  protected readonly board = loadOnChange(
    () => ({ id: this.campaign().id, status: this.campaign().status, scope: this.scope() }),
    (p) => (p.status === 'draft' ? of(undefined) : this.api.leaderboard(p.id, p.scope)),
  );
  protected readonly preview = loadOnChange(
    () => ({ id: this.campaign().id, status: this.campaign().status }),
    (p) => (p.status === 'draft' ? this.api.preview(this.inputOf()) : of(undefined)),
  );

  private inputOf() {
    const c = this.campaign();
    return {
      name: c.name,
      description: c.description,
      metric: c.metric,
      budgetCents: c.budget.budgetCents,
      periodFrom: c.periodFrom,
      periodTo: c.periodTo,
      rule: c.rule,
      eligibility: c.eligibility,
      qualityGate: c.qualityGate,
      handicap: c.handicap,
    };
  }

  protected act(what: 'launch' | 'close' | 'delete'): void {
    const c = this.campaign();
    const call =
      what === 'launch'
        ? this.api.launch(c.id)
        : what === 'close'
          ? this.api.close(c.id)
          : this.api.remove(c.id);
    this.error.set(null);
    (call as ReturnType<SpiffApi['launch']>).subscribe({
      next: () => {
        this.notify.done(
          what === 'launch'
            ? `${c.name} is running: its calls count from now on, and the period's calls so far are counted.`
            : what === 'close'
              ? `${c.name} is closed and its final awards are in the approval queue.`
              : `Draft ${c.name} deleted.`,
        );
        this.changed.emit();
      },
      error: (e: unknown) => this.error.set(apiErrorMessage(e)),
    });
  }

  protected saveBudget(text: string): void {
    const cents = dollarsToCents(text);
    this.api.setBudget(this.campaign().id, cents).subscribe({
      next: () => {
        this.budgetOpen.set(false);
        this.notify.done('Budget changed.');
        this.changed.emit();
      },
      error: (e: unknown) => this.error.set(apiErrorMessage(e)),
    });
  }
}
