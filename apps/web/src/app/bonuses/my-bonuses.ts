import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
  MAT_DIALOG_DATA,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import type {
  MyBonusCampaign,
  MyDrawDto,
  SpiffAwardDto,
  SpiffAwardStatus,
} from '@floorwise/contracts';
import {
  Alert,
  CentsPipe,
  formatCents,
  LocalDatePipe,
  NumberFormatPipe,
  PageHeader,
  StatCard,
} from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { loadOnChange } from '../core/load';
import { Notify } from '../core/notify';
import { DrawReveal, DrawRevealData } from './draw-reveal';
import { SpiffApi } from './spiff-api.service';
import {
  awardReason,
  daysLeftText,
  KIND_LABEL,
  METRIC_UNITS,
  ruleSummary,
  STATUS_LABEL,
  STATUS_TONE,
  unitsText,
} from './spiff-format';

const STATUS_ORDER: SpiffAwardStatus[] = ['pending', 'approved', 'paid', 'declined_budget', 'void'];

/** A comment on an award the agent thinks is wrong; the manager answers it. */
@Component({
  selector: 'fw-dispute-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatButton,
    Alert,
  ],
  template: `
    <h2 mat-dialog-title>Dispute this award</h2>
    <mat-dialog-content>
      <p class="fw-muted">
        {{ award.campaignName }} · {{ reason }} · {{ amount }}. Say what you think is wrong; your
        manager sees it and answers here.
      </p>
      @if (error(); as message) {
        <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
      }
      <mat-form-field appearance="outline" class="comment">
        <mat-label>What is wrong?</mat-label>
        <textarea
          matInput
          rows="4"
          maxlength="2000"
          [(ngModel)]="comment"
          name="comment"
          required
        ></textarea>
        <mat-hint align="end">{{ comment.length }} / 2000</mat-hint>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>Cancel</button>
      <button mat-flat-button type="button" [disabled]="!comment.trim() || busy()" (click)="send()">
        Send to my manager
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .comment {
      width: 100%;
    }
  `,
})
export class DisputeDialog {
  protected readonly award = inject<SpiffAwardDto>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<DisputeDialog>);
  private readonly api = inject(SpiffApi);
  protected comment = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly reason = awardReason(this.award.kind, this.award.detail);
  protected readonly amount = formatCents(this.award.amountCents);

  protected send(): void {
    this.busy.set(true);
    this.api.dispute(this.award.id, this.comment.trim()).subscribe({
      next: () => this.ref.close(true),
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(e));
      },
    });
  }
}

/**
 * The agent's Bonuses page ("My bonuses"): every running SPIFF campaign with the bar to the next
 * tier, spin, envelope or ticket, the "up to" amount, spins and envelopes to open, and awards by
 * status; then past campaigns. Only the agent's own figures (`GET /api/me/bonus`).
 */
@Component({
  selector: 'fw-my-bonuses',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PageHeader,
    StatCard,
    Alert,
    MatButton,
    MatProgressBar,
    CentsPipe,
    LocalDatePipe,
    NumberFormatPipe,
  ],
  templateUrl: './my-bonuses.html',
  styleUrl: './my-bonuses.scss',
})
export class MyBonuses {
  private readonly api = inject(SpiffApi);
  private readonly dialog = inject(MatDialog);
  private readonly notify = inject(Notify);
  private readonly reload = signal(0);
  protected readonly data = loadOnChange(
    () => this.reload(),
    () => this.api.myBonus(),
  );
  protected readonly active = computed(() =>
    (this.data().value?.campaigns ?? []).filter((c) => c.status === 'active'),
  );
  protected readonly history = computed(() =>
    (this.data().value?.campaigns ?? []).filter((c) => c.status === 'closed'),
  );
  protected readonly cents = computed(() => this.data().value?.cents ?? null);
  protected readonly toOpen = computed(() =>
    this.active().reduce((s, c) => s + c.draws.filter((d) => !d.revealed).length, 0),
  );
  protected readonly statusOrder = STATUS_ORDER;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly statusTone = STATUS_TONE;
  protected readonly kindLabel = KIND_LABEL;

  protected summary(c: MyBonusCampaign): string {
    return ruleSummary(c.rule, c.metric);
  }

  protected units(c: MyBonusCampaign, n: number): string {
    return unitsText(c.metric, n);
  }

  protected gateText(c: MyBonusCampaign): string {
    const g = c.qualityGate;
    const parts = [
      g?.qaMin != null ? `QA ≥ ${g.qaMin}` : null,
      g?.csatMin != null ? `CSAT ≥ ${g.csatMin}` : null,
    ].filter((x) => x !== null);
    return parts.join(' and ');
  }

  protected unitLabel(c: MyBonusCampaign): string {
    return METRIC_UNITS[c.metric].label;
  }

  protected daysLeft(c: MyBonusCampaign): string {
    return daysLeftText(c.daysLeft, c.status);
  }

  protected reason(a: SpiffAwardDto): string {
    return awardReason(a.kind, a.detail);
  }

  protected awardsOf(c: MyBonusCampaign): SpiffAwardDto[] {
    return STATUS_ORDER.flatMap((s) => c.awards[s]).sort((a, b) => b.id - a.id);
  }

  /** Awards of a status whose amount is shown (unopened spins and envelopes stay a surprise). */
  protected count(c: MyBonusCampaign, s: SpiffAwardStatus): number {
    return c.awards[s].filter((a) => a.amountCents !== null).length;
  }

  protected unopened(c: MyBonusCampaign): MyDrawDto[] {
    return c.draws.filter((d) => !d.revealed);
  }

  protected opened(c: MyBonusCampaign): MyDrawDto[] {
    return c.draws
      .filter((d) => d.revealed)
      .slice(-8)
      .reverse();
  }

  protected earned(c: MyBonusCampaign): number {
    return c.cents.pending + c.cents.approved + c.cents.paid;
  }

  protected open(c: MyBonusCampaign, draw: MyDrawDto): void {
    const rule = c.rule;
    const items =
      rule.type === 'prize_wheel'
        ? rule.slices
        : rule.type === 'mystery_envelope'
          ? rule.amounts
          : [];
    const data: DrawRevealData = { campaignId: c.id, campaignName: c.name, draw, items };
    this.dialog
      .open(DrawReveal, { data, width: '420px', maxWidth: '95vw', autoFocus: 'dialog' })
      .afterClosed()
      .subscribe(() => this.reload.update((n) => n + 1));
  }

  protected dispute(a: SpiffAwardDto): void {
    this.dialog
      .open(DisputeDialog, { data: a, width: '520px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((sent) => {
        if (sent) {
          this.notify.done('Sent to your manager. Their answer will show on the award.');
          this.reload.update((n) => n + 1);
        }
      });
  }

  protected canDispute(a: SpiffAwardDto): boolean {
    return a.amountCents !== null && a.dispute?.status !== 'open';
  }
}
