import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { isValidLocalDate } from '@floorwise/ui';
import { CODE_PATTERN } from './org-labels';

/** An external id: letters, digits, `.`, `_`, `-`, up to 64 characters. */
export const codeValidator: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  const value = control.value?.trim() ?? '';
  return value === '' || CODE_PATTERN.test(value) ? null : { code: true };
};

/** A `YYYY-MM-DD` date that exists (the browser date input gives this format). */
export const localDateValidator: ValidatorFn = (
  control: AbstractControl<string | null>,
): ValidationErrors | null => {
  const value = control.value ?? '';
  return value === '' || isValidLocalDate(value) ? null : { localDate: true };
};

/** One of the allowed values, e.g. a known IANA time zone. */
export function oneOf(values: readonly string[]): ValidatorFn {
  const allowed = new Set(values);
  return (control: AbstractControl<string>): ValidationErrors | null =>
    !control.value || allowed.has(control.value) ? null : { oneOf: true };
}

/**
 * Holidays typed as dates separated by `;`, commas, spaces or new lines.
 * Returns the sorted distinct dates and the entries that are not real dates.
 */
export function parseHolidays(text: string): { dates: string[]; invalid: string[] } {
  const entries = text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
  const invalid = entries.filter((entry) => !isValidLocalDate(entry));
  const dates = [...new Set(entries.filter((entry) => isValidLocalDate(entry)))].sort();
  return { dates, invalid };
}

export const holidaysValidator: ValidatorFn = (
  control: AbstractControl<string>,
): ValidationErrors | null => {
  const { invalid } = parseHolidays(control.value ?? '');
  return invalid.length ? { holidays: invalid } : null;
};
