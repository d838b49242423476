import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { Role } from '@floorwise/contracts';
import { Alert, CentsPipe, NumberFormatPipe } from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { loadOnChange } from '../core/load';
import { Notify } from '../core/notify';
import { SpiffApi } from './spiff-api.service';

/**
 * Payroll: the approved awards of a pay period (approved on a day inside it, in each agent's
 * site) per agent — the SPIFF line of the pay estimate — with the CSV export for payroll and,
 * for admins, marking them paid once payroll has run.
 */
@Component({
  selector: 'fw-payroll-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatButton,
    MatAnchor,
    MatProgressBar,
    Alert,
    CentsPipe,
    NumberFormatPipe,
  ],
  template: `
    <div class="fw-filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Pay period from</mat-label>
        <input
          matInput
          type="date"
          [ngModel]="from()"
          (ngModelChange)="from.set($event)"
          name="from"
        />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>to</mat-label>
        <input matInput type="date" [ngModel]="to()" (ngModelChange)="to.set($event)" name="to" />
        <mat-hint>by day of approval</mat-hint>
      </mat-form-field>
      @if (role() !== 'hr') {
        <a mat-stroked-button [href]="exportUrl()" download data-testid="payroll-export"
          >Download payroll CSV</a
        >
      }
      @if (role() === 'admin') {
        <button
          mat-flat-button
          type="button"
          [disabled]="busy() || unpaid().length === 0"
          (click)="markPaid()"
        >
          Mark {{ unpaid().length | num }} approved as paid
        </button>
      }
      <span class="fw-count"
        >{{ total() | cents }} for {{ (totals().value ?? []).length | num }} agents</span
      >
    </div>
    @if (error(); as message) {
      <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
    }
    @if (totals().loading) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading payroll" />
    }
    <div class="fw-table-scroll">
      <table class="mini" data-testid="payroll-totals">
        <tr>
          <th>Agent</th>
          <th>Team</th>
          <th class="num">Awards</th>
          <th class="num">Approved SPIFF</th>
        </tr>
        @for (r of totals().value ?? []; track r.employeeCode) {
          <tr>
            <td>
              {{ r.agentName }} <span class="fw-code">{{ r.employeeCode }}</span>
            </td>
            <td>{{ r.teamCode }}</td>
            <td class="num">{{ r.awards | num }}</td>
            <td class="num">{{ r.cents | cents }}</td>
          </tr>
        } @empty {
          <tr>
            <td colspan="4" class="fw-muted empty">No awards were approved in this period.</td>
          </tr>
        }
      </table>
    </div>
  `,
  styles: `
    table.mini {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
      th {
        text-align: left;
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
        padding: 8px 10px 8px 0;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      td {
        padding: 5px 10px 5px 0;
        border-bottom: 1px solid var(--mat-sys-surface-container-high);
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .empty {
        padding: 20px 0;
      }
    }
  `,
})
export class PayrollPanel {
  private readonly api = inject(SpiffApi);
  private readonly notify = inject(Notify);
  readonly role = input.required<Role>();
  readonly initialFrom = input.required<string>();
  readonly initialTo = input.required<string>();
  protected readonly from = linkedSignal(() => this.initialFrom());
  protected readonly to = linkedSignal(() => this.initialTo());
  private readonly reload = signal(0);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  private readonly range = computed(() => ({ from: this.from(), to: this.to(), n: this.reload() }));
  protected readonly totals = loadOnChange(this.range, (r) => this.api.payrollTotals(r.from, r.to));
  protected readonly approved = loadOnChange(
    () => ({ n: this.reload(), admin: this.role() === 'admin' }),
    () => this.api.awards({ status: 'approved', limit: 2000 }),
  );
  protected readonly unpaid = computed(() =>
    (this.approved().value?.items ?? []).filter(
      (a) => a.approvedOn !== null && a.approvedOn >= this.from() && a.approvedOn <= this.to(),
    ),
  );
  protected readonly total = computed(() =>
    (this.totals().value ?? []).reduce((s, r) => s + r.cents, 0),
  );
  protected readonly exportUrl = computed(() => this.api.payrollExportUrl(this.from(), this.to()));

  protected markPaid(): void {
    const ids = this.unpaid().map((a) => a.id);
    this.busy.set(true);
    this.api.pay(ids).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.notify.done(`${r.updated} awards marked paid.`);
        this.reload.update((n) => n + 1);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(e));
      },
    });
  }
}
