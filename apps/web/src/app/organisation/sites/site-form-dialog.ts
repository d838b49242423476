import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
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
import type { SiteDto, SiteInput } from '@floorwise/contracts';
import { Alert } from '@floorwise/ui';
import { apiErrorMessage } from '../../core/api-error';
import { codeValidator, holidaysValidator, oneOf, parseHolidays } from '../form-validators';
import { OrgApi } from '../org-api.service';
import { knownTimeZones, zoneOffset } from '../org-labels';

export interface SiteFormData {
  /** The site to edit, or null to create one. */
  site: SiteDto | null;
}

@Component({
  selector: 'fw-site-form-dialog',
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
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    MatButton,
    Alert,
  ],
  template: `
    <h2 mat-dialog-title>{{ editing ? 'Edit site ' + data.site?.siteCode : 'New site' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
        }
        <div class="fw-form-grid">
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Site code</mat-label>
            <input matInput formControlName="siteCode" required autocomplete="off" />
            @if (editing) {
              <mat-hint>Codes are external ids and cannot change.</mat-hint>
            }
            @if (form.controls.siteCode.hasError('required')) {
              <mat-error>Enter a code.</mat-error>
            } @else if (form.controls.siteCode.hasError('code')) {
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
            <mat-label>Time zone (IANA)</mat-label>
            <input
              matInput
              formControlName="timeZone"
              required
              [matAutocomplete]="zones"
              autocomplete="off"
            />
            <mat-autocomplete #zones="matAutocomplete">
              @for (zone of zoneOptions(); track zone) {
                <mat-option [value]="zone">{{ zone }}</mat-option>
              }
            </mat-autocomplete>
            @if (offset(); as o) {
              <mat-hint>{{ o }} today</mat-hint>
            }
            @if (form.controls.timeZone.hasError('required')) {
              <mat-error>Choose the site's time zone.</mat-error>
            } @else if (form.controls.timeZone.hasError('oneOf')) {
              <mat-error>Not a known time zone. Use a name like America/Chicago.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fw-span-2">
            <mat-label>Holidays</mat-label>
            <textarea
              matInput
              formControlName="holidays"
              rows="3"
              placeholder="2025-01-01; 2025-12-25"
            ></textarea>
            <mat-hint
              >Dates YYYY-MM-DD, separated by “;”, commas or new lines. Holiday hours are paid
              +50%.</mat-hint
            >
            @if (form.controls.holidays.getError('holidays'); as bad) {
              <mat-error>Not a date: {{ bad.join(', ') }}</mat-error>
            }
          </mat-form-field>
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : editing ? 'Save changes' : 'Create site' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class SiteFormDialog {
  protected readonly data = inject<SiteFormData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<SiteFormDialog, SiteDto>>(MatDialogRef);
  private readonly api = inject(OrgApi);
  protected readonly editing = this.data.site !== null;
  private readonly allZones = knownTimeZones();

  protected readonly form = inject(NonNullableFormBuilder).group({
    siteCode: [
      { value: this.data.site?.siteCode ?? '', disabled: this.editing },
      [Validators.required, codeValidator],
    ],
    name: [this.data.site?.name ?? '', [Validators.required, Validators.maxLength(120)]],
    timeZone: [this.data.site?.timeZone ?? '', [Validators.required, oneOf(this.allZones)]],
    holidays: [(this.data.site?.holidays ?? []).join('; '), holidaysValidator],
  });
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  private readonly zoneText = toSignal(this.form.controls.timeZone.valueChanges, {
    initialValue: this.form.controls.timeZone.value,
  });
  protected readonly zoneOptions = computed(() => {
    const text = this.zoneText().toLowerCase().replace(/\s+/g, '_');
    return this.allZones.filter((zone) => zone.toLowerCase().includes(text)).slice(0, 60);
  });
  protected readonly offset = computed(() => {
    const zone = this.zoneText();
    return this.allZones.includes(zone) ? zoneOffset(zone) : null;
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const input: SiteInput = {
      siteCode: value.siteCode.trim(),
      name: value.name.trim(),
      timeZone: value.timeZone,
      holidays: parseHolidays(value.holidays).dates,
    };
    this.saving.set(true);
    this.error.set(null);
    this.ref.disableClose = true;
    const request = this.editing
      ? this.api.updateSite(input.siteCode, input)
      : this.api.createSite(input);
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
