import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { Role, SpiffAwardDto, SpiffAwardStatus, SpiffCampaignDto } from '@floorwise/contracts';
import { Alert, CentsPipe, LocalDatePipe, NumberFormatPipe } from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { loadOnChange } from '../core/load';
import { Notify } from '../core/notify';
import { SpiffApi } from './spiff-api.service';
import { awardReason, STATUS_LABEL, STATUS_TONE } from './spiff-format';

/**
 * The approval queue: awards of the manager's teams (every team for an admin) by campaign and
 * status; select and approve in bulk, or void with a reason; an admin confirms payment. A bulk
 * action is all or nothing on the server (409 names what was already changed).
 */
@Component({
  selector: 'fw-approval-queue',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatInput,
    MatButton,
    MatCheckbox,
    MatProgressBar,
    Alert,
    CentsPipe,
    LocalDatePipe,
    NumberFormatPipe,
  ],
  template: `
    <div class="fw-filters">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
        <mat-label>Campaign</mat-label>
        <mat-select
          [ngModel]="campaignId()"
          (ngModelChange)="campaignId.set($event); selected.set([])"
        >
          <mat-option [value]="0">All campaigns</mat-option>
          @for (c of campaigns(); track c.id) {
            <mat-option [value]="c.id">{{ c.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Status</mat-label>
        <mat-select [ngModel]="status()" (ngModelChange)="status.set($event); selected.set([])">
          @for (s of statuses; track s) {
            <mat-option [value]="s">{{ statusLabel[s] }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <span class="fw-count">
        {{ list().value?.total ?? 0 | num }} awards · {{ totalCents() | cents }}
      </span>
    </div>
    @if (error(); as message) {
      <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
    }
    <div class="bulk" [class.on]="selected().length > 0">
      <span>{{ selected().length | num }} selected · {{ selectedCents() | cents }}</span>
      @if (status() === 'pending') {
        <button
          mat-flat-button
          type="button"
          [disabled]="selected().length === 0 || busy()"
          (click)="approve()"
        >
          Approve selected
        </button>
      }
      @if (status() === 'approved' && role() === 'admin') {
        <button
          mat-flat-button
          type="button"
          [disabled]="selected().length === 0 || busy()"
          (click)="pay()"
        >
          Mark selected paid
        </button>
      }
      @if (status() === 'pending' || status() === 'approved') {
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="reason">
          <mat-label>Reason to void</mat-label>
          <input matInput [(ngModel)]="reason" name="reason" maxlength="500" />
        </mat-form-field>
        <button
          mat-stroked-button
          type="button"
          [disabled]="selected().length === 0 || !reason.trim() || busy()"
          (click)="voidSelected()"
        >
          Void selected
        </button>
      }
    </div>
    <div class="fw-table-card">
      @if (list().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading awards" />
      }
      <div class="fw-table-scroll">
        <table class="mini" data-testid="approval-queue">
          <tr>
            <th class="check">
              @if (actionable()) {
                <mat-checkbox
                  [checked]="allSelected()"
                  [indeterminate]="selected().length > 0 && !allSelected()"
                  (change)="toggleAll($event.checked)"
                  aria-label="Select every award shown"
                />
              }
            </th>
            <th>Agent</th>
            <th>Campaign</th>
            <th>For</th>
            <th>Earned</th>
            <th class="num">Amount</th>
            <th>Status</th>
          </tr>
          @for (a of items(); track a.id) {
            <tr [class.picked]="isSelected(a.id)">
              <td class="check">
                @if (actionable()) {
                  <mat-checkbox
                    [checked]="isSelected(a.id)"
                    (change)="toggle(a.id, $event.checked)"
                    [aria-label]="'Select award ' + a.id"
                  />
                }
              </td>
              <td>
                {{ a.agentName }} <span class="fw-code">{{ a.employeeCode }}</span
                ><span class="fw-sub">{{ a.teamCode }}</span>
              </td>
              <td>{{ a.campaignName }}</td>
              <td>{{ forWhat(a) }}</td>
              <td class="nowrap">{{ a.earnedOn | localDate: 'short' }}</td>
              <td class="num">{{ a.amountCents | cents }}</td>
              <td>
                <span class="fw-chip {{ statusTone[a.status] }}">{{ statusLabel[a.status] }}</span>
                @if (a.dispute?.status === 'open') {
                  <span class="fw-chip bad" title="{{ a.dispute?.comment }}">disputed</span>
                }
                @if (a.approvedBy) {
                  <span class="fw-sub">by {{ a.approvedBy }}</span>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7" class="fw-empty">
                No {{ statusLabel[status()].toLowerCase() }} awards{{
                  campaignId() ? ' in this campaign' : ''
                }}.
              </td>
            </tr>
          }
        </table>
      </div>
    </div>
  `,
  styles: `
    .wide {
      width: 280px !important;
    }
    .bulk {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      margin-bottom: 10px;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
      &.on {
        background: var(--mat-sys-primary-container);
      }
      .reason {
        width: 240px;
      }
    }
    table.mini {
      width: 100%;
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
      th {
        text-align: left;
        font: var(--mat-sys-label-medium);
        color: var(--mat-sys-on-surface-variant);
        padding: 8px 10px;
        background: var(--mat-sys-surface-container-low);
        white-space: nowrap;
      }
      td {
        padding: 4px 10px;
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
      .num {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      .check {
        width: 1%;
        --mat-checkbox-state-layer-size: 30px;
      }
      .nowrap {
        white-space: nowrap;
      }
      tr.picked td {
        background: var(--mat-sys-surface-container-low);
      }
      .fw-empty {
        padding: 24px;
        text-align: center;
        color: var(--mat-sys-on-surface-variant);
      }
    }
  `,
})
export class ApprovalQueue {
  private readonly api = inject(SpiffApi);
  private readonly notify = inject(Notify);
  readonly campaigns = input.required<SpiffCampaignDto[]>();
  readonly role = input.required<Role>();
  protected readonly statuses: SpiffAwardStatus[] = [
    'pending',
    'approved',
    'paid',
    'declined_budget',
    'void',
  ];
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly statusTone = STATUS_TONE;
  protected readonly campaignId = signal(0);
  protected readonly status = signal<SpiffAwardStatus>('pending');
  protected readonly selected = signal<number[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly reload = signal(0);
  protected reason = '';
  protected readonly list = loadOnChange(
    () => ({ campaignId: this.campaignId(), status: this.status(), n: this.reload() }),
    (q) => this.api.awards({ campaignId: q.campaignId || undefined, status: q.status, limit: 500 }),
  );
  protected readonly items = computed(() => this.list().value?.items ?? []);
  protected readonly totalCents = computed(() => this.list().value?.cents[this.status()] ?? 0);
  protected readonly actionable = computed(
    () => this.role() !== 'hr' && (this.status() === 'pending' || this.status() === 'approved'),
  );
  protected readonly allSelected = computed(
    () => this.items().length > 0 && this.selected().length === this.items().length,
  );
  protected readonly selectedCents = computed(() => {
    const picked = new Set(this.selected());
    return this.items().reduce((s, a) => s + (picked.has(a.id) ? (a.amountCents ?? 0) : 0), 0);
  });

  protected forWhat(a: SpiffAwardDto): string {
    return awardReason(a.kind, a.detail);
  }

  protected isSelected(id: number): boolean {
    return this.selected().includes(id);
  }

  protected toggle(id: number, on: boolean): void {
    this.selected.update((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(on ? this.items().map((a) => a.id) : []);
  }

  protected approve(): void {
    this.run(this.api.approve(this.selected()), (n) => `${n} award${n === 1 ? '' : 's'} approved.`);
  }

  protected pay(): void {
    this.run(this.api.pay(this.selected()), (n) => `${n} award${n === 1 ? '' : 's'} marked paid.`);
  }

  protected voidSelected(): void {
    this.run(
      this.api.void(this.selected(), this.reason.trim()),
      (n) => `${n} award${n === 1 ? '' : 's'} voided.`,
    );
  }

  private run(call: ReturnType<SpiffApi['approve']>, done: (n: number) => string): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: (r) => {
        this.busy.set(false);
        this.selected.set([]);
        this.reason = '';
        this.notify.done(done(r.updated));
        this.reload.update((n) => n + 1);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(e));
      },
    });
  }
}
