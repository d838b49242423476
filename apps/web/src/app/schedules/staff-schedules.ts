import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { PageHeader } from '@floorwise/ui';
import { map } from 'rxjs';
import { AuthService } from '../core/auth.service';
import { GapView } from './gap-view';
import { PayRulesView } from './pay-rules-view';
import { PayView } from './pay-view';
import { RosterView } from './roster-view';

export type StaffView = 'roster' | 'gap' | 'pay' | 'rules';

const VIEWS: { id: StaffView; label: string }[] = [
  { id: 'roster', label: 'Roster' },
  { id: 'gap', label: 'Staffing gap' },
  { id: 'pay', label: 'Pay estimates' },
  { id: 'rules', label: 'Pay rules' },
];

/** Schedules for managers, HR and admins: roster, staffing gap, pay estimates and pay rules. */
@Component({
  selector: 'fw-staff-schedules',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PageHeader,
    RouterLink,
    MatTabNav,
    MatTabLink,
    MatTabNavPanel,
    RosterView,
    GapView,
    PayView,
    PayRulesView,
  ],
  template: `
    <fw-page-header heading="Schedules" [subtitle]="subtitle()" />
    <nav mat-tab-nav-bar [tabPanel]="panel" aria-label="Schedules views">
      @for (v of views; track v.id) {
        <a
          mat-tab-link
          [active]="view() === v.id"
          [routerLink]="[]"
          [queryParams]="{ view: v.id === 'roster' ? null : v.id }"
          queryParamsHandling="merge"
          [attr.data-view]="v.id"
          >{{ v.label }}</a
        >
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <div class="panel">
        @switch (view()) {
          @case ('roster') {
            <fw-roster-view [canEdit]="canEdit()" />
          }
          @case ('gap') {
            <fw-gap-view />
          }
          @case ('pay') {
            <fw-pay-view [canExport]="canExport()" />
          }
          @case ('rules') {
            <fw-pay-rules-view [canEdit]="isAdmin()" />
          }
        }
      </div>
    </mat-tab-nav-panel>
  `,
  styles: `
    .panel {
      padding-top: 16px;
    }
  `,
})
export class StaffSchedules {
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  protected readonly views = VIEWS;
  protected readonly view = toSignal(
    this.route.queryParamMap.pipe(
      map((q) =>
        VIEWS.some((v) => v.id === q.get('view')) ? (q.get('view') as StaffView) : 'roster',
      ),
    ),
    { initialValue: 'roster' as StaffView },
  );
  protected readonly canEdit = computed(() =>
    ['admin', 'manager'].includes(this.auth.role() ?? ''),
  );
  protected readonly canExport = computed(() => ['admin', 'hr'].includes(this.auth.role() ?? ''));
  protected readonly isAdmin = computed(() => this.auth.role() === 'admin');
  protected readonly subtitle = computed(() =>
    this.auth.role() === 'manager'
      ? "Your teams' shifts, the staffing the calls need against who is on the floor, and what it all pays."
      : "Every team's shifts, the staffing gap per campaign, and the pay estimates of each pay period.",
  );
}
