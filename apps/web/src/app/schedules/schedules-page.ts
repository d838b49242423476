import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService } from '../core/auth.service';
import { MySchedule } from './my-schedule';
import { StaffSchedules } from './staff-schedules';

/** One page, two audiences: an agent's own schedule and pay, or the staff's roster, gap and pay. */
@Component({
  selector: 'fw-schedules-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MySchedule, StaffSchedules],
  template: `
    @if (isAgent()) {
      <fw-my-schedule />
    } @else {
      <fw-staff-schedules />
    }
  `,
})
export class SchedulesPage {
  private readonly auth = inject(AuthService);
  protected readonly isAgent = computed(() => this.auth.role() === 'agent');
}
