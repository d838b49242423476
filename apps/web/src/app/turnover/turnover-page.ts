import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { ActivatedRoute, Router } from '@angular/router';
import type { TurnoverGroupBy, TurnoverScope } from '@floorwise/contracts';
import { localDateOf, PageHeader } from '@floorwise/ui';
import { map } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { DriversTab } from './drivers-tab';
import { FlightRiskTab } from './flight-risk-tab';
import { OverviewTab } from './overview-tab';
import { RetentionTab } from './retention-tab';
import {
  GROUPS,
  paramsFromState,
  rangeOf,
  stateFromParams,
  TABS,
  TurnoverState,
} from './turnover-state';
import { WhatIfTab } from './what-if-tab';

/**
 * Turnover: who leaves, when in their tenure, why, what it costs, what a bottom-X % policy would
 * do, and who may leave next. HR and admin see everyone; a manager sees their own teams.
 */
@Component({
  selector: 'fw-turnover-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PageHeader,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatTabGroup,
    MatTab,
    MatTabContent,
    MatButtonToggleGroup,
    MatButtonToggle,
    OverviewTab,
    RetentionTab,
    DriversTab,
    WhatIfTab,
    FlightRiskTab,
  ],
  template: `
    <fw-page-header
      heading="Turnover"
      [subtitle]="
        isManager()
          ? 'Attrition, retention and what drives exits in your teams, with who may leave next.'
          : 'Attrition, retention, what drives exits, what they cost, a bottom-X % what-if and who may leave next.'
      "
    />

    <div class="fw-filters" role="search" aria-label="Choose the range">
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="month">
        <mat-label>From month</mat-label>
        <input
          #fromInput
          matInput
          type="month"
          [value]="state().fromMonth"
          [max]="state().toMonth"
          (change)="fromInput.value && update({ fromMonth: fromInput.value })"
        />
      </mat-form-field>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" class="month">
        <mat-label>To month</mat-label>
        <input
          #toInput
          matInput
          type="month"
          [value]="state().toMonth"
          [min]="state().fromMonth"
          [max]="thisMonth"
          (change)="toInput.value && update({ toMonth: toInput.value })"
        />
      </mat-form-field>
      @if (state().tab === 'overview') {
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Group by</mat-label>
          <mat-select [value]="state().groupBy" (valueChange)="update({ groupBy: $event })">
            @for (g of groups; track g.id) {
              <mat-option [value]="g.id">{{ g.label }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      @if (isManager() && state().tab === 'overview') {
        <mat-button-toggle-group
          aria-label="Whose figures"
          [value]="state().scope"
          (change)="update({ scope: $event.value })"
          hideSingleSelectionIndicator
        >
          <mat-button-toggle value="mine">My teams</mat-button-toggle>
          <mat-button-toggle value="org">Whole organisation</mat-button-toggle>
        </mat-button-toggle-group>
      }
      <span class="fw-count">{{ range().from }} – {{ range().to }}</span>
    </div>

    <mat-tab-group
      [selectedIndex]="tabIndex()"
      (selectedIndexChange)="update({ tab: tabs[$event] })"
      mat-stretch-tabs="false"
      animationDuration="0ms"
    >
      <mat-tab label="Overview">
        @defer (on viewport) {
          <fw-turnover-overview
            [range]="range()"
            [groupBy]="state().groupBy"
            [scope]="state().scope"
            [canEditCosts]="canEditCosts()"
            [isManager]="isManager()"
          />
        } @placeholder {
          <div class="fw-chart-placeholder"></div>
        }
      </mat-tab>
      <mat-tab label="Retention">
        <ng-template matTabContent>
          <fw-turnover-retention [asOf]="range().to" />
        </ng-template>
      </mat-tab>
      <mat-tab label="Drivers">
        <ng-template matTabContent>
          <fw-turnover-drivers [range]="range()" />
        </ng-template>
      </mat-tab>
      <mat-tab label="What-if">
        <ng-template matTabContent>
          <fw-turnover-what-if [asOf]="today" />
        </ng-template>
      </mat-tab>
      <mat-tab label="Flight risk">
        <ng-template matTabContent>
          <fw-turnover-flight-risk [asOf]="today" />
        </ng-template>
      </mat-tab>
    </mat-tab-group>
  `,
  styles: `
    .month {
      width: 170px !important;
    }
    mat-tab-group {
      margin-top: 4px;
    }
  `,
})
export class TurnoverPage {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);

  protected readonly today = localDateOf(new Date());
  protected readonly thisMonth = this.today.slice(0, 7);
  protected readonly groups = GROUPS;
  protected readonly tabs = TABS;
  protected readonly isManager = computed(() => this.auth.role() === 'manager');
  protected readonly canEditCosts = computed(() =>
    ['hr', 'admin'].includes(this.auth.role() ?? ''),
  );

  protected readonly state = toSignal(
    this.route.queryParamMap.pipe(map((p) => stateFromParams(p, this.today))),
    { requireSync: true },
  );
  protected readonly range = computed(() => rangeOf(this.state(), this.today));
  protected readonly tabIndex = computed(() => TABS.indexOf(this.state().tab));

  protected update(
    change: Partial<TurnoverState> & { groupBy?: TurnoverGroupBy; scope?: TurnoverScope },
  ): void {
    const next = { ...this.state(), ...change };
    if (next.fromMonth > next.toMonth) {
      next.fromMonth = next.toMonth;
    }
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromState(next),
      replaceUrl: true,
    });
  }
}
