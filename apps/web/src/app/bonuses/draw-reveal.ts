import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  OnInit,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import type { MyDrawDto, SpiffWeightedAmountDto } from '@floorwise/contracts';
import { Alert, formatCents } from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { SpiffApi } from './spiff-api.service';

export interface DrawRevealData {
  campaignId: number;
  campaignName: string;
  draw: MyDrawDto;
  /** Wheel slices or envelope amounts, in the rule's order (the draw's `index` points into them). */
  items: readonly SpiffWeightedAmountDto[];
}

/** The slice angles of a wheel: each slice's share of 360° is its weight's share (what the draw uses). */
export function wheelSlices(
  items: readonly SpiffWeightedAmountDto[],
): { from: number; to: number }[] {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let at = 0;
  return items.map((i) => {
    const from = at;
    at += (i.weight / total) * 360;
    return { from, to: at };
  });
}

/**
 * The rotation that brings slice `index` under the pointer at the top after `turns` full turns:
 * the wheel turns clockwise, so the slice's centre c must end at 0°, i.e. rotate by 360 − c.
 */
export function wheelRotation(
  items: readonly SpiffWeightedAmountDto[],
  index: number,
  turns = 5,
): number {
  const s = wheelSlices(items)[index];
  return turns * 360 + (360 - (s.from + s.to) / 2);
}

const PALETTE = ['#3465a4', '#d08c32', '#4e9a76', '#8e6bb8', '#c45a5a', '#5aa3b8', '#7d7d7d'];

/** Conic-gradient background of the wheel. */
export function wheelGradient(items: readonly SpiffWeightedAmountDto[]): string {
  return `conic-gradient(${wheelSlices(items)
    .map((s, i) => `${PALETTE[i % PALETTE.length]} ${s.from}deg ${s.to}deg`)
    .join(', ')})`;
}

/**
 * Spins the wheel or opens the envelope: asks the API to reveal the draw (made when it was
 * earned, from the campaign's secret), then plays a short animation landing on it. With
 * `prefers-reduced-motion` the result shows at once.
 */
