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
import type { SiteDto, TeamDto, TeamInput } from '@floorwise/contracts';
import { Alert } from '@floorwise/ui';
import { apiErrorMessage } from '../../core/api-error';
import { codeValidator } from '../form-validators';
import { OrgApi } from '../org-api.service';

export interface TeamFormData {
  team: TeamDto | null;
  sites: readonly SiteDto[];
}

@Component({
  selector: 'fw-team-form-dialog',
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
    <h2 mat-dialog-title>{{ editing ? 'Edit team ' + data.team?.teamCode : 'New team' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
        }
        <div class="fw-form-grid">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Team code</mat-label>
            <input matInput formControlName="teamCode" required autocomplete="off" />
            @if (form.controls.teamCode.hasError('required')) {
              <mat-error>Enter a code.</mat-error>
            } @else if (form.controls.teamCode.hasError('code')) {
              <mat-error>Letters, digits, “.”, “_” and “-” only.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Name</mat-label>
            <input matInput formControlName="name" required />
            @if (form.controls.name.hasError('required')) {
              <mat-error>Enter a name.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fw-span-2">
            <mat-label>Site</mat-label>
            <mat-select formControlName="siteCode" required>
              @for (site of data.sites; track site.siteCode) {
                <mat-option [value]="site.siteCode"
                  >{{ site.siteCode }} · {{ site.name }} ({{ site.timeZone }})</mat-option
                >
              }
            </mat-select>
            @if (form.controls.siteCode.hasError('required')) {
              <mat-error>Choose the team's site.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fw-span-2">
            <mat-label>Manager email</mat-label>
            <input matInput type="email" formControlName="managerEmail" autocomplete="off" />
            <mat-hint>Optional. The manager's Floorwise account sees this team's floor.</mat-hint>
            @if (form.controls.managerEmail.hasError('email')) {
              <mat-error>This is not an email address.</mat-error>
            }
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : editing ? 'Save changes' : 'Create team' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class TeamFormDialog {
  protected readonly data = inject<TeamFormData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<TeamFormDialog, TeamDto>>(MatDialogRef);
  private readonly api = inject(OrgApi);
  protected readonly editing = this.data.team !== null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    teamCode: [
      { value: this.data.team?.teamCode ?? '', disabled: this.editing },
      [Validators.required, codeValidator],
    ],
    name: [this.data.team?.name ?? '', [Validators.required, Validators.maxLength(120)]],
    siteCode: [this.data.team?.siteCode ?? '', Validators.required],
    managerEmail: [this.data.team?.managerEmail ?? '', Validators.email],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const input: TeamInput = {
      teamCode: value.teamCode.trim(),
      name: value.name.trim(),
      siteCode: value.siteCode,
      managerEmail: value.managerEmail.trim() || null,
    };
    this.saving.set(true);
    this.error.set(null);
    this.ref.disableClose = true;
    const request = this.editing
      ? this.api.updateTeam(input.teamCode, input)
      : this.api.createTeam(input);
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
