import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { CampaignDto } from '@floorwise/contracts';
import { Alert, PageHeader } from '@floorwise/ui';
import { map } from 'rxjs';
import { loadOnChange } from '../core/load';
import { OrgApi } from '../organisation/org-api.service';
import { ErlangCalculator } from './erlang-calculator';
import { ForecastPanel } from './forecast-panel';

/** Staffing: how many agents an interval needs (Erlang C), and the week ahead per campaign. */
@Component({
  selector: 'fw-staffing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PageHeader, Alert, ErlangCalculator, ForecastPanel],
  template: `
    <fw-page-header
      heading="Staffing"
      subtitle="How many agents the calls need: Erlang C for one interval, and the week ahead of a campaign from its forecast calls."
    />
    <section class="fw-section" aria-labelledby="erlang-title">
      <h2 id="erlang-title">Erlang C calculator</h2>
      <p class="lead">
        The fewest agents on the phones that answer the target share of calls in time without
        passing the occupancy cap, then the agents to schedule once shrinkage is taken out.
      </p>
      <fw-erlang-calculator [phone]="phone()" />
    </section>
    <section class="fw-section" aria-labelledby="forecast-title">
      <h2 id="forecast-title">Next 7 days, forecast</h2>
      <p class="lead">
        Scheduled agents each half-hour needs, in the campaign's own time zone. Half-hours that need
        nobody all week at the start and end of the day are left out.
      </p>
      @if (campaigns().error; as message) {
        <fw-alert tone="error" heading="Campaigns could not be loaded">{{ message }}</fw-alert>
      }
      <fw-forecast-panel [campaigns]="campaignList()" [phone]="phone()" />
    </section>
  `,
  styles: `
    h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .lead {
      margin: 0 0 16px;
      max-width: 80ch;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .fw-section:first-of-type {
      margin-top: 0;
    }
    @media (max-width: 599.98px) {
      .fw-section {
        padding: 12px;
      }
    }
  `,
})
export class StaffingPage {
  private readonly org = inject(OrgApi);
  protected readonly phone = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((s) => s.matches)),
    { initialValue: false },
  );
  protected readonly campaigns = loadOnChange(
    () => true,
    () => this.org.campaigns(),
  );
  protected readonly campaignList = computed<CampaignDto[]>(() => this.campaigns().value ?? []);
}
