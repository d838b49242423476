import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CAMPAIGN_KINDS,
  CampaignDto,
  CampaignInput,
  CampaignKind,
  SiteDto,
} from '@floorwise/contracts';
import { Alert } from '@floorwise/ui';
import { apiErrorMessage } from '../../core/api-error';
import { codeValidator } from '../form-validators';
import { OrgApi } from '../org-api.service';
import { CAMPAIGN_KIND_LABEL } from '../org-labels';

export interface CampaignFormData {
  campaign: CampaignDto | null;
  sites: readonly SiteDto[];
}

@Component({
  selector: 'fw-campaign-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    Alert,
  ],
  template: `
    <h2 mat-dialog-title>
      {{ editing ? 'Edit campaign ' + data.campaign?.campaignCode : 'New campaign' }}
    </h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
        }
        <div class="fw-form-grid">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Campaign code</mat-label>
            <input matInput formControlName="campaignCode" required autocomplete="off" />
            @if (form.controls.campaignCode.hasError('required')) {
              <mat-error>Enter a code.</mat-error>
            } @else if (form.controls.campaignCode.hasError('code')) {
              <mat-error>Letters, digits, “.”, “_” and “-” only.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Kind</mat-label>
            <mat-select formControlName="kind" required>
              @for (kind of kinds; track kind) {
                <mat-option [value]="kind">{{ kindLabel[kind] }}</mat-option>
              }
            </mat-select>
            @if (form.controls.kind.hasError('required')) {
              <mat-error>Choose a kind.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fw-span-2">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required />
            @if (form.controls.name.hasError('required')) {
              <mat-error>Enter a name.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Client</mat-label>
            <input matInput formControlName="client" />
            <mat-hint>Optional: the outsourcing client.</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Clock site</mat-label>
            <mat-select formControlName="siteCode">
              <mat-option value="">None (UTC)</mat-option>
              @for (site of data.sites; track site.siteCode) {
                <mat-option [value]="site.siteCode"
                  >{{ site.siteCode }} · {{ site.name }}</mat-option
                >
              }
            </mat-select>
            <mat-hint>Whose clock dates this campaign's abandoned calls.</mat-hint>
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : editing ? 'Save changes' : 'Create campaign' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class CampaignFormDialog {
  protected readonly data = inject<CampaignFormData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<CampaignFormDialog, CampaignDto>>(MatDialogRef);
  private readonly api = inject(OrgApi);
  protected readonly editing = this.data.campaign !== null;
  protected readonly kinds = CAMPAIGN_KINDS;
  protected readonly kindLabel = CAMPAIGN_KIND_LABEL;

  protected readonly form = inject(NonNullableFormBuilder).group({
    campaignCode: [
      { value: this.data.campaign?.campaignCode ?? '', disabled: this.editing },
      [Validators.required, codeValidator],
    ],
    name: [this.data.campaign?.name ?? '', [Validators.required, Validators.maxLength(120)]],
    kind: [(this.data.campaign?.kind ?? '') as CampaignKind | '', Validators.required],
    client: [this.data.campaign?.client ?? ''],
    siteCode: [this.data.campaign?.siteCode ?? ''],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected save(): void {
    const value = this.form.getRawValue();
    if (this.form.invalid || value.kind === '') {
      this.form.markAllAsTouched();
      return;
    }
    const input: CampaignInput = {
      campaignCode: value.campaignCode.trim(),
      name: value.name.trim(),
      kind: value.kind,
      client: value.client.trim() || null,
      siteCode: value.siteCode || null,
    };
    this.saving.set(true);
    this.error.set(null);
    this.ref.disableClose = true;
    const request = this.editing
      ? this.api.updateCampaign(input.campaignCode, input)
      : this.api.createCampaign(input);
    request.subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.ref.disableClose = false;
        this.error.set(apiErrorMessage(error));
      },
    });
  }
}
