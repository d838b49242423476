import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  SEND_HOME_REASONS,
  SHIFT_KINDS,
  type RosterAgentDto,
  type SendHomeReason,
  type ShiftDto,
  type ShiftKind,
  type ShiftStatus,
} from '@floorwise/contracts';
import { addDays, Alert, formatDayLabel } from '@floorwise/ui';
import type { Observable } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { Notify } from '../core/notify';
import {
  hoursText,
  KIND_LABEL,
  REASON_LABEL,
  shiftBadges,
  shiftSpanText,
  STATUS_LABEL,
  wallClock,
} from './roster-model';
import { SchedulesApi } from './schedules-api.service';

export interface ShiftDialogData {
  mode: 'view' | 'create';
  shift?: ShiftDto;
  /** The shift's agent, or the agent a new shift is for (null: pick one). */
  agent: Pick<RosterAgentDto, 'employeeCode' | 'fullName' | 'timeZone'> | null;
  agents?: readonly Pick<RosterAgentDto, 'employeeCode' | 'fullName' | 'timeZone'>[];
  date?: string;
  canEdit: boolean;
}

type Panel = 'details' | 'edit' | 'absence' | 'send-home' | 'delete';

/** `date` + `HH:mm`, with an end at or before the start meaning the next day. */
export function localSpan(
  date: string,
  start: string,
  end: string,
): { start: string; end: string } {
  const endDate = end <= start ? addDays(date, 1) : date;
  return { start: `${date}T${start}`, end: `${endDate}T${end}` };
}

/**
 * One shift: its figures, and for managers and admins the changes a floor needs — edit the
 * schedule or timesheet, record an absence or a send-home, delete a shift still to come; or a
 * new shift. Times are the site's wall clock; the API reads them in the site's zone.
 */