@Component({
  selector: 'fw-draw-reveal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, Alert],
  template: `
    <h2 mat-dialog-title>
      {{ data.draw.kind === 'spin' ? 'Spin ' + data.draw.draw : 'Envelope ' + data.draw.draw }} ·
      {{ data.campaignName }}
    </h2>
    <mat-dialog-content>
      @if (error(); as message) {
        <fw-alert tone="error">{{ message }}</fw-alert>
      }
      <div class="stage" [class.reduced]="reduced">
        @if (data.draw.kind === 'spin') {
          <div class="pointer" aria-hidden="true"></div>
          <div
            class="wheel"
            aria-hidden="true"
            [style.background]="gradient"
            [style.transform]="'rotate(' + rotation() + 'deg)'"
            (transitionend)="landed()"
          >
            @for (label of labels; track $index) {
              <span class="slice-label" [style.transform]="label.transform">{{ label.text }}</span>
            }
          </div>
        } @else {
          <div
            class="envelope"
            [class.open]="opened()"
            aria-hidden="true"
            (transitionend)="landed()"
          >
            <div class="card">{{ amountText() }}</div>
            <div class="pocket"></div>
            <div class="flap"></div>
          </div>
        }
      </div>
      <p class="result" role="status" aria-live="polite" data-testid="draw-result">
        @if (done()) {
          @if (amount() === 0) {
            No prize this time — the next one is {{ nextText() }}.
          } @else {
            You won <strong>{{ amountText() }}</strong
            >!
            @if (result()?.status === 'declined_budget') {
              <span class="declined"
                >The campaign's budget had run out when you earned it, so it is recorded but not
                paid.</span
              >
            } @else {
              It waits for your manager's approval.
            }
          }
        } @else if (!error()) {
          {{ data.draw.kind === 'spin' ? 'Spinning…' : 'Opening…' }}
        }
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close [disabled]="!done() && !error()">
        Done
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .stage {
      position: relative;
      display: grid;
      place-items: center;
      height: 260px;
      overflow: hidden;
    }
    .wheel {
      position: relative;
      width: 220px;
      height: 220px;
      border-radius: 50%;
      border: 4px solid var(--mat-sys-surface-container-highest);
      box-shadow: 0 2px 10px rgb(0 0 0 / 18%);
      transition: transform 2.6s cubic-bezier(0.15, 0.85, 0.25, 1);
    }
    .slice-label {
      position: absolute;
      left: 50%;
      top: 50%;
      transform-origin: 0 0;
      color: #fff;
      font: var(--mat-sys-label-medium);
      font-weight: 600;
      text-shadow: 0 1px 2px rgb(0 0 0 / 45%);
      white-space: nowrap;
    }
    .pointer {
      position: absolute;
      top: 6px;
      left: 50%;
      z-index: 2;
      width: 0;
      height: 0;
      margin-left: -12px;
      border-left: 12px solid transparent;
      border-right: 12px solid transparent;
      border-top: 22px solid var(--mat-sys-on-surface);
    }
    .envelope {
      position: relative;
      width: 220px;
      height: 140px;
      margin-top: 80px;
      perspective: 600px;
    }
    .pocket {
      position: absolute;
      inset: 0;
      z-index: 2;
      border-radius: 6px;
      background: linear-gradient(160deg, #e9c77b, #d8a94a);
      box-shadow: 0 2px 10px rgb(0 0 0 / 18%);
    }
    .flap {
      position: absolute;
      top: 0;
      left: 0;
      right: 0;
      z-index: 3;
      height: 80px;
      clip-path: polygon(0 0, 100% 0, 50% 100%);
      background: #c99634;
      transform-origin: top;
      transition: transform 0.7s ease-in;
    }
    .card {
      position: absolute;
      left: 16px;
      right: 16px;
      top: 10px;
      z-index: 1;
      height: 110px;
      display: grid;
      place-items: center;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-lowest);
      font: var(--mat-sys-headline-small);
      font-variant-numeric: tabular-nums;
      transition: transform 0.8s 0.6s cubic-bezier(0.2, 0.9, 0.3, 1.2);
    }
    .envelope.open .flap {
      transform: rotateX(180deg);
      z-index: 0;
    }
    .envelope.open .card {
      transform: translateY(-90px);
      z-index: 4;
    }
    .reduced .wheel,
    .reduced .flap,
    .reduced .card {
      transition: none;
    }
    @media (prefers-reduced-motion: reduce) {
      .wheel,
      .flap,
      .card {
        transition: none;
      }
    }
    .result {
      min-height: 48px;
      text-align: center;
      font: var(--mat-sys-body-large);
    }
    .declined {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-error);
    }
  `,
})
export class DrawReveal implements OnInit {
  protected readonly data = inject<DrawRevealData>(MAT_DIALOG_DATA);
  private readonly api = inject(SpiffApi);
  /** Users who asked for less motion get the result without the animation. */
  protected readonly reduced =
    typeof window !== 'undefined' && typeof window.matchMedia === 'function'
      ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
      : true;
  protected readonly result = signal<MyDrawDto | null>(null);
  protected readonly rotation = signal(0);
  protected readonly opened = signal(false);
  protected readonly done = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly gradient = wheelGradient(this.data.items);
  protected readonly labels = wheelSlices(this.data.items).map((s, i) => {
    const mid = (s.from + s.to) / 2 - 90;
    return {
      text: formatCents(this.data.items[i].amountCents).replace(/\.00$/, ''),
      transform: `rotate(${mid}deg) translate(46px, -8px)`,
    };
  });
  protected readonly amount = computed(() => this.result()?.amountCents ?? null);
  protected readonly amountText = computed(() =>
    this.amount() === null ? '' : formatCents(this.amount()),
  );
  protected readonly nextText = computed(() =>
    this.data.draw.kind === 'spin' ? 'another spin' : 'another envelope',
  );

  ngOnInit(): void {
    this.api.reveal(this.data.campaignId, this.data.draw.draw).subscribe({
      next: (r) => {
        this.result.set(r);
        if (this.data.draw.kind === 'spin') {
          this.rotation.set(wheelRotation(this.data.items, r.index ?? 0));
        } else {
          this.opened.set(true);
        }
        if (this.reduced) {
          this.done.set(true);
        } else {
          // In case the browser skips the transition's end (a hidden tab), the result still shows.
          setTimeout(() => this.done.set(true), 3_200);
        }
      },
      error: (e: unknown) => this.error.set(apiErrorMessage(e)),
    });
  }

  protected landed(): void {
    if (this.result()) {
      this.done.set(true);
    }
  }
}
