import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  Alert,
  DurationPipe,
  formatPercent,
  FwComboChart,
  NumberFormatPipe,
  PercentFormatPipe,
  StatCard,
} from '@floorwise/ui';
import { debounceTime, forkJoin, map, of } from 'rxjs';
import { loadOnChange } from '../core/load';
import { curveChart, ERLANG_FORM_DEFAULTS, ErlangFormValue, erlangQuery } from './erlang-form';
import { StaffingApi } from './staffing-api.service';

/** How long typing pauses before the figures are asked for again. */
export const ERLANG_DEBOUNCE_MS = 300;

/**
 * The Erlang C calculator of metrics.md §2: the agents one interval needs for a target service
 * level, with the curve of service level and occupancy against agents.
 */
@Component({
  selector: 'fw-erlang-calculator',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    Alert,
    StatCard,
    FwComboChart,
    NumberFormatPipe,
    PercentFormatPipe,
    DurationPipe,
  ],
  templateUrl: './erlang-calculator.html',
  styleUrl: './staffing-sections.scss',
})
export class ErlangCalculator {
  private readonly api = inject(StaffingApi);
  readonly phone = input(false);

  protected readonly form = new FormGroup({
    calls: new FormControl<number | null>(ERLANG_FORM_DEFAULTS.calls),
    intervalMinutes: new FormControl<15 | 30 | 60>(ERLANG_FORM_DEFAULTS.intervalMinutes, {
      nonNullable: true,
    }),
    ahtSeconds: new FormControl<number | null>(ERLANG_FORM_DEFAULTS.ahtSeconds),
    targetServiceLevelPercent: new FormControl<number | null>(
      ERLANG_FORM_DEFAULTS.targetServiceLevelPercent,
    ),
    targetAnswerSeconds: new FormControl<number | null>(ERLANG_FORM_DEFAULTS.targetAnswerSeconds),
    maxOccupancyPercent: new FormControl<number | null>(ERLANG_FORM_DEFAULTS.maxOccupancyPercent),
    shrinkagePercent: new FormControl<number | null>(ERLANG_FORM_DEFAULTS.shrinkagePercent),
  });
  private readonly value = toSignal(
    this.form.valueChanges.pipe(
      debounceTime(ERLANG_DEBOUNCE_MS),
      map((): ErlangFormValue => this.form.getRawValue()),
    ),
    { initialValue: this.form.getRawValue() as ErlangFormValue },
  );
  protected readonly query = computed(() => erlangQuery(this.value()));
  protected readonly loaded = loadOnChange(
    () => this.query(),
    (query) =>
      query
        ? forkJoin({ result: this.api.erlangC(query), curve: this.api.curve(query) })
        : of(null),
  );
  /** Results of the current inputs only: after a refusal the old figures are not left standing. */
  protected readonly shown = computed(() => {
    const loaded = this.loaded();
    return loaded.error || !this.query() ? null : (loaded.value ?? null);
  });
  protected readonly chart = computed(() => {
    const shown = this.shown();
    const query = this.query();
    return shown && query ? curveChart(shown.curve, shown.result, query) : null;
  });
  protected readonly panels = [
    {
      left: {
        name: 'Share (%)',
        format: (v: number) => formatPercent(v, undefined, 0),
        min: 0,
        max: 1,
        interval: 0.25,
      },
    },
  ];
  protected readonly tooltipTitle = (agents: string) => `${agents} agents on the phones`;
}
