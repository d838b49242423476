import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { TurnoverCostAssumptionsDto } from '@floorwise/contracts';
import { NumberFormatPipe } from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { TurnoverApi } from './turnover-api.service';
import { wholeDollars } from './turnover-figures';

interface Draft {
  siteCode: string;
  recruitingDollars: number;
  trainingWeeks: number;
  rampWeeks: number;
  rampProductivityPct: number;
}

/** The cost-of-turnover assumptions of each site; hr and admin edit them in place. */
@Component({
  selector: 'fw-cost-assumptions-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, NumberFormatPipe],
  template: `
    <div class="fw-table-scroll">
      <table class="fw-table plain" aria-label="Cost assumptions per site">
        <thead>
          <tr>
            <th>Site</th>
            <th class="fw-num">Recruiting per hire</th>
            <th class="fw-num">Training weeks</th>
            <th class="fw-num">Ramp weeks</th>
            <th class="fw-num">Ramp productivity</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @let d = draft();
          @for (r of rows(); track r.siteCode) {
            @if (d && d.siteCode === r.siteCode) {
              <tr class="editing">
                <td class="fw-code">{{ r.siteCode }}</td>
                <td class="fw-num">
                  $
                  <input
                    type="number"
                    min="0"
                    step="50"
                    aria-label="Recruiting dollars"
                    [value]="d.recruitingDollars"
                    (input)="set('recruitingDollars', $event)"
                  />
                </td>
                <td class="fw-num">
                  <input
                    type="number"
                    min="0"
                    max="52"
                    step="0.5"
                    aria-label="Training weeks"
                    [value]="d.trainingWeeks"
                    (input)="set('trainingWeeks', $event)"
                  />
                </td>
                <td class="fw-num">
                  <input
                    type="number"
                    min="0"
                    max="104"
                    step="0.5"
                    aria-label="Ramp weeks"
                    [value]="d.rampWeeks"
                    (input)="set('rampWeeks', $event)"
                  />
                </td>
                <td class="fw-num">
                  <input
                    type="number"
                    min="0"
                    max="100"
                    step="5"
                    aria-label="Ramp productivity percent"
                    [value]="d.rampProductivityPct"
                    (input)="set('rampProductivityPct', $event)"
                  />
                  %
                </td>
                <td class="fw-actions">
                  <button mat-flat-button type="button" (click)="save()" [disabled]="saving()">
                    Save
                  </button>
                  <button mat-button type="button" (click)="draft.set(null)">Cancel</button>
                </td>
              </tr>
            } @else {
              <tr>
                <td class="fw-code">{{ r.siteCode }}</td>
                <td class="fw-num">{{ dollars(r.recruitingCents) }}</td>
                <td class="fw-num">{{ r.trainingWeeks | num: 1 }}</td>
                <td class="fw-num">{{ r.rampWeeks | num: 1 }}</td>
                <td class="fw-num">{{ r.rampProductivity * 100 | num }} %</td>
                <td class="fw-actions">
                  @if (!r.customised) {
                    <span class="fw-chip">default</span>
                  }
                  @if (editable()) {
                    <button
                      mat-button
                      type="button"
                      (click)="edit(r)"
                      [attr.aria-label]="'Edit the assumptions of ' + r.siteCode"
                    >
                      Edit
                    </button>
                  }
                </td>
              </tr>
            }
          }
        </tbody>
      </table>
    </div>
    @if (error(); as e) {
      <p class="error" role="alert">{{ e }}</p>
    }
  `,
  styleUrl: './turnover-tabs.scss',
  styles: `
    :host {
      padding-top: 0;
    }
    input {
      width: 72px;
      text-align: right;
      font: inherit;
      padding: 2px 4px;
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class CostAssumptionsEditor {
  private readonly api = inject(TurnoverApi);
  readonly rows = input.required<readonly TurnoverCostAssumptionsDto[]>();
  readonly editable = input(false);
  readonly saved = output<TurnoverCostAssumptionsDto>();

  protected readonly draft = signal<Draft | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly dollars = (cents: number) => wholeDollars(cents);

  protected edit(r: TurnoverCostAssumptionsDto): void {
    this.error.set(null);
    this.draft.set({
      siteCode: r.siteCode,
      recruitingDollars: r.recruitingCents / 100,
      trainingWeeks: r.trainingWeeks,
      rampWeeks: r.rampWeeks,
      rampProductivityPct: Math.round(r.rampProductivity * 100),
    });
  }

  protected set(field: Exclude<keyof Draft, 'siteCode'>, event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    this.draft.update((d) => (d ? { ...d, [field]: value } : d));
  }

  protected save(): void {
    const d = this.draft();
    if (!d) {
      return;
    }
    this.saving.set(true);
    this.api
      .saveCostAssumptions(d.siteCode, {
        recruitingCents: Math.round(d.recruitingDollars * 100),
        trainingWeeks: d.trainingWeeks,
        rampWeeks: d.rampWeeks,
        rampProductivity: d.rampProductivityPct / 100,
      })
      .subscribe({
        next: (saved) => {
          this.saving.set(false);
          this.draft.set(null);
          this.saved.emit(saved);
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.error.set(apiErrorMessage(e));
        },
      });
  }
}
