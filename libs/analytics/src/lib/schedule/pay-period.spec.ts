import {
  overtimeWeeksOf,
  payPeriodDataFrom,
  payPeriodOf,
  previousPayPeriod,
  recentPayPeriods,
} from './pay-period';

describe('payPeriodOf', () => {
  it('counts bi-weekly periods from a Monday anchor, before and after it', () => {
    const rule = { kind: 'biweekly' as const, anchor: '2025-12-29' };
    expect(payPeriodOf('2025-12-29', rule)).toEqual({ from: '2025-12-29', to: '2026-01-11' });
    expect(payPeriodOf('2026-01-11', rule)).toEqual({ from: '2025-12-29', to: '2026-01-11' });
    expect(payPeriodOf('2026-01-12', rule)).toEqual({ from: '2026-01-12', to: '2026-01-25' });
    expect(payPeriodOf('2025-12-28', rule)).toEqual({ from: '2025-12-15', to: '2025-12-28' });
    // 2026-11-30 is 336 days = 24 periods after the anchor
    expect(payPeriodOf('2026-12-01', rule)).toEqual({ from: '2026-11-30', to: '2026-12-13' });
  });

  it('splits months at the 15th (semi-monthly), including a leap February', () => {
    const rule = { kind: 'semimonthly' as const, anchor: '2025-12-29' };
    expect(payPeriodOf('2028-02-15', rule)).toEqual({ from: '2028-02-01', to: '2028-02-15' });
    expect(payPeriodOf('2028-02-16', rule)).toEqual({ from: '2028-02-16', to: '2028-02-29' });
    expect(payPeriodOf('2026-02-20', rule)).toEqual({ from: '2026-02-16', to: '2026-02-28' });
    expect(previousPayPeriod({ from: '2026-03-01', to: '2026-03-15' }, rule)).toEqual({
      from: '2026-02-16',
      to: '2026-02-28',
    });
  });

  it('gives weekly and monthly periods, and refuses an anchor that is not a Monday', () => {
    expect(payPeriodOf('2026-12-03', { kind: 'weekly', anchor: '2025-12-29' })).toEqual({
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(payPeriodOf('2026-12-31', { kind: 'monthly', anchor: '2025-12-29' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(() => payPeriodOf('2026-12-03', { kind: 'weekly', anchor: '2025-12-30' })).toThrow(
      /not a Monday/,
    );
  });

  it('lists the current and past periods, newest first', () => {
    expect(
      recentPayPeriods('2026-12-01', 3, { kind: 'biweekly', anchor: '2025-12-29' }).map(
        (p) => p.from,
      ),
    ).toEqual(['2026-11-30', '2026-11-16', '2026-11-02']);
  });
});

describe('overtimeWeeksOf', () => {
  it("pays a straddling week's overtime in the period that holds its Sunday", () => {
    // 2026-03-16 … 31: weeks of Mon 16 (Sun 22) and Mon 23 (Sun 29); Mon 30's Sunday is 5 April
    expect(overtimeWeeksOf({ from: '2026-03-16', to: '2026-03-31' })).toEqual([
      '2026-03-16',
      '2026-03-23',
    ]);
    // 2026-04-01 (a Wednesday) … 15: the weeks of Mon 30 March and Mon 6 April
    expect(overtimeWeeksOf({ from: '2026-04-01', to: '2026-04-15' })).toEqual([
      '2026-03-30',
      '2026-04-06',
    ]);
    expect(payPeriodDataFrom({ from: '2026-04-01', to: '2026-04-15' })).toBe('2026-03-30');
    expect(payPeriodDataFrom({ from: '2026-03-16', to: '2026-03-31' })).toBe('2026-03-16');
  });

  it('pays every week of a Monday-aligned bi-weekly period, and only those', () => {
    expect(overtimeWeeksOf({ from: '2026-11-30', to: '2026-12-13' })).toEqual([
      '2026-11-30',
      '2026-12-07',
    ]);
  });
});
