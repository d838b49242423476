import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { SpiffDisputeDto } from '@floorwise/contracts';
import { Alert, CentsPipe, InstantPipe } from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { loadOnChange } from '../core/load';
import { Notify } from '../core/notify';
import { dollarsToCents } from './builder-form';
import { SpiffApi } from './spiff-api.service';
import { STATUS_LABEL } from './spiff-format';

/**
 * Disputes of the manager's agents: read the agent's comment, then reject it (the award stands)
 * or uphold it — voiding the award and/or granting an adjustment (judged against the budget).
 */
@Component({
  selector: 'fw-disputes-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatFormField,
    MatLabel,
    MatPrefix,
    MatInput,
    MatButton,
    MatCheckbox,
    MatProgressBar,
    Alert,
    CentsPipe,
    InstantPipe,
  ],
  template: `
    @if (list().loading) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading disputes" />
    }
    @if (error(); as message) {
      <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
    }
    <h3>Open ({{ open().length }})</h3>
    @for (d of open(); track d.id) {
      <article class="dispute" data-testid="dispute">
        <header>
          <strong>{{ d.agentName }}</strong
          >&nbsp;<span class="fw-code">{{ d.employeeCode }}</span> · {{ d.campaignName }} · award
          {{ d.awardId }} of {{ d.amountCents | cents }} ({{ statusLabel[d.awardStatus] }})
          <span class="fw-muted"> · {{ d.createdAt | instant }}</span>
        </header>
        <blockquote>{{ d.comment }}</blockquote>
        @if (editing() === d.id) {
          <div class="resolve">
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="answer">
              <mat-label>Your answer to {{ d.agentName }}</mat-label>
              <textarea
                matInput
                rows="2"
                [(ngModel)]="answer"
                name="answer"
                maxlength="2000"
              ></textarea>
            </mat-form-field>
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Adjustment (if upheld)</mat-label>
              <span matTextPrefix>$&nbsp;</span>
              <input matInput [(ngModel)]="adjustment" name="adjustment" inputmode="decimal" />
            </mat-form-field>
            <mat-checkbox
              [(ngModel)]="voidAward"
              name="voidAward"
              [disabled]="d.awardStatus !== 'pending' && d.awardStatus !== 'approved'"
            >
              Void the award (if upheld)
            </mat-checkbox>
            <div class="buttons">
              <button
                mat-stroked-button
                type="button"
                [disabled]="!answer.trim() || busy()"
                (click)="resolve(d, 'rejected')"
              >
                Reject
              </button>
              <button
                mat-flat-button
                type="button"
                [disabled]="!answer.trim() || busy()"
                (click)="resolve(d, 'upheld')"
              >
                Uphold
              </button>
              <button mat-button type="button" (click)="editing.set(null)">Cancel</button>
            </div>
          </div>
        } @else {
          <button mat-stroked-button type="button" (click)="start(d)">Answer</button>
        }
      </article>
    } @empty {
      <p class="fw-muted">No open disputes.</p>
    }
    @if (resolved().length > 0) {
      <h3>Resolved</h3>
      <ul class="resolved">
        @for (d of resolved().slice(0, 20); track d.id) {
          <li>
            <span class="fw-chip {{ d.outcome === 'upheld' ? 'good' : '' }}">{{ d.outcome }}</span>
            {{ d.agentName }} · {{ d.campaignName }} · “{{ d.comment }}” → {{ d.resolution }}
            <span class="fw-muted">({{ d.resolvedBy }}, {{ d.resolvedAt | instant }})</span>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    h3 {
      margin: 8px 0;
      font: var(--mat-sys-title-small);
    }
    .dispute {
      padding: 12px;
      margin-bottom: 10px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
    }
    blockquote {
      margin: 8px 0;
      padding: 6px 12px;
      border-left: 3px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
    }
    .resolve {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .answer {
      width: min(100%, 420px);
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
    .resolved {
      margin: 0;
      padding-left: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
      li {
        padding: 4px 0;
        border-bottom: 1px solid var(--mat-sys-surface-container-high);
      }
    }
  `,
})
export class DisputesPanel {
  private readonly api = inject(SpiffApi);
  private readonly notify = inject(Notify);
  private readonly reload = signal(0);
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly list = loadOnChange(
    () => this.reload(),
    () => this.api.disputes(),
  );
  protected readonly open = computed(() =>
    (this.list().value ?? []).filter((d) => d.status === 'open'),
  );
  protected readonly resolved = computed(() =>
    (this.list().value ?? []).filter((d) => d.status === 'resolved'),
  );
  protected readonly editing = signal<number | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected answer = '';
  protected adjustment = '';
  protected voidAward = false;

  protected start(d: SpiffDisputeDto): void {
    this.editing.set(d.id);
    this.answer = '';
    this.adjustment = '';
    this.voidAward = false;
  }

  protected resolve(d: SpiffDisputeDto, outcome: 'upheld' | 'rejected'): void {
    const adjustmentCents =
      outcome === 'upheld' && this.adjustment.trim() ? dollarsToCents(this.adjustment) : undefined;
    this.busy.set(true);
    this.error.set(null);
    this.api
      .resolve(d.id, {
        outcome,
        comment: this.answer.trim(),
        ...(outcome === 'upheld' && this.voidAward ? { voidAward: true } : {}),
        ...(adjustmentCents !== undefined ? { adjustmentCents } : {}),
      })
      .subscribe({
        next: () => {
          this.busy.set(false);
          this.editing.set(null);
          this.notify.done(`Dispute ${outcome}. ${d.agentName} sees your answer on the award.`);
          this.reload.update((n) => n + 1);
        },
        error: (e: unknown) => {
          this.busy.set(false);
          this.error.set(apiErrorMessage(e));
        },
      });
  }
}
