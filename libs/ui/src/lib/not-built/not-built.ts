import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon } from '../icon/icon';

/**
 * An honest placeholder for a page whose feature has not shipped: it says so plainly
 * and describes what the page will show, so nobody mistakes it for an empty result.
 */
@Component({
  selector: 'fw-not-built',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  template: `
    <section class="panel" [attr.aria-labelledby]="headingId">
      <div class="badge"><fw-icon name="pending" /> Not built yet</div>
      <h2 [id]="headingId">{{ heading() }}</h2>
      <p class="summary">{{ summary() }}</p>
      @if (willShow().length) {
        <h3>What this page will show</h3>
        <ul>
          @for (item of willShow(); track item) {
            <li>{{ item }}</li>
          }
        </ul>
      }
      @if (note()) {
        <p class="note">{{ note() }}</p>
      }
    </section>
  `,
  styles: `
    .panel {
      max-width: 760px;
      padding: 24px;
      border-radius: var(--mat-sys-corner-large);
      border: 1px dashed var(--mat-sys-outline);
      background: var(--mat-sys-surface-container-lowest);
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 10px 2px 6px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
      --fw-icon-size: 16px;
    }
    h2 {
      margin: 12px 0 4px;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .summary {
      font: var(--mat-sys-body-large);
      margin: 0;
      max-width: 68ch;
    }
    ul {
      margin: 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
    li {
      margin: 4px 0;
    }
    .note {
      margin: 16px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotBuilt {
  private static nextId = 0;
  readonly heading = input.required<string>();
  readonly summary = input.required<string>();
  readonly willShow = input<readonly string[]>([]);
  readonly note = input<string | null>(null);
  protected readonly headingId = `fw-not-built-${NotBuilt.nextId++}`;
}
