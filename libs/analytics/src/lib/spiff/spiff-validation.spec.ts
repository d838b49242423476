import { SpiffCampaign } from './spiff.types';
import { validateSpiffCampaign } from './spiff-validation';

const base = { metric: 'sales' as const, budgetCents: 100_000 };

describe('validateSpiffCampaign', () => {
  it('accepts a well-formed campaign of each rule', () => {
    const rules: SpiffCampaign['rule'][] = [
      { type: 'per_unit', amountCents: 500, capCents: 5_000 },
      {
        type: 'tiered',
        tiers: [
          { threshold: 5, amountCents: 2_500 },
          { threshold: 10, amountCents: 7_500 },
        ],
      },
      { type: 'contest', prizes: [10_000, 5_000, 5_000], scope: 'team', minUnits: 0 },
      {
        type: 'prize_wheel',
        unitsPerSpin: 5,
        slices: [
          { amountCents: 0, weight: 5 },
          { amountCents: 1_000, weight: 1 },
        ],
      },
      { type: 'mystery_envelope', unitsPerEnvelope: 1, amounts: [{ amountCents: 200, weight: 3 }] },
      { type: 'lottery', unitsPerTicket: 2, prizes: [10_000] },
    ];
    for (const rule of rules) {
      expect(
        validateSpiffCampaign({ ...base, rule, period: { from: '2026-03-01', to: '2026-03-31' } }),
      ).toEqual([]);
    }
  });

  it('names every problem of a bad campaign', () => {
    expect(
      validateSpiffCampaign({
        metric: 'upsells' as never,
        budgetCents: 0,
        period: { from: '2026-03-31', to: '2026-03-01' },
        rule: { type: 'per_unit', amountCents: -500, capCents: 100.5 },
      }),
    ).toEqual([
      {
        path: 'metric',
        message: 'must be one of sales, saves, resolved, calls_handled, sale_amount_cents',
      },
      { path: 'budgetCents', message: 'must be a positive integer of cents' },
      { path: 'period.to', message: 'must not be before period.from' },
      { path: 'rule.amountCents', message: 'must be a positive integer of cents' },
      { path: 'rule.capCents', message: 'must be a non-negative integer of cents' },
    ]);
  });

  it('rejects empty tiers, non-increasing thresholds and tiers that pay less', () => {
    expect(validateSpiffCampaign({ ...base, rule: { type: 'tiered', tiers: [] } })).toEqual([
      { path: 'rule.tiers', message: 'needs at least one tier' },
    ]);
    expect(
      validateSpiffCampaign({
        ...base,
        rule: {
          type: 'tiered',
          tiers: [
            { threshold: 0, amountCents: 100 },
            { threshold: 10, amountCents: 500 },
            { threshold: 10, amountCents: 400 },
          ],
        },
      }),
    ).toEqual([
      { path: 'rule.tiers[0].threshold', message: 'must be a positive number of units' },
      { path: 'rule.tiers[2].threshold', message: 'thresholds must strictly increase' },
      { path: 'rule.tiers[2].amountCents', message: 'a higher tier must not pay less' },
    ]);
  });

  it('rejects bad contest, wheel, envelope and lottery parameters', () => {
    expect(
      validateSpiffCampaign({
        ...base,
        rule: { type: 'contest', prizes: [5_000, 10_000], scope: 'site' as never, minUnits: -1 },
      }),
    ).toEqual([
      { path: 'rule.prizes[1]', message: 'must not exceed the prize of the rank above' },
      { path: 'rule.scope', message: 'must be agent or team' },
      { path: 'rule.minUnits', message: 'must be a non-negative number' },
    ]);
    expect(
      validateSpiffCampaign({
        ...base,
        rule: {
          type: 'prize_wheel',
          unitsPerSpin: 0,
          slices: [
            { amountCents: 100, weight: 0 },
            { amountCents: -5, weight: 1.5 },
          ],
        },
      }),
    ).toEqual([
      { path: 'rule.unitsPerSpin', message: 'must be a whole number ≥ 1' },
      {
        path: 'rule.slices[0].weight',
        message: 'must be a positive integer (weights ≤ 0 never win)',
      },
      { path: 'rule.slices[1].amountCents', message: 'must be a non-negative integer of cents' },
      {
        path: 'rule.slices[1].weight',
        message: 'must be a positive integer (weights ≤ 0 never win)',
      },
    ]);
    expect(
      validateSpiffCampaign({
        ...base,
        rule: { type: 'mystery_envelope', unitsPerEnvelope: 2.5, amounts: [] },
      }),
    ).toEqual([
      { path: 'rule.unitsPerEnvelope', message: 'must be a whole number ≥ 1' },
      { path: 'rule.amounts', message: 'needs at least one amount' },
    ]);
    expect(
      validateSpiffCampaign({ ...base, rule: { type: 'lottery', unitsPerTicket: 1, prizes: [] } }),
    ).toEqual([{ path: 'rule.prizes', message: 'needs at least one prize' }]);
    expect(validateSpiffCampaign({ ...base, rule: { type: 'raffle' } as never })).toEqual([
      {
        path: 'rule.type',
        message: 'must be one of per_unit, tiered, contest, prize_wheel, mystery_envelope, lottery',
      },
    ]);
  });

  it('rejects a cap below one unit and a period date that does not exist', () => {
    expect(
      validateSpiffCampaign({
        ...base,
        period: { from: '2026-02-30', to: '2026-03-01' },
        rule: { type: 'per_unit', amountCents: 500, capCents: 400 },
      }),
    ).toEqual([
      { path: 'period.from', message: 'must be a valid YYYY-MM-DD date' },
      { path: 'rule.capCents', message: 'must be at least the amount of one unit' },
    ]);
  });
});
