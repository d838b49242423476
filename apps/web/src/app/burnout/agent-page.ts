import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Alert, PageHeader } from '@floorwise/ui';
import { map } from 'rxjs';
import { loadOnChange } from '../core/load';
import { BurnoutApi } from './burnout-api.service';
import { BurnoutDetail } from './burnout-detail';

/** A manager's drill-down into one agent's index. */
@Component({
  selector: 'fw-burnout-agent-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Alert, BurnoutDetail, MatProgressBar, PageHeader, RouterLink],
  template: `
    <a routerLink="../.." class="back">← Burnout</a>
    @if (loaded().value; as d) {
      <fw-page-header
        [heading]="d.fullName + ' · ' + d.employeeCode"
        [subtitle]="
          'Team ' + d.teamCode + ' · ' + d.contractHours + ' h contract · times in ' + d.timeZone
        "
      />
    } @else {
      <fw-page-header heading="Burnout" />
    }
    <div class="progress">
      @if (loaded().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading" />
      }
    </div>
    @if (loaded().error; as message) {
      <fw-alert tone="error" heading="This agent's index could not be loaded">{{
        message
      }}</fw-alert>
    }
    @if (loaded().value; as d) {
      <fw-burnout-detail [detail]="d" mode="manager" />
    }
  `,
  styleUrl: './burnout.scss',
})
export class BurnoutAgentPage {
  private readonly api = inject(BurnoutApi);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(
    this.route.paramMap.pipe(map((p) => p.get('employeeCode') ?? '')),
    { initialValue: '' },
  );
  private readonly asOf = toSignal(this.route.queryParamMap.pipe(map((p) => p.get('asOf') ?? '')), {
    initialValue: '',
  });
  protected readonly loaded = loadOnChange(
    () => ({ code: this.params(), asOf: this.asOf() }),
    (q) => this.api.agent(q.code, { asOf: q.asOf || undefined }),
  );
}
