import { Pipe, PipeTransform } from '@angular/core';

const cache = new Map<string, Intl.NumberFormat>();

/**
 * A fraction as a percentage with a fixed number of decimals ("43.0%", not "43%"), so a column
 * of rates lines up. Intl formats it for the viewer's locale; no value is a dash.
 */
export function formatPercentFixed(
  fraction: number | null | undefined,
  locale?: string,
  digits = 1,
): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) {
    return '—';
  }
  const key = `${locale ?? ''}|${digits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    cache.set(key, format);
  }
  return format.format(fraction);
}

/** `{{ row.serviceLevel | percentFixed }}` → "43.0%". */
@Pipe({ name: 'percentFixed' })
export class PercentFixedPipe implements PipeTransform {
  transform(fraction: number | null | undefined, digits = 1): string {
    return formatPercentFixed(fraction, undefined, digits);
  }
}
