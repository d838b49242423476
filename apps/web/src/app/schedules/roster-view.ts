import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { RosterAgentDto, ShiftDto, TeamDto } from '@floorwise/contracts';
import {
  addDays,
  Alert,
  daysAxis,
  formatDayLabel,
  formatRange,
  FwTimeline,
  Icon,
  StatCard,
  TimelineSlotClick,
} from '@floorwise/ui';
import { of } from 'rxjs';
import { loadOnChange } from '../core/load';
import { OrgApi } from '../organisation/org-api.service';
import { todayLocal } from '../organisation/org-labels';
import { PatternDialog, PatternDialogData } from './pattern-dialog';
import { hoursText, mondayOf, rosterRow, rosterTotals } from './roster-model';
import { SchedulesApi } from './schedules-api.service';
import { ShiftDialog, ShiftDialogData } from './shift-dialog';

type Mode = 'week' | 'day';
const ALL = '__all__';

/**
 * The manager's roster: a timeline per agent for a day or a week, shifts coloured by kind,
 * absences hatched, send-homes cut where the agent left, overtime, short rests and long runs of
 * workdays flagged. Managers and admins create and change shifts from it.
 */
@Component({
  selector: 'fw-roster-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatIconButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    Alert,
    Icon,
    StatCard,
    FwTimeline,
  ],
  template: `
    <div class="fw-filters controls">
      <mat-form-field appearance="outline" subscriptSizing="dynamic">
        <mat-label>Team</mat-label>
        <mat-select
          [value]="teamChoice()"
          (valueChange)="team.set($event)"
          data-testid="roster-team"
        >
          @if (teamList().length > 1) {
            <mat-option [value]="all">All {{ teamList().length }} teams</mat-option>
          }
          @for (t of teamList(); track t.teamCode) {
            <mat-option [value]="t.teamCode">{{ t.teamCode }} · {{ t.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-button-toggle-group
        [value]="mode()"
        (change)="mode.set($event.value)"
        aria-label="Show a day or a week"
        hideSingleSelectionIndicator
      >
        <mat-button-toggle value="week">Week</mat-button-toggle>
        <mat-button-toggle value="day">Day</mat-button-toggle>
      </mat-button-toggle-group>
      <div class="nav">
        <button mat-icon-button type="button" (click)="step(-1)" aria-label="Earlier">‹</button>
        <mat-form-field appearance="outline" subscriptSizing="dynamic" class="date">
          <mat-label>{{ mode() === 'week' ? 'Week of' : 'Day' }}</mat-label>
          <input matInput type="date" [value]="anchor()" (change)="pickDate($event)" />
        </mat-form-field>
        <button mat-icon-button type="button" (click)="step(1)" aria-label="Later">›</button>
        <button mat-stroked-button type="button" (click)="anchor.set(today)">Today</button>
      </div>
      <span class="fw-count">{{ rangeText() }}</span>
      @if (canEdit()) {
        <div class="actions">
          <button
            mat-stroked-button
            type="button"
            (click)="openPattern()"
            data-testid="open-pattern"
          >
            <fw-icon name="schedule" /> Weekly pattern
          </button>
          <button mat-flat-button type="button" (click)="openCreate(null)" data-testid="add-shift">
            <fw-icon name="add" /> Add shift
          </button>
        </div>
      }
    </div>

    @if (roster().error; as message) {
      <fw-alert tone="error" heading="The roster could not be loaded">{{ message }}</fw-alert>
    }

    @if (totals(); as t) {
      <div class="fw-summary" data-testid="roster-summary">
        <fw-stat-card label="Agents" [value]="t.agents" />
        <fw-stat-card label="Planned hours" [value]="hours(t.planned)" />
        <fw-stat-card
          label="Overtime"
          [value]="hours(t.overtime)"
          [tone]="t.overtime >= 3600 ? 'warn' : 'neutral'"
          hint="beyond contract hours"
        />
        <fw-stat-card
          label="Short rests"
          [value]="t.shortRests"
          [tone]="t.shortRests > 0 ? 'bad' : 'good'"
          hint="under 11 h between shifts"
        />
        <fw-stat-card
          label="Absences"
          [value]="t.absences"
          [tone]="t.absences > 0 ? 'warn' : 'neutral'"
        />
        <fw-stat-card
          label="Hours lost"
          [value]="hours(t.lost)"
          [tone]="t.lost > 0 ? 'bad' : 'neutral'"
          [hint]="t.sentHome + ' send-home' + (t.sentHome === 1 ? '' : 's')"
        />
      </div>
    }

    <div class="legend" aria-label="Legend">
      <span class="key"><i data-k="regular"></i>Regular</span>
      <span class="key"><i data-k="overtime"></i>Overtime shift</span>
      <span class="key"><i data-k="training"></i>Training</span>
      <span class="key"><i data-k="planned"></i>Scheduled (light) · worked (solid)</span>
      <span class="key"><i data-k="absent"></i>Absent (red: unplanned)</span>
      <span class="key"><i data-k="ghost"></i>Sent home: hours not worked</span>
      <span class="key flags">
        <b class="badge bad">Rest</b> short rest <b class="badge warn">OT</b> overtime
        <b class="badge warn">Day 6</b> long run <b class="badge info">+m</b> stayed late
      </span>
    </div>

    <div class="fw-table-card">
      @if (roster().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the roster" />
      }
      <fw-timeline
        [rows]="rows()"
        [axis]="axis()"
        [minWidth]="mode() === 'week' ? 980 : 720"
        labelHeading="Agent"
        [asideHeading]="mode() === 'week' ? 'Planned / contract' : 'Planned'"
        emptyText="No agents in this team for these dates."
        (barClick)="openShift($event)"
        (slotClick)="openSlot($event)"
        data-testid="roster-timeline"
      />
    </div>
    <p class="fw-muted note">
      Times are each site's wall clock ({{ zones() }}). Overtime is the planned time beyond an
      agent's contract hours in the Monday–Sunday week; a short rest is under 11 hours between the
      end of one shift and the start of the next.
      @if (canEdit()) {
        Click a shift to change it, record an absence or a send-home; click an empty stretch to add
        one.
      }
    </p>
  `,
  styles: `
    .controls {
      gap: 8px 12px;
    }
    .nav {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .nav .date {
      width: 160px;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-left: auto;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 16px;
      margin: 4px 0 10px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .key {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    .key i {
      display: inline-block;
      width: 18px;
      height: 10px;
      border-radius: 2px;
      border: 1px solid #3465a4;
      background: #3465a4;
    }
    .key i[data-k='overtime'] {
      background: #c25e00;
      border-color: #c25e00;
    }
    .key i[data-k='training'] {
      background: #6b4fa8;
      border-color: #6b4fa8;
    }
    .key i[data-k='planned'] {
      background: linear-gradient(90deg, #dbe6f6 50%, #3465a4 50%);
    }
    .key i[data-k='absent'] {
      border-color: #b3261e;
      background: repeating-linear-gradient(135deg, #f9dedc 0 3px, #fff 3px 6px);
    }
    .key i[data-k='ghost'] {
      background: transparent;
      border-style: dashed;
    }
    .badge {
      padding: 0 3px;
      border-radius: 3px;
      font:
        600 9px/13px system-ui,
        sans-serif;
      margin-left: 6px;
    }
    .badge.bad {
      background: #b3261e;
      color: #fff;
    }
    .badge.warn {
      background: #fbe1b3;
      color: #4d3209;
    }
    .badge.info {
      background: #dbe6f6;
      color: #1c3559;
    }
    .note {
      font: var(--mat-sys-body-small);
      margin: 8px 0 0;
      max-width: 100ch;
    }
    @media (max-width: 599.98px) {
      .actions {
        margin-left: 0;
      }
    }
  `,
})
export class RosterView {
  private readonly api = inject(SchedulesApi);
  private readonly org = inject(OrgApi);
  private readonly dialog = inject(MatDialog);
  readonly canEdit = input(false);

