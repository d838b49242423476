import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  isValidRange,
  localDateOf,
  LocalDateRange,
  presetOf,
  RANGE_PRESETS,
  RangePresetId,
  rangePreset,
} from '@floorwise/ui';

/**
 * A range of local calendar days: a preset (yesterday, last 7 days, last 4 weeks, this month) or
 * any two dates. Emits `rangeChange` with `YYYY-MM-DD` dates, both inclusive.
 *
 * The dates are native date inputs in Material fields: they speak `YYYY-MM-DD` already, phones
 * show their own calendar, and the Material datepicker (≈350 kB) is not needed. It lives with the
 * page, not in libs/ui: a component importing Material form fields in the ui barrel is pulled
 * into every chunk that imports the barrel, the shell included.
 */
@Component({
  selector: 'fw-date-range-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormField, MatLabel, MatInput, MatSelect, MatOption],
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="preset">
      <mat-label>Period</mat-label>
      <mat-select [value]="preset()" (valueChange)="pickPreset($event)">
        @for (p of presets; track p.id) {
          <mat-option [value]="p.id">{{ p.label }}</mat-option>
        }
        <mat-option value="custom" disabled>Custom dates</mat-option>
      </mat-select>
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="date">
      <mat-label>From</mat-label>
      <input
        #fromInput
        matInput
        type="date"
        [value]="range().from"
        [max]="range().to"
        (change)="pickDates(fromInput.value, range().to)"
      />
    </mat-form-field>
    <mat-form-field appearance="outline" subscriptSizing="dynamic" class="date">
      <mat-label>To</mat-label>
      <input
        #toInput
        matInput
        type="date"
        [value]="range().to"
        [min]="range().from"
        [max]="lastDay()"
        (change)="pickDates(range().from, toInput.value)"
      />
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
    .preset {
      width: 160px;
    }
    .date {
      width: 160px;
    }
    @media (max-width: 599.98px) {
      .preset {
        width: 100%;
      }
      .date {
        width: calc(50% - 6px);
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
  protected readonly lastDay = computed(() => this.max() ?? this.today());

  protected pickPreset(id: RangePresetId | 'custom'): void {
    if (id !== 'custom') {
      this.rangeChange.emit(rangePreset(id, this.today()));
    }
  }

  /** Emits typed dates once they make a real range; a half-typed or backwards one is ignored. */
  protected pickDates(from: string, to: string): void {
    const range = { from, to };
    if (isValidRange(range) && (from !== this.range().from || to !== this.range().to)) {
      this.rangeChange.emit(range);
    }
  }
}
