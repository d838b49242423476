import { stringify } from 'csv-stringify/sync';
import type { PayEstimatesDto } from '@floorwise/contracts';

/** Integer cents as dollars with two decimals, exactly (no float arithmetic). */
export function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const hours = (seconds: number) => (seconds / 3600).toFixed(2);

export const PAYROLL_COLUMNS = [
  'period_from',
  'period_to',
  'employee_code',
  'full_name',
  'team_code',
  'site_code',
  'hourly_rate',
  'paid_hours',
  'worked_hours',
  'overtime_hours',
  'night_hours',
  'weekend_hours',
  'holiday_hours',
  'hours_lost',
  'base',
  'overtime_premium',
  'night_differential',
  'weekend_differential',
  'holiday_differential',
  'spiff',
  'total',
] as const;

/**
 * The pay estimates as a payroll CSV (RFC 4180): one row per agent, money in dollars with two
 * decimals from the integer cents of each line, hours with two decimals. An estimate, not a
 * payslip: the lines are metrics.md §4's, SPIFF awards as approved at the time.
 */
export function payrollCsv(dto: PayEstimatesDto): string {
  return stringify(
    dto.rows.map((r) => [
      r.from,
      r.to,
      r.employeeCode,
      r.fullName,
      r.teamCode,
      r.siteCode,
      dollars(r.hourlyRateCents),
      hours(r.paidSeconds),
      hours(r.workedSeconds),
      hours(r.overtimeSeconds),
      hours(r.differentialSeconds.night),
      hours(r.differentialSeconds.weekend),
      hours(r.differentialSeconds.holiday),
      hours(r.lostSeconds),
      dollars(r.lines.baseCents),
      dollars(r.lines.overtimePremiumCents),
      dollars(r.lines.nightDifferentialCents),
      dollars(r.lines.weekendDifferentialCents),
      dollars(r.lines.holidayDifferentialCents),
      dollars(r.lines.spiffCents),
      dollars(r.totalCents),
    ]),
    { header: true, columns: [...PAYROLL_COLUMNS] },
  );
}
