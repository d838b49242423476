import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import {
  AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  ValidatorFn,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatPrefix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  AgentDto,
  AgentInput,
  TERMINATION_TYPES,
  TeamDto,
  TerminationType,
  WORK_MODES,
  WorkMode,
} from '@floorwise/contracts';
import { Alert } from '@floorwise/ui';
import { apiErrorMessage } from '../../core/api-error';
import { codeValidator, localDateValidator } from '../form-validators';
import { OrgApi } from '../org-api.service';
import { TERMINATION_TYPE_LABEL, todayLocal, WORK_MODE_LABEL } from '../org-labels';

export interface AgentFormData {
  agent: AgentDto | null;
  teams: readonly TeamDto[];
}

/** Dollars typed by a person → integer cents, rounded half away from zero; null if not a money amount. */
export function dollarsToCents(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(trimmed)) {
    return null;
  }
  const [whole, fraction = ''] = trimmed.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

const moneyValidator: ValidatorFn = (control: AbstractControl<string>) =>
  control.value === '' || dollarsToCents(control.value) !== null ? null : { money: true };

/** A separation needs a date and a type together, and cannot come before the hire date. */
export const separationValidator: ValidatorFn = (
  group: AbstractControl,
): ValidationErrors | null => {
  const hire = group.get('hireDate')?.value as string;
  const end = group.get('terminationDate')?.value as string;
  const type = group.get('terminationType')?.value as string;
  const reason = (group.get('terminationReason')?.value as string).trim();
  const errors: ValidationErrors = {};
  if (end && hire && end < hire) {
    errors['endBeforeHire'] = true;
  }
  if (end && !type) {
    errors['typeMissing'] = true;
  }
  if (!end && (type || reason)) {
    errors['dateMissing'] = true;
  }
  return Object.keys(errors).length ? errors : null;
};

@Component({
  selector: 'fw-agent-form-dialog',
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
    MatPrefix,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    Alert,
  ],
  templateUrl: './agent-form-dialog.html',
  styles: `
    h3 {
      grid-column: 1 / -1;
      margin: 8px 0 -4px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .group-error {
      grid-column: 1 / -1;
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class AgentFormDialog {
  protected readonly data = inject<AgentFormData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<AgentFormDialog, AgentDto>>(MatDialogRef);
  private readonly api = inject(OrgApi);
  protected readonly editing = this.data.agent !== null;
  protected readonly workModes = WORK_MODES;
  protected readonly workModeLabel = WORK_MODE_LABEL;
  protected readonly terminationTypes = TERMINATION_TYPES;
  protected readonly terminationLabel = TERMINATION_TYPE_LABEL;

  protected readonly form = this.buildForm(this.data.agent);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  private buildForm(agent: AgentDto | null) {
    return inject(NonNullableFormBuilder).group(
      {
        employeeCode: [
          { value: agent?.employeeCode ?? '', disabled: agent !== null },
          [Validators.required, codeValidator],
        ],
        fullName: [agent?.fullName ?? '', [Validators.required, Validators.maxLength(160)]],
        email: [agent?.email ?? '', [Validators.required, Validators.email]],
        teamCode: [agent?.teamCode ?? '', Validators.required],
        title: [
          agent?.title ?? 'Customer Service Representative',
          [Validators.required, Validators.maxLength(120)],
        ],
        workMode: [(agent?.workMode ?? 'onsite') as WorkMode, Validators.required],
        hireDate: [agent?.hireDate ?? todayLocal(), [Validators.required, localDateValidator]],
        hourlyRate: [
          agent ? (agent.hourlyRateCents / 100).toFixed(2) : '15.81',
          [Validators.required, moneyValidator],
        ],
        contractHours: [
          agent?.contractHours ?? 40,
          [Validators.required, Validators.min(1), Validators.max(80)],
        ],
        terminationDate: [agent?.terminationDate ?? '', localDateValidator],
        terminationType: [(agent?.terminationType ?? '') as TerminationType | ''],
        terminationReason: [agent?.terminationReason ?? '', Validators.maxLength(200)],
      },
      { validators: separationValidator },
    );
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const cents = dollarsToCents(v.hourlyRate);
    if (cents === null) {
      return;
    }
    const input: AgentInput = {
      employeeCode: v.employeeCode.trim(),
      fullName: v.fullName.trim(),
      email: v.email.trim(),
      teamCode: v.teamCode,
      title: v.title.trim(),
      workMode: v.workMode,
      hireDate: v.hireDate,
      hourlyRateCents: cents,
      contractHours: Number(v.contractHours),
      terminationDate: v.terminationDate || null,
      terminationType: v.terminationType || null,
      terminationReason: v.terminationReason.trim() || null,
    };
    this.saving.set(true);
    this.error.set(null);
    this.ref.disableClose = true;
    const request = this.editing
      ? this.api.updateAgent(input.employeeCode, input)
      : this.api.createAgent(input);
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
