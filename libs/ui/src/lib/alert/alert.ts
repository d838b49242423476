import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Icon } from '../icon/icon';
import { IconName } from '../icon/icon-paths';

export type AlertTone = 'info' | 'success' | 'error';

/** An inline message box; errors are announced to screen readers as alerts. */
@Component({
  selector: 'fw-alert',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Icon],
  host: {
    '[attr.data-tone]': 'tone()',
    '[attr.role]': "tone() === 'error' ? 'alert' : 'status'",
  },
  template: `
    <fw-icon [name]="icon()" />
    <div class="body">
      @if (heading()) {
        <strong>{{ heading() }}</strong>
      }
      <ng-content />
    </div>
  `,
  styles: `
    :host {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 10px 14px;
      border-radius: var(--mat-sys-corner-small);
      font: var(--mat-sys-body-medium);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    :host([data-tone='error']) {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    :host([data-tone='success']) {
      background: var(--fw-good-container, #dcefe4);
      color: var(--fw-on-good-container, #0f3d27);
    }
    fw-icon {
      margin-top: 1px;
    }
    .body {
      min-width: 0;
    }
    strong {
      display: block;
      font: var(--mat-sys-title-small);
      margin-bottom: 2px;
    }
  `,
})
export class Alert {
  readonly tone = input<AlertTone>('info');
  readonly heading = input<string | null>(null);
  protected readonly icon = computed<IconName>(() => {
    switch (this.tone()) {
      case 'error':
        return 'error';
      case 'success':
        return 'success';
      default:
        return 'info';
    }
  });
}
