import { HttpErrorResponse } from '@angular/common/http';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatFormField,
  MatHint,
  MatLabel,
  MatPrefix,
  MatSuffix,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  SPIFF_METRIC_NAMES,
  SPIFF_RULE_NAMES,
  SpiffCampaignDto,
  SpiffCostPreviewDto,
  TeamDto,
  SiteDto,
  CampaignDto,
} from '@floorwise/contracts';
import { Alert, CentsPipe, Icon, PercentFormatPipe } from '@floorwise/ui';
import { apiErrorMessage } from '../core/api-error';
import { BuilderModel, emptyModel, fromCampaign, problemsByField, toInput } from './builder-form';
import { SpiffApi } from './spiff-api.service';
import { METRIC_UNITS, RULE_LABEL } from './spiff-format';

export interface BuilderData {
  today: string;
  inAMonth: string;
  teams: TeamDto[];
  sites: SiteDto[];
  lines: CampaignDto[];
  /** A draft to edit. */
  campaign?: SpiffCampaignDto;
}

const RULE_HELP: Record<BuilderModel['ruleType'], string> = {
  per_unit: 'A fixed amount for every unit (or every N units), with an optional cap per agent.',
  tiered: 'The amount of the highest tier an agent reaches — not the sum of the tiers.',
  contest:
    'Prizes by final rank at close; tied entrants share the prizes of the places they occupy.',
  prize_wheel:
    'A spin every N units; each spin lands on a slice, weighted. Agents spin it themselves.',
  mystery_envelope:
    'An envelope every N units; the amount inside is hidden until the agent opens it.',
  lottery: 'A ticket every N units; winners drawn at close, weighted by tickets, one prize each.',
};

/**
 * The campaign builder: the definition (metrics.md §7 rule, period, budget, eligibility, quality
 * gate, handicap) with a cost preview against the budget before anything is saved; the API
 * checks every field and names the problems, shown beside their section.
 */
@Component({
  selector: 'fw-campaign-builder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NgTemplateOutlet,
    MatPrefix,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatSuffix,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatButton,
    MatIconButton,
    MatProgressBar,
    Alert,
    Icon,
    CentsPipe,
    PercentFormatPipe,
  ],
  templateUrl: './campaign-builder.html',
  styleUrl: './campaign-builder.scss',
})
export class CampaignBuilder {
  protected readonly data = inject<BuilderData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<CampaignBuilder>);
  private readonly api = inject(SpiffApi);
  protected m: BuilderModel = this.data.campaign
    ? fromCampaign(this.data.campaign, emptyModel(this.data.today, this.data.inAMonth))
    : emptyModel(this.data.today, this.data.inAMonth);
  protected readonly metrics = SPIFF_METRIC_NAMES;
  protected readonly metricUnits = METRIC_UNITS;
  protected readonly rules = SPIFF_RULE_NAMES;
  protected readonly ruleLabel = RULE_LABEL;
  protected readonly ruleHelp = RULE_HELP;
  protected readonly preview = signal<SpiffCostPreviewDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly problems = signal<Map<string, string[]>>(new Map());
  protected readonly problemList = computed(() => [...this.problems().values()].flat());

  protected changed(): void {
    this.preview.set(null);
  }

  protected problem(field: string): string[] {
    return this.problems().get(field) ?? [];
  }

  protected addTier(): void {
    const last = this.m.tiers.at(-1);
    this.m.tiers = [
      ...this.m.tiers,
      { threshold: (last?.threshold ?? 0) + 10, amount: last?.amount ?? '10.00' },
    ];
    this.changed();
  }

  protected removeAt<K extends 'tiers' | 'prizes' | 'slices'>(key: K, i: number): void {
    (this.m[key] as unknown[]) = (this.m[key] as unknown[]).filter((_, j) => j !== i);
    this.changed();
  }

  protected addPrize(): void {
    this.m.prizes = [...this.m.prizes, this.m.prizes.at(-1) ?? '10.00'];
    this.changed();
  }

  protected addSlice(): void {
    this.m.slices = [...this.m.slices, { amount: '10.00', weight: 1 }];
    this.changed();
  }

  protected trackIndex(i: number): number {
    return i;
  }

  protected runPreview(): void {
    this.busy.set(true);
    this.error.set(null);
    this.problems.set(new Map());
    const input = toInput(this.m);
    // A preview needs no name yet.
    this.api.preview({ ...input, name: input.name || 'Preview' }).subscribe({
      next: (p) => {
        this.busy.set(false);
        this.preview.set(p);
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  protected save(launch: boolean): void {
    this.busy.set(true);
    this.error.set(null);
    this.problems.set(new Map());
    const input = toInput(this.m);
    const saved = this.data.campaign
      ? this.api.update(this.data.campaign.id, input)
      : this.api.create(input);
    saved.subscribe({
      next: (c) => {
        if (!launch) {
          this.ref.close(c);
          return;
        }
        this.api.launch(c.id).subscribe({
          next: (l) => this.ref.close(l),
          error: (e: unknown) => this.failed(e),
        });
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  private failed(e: unknown): void {
    this.busy.set(false);
    const body =
      e instanceof HttpErrorResponse
        ? (e.error as { errors?: { path: string; message: string }[] })
        : null;
    if (body?.errors && Array.isArray(body.errors)) {
      this.problems.set(problemsByField(body.errors));
      this.error.set(
        `${body.errors.length} problem${body.errors.length === 1 ? '' : 's'} to fix before this campaign can run.`,
      );
    } else {
      this.error.set(apiErrorMessage(e));
    }
  }
}
