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
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { Role, ROLES, UserDto } from '@floorwise/contracts';
import { Alert } from '@floorwise/ui';
import { apiErrorMessage } from '../../core/api-error';
import { UsersApi } from './users-api.service';
import { MIN_PASSWORD_LENGTH, ROLE_HINT, ROLE_LABEL } from './user-labels';

/** An agent account must name the employee whose data it may see. */
export const agentNeedsEmployee: ValidatorFn = (
  group: AbstractControl,
): ValidationErrors | null => {
  const role = group.get('role')?.value as Role;
  const code = (group.get('employeeCode')?.value as string).trim();
  return role === 'agent' && !code ? { employeeRequired: true } : null;
};

const SHARED_IMPORTS = [
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
  MatButton,
  Alert,
];

/** Create an account, or edit one (role, employee link, disabled) when `data.user` is given. */
@Component({
  selector: 'fw-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...SHARED_IMPORTS, MatSelect, MatOption, MatSlideToggle],
  template: `
    <h2 mat-dialog-title>{{ user ? 'Edit ' + user.email : 'New user' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (error(); as message) {
          <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
        }
        @if (self) {
          <fw-alert tone="info" class="fw-alert-gap"
            >This is your own account: its role and status cannot be changed here.</fw-alert
          >
        }
        <div class="fw-form-grid">
          <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fw-span-2">
            <mat-label>Email</mat-label>
            <input matInput type="email" formControlName="email" required autocomplete="off" />
            @if (form.controls.email.hasError('required')) {
              <mat-error>Enter the email.</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>This is not an email address.</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Role</mat-label>
            <mat-select formControlName="role" required>
              @for (role of roles; track role) {
                <mat-option [value]="role">{{ roleLabel[role] }}</mat-option>
              }
            </mat-select>
            <mat-hint>{{ roleHint[form.controls.role.value] }}</mat-hint>
          </mat-form-field>
          <mat-form-field appearance="outline" subscriptSizing="dynamic">
            <mat-label>Employee code</mat-label>
            <input matInput formControlName="employeeCode" autocomplete="off" />
            <mat-hint>Links the account to an agent record.</mat-hint>
          </mat-form-field>
          @if (
            form.hasError('employeeRequired') &&
            (form.controls.employeeCode.touched || form.touched)
          ) {
            <p class="fw-span-2 group-error" role="alert">
              An agent account needs the employee code of its agent.
            </p>
          }
          @if (!user) {
            <mat-form-field appearance="outline" subscriptSizing="dynamic" class="fw-span-2">
              <mat-label>Initial password</mat-label>
              <input
                matInput
                type="password"
                formControlName="password"
                autocomplete="new-password"
              />
              <mat-hint
                >At least {{ minLength }} characters. Share it privately; the person can change it
                later.</mat-hint
              >
              @if (form.controls.password.hasError('required')) {
                <mat-error>Enter a password.</mat-error>
              } @else if (form.controls.password.hasError('minlength')) {
                <mat-error>At least {{ minLength }} characters.</mat-error>
              }
            </mat-form-field>
          } @else {
            <mat-slide-toggle class="fw-span-2" formControlName="disabled"
              >Disabled — cannot sign in</mat-slide-toggle
            >
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : user ? 'Save changes' : 'Create user' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .group-error {
      margin: 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    mat-slide-toggle {
      margin: 8px 0;
    }
  `,
})
export class UserDialog {
  private readonly data = inject<{ user: UserDto | null; selfEmail: string | null }>(
    MAT_DIALOG_DATA,
  );
  private readonly ref = inject<MatDialogRef<UserDialog, UserDto>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  protected readonly user = this.data.user;
  protected readonly self = this.user !== null && this.user.email === this.data.selfEmail;
  protected readonly roles = ROLES;
  protected readonly roleLabel = ROLE_LABEL;
  protected readonly roleHint = ROLE_HINT;
  protected readonly minLength = MIN_PASSWORD_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      email: [
        { value: this.user?.email ?? '', disabled: this.user !== null },
        [Validators.required, Validators.email],
      ],
      role: [
        { value: this.user?.role ?? ('manager' as Role), disabled: this.self },
        Validators.required,
      ],
      employeeCode: [this.user?.employeeCode ?? ''],
      password: [
        '',
        this.user ? [] : [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)],
      ],
      disabled: [{ value: this.user?.disabled ?? false, disabled: this.self }],
    },
    { validators: agentNeedsEmployee },
  );
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const employeeCode = v.employeeCode.trim() || null;
    const request = this.user
      ? this.api.update(this.user.id, {
          employeeCode,
          ...(this.self ? {} : { role: v.role, disabled: v.disabled }),
        })
      : this.api.create({
          email: v.email.trim(),
          password: v.password,
          role: v.role,
          employeeCode,
        });
    this.saving.set(true);
    this.error.set(null);
    this.ref.disableClose = true;
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

const samePassword: ValidatorFn = (group: AbstractControl): ValidationErrors | null =>
  group.get('password')?.value === group.get('confirm')?.value ? null : { mismatch: true };

/** Set a new password for someone who lost theirs. */
@Component({
  selector: 'fw-reset-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: SHARED_IMPORTS,
  template: `
    <h2 mat-dialog-title>Reset password</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        <p class="fw-muted">
          Set a new password for <strong>{{ user.email }}</strong
          >.
        </p>
        @if (error(); as message) {
          <fw-alert tone="error" class="fw-alert-gap">{{ message }}</fw-alert>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>New password</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            autocomplete="new-password"
            required
          />
          @if (form.controls.password.hasError('required')) {
            <mat-error>Enter a password.</mat-error>
          } @else if (form.controls.password.hasError('minlength')) {
            <mat-error>At least {{ minLength }} characters.</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>Repeat it</mat-label>
          <input
            matInput
            type="password"
            formControlName="confirm"
            autocomplete="new-password"
            required
          />
          @if (form.hasError('mismatch') && form.controls.confirm.touched) {
            <mat-hint class="mismatch">The two passwords differ.</mat-hint>
          }
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="saving()">Cancel</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ saving() ? 'Saving…' : 'Set password' }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
    .mismatch {
      color: var(--mat-sys-error);
    }
  `,
})
export class ResetPasswordDialog {
  protected readonly user = inject<UserDto>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ResetPasswordDialog, boolean>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  protected readonly minLength = MIN_PASSWORD_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
      confirm: ['', Validators.required],
    },
    { validators: samePassword },
  );
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.ref.disableClose = true;
    this.api.resetPassword(this.user.id, { password: this.form.getRawValue().password }).subscribe({
      next: () => this.ref.close(true),
      error: (error: unknown) => {
        this.saving.set(false);
        this.ref.disableClose = false;
        this.error.set(apiErrorMessage(error));
      },
    });
  }
}