  protected readonly all = ALL;
  protected readonly today = todayLocal();
  protected readonly mode = signal<Mode>('week');
  protected readonly anchor = signal(this.today);
  protected readonly team = signal<string | null>(null);
  private readonly reload = signal(0);

  private readonly teams = loadOnChange(
    () => true,
    () => this.org.teams(),
  );
  protected readonly teamList = computed<TeamDto[]>(() => this.teams().value ?? []);
  /** A manager starts on all their teams, HR and admins on the first team (a roster of everyone is long). */
  protected readonly teamChoice = computed(() => {
    const picked = this.team();
    if (picked) {
      return picked;
    }
    const list = this.teamList();
    if (list.length === 1) {
      return list[0].teamCode;
    }
    return list.length <= 3 ? ALL : (list[0]?.teamCode ?? ALL);
  });
  protected readonly range = computed(() => {
    const from = this.mode() === 'week' ? mondayOf(this.anchor()) : this.anchor();
    return { from, to: this.mode() === 'week' ? addDays(from, 6) : from };
  });
  protected readonly roster = loadOnChange(
    () => ({
      ...this.range(),
      team: this.teamChoice(),
      ready: this.teams().value !== undefined,
      n: this.reload(),
    }),
    // wait for the team list: HR and admins start on one team, not on everyone
    (p) => (p.ready ? this.api.roster(p.from, p.to, p.team === ALL ? null : p.team) : of(null)),
  );
  protected readonly days = computed(() => this.roster().value?.days ?? []);
  protected readonly axis = computed(() => daysAxis(this.days().map((d) => formatDayLabel(d))));
  protected readonly rows = computed(() => {
    const r = this.roster().value;
    return r ? r.agents.map((a) => rosterRow(a, r.from, r.days.length)) : [];
  });
  protected readonly totals = computed(() => {
    const r = this.roster().value;
    return r ? rosterTotals(r) : null;
  });
  protected readonly rangeText = computed(() => formatRange(this.range()));
  protected readonly zones = computed(
    () => [...new Set(this.roster().value?.agents.map((a) => a.timeZone) ?? [])].join(', ') || '—',
  );

