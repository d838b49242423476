import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AuthService } from '../core/auth.service';
import { MyWellbeingPage } from './my-wellbeing-page';
import { BurnoutTeamPage } from './team-page';

/** An agent sees their own wellbeing page; everyone else the team view. */
@Component({
  selector: 'fw-burnout-home',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BurnoutTeamPage, MyWellbeingPage],
  template: `
    @if (auth.role() === 'agent') {
      <fw-my-wellbeing-page />
    } @else {
      <fw-burnout-team-page />
    }
  `,
})
export class BurnoutHome {
  protected readonly auth = inject(AuthService);
}
