import { isLocalDate } from '../dates/local-date';
import { PayConfig } from './shift.types';

/**
 * Checks a site's pay configuration (metrics.md §4) and returns every problem found, or [] when
 * it is valid: hours are whole local hours 0–23, percentages and contract hours non-negative,
 * the overtime multiplier at least 1, holidays real `YYYY-MM-DD` dates, weekend days 1–7.
 */
export function validatePayConfig(config: PayConfig): string[] {
  const errors: string[] = [];
  const nonNegative = (name: keyof PayConfig, value: number) => {
    if (!Number.isFinite(value) || value < 0) {
      errors.push(`${name} must be a non-negative number`);
    }
  };
  nonNegative('contractHours', config.contractHours);
  nonNegative('nightPct', config.nightPct);
  nonNegative('weekendPct', config.weekendPct);
  nonNegative('holidayPct', config.holidayPct);
  nonNegative('minReportingPayHours', config.minReportingPayHours);
  if (!Number.isFinite(config.overtimeMultiplier) || config.overtimeMultiplier < 1) {
    errors.push('overtimeMultiplier must be at least 1');
  }
  for (const name of ['nightStart', 'nightEnd'] as const) {
    const hour = config[name];
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
      errors.push(`${name} must be a whole hour from 0 to 23`);
    }
  }
  for (const day of config.holidays) {
    if (!isLocalDate(day)) {
      errors.push(`holiday "${day}" is not a valid YYYY-MM-DD date`);
    }
  }
  for (const day of config.weekendDays ?? []) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      errors.push(`weekend day ${day} must be an ISO weekday from 1 (Monday) to 7 (Sunday)`);
    }
  }
  return errors;
}
