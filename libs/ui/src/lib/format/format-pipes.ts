import { Pipe, PipeTransform } from '@angular/core';
import { formatCents, formatInstant, formatLocalDate, formatNumber, formatPercent } from './format';

/** `{{ agent.hourlyRateCents | cents }}` → "$15.81". */
@Pipe({ name: 'cents' })
export class CentsPipe implements PipeTransform {
  transform(cents: number | null | undefined): string {
    return formatCents(cents);
  }
}

/** `{{ agent.hireDate | localDate }}` for a `YYYY-MM-DD` calendar date. */
@Pipe({ name: 'localDate' })
export class LocalDatePipe implements PipeTransform {
  transform(
    value: string | null | undefined,
    style: 'medium' | 'short' | 'long' = 'medium',
  ): string {
    return formatLocalDate(value, undefined, style);
  }
}

/** `{{ user.createdAt | instant }}` for an ISO 8601 instant. */
@Pipe({ name: 'instant' })
export class InstantPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return formatInstant(value);
  }
}

@Pipe({ name: 'num' })
export class NumberFormatPipe implements PipeTransform {
  transform(value: number | null | undefined, maximumFractionDigits = 0): string {
    return formatNumber(value, undefined, maximumFractionDigits);
  }
}

@Pipe({ name: 'percent' })
export class PercentFormatPipe implements PipeTransform {
  transform(fraction: number | null | undefined, maximumFractionDigits = 1): string {
    return formatPercent(fraction, undefined, maximumFractionDigits);
  }
}
