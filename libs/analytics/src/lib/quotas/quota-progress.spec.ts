import { aggregateQuotaActual, quotaMet, quotaProgress } from './quota-progress';
import { isCountQuotaMetric, QUOTA_METRIC_COMPARATOR } from './quota.types';

describe('quotaProgress', () => {
  it('divides actual by target for at-least quotas, past 100 % when exceeded', () => {
    expect(quotaProgress(40, 80, 'at_least')).toBe(0.5);
    expect(quotaProgress(96, 80, 'at_least')).toBe(1.2);
  });

  it('divides target by actual for at-most quotas and caps at 1 when met', () => {
    expect(quotaProgress(400, 300, 'at_most')).toBe(0.75);
    expect(quotaProgress(250, 300, 'at_most')).toBe(1);
    expect(quotaProgress(300, 300, 'at_most')).toBe(1);
    expect(quotaProgress(0, 300, 'at_most')).toBe(1);
  });

  it('returns null without an actual or with a zero at-least target', () => {
    expect(quotaProgress(null, 80, 'at_least')).toBeNull();
    expect(quotaProgress(5, 0, 'at_least')).toBeNull();
  });
});

describe('quotaMet', () => {
  it('compares in the direction of the comparator', () => {
    expect(quotaMet(80, 80, 'at_least')).toBe(true);
    expect(quotaMet(79, 80, 'at_least')).toBe(false);
    expect(quotaMet(300, 300, 'at_most')).toBe(true);
    expect(quotaMet(301, 300, 'at_most')).toBe(false);
    expect(quotaMet(null, 300, 'at_most')).toBe(false);
  });
});

describe('quota metrics', () => {
  it('knows the counts and that AHT is the only at-most metric', () => {
    expect(
      ['calls_handled', 'sales', 'saves', 'resolved'].every((m) => isCountQuotaMetric(m as never)),
    ).toBe(true);
    expect(isCountQuotaMetric('csat')).toBe(false);
    expect(Object.entries(QUOTA_METRIC_COMPARATOR).filter(([, c]) => c === 'at_most')).toEqual([
      ['aht_seconds', 'at_most'],
    ]);
  });
});

describe('aggregateQuotaActual (team and campaign quotas)', () => {
  it('sums counts, a member without a figure adding nothing', () => {
    expect(aggregateQuotaActual('sales', [10, null, 5])).toBe(15);
    expect(aggregateQuotaActual('calls_handled', [])).toBe(0);
  });

  it('averages rates over the members that have one', () => {
    expect(aggregateQuotaActual('csat', [4.5, null, 3.5])).toBe(4);
    expect(aggregateQuotaActual('aht_seconds', [240, 300, 330])).toBe(290);
    expect(aggregateQuotaActual('qa_score', [null])).toBeNull();
  });
});
