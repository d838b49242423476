import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { DateTime } from 'luxon';

/** `@Validate(IsLocalDate)`: a `YYYY-MM-DD` local date that exists (no 2026-02-30). */
@ValidatorConstraint({ name: 'localDate' })
export class IsLocalDate implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return (
      typeof v === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(v) &&
      DateTime.fromISO(v, { zone: 'UTC' }).isValid
    );
  }
  defaultMessage(): string {
    return '$property must be a local date YYYY-MM-DD that exists';
  }
}
