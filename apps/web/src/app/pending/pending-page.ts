import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute } from '@angular/router';
import { NotBuilt, PageHeader } from '@floorwise/ui';
import { map } from 'rxjs';
import { pageLabel } from '../core/access';
import { AuthService } from '../core/auth.service';
import { PENDING_COPY, PendingPageId } from './page-copy';

/** The page of a feature not built yet: it says so, and what the page will show this role. */
@Component({
  selector: 'fw-pending-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NotBuilt, PageHeader],
  template: `
    <fw-page-header [heading]="title()" />
    <fw-not-built
      [heading]="title() + ' is not built yet'"
      [summary]="copy().summary"
      [willShow]="copy().willShow"
      note="Nothing on this page is a real figure yet. Data you import now (shifts, calls) will feed it."
    />
  `,
})
export class PendingPage {
  private readonly auth = inject(AuthService);
  private readonly page = toSignal(
    inject(ActivatedRoute).data.pipe(map((data) => data['page'] as PendingPageId)),
    { requireSync: true },
  );

  protected readonly title = computed(() => pageLabel(this.auth.role() ?? 'admin', this.page()));
  protected readonly copy = computed(() => {
    const copy = PENDING_COPY[this.page()];
    return this.auth.role() === 'agent' && copy.agent ? copy.agent : copy.staff;
  });
}
