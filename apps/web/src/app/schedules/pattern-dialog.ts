import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  SHIFT_KINDS,
  type PatternConflict,
  type PatternDay,
  type PatternInput,
  type RosterAgentDto,
  type ShiftKind,
} from '@floorwise/contracts';
import { addDays, Alert, formatDayLabel } from '@floorwise/ui';
import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorMessage } from '../core/api-error';
import { Notify } from '../core/notify';
import { KIND_LABEL } from './roster-model';
import { SchedulesApi } from './schedules-api.service';

export interface PatternDialogData {
  agents: readonly Pick<RosterAgentDto, 'employeeCode' | 'fullName'>[];
  /** The first day offered (the Monday of next week). */
  from: string;
}

interface DayRow {
  weekday: number;
  label: string;
  on: boolean;
  start: string;
  end: string;
  breakMinutes: number;
  kind: ShiftKind;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The pattern's days that are on, as the API takes them. */
export function patternDays(rows: readonly DayRow[]): PatternDay[] {
  return rows
    .filter((r) => r.on)
    .map((r) => ({
      weekday: r.weekday,
      start: r.start,
      end: r.end,
      breakMinutes: Number(r.breakMinutes),
      kind: r.kind,
    }));
}

/**
 * A weekly pattern applied to several agents over a date range, all or nothing: preview first,
 * then apply; every agent and date that cannot take it (an overlap, a time the clocks skip, a
 * date outside employment) is listed and nothing is written until there is none.
 */
@Component({
  selector: 'fw-pattern-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatInput,
    Alert,
  ],
  template: `
    <h2 mat-dialog-title>Apply a weekly pattern</h2>
    <mat-dialog-content>
      @if (error(); as message) {
        <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
      }
      <div class="top">
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>From</mat-label>
          <input matInput type="date" [(ngModel)]="from" (ngModelChange)="touched()" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>To</mat-label>
          <input matInput type="date" [(ngModel)]="to" (ngModelChange)="touched()" />
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="note">
          <mat-label>Note</mat-label>
          <input matInput [(ngModel)]="note" maxlength="500" />
        </mat-form-field>
      </div>

      <h3>Days</h3>
      <div class="days">
        @for (d of days; track d.weekday) {
          <div class="day" [class.off]="!d.on">
            <mat-checkbox [(ngModel)]="d.on" (ngModelChange)="touched()">{{
              d.label
            }}</mat-checkbox>
            <input
              class="time"
              type="time"
              [(ngModel)]="d.start"
              [disabled]="!d.on"
              (ngModelChange)="touched()"
              [attr.aria-label]="d.label + ' start'"
            />
            <span>–</span>
            <input
              class="time"
              type="time"
              [(ngModel)]="d.end"
              [disabled]="!d.on"
              (ngModelChange)="touched()"
              [attr.aria-label]="d.label + ' end'"
            />
            <input
              class="brk"
              type="number"
              min="0"
              max="720"
              [(ngModel)]="d.breakMinutes"
              [disabled]="!d.on"
              (ngModelChange)="touched()"
              [attr.aria-label]="d.label + ' break minutes'"
            />
            <span class="fw-muted">min break</span>
            <select
              [(ngModel)]="d.kind"
              [disabled]="!d.on"
              (ngModelChange)="touched()"
              [attr.aria-label]="d.label + ' kind'"
            >
              @for (k of kinds; track k) {
                <option [value]="k">{{ kindLabel[k] }}</option>
              }
            </select>
          </div>
        }
      </div>
      <p class="fw-muted small">
        Local site time. An end at or before the start runs past midnight.
      </p>

      <h3>
        Agents <span class="fw-muted">({{ picked().size }} of {{ data.agents.length }})</span>
        <button mat-button type="button" (click)="toggleAll()">
          {{ picked().size === data.agents.length ? 'None' : 'All' }}
        </button>
      </h3>
      <div class="agents">
        @for (a of data.agents; track a.employeeCode) {
          <mat-checkbox [checked]="picked().has(a.employeeCode)" (change)="toggle(a.employeeCode)">
            {{ a.fullName }} <span class="fw-muted">{{ a.employeeCode }}</span>
          </mat-checkbox>
        }
      </div>

      @if (previewCount() !== null) {
        <fw-alert tone="success" class="result" data-testid="pattern-preview">
          {{ previewCount() }} shifts for {{ picked().size }} agents fit; nothing is written until
          you apply.
        </fw-alert>
      }
      @if (conflicts().length) {
        <fw-alert
          tone="error"
          class="result"
          heading="These agents and dates cannot take the pattern"
          data-testid="pattern-conflicts"
        >
          <ul>
            @for (c of conflicts(); track $index) {
              <li>
                <strong>{{ c.employeeCode }}</strong> {{ day(c.date) }}: {{ c.message }}
              </li>
            }
          </ul>
          Nothing was written.
        </fw-alert>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="ref.close(false)">Cancel</button>
      <button
        mat-stroked-button
        type="button"
        (click)="run(true)"
        [disabled]="busy()"
        data-testid="pattern-check"
      >
        Preview
      </button>
      <button
        mat-flat-button
        type="button"
        (click)="run(false)"
        [disabled]="busy() || previewCount() === null"
        data-testid="pattern-apply"
      >
        Apply
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .top {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .top .note {
      flex: 1 1 200px;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 6px;
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .days {
      display: grid;
      gap: 4px;
    }
    .day {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
    .day mat-checkbox {
      width: 130px;
    }
    .day.off {
      opacity: 0.6;
    }
    .time,
    .brk,
    select {
      font: inherit;
      padding: 4px 6px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
      background: var(--mat-sys-surface-container-lowest);
    }
    .brk {
      width: 56px;
    }
    .agents {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      max-height: 200px;
      overflow: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 4px 8px;
    }
    .small {
      font: var(--mat-sys-body-small);
      margin: 6px 0 0;
    }
    .result {
      display: block;
      margin-top: 12px;
    }
    ul {
      margin: 4px 0;
      padding-left: 18px;
      max-height: 180px;
      overflow: auto;
    }
  `,
})
export class PatternDialog {
  protected readonly data = inject<PatternDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject(MatDialogRef<PatternDialog, boolean>);
  private readonly api = inject(SchedulesApi);
  private readonly notify = inject(Notify);
  protected readonly kinds = SHIFT_KINDS;
  protected readonly kindLabel = KIND_LABEL;