  protected hours(seconds: number): string {
    return hoursText(seconds);
  }

  protected step(direction: number): void {
    this.anchor.set(addDays(this.anchor(), direction * (this.mode() === 'week' ? 7 : 1)));
  }

  protected pickDate(event: Event): void {
    const v = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      this.anchor.set(v);
    }
  }

  private findShift(id: string): { agent: RosterAgentDto; shift: ShiftDto } | null {
    for (const agent of this.roster().value?.agents ?? []) {
      const shift = agent.shifts.find((s) => s.shiftId === id);
      if (shift) {
        return { agent, shift };
      }
    }
    return null;
  }

  protected openShift(id: string): void {
    const found = this.findShift(id);
    if (!found) {
      return;
    }
    this.openDialog({
      mode: 'view',
      shift: found.shift,
      agent: found.agent,
      canEdit: this.canEdit(),
    });
  }

  protected openSlot(click: TimelineSlotClick): void {
    if (!this.canEdit()) {
      return;
    }
    const agent = this.roster().value?.agents.find((a) => a.employeeCode === click.rowId);
    if (agent) {
      this.openCreate(agent, addDays(this.range().from, Math.floor(click.atMin / 1440)));
    }
  }

  protected openCreate(agent: RosterAgentDto | null, date?: string): void {
    this.openDialog({
      mode: 'create',
      agent,
      agents: this.roster().value?.agents ?? [],
      date: date ?? (this.mode() === 'day' ? this.anchor() : this.range().from),
      canEdit: true,
    });
  }

  protected openPattern(): void {
    const data: PatternDialogData = {
      agents: this.roster().value?.agents ?? [],
      from: addDays(mondayOf(this.anchor()), 7),
    };
    this.dialog
      .open(PatternDialog, { data, width: '760px', maxWidth: '96vw', autoFocus: false })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) {
          this.reload.update((n) => n + 1);
        }
      });
  }

  private openDialog(data: ShiftDialogData): void {
    this.dialog
      .open(ShiftDialog, { data, width: '620px', maxWidth: '96vw', autoFocus: false })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) {
          this.reload.update((n) => n + 1);
        }
      });
  }
}
