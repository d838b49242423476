import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { AuthService } from '../core/auth.service';
import { MyBonuses } from './my-bonuses';
import { SpiffManage } from './spiff-manage';

/** Bonuses: an agent's own ("My bonuses"); managers, HR and admins see the campaigns they run or read. */
@Component({
  selector: 'fw-bonuses-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MyBonuses, SpiffManage],
  template: `
    @if (isAgent()) {
      <fw-my-bonuses />
    } @else {
      <fw-spiff-manage />
    }
  `,
})
export class BonusesPage {
  private readonly auth = inject(AuthService);
  protected readonly isAgent = computed(() => this.auth.role() === 'agent');
}
