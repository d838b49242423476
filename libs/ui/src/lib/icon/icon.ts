import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ICON_PATHS, IconName } from './icon-paths';

/**
 * A decorative icon drawn from inline path data (CSP-safe: no icon font, no CDN).
 * Give the surrounding button an accessible name; the icon itself is hidden from assistive tech.
 */
@Component({
  selector: 'fw-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'fw-icon', 'aria-hidden': 'true' },
  template: `<svg viewBox="0 0 24 24" focusable="false"><path [attr.d]="path()" /></svg>`,
  styles: `
    :host {
      display: inline-flex;
      width: var(--fw-icon-size, 20px);
      height: var(--fw-icon-size, 20px);
      flex: none;
      vertical-align: middle;
    }
    svg {
      width: 100%;
      height: 100%;
      fill: currentColor;
    }
  `,
})
export class Icon {
  readonly name = input.required<IconName>();
  protected readonly path = computed(() => ICON_PATHS[this.name()]);
}
