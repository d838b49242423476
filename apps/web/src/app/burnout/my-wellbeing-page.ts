import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Alert, PageHeader } from '@floorwise/ui';
import { loadOnChange } from '../core/load';
import { BurnoutApi } from './burnout-api.service';
import { BurnoutDetail } from './burnout-detail';
import { COMPONENT_LABEL, suggestionsFor } from './burnout-text';

/** The agent's own page: their index, what drives it, and what they can do about it. */
@Component({
  selector: 'fw-my-wellbeing-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [Alert, BurnoutDetail, MatProgressBar, PageHeader],
  template: `
    <fw-page-header
      heading="My wellbeing"
      subtitle="How hard the last four weeks have been on you, from your shifts and calls — only you and your managers see this."
    />
    <div class="progress">
      @if (loaded().loading) {
        <mat-progress-bar mode="indeterminate" aria-label="Loading" />
      }
    </div>
    @if (loaded().error; as message) {
      <fw-alert tone="error" heading="Your page could not be loaded">{{ message }}</fw-alert>
    }
    @if (loaded().value; as d) {
      @if (suggestions().length > 0) {
        <section class="panel suggestions" aria-label="Suggestions">
          <h2>What could help</h2>
          <ul>
            @for (s of suggestions(); track s.name) {
              <li>
                <b>{{ s.label }}.</b> {{ s.text }}
              </li>
            }
          </ul>
        </section>
      } @else if (d.index !== null) {
        <fw-alert heading="Nothing stands out"
          >Your last four weeks look balanced. Keep taking your breaks.</fw-alert
        >
      }
      <fw-burnout-detail [detail]="d" mode="self" />
    }
  `,
  styleUrl: './burnout.scss',
})
export class MyWellbeingPage {
  private readonly api = inject(BurnoutApi);
  protected readonly loaded = loadOnChange(
    () => 0,
    () => this.api.mine({}),
  );
  protected readonly suggestions = computed(() => {
    const d = this.loaded().value;
    if (!d) {
      return [];
    }
    const texts = suggestionsFor(d);
    return d.drivers.map((name, i) => ({ name, label: COMPONENT_LABEL[name], text: texts[i] }));
  });
}