@Component({
  selector: 'fw-shift-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    Alert,
  ],
  template: `
    <h2 mat-dialog-title>{{ heading() }}</h2>
    <mat-dialog-content>
      @if (error(); as message) {
        <fw-alert tone="error" class="fw-alert-gap" data-testid="shift-error">{{
          message
        }}</fw-alert>
      }
      @if (panel() === 'details' && shift(); as s) {
        <dl class="facts">
          <dt>When</dt>
          <dd>
            {{ day(s.localDate) }} · {{ span(s) }} <span class="fw-muted">({{ zone() }})</span>
          </dd>
          <dt>Kind</dt>
          <dd>{{ kindLabel[s.kind] }} · break {{ s.breakMinutes }} min</dd>
          <dt>Status</dt>
          <dd>
            {{ statusLabel[s.status] }}
            @if (s.sendHomeReason) {
              — {{ reasonLabel[s.sendHomeReason] }}
            }
          </dd>
          @if (s.actualStart || s.actualEnd) {
            <dt>Timesheet</dt>
            <dd>{{ clock(s.actualStart) }}–{{ clock(s.actualEnd) }}</dd>
          }
          <dt>Hours</dt>
          <dd>
            scheduled {{ hours(s.figures.scheduledSeconds) }} · worked
            {{ hours(s.figures.workedSeconds) }} · paid {{ hours(s.figures.paidSeconds) }}
            @if (s.figures.lostSeconds > 0) {
              · <strong class="bad">{{ hours(s.figures.lostSeconds) }} lost</strong>
            }
          </dd>
          @if (s.figures.restBeforeSeconds !== null) {
            <dt>Rest before</dt>
            <dd [class.bad]="s.figures.shortRestBefore">
              {{ hours(s.figures.restBeforeSeconds)
              }}{{ s.figures.shortRestBefore ? ' — under 11 h' : '' }}
            </dd>
          }
          @if (s.figures.consecutiveDay) {
            <dt>Workday in a row</dt>
            <dd>{{ s.figures.consecutiveDay }}</dd>
          }
          @if (flags().length) {
            <dt>Flags</dt>
            <dd>
              @for (f of flags(); track f.text) {
                <span
                  class="fw-chip"
                  [class.bad]="f.tone === 'bad'"
                  [class.warn]="f.tone === 'warn'"
                  >{{ f.title }}</span
                >
              }
            </dd>
          }
          @if (s.note) {
            <dt>Note</dt>
            <dd>{{ s.note }}</dd>
          }
          <dt>Shift id</dt>
          <dd class="fw-muted">{{ s.shiftId }} · {{ s.source }}</dd>
        </dl>
      }

      @if (panel() === 'edit') {
        <div class="fw-form-grid">
          @if (data.mode === 'create' && !data.agent) {
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fw-span-2">
              <mat-label>Agent</mat-label>
              <mat-select [(ngModel)]="agentCode" data-testid="shift-agent">
                @for (a of data.agents ?? []; track a.employeeCode) {
                  <mat-option [value]="a.employeeCode"
                    >{{ a.fullName }} · {{ a.employeeCode }}</mat-option
                  >
                }
              </mat-select>
            </mat-form-field>
          }
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Date</mat-label>
            <input matInput type="date" [(ngModel)]="date" data-testid="shift-date" />
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Kind</mat-label>
            <mat-select [(ngModel)]="kind">
              @for (k of kinds; track k) {
                <mat-option [value]="k">{{ kindLabel[k] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Start</mat-label>
            <input matInput type="time" [(ngModel)]="start" data-testid="shift-start" />
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>End</mat-label>
            <input matInput type="time" [(ngModel)]="end" data-testid="shift-end" />
            <mat-hint>At or before the start: the next day</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Break (minutes)</mat-label>
            <input matInput type="number" min="0" max="720" [(ngModel)]="breakMinutes" />
          </mat-form-field>
          @if (data.mode === 'view') {
            <mat-form-field appearance="outline" subscriptSizing="dynamic">
              <mat-label>Status</mat-label>
              <mat-select [(ngModel)]="status">
                <mat-option value="scheduled">Scheduled</mat-option>
                <mat-option value="worked">Worked</mat-option>
              </mat-select>
              <mat-hint>Absences and send-homes have their own buttons</mat-hint>
            </mat-form-field>
            @if (status === 'worked') {
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>Clocked in</mat-label>
                <input matInput type="time" [(ngModel)]="actualStart" />
              </mat-form-field>
              <mat-form-field appearance="outline" subscriptSizing="dynamic">
                <mat-label>Clocked out</mat-label>
                <input matInput type="time" [(ngModel)]="actualEnd" />
                <mat-hint>Empty: worked as scheduled</mat-hint>
              </mat-form-field>
            }
          }
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fw-span-2">
            <mat-label>Note</mat-label>
            <input matInput [(ngModel)]="note" maxlength="500" />
          </mat-form-field>
        </div>
      }

      @if (panel() === 'absence') {
        <p>Record that {{ agentName() }} did not work this shift. It is paid nothing.</p>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
          <mat-label>Absence</mat-label>
          <mat-select [(ngModel)]="absenceType" data-testid="absence-type">
            <mat-option value="unplanned"
              >Unplanned (no notice) — counts toward burnout and attendance</mat-option
            >
            <mat-option value="excused">Excused (leave, sickness with notice)</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="wide">
          <mat-label>Note</mat-label>
          <input matInput [(ngModel)]="note" maxlength="500" />
        </mat-form-field>
      }

      @if (panel() === 'send-home') {
        <p>
          Send {{ agentName() }} home before the scheduled end. <strong>Goal met</strong> is paid
          through the scheduled end; <strong>outage</strong> and <strong>low volume</strong> are
          unpaid from the moment they leave, unless the site pays a minimum reporting time.
        </p>
        <div class="fw-form-grid">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Reason</mat-label>
            <mat-select [(ngModel)]="reason" data-testid="send-home-reason">
              @for (r of reasons; track r) {
                <mat-option [value]="r">{{ reasonLabel[r] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Left at</mat-label>
            <input matInput type="time" [(ngModel)]="leftAt" data-testid="send-home-at" />
            <mat-hint>{{ day(date) }}, site time</mat-hint>
          </mat-form-field>
        </div>
      }

      @if (panel() === 'delete') {
        <p>Delete this shift? It has no timesheet yet, so no pay depends on it.</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (panel() === 'details') {
        @if (data.canEdit && shift(); as s) {
          @if (s.status !== 'worked' && s.status !== 'sent_home') {
            <button mat-button type="button" (click)="go('delete')" class="danger">Delete</button>
          }
          <button mat-button type="button" (click)="go('absence')" data-testid="go-absence">
            Absence
          </button>
          <button mat-button type="button" (click)="go('send-home')" data-testid="go-send-home">
            Send home
          </button>
          <button mat-stroked-button type="button" (click)="go('edit')" data-testid="go-edit">
            Edit
          </button>
        }
        <button mat-flat-button type="button" mat-dialog-close>Close</button>
      } @else {
        <button
          mat-button
          type="button"
          (click)="data.mode === 'create' ? ref.close(false) : go('details')"
        >
          {{ data.mode === 'create' ? 'Cancel' : 'Back' }}
        </button>
        <button
          mat-flat-button
          type="button"
          (click)="save()"
          [disabled]="busy()"
          [class.danger-fill]="panel() === 'delete'"
          data-testid="shift-save"
        >
          {{ saveLabel() }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 6px 16px;
      margin: 0;
    }
    dt {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-large);
    }
    dd {
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      align-items: baseline;
    }
    .bad {
      color: var(--mat-sys-error);
    }
    .wide {
      width: 100%;
      margin-bottom: 8px;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .danger-fill {
      background: var(--mat-sys-error) !important;
      color: var(--mat-sys-on-error) !important;
    }
  `,
})
export class ShiftDialog {
  protected readonly data = inject<ShiftDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject(MatDialogRef<ShiftDialog, boolean>);
  private readonly api = inject(SchedulesApi);
  private readonly notify = inject(Notify);

