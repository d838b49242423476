import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { FlightRiskRowDto } from '@floorwise/contracts';
import { Alert, ExportPanel, NumberFormatPipe, PercentFixedPipe, toCsv } from '@floorwise/ui';
import { loadOnChange } from '../core/load';
import { TurnoverApi } from './turnover-api.service';

const BAND_TONE: Record<string, string> = {
  low: 'good',
  elevated: 'info',
  high: 'warn',
  critical: 'bad',
};

/** Active agents ranked by the estimated chance of leaving in 90 days, with the reasons. */
@Component({
  selector: 'fw-turnover-flight-risk',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Alert, ExportPanel, MatProgressBar, NumberFormatPipe, PercentFixedPipe],
  template: `
    @if (data().error; as message) {
      <fw-alert
        tone="error"
        heading="The flight-risk list could not be loaded"
        class="fw-alert-gap"
        >{{ message }}</fw-alert
      >
    }
    <div class="progress">
      @if (data().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading the flight-risk list" />
      }
    </div>
    @if (data().value; as d) {
      <fw-export-panel
        title="Who may leave next"
        [subtitle]="
          'Active agents on ' +
          d.asOf +
          ' (' +
          d.activeAgents +
          '), ranked by the estimated chance of leaving within ' +
          d.horizonDays +
          ' days: the share of agents at their tenure who left within ' +
          d.horizonDays +
          ' days (retention curve) × how much more often agents in their burnout band left. Recent changes are listed, not scored.'
        "
        fileName="turnover-flight-risk"
        [png]="false"
        [csv]="csv"
        data-testid="turnover-flight-risk"
      >
        <div class="fw-table-scroll">
          <table class="fw-table plain risk" aria-label="Flight risk">
            <thead>
              <tr>
                <th class="fw-num">#</th>
                <th>Agent</th>
                <th class="fw-num">Tenure</th>
                <th class="fw-num">Chance in {{ d.horizonDays }} d</th>
                <th>Burnout</th>
                <th>Why</th>
              </tr>
            </thead>
            <tbody>
              @for (r of rows(); track r.employeeCode) {
                <tr>
                  <td class="fw-num">{{ r.rank }}</td>
                  <td>
                    {{ r.fullName }}
                    <span class="fw-sub"
                      >{{ r.employeeCode }} · {{ r.teamCode }} · {{ r.title }}</span
                    >
                  </td>
                  <td class="fw-num">
                    {{ r.tenureDays | num }} d<span class="fw-sub">{{ r.tenureBand }}</span>
                  </td>
                  <td class="fw-num">
                    <strong>{{ r.probability | percentFixed }}</strong>
                    <span class="fw-sub"
                      >tenure {{ r.tenureHazard | percentFixed }} ×
                      {{ r.burnoutRelativeRisk | num: 2 }}</span
                    >
                  </td>
                  <td>
                    @if (r.burnoutBand) {
                      <span class="fw-chip" [class]="'fw-chip ' + tone(r.burnoutBand)"
                        >{{ r.burnoutIndex }} · {{ r.burnoutBand }}</span
                      >
                    } @else {
                      <span class="fw-muted">—</span>
                    }
                  </td>
                  <td>
                    <ul class="reasons">
                      @for (reason of r.reasons; track $index) {
                        <li>{{ reason }}</li>
                      }
                    </ul>
                  </td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="6" class="fw-empty">No active agents in your scope.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </fw-export-panel>
    }
  `,
  styleUrl: './turnover-tabs.scss',
  styles: `
    .reasons {
      margin: 0;
      padding-left: 16px;
      font: var(--mat-sys-body-small);
    }
    .risk td {
      vertical-align: top;
    }
  `,
})
export class FlightRiskTab {
  private readonly api = inject(TurnoverApi);
  readonly asOf = input.required<string>();

  protected readonly data = loadOnChange(
    () => this.asOf(),
    (asOf) => this.api.flightRisk({ asOf, limit: 200 }),
  );
  protected readonly rows = computed<FlightRiskRowDto[]>(() => this.data().value?.rows ?? []);
  protected tone(band: string): string {
    return BAND_TONE[band] ?? '';
  }

  protected readonly csv = () =>
    toCsv<FlightRiskRowDto>(
      [
        { header: 'rank', value: (r) => r.rank },
        { header: 'employee_code', value: (r) => r.employeeCode },
        { header: 'full_name', value: (r) => r.fullName },
        { header: 'team', value: (r) => r.teamCode },
        { header: 'site', value: (r) => r.siteCode },
        { header: 'title', value: (r) => r.title },
        { header: 'hire_date', value: (r) => r.hireDate },
        { header: 'tenure_days', value: (r) => r.tenureDays },
        { header: 'probability_90_days', value: (r) => r.probability },
        { header: 'tenure_hazard_90_days', value: (r) => r.tenureHazard },
        { header: 'burnout_index', value: (r) => r.burnoutIndex },
        { header: 'burnout_band', value: (r) => r.burnoutBand },
        { header: 'burnout_relative_risk', value: (r) => r.burnoutRelativeRisk },
        { header: 'reasons', value: (r) => r.reasons.join(' | ') },
      ],
      this.rows(),
    );
}