  protected from = this.data.from;
  protected to = addDays(this.data.from, 13);
  protected note = '';
  protected readonly days: DayRow[] = WEEKDAYS.map((label, i) => ({
    weekday: i + 1,
    label,
    on: i < 5,
    start: '09:00',
    end: '17:30',
    breakMinutes: 30,
    kind: 'regular' as ShiftKind,
  }));
  protected readonly picked = signal(new Set(this.data.agents.map((a) => a.employeeCode)));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflicts = signal<PatternConflict[]>([]);
  protected readonly previewCount = signal<number | null>(null);
  protected readonly pickedList = computed(() => [...this.picked()]);

  protected day(date: string): string {
    return formatDayLabel(date);
  }

  protected touched(): void {
    this.previewCount.set(null);
  }

  protected toggle(code: string): void {
    const next = new Set(this.picked());
    if (next.has(code)) {
      next.delete(code);
    } else {
      next.add(code);
    }
    this.picked.set(next);
    this.touched();
  }

  protected toggleAll(): void {
    this.picked.set(
      this.picked().size === this.data.agents.length
        ? new Set()
        : new Set(this.data.agents.map((a) => a.employeeCode)),
    );
    this.touched();
  }

  protected run(preview: boolean): void {
    const body: PatternInput = {
      employeeCodes: this.pickedList(),
      from: this.from,
      to: this.to,
      days: patternDays(this.days),
      note: this.note || null,
      preview,
    };
    this.busy.set(true);
    this.error.set(null);
    this.conflicts.set([]);
    this.api.pattern(body).subscribe({
      next: (r) => {
        this.busy.set(false);
        if (preview && r.conflicts.length > 0) {
          this.conflicts.set(r.conflicts);
        } else if (preview) {
          this.previewCount.set(r.shifts.length);
        } else {
          this.notify.done(`${r.created} shifts added`);
          this.ref.close(true);
        }
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.previewCount.set(null);
        const conflicts =
          e instanceof HttpErrorResponse
            ? (e.error?.conflicts as PatternConflict[] | undefined)
            : undefined;
        if (conflicts?.length) {
          this.conflicts.set(conflicts);
        } else {
          this.error.set(apiErrorMessage(e));
        }
      },
    });
  }
}