  protected readonly kinds = SHIFT_KINDS;
  protected readonly reasons = SEND_HOME_REASONS;
  protected readonly kindLabel = KIND_LABEL;
  protected readonly statusLabel = STATUS_LABEL;
  protected readonly reasonLabel = REASON_LABEL;

  protected readonly panel = signal<Panel>(this.data.mode === 'create' ? 'edit' : 'details');
  protected readonly shift = signal<ShiftDto | null>(this.data.shift ?? null);
  protected readonly error = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly flags = computed(() => {
    const s = this.shift();
    return s ? shiftBadges(s) : [];
  });

  // form state (plain fields bound with ngModel)
  protected agentCode = this.data.agent?.employeeCode ?? this.data.agents?.[0]?.employeeCode ?? '';
  protected date = this.data.shift?.localDate ?? this.data.date ?? '';
  protected start = this.data.shift ? wallClock(this.data.shift.start).hhmm : '09:00';
  protected end = this.data.shift ? wallClock(this.data.shift.end).hhmm : '17:30';
  protected kind: ShiftKind = this.data.shift?.kind ?? 'regular';
  protected breakMinutes = this.data.shift?.breakMinutes ?? 30;
  protected status: ShiftStatus = this.data.shift?.status === 'worked' ? 'worked' : 'scheduled';
  protected actualStart = this.data.shift?.actualStart
    ? wallClock(this.data.shift.actualStart).hhmm
    : '';
  protected actualEnd = this.data.shift?.actualEnd ? wallClock(this.data.shift.actualEnd).hhmm : '';
  protected note = this.data.shift?.note ?? '';
  protected absenceType: 'unplanned' | 'excused' = 'unplanned';
  protected reason: SendHomeReason = 'goal_met';
  protected leftAt = this.defaultLeftAt();

  protected readonly heading = computed(() => {
    const name = this.agentName();
    switch (this.panel()) {
      case 'edit':
        return this.data.mode === 'create'
          ? `New shift${name ? ` for ${name}` : ''}`
          : `Edit ${name}'s shift`;
      case 'absence':
        return `Record an absence · ${name}`;
      case 'send-home':
        return `Send home · ${name}`;
      case 'delete':
        return 'Delete shift';
      default:
        return `${name} · ${this.data.shift ? formatDayLabel(this.data.shift.localDate) : ''}`;
    }
  });
  protected readonly saveLabel = computed(() => {
    switch (this.panel()) {
      case 'absence':
        return 'Record absence';
      case 'send-home':
        return 'Send home';
      case 'delete':
        return 'Delete';
      default:
        return this.data.mode === 'create' ? 'Add shift' : 'Save';
    }
  });

