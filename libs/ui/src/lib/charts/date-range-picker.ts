import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { provideNativeDateAdapter } from '@angular/material/core';
import {
  MatDatepickerToggle,
  MatDateRangeInput,
  MatDateRangePicker,
  MatEndDate,
  MatStartDate,
} from '@angular/material/datepicker';
import { MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  dateAtLocalMidnight,
  isValidRange,
  localDateOf,
  LocalDateRange,
  presetOf,
  RANGE_PRESETS,
  RangePresetId,
  rangePreset,
} from './date-range';

/**
 * A range of local calendar days: a preset (yesterday, last 7 days, last 4 weeks, this month) or
 * any range picked in the calendar. Emits `rangeChange` with `YYYY-MM-DD` dates, both inclusive.
 */
@Component({
  selector: 'fw-date-range-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatFormField,
    MatLabel,
    MatSuffix,
    MatSelect,
    MatOption,
    MatDateRangeInput,
    MatStartDate,
    MatEndDate,
    MatDatepickerToggle,
    MatDateRangePicker,
  ],
  providers: [provideNativeDateAdapter()],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="preset">
      <mat-label>Period</mat-label>
      <mat-select [value]="preset()" (valueChange)="pickPreset($event, picker)">
        @for (p of presets; track p.id) {
          <mat-option [value]="p.id">{{ p.label }}</mat-option>
        }
        <mat-option value="custom">Custom range…</mat-option>
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="dates">
      <mat-label>Dates</mat-label>
      <mat-date-range-input [rangePicker]="picker" [max]="maxDate()">
        <input
          matStartDate
          placeholder="From"
          [value]="start()"
          (dateChange)="pendingFrom.set($event.value)"
        />
        <input matEndDate placeholder="To" [value]="end()" (dateChange)="onEnd($event.value)" />
      </mat-date-range-input>
      <mat-datepicker-toggle matIconSuffix [for]="picker" />
      <mat-date-range-picker #picker />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
    .preset {
      width: 160px;
    }
    .dates {
      width: 250px;
    }
    @media (max-width: 599.98px) {
      .preset,
      .dates {
        width: 100%;
      }
    }
  `,
})
export class FwDateRangePicker {
  readonly range = input.required<LocalDateRange>();
  /** Today's local date, for the presets; default the viewer's. */
  readonly today = input<string>(localDateOf(new Date()));
  /** The last day that may be picked; default today. */
  readonly max = input<string | null>(null);

  readonly rangeChange = output<LocalDateRange>();

  protected readonly presets = RANGE_PRESETS;
  protected readonly preset = computed<RangePresetId | 'custom'>(
    () => presetOf(this.range(), this.today()) ?? 'custom',
  );
  protected readonly start = computed(() => dateAtLocalMidnight(this.range().from));
  protected readonly end = computed(() => dateAtLocalMidnight(this.range().to));
  protected readonly maxDate = computed(() => dateAtLocalMidnight(this.max() ?? this.today()));
  protected readonly pendingFrom = signal<Date | null>(null);

  protected pickPreset(id: RangePresetId | 'custom', picker: MatDateRangePicker<Date>): void {
    if (id === 'custom') {
      picker.open();
      return;
    }
    this.rangeChange.emit(rangePreset(id, this.today()));
  }

  protected onEnd(end: Date | null): void {
    const start = this.pendingFrom() ?? this.start();
    if (!start || !end) {
      return;
    }
    const range = { from: localDateOf(start), to: localDateOf(end) };
    if (isValidRange(range)) {
      this.pendingFrom.set(null);
      this.rangeChange.emit(range);
    }
  }
}