  protected agentName(): string {
    const code = this.data.agent?.employeeCode ?? this.agentCode;
    return (
      this.data.agent?.fullName ??
      this.data.agents?.find((a) => a.employeeCode === code)?.fullName ??
      ''
    );
  }

  protected zone(): string {
    return this.data.agent?.timeZone ?? '';
  }

  protected day(date: string): string {
    return date ? formatDayLabel(date) : '';
  }

  protected span(s: ShiftDto): string {
    return shiftSpanText(s);
  }

  protected clock(iso: string | null): string {
    return iso ? wallClock(iso).hhmm : '—';
  }

  protected hours(seconds: number): string {
    return hoursText(seconds);
  }

  protected go(panel: Panel): void {
    this.error.set(null);
    this.panel.set(panel);
  }

  private defaultLeftAt(): string {
    const s = this.data.shift;
    if (!s) {
      return '';
    }
    // now on the site's clock when the shift is under way, else the scheduled start + 4 h
    const now = new Date();
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: this.data.agent?.timeZone ?? 'UTC',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(now);
    const started = Date.parse(s.start) <= now.getTime() && now.getTime() <= Date.parse(s.end);
    if (started) {
      return parts;
    }
    const [h, m] = wallClock(s.start).hhmm.split(':').map(Number);
    return `${String(Math.min(23, h + 4)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  }

  protected save(): void {
    const s = this.shift();
    let call: Observable<unknown>;
    let done: string;
    switch (this.panel()) {
      case 'edit': {
        if (!this.date || !this.start || !this.end) {
          this.error.set('Give a date, a start and an end.');
          return;
        }
        const span = localSpan(this.date, this.start, this.end);
        if (this.data.mode === 'create') {
          call = this.api.createShift({
            employeeCode: this.agentCode,
            ...span,
            kind: this.kind,
            breakMinutes: Number(this.breakMinutes),
            note: this.note || null,
          });
          done = 'Shift added';
        } else {
          // the clock-in is on the shift's date; a clock-out at or before it is the next day
          const base = span.start.slice(0, 10);
          const clockIn = this.actualStart || this.start;
          const actualEnd = this.actualEnd
            ? `${this.actualEnd <= clockIn ? addDays(base, 1) : base}T${this.actualEnd}`
            : null;
          call = this.api.updateShift(s?.shiftId ?? '', {
            ...span,
            kind: this.kind,
            breakMinutes: Number(this.breakMinutes),
            status: this.status,
            actualStart:
              this.status === 'worked' && this.actualStart ? `${base}T${this.actualStart}` : null,
            actualEnd: this.status === 'worked' ? actualEnd : null,
            sendHomeReason: null,
            note: this.note || null,
          });
          done = 'Shift saved';
        }
        break;
      }
      case 'absence':
        call = this.api.absence(s?.shiftId ?? '', {
          type: this.absenceType,
          note: this.note || null,
        });
        done = 'Absence recorded';
        break;
      case 'send-home': {
        if (!s || !this.leftAt) {
          this.error.set('Give the time the agent left.');
          return;
        }
        const startWall = wallClock(s.start);
        const leftDate = this.leftAt < startWall.hhmm ? addDays(startWall.date, 1) : startWall.date;
        call = this.api.sendHome(s.shiftId, {
          reason: this.reason,
          at: `${leftDate}T${this.leftAt}`,
        });
        done = 'Send-home recorded';
        break;
      }
      case 'delete':
        call = this.api.deleteShift(s?.shiftId ?? '');
        done = 'Shift deleted';
        break;
      default:
        return;
    }
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.notify.done(done);
        this.ref.close(true);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(e));
      },
    });
  }
}
