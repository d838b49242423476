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
      { type: 'contest', prizes: [10_000, 5_000, 5_000], scope: 'team', minUnits: 1 },
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
      { path: 'rule.tiers[0].threshold', message: 'must be a whole number of units ≥ 1' },
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
      {
        path: 'rule.minUnits',
        message: 'must be a whole number ≥ 1 (nobody wins a prize with no units)',
      },
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

  it('names a parameter that belongs to no rule of that type', () => {
    expect(
      validateSpiffCampaign({
        ...base,
        rule: {
          type: 'tiered',
          tiers: [{ threshold: 5, amountCents: 100, bonus: 1 }],
          cap: 5,
        } as never,
      }),
    ).toEqual([
      { path: 'rule.cap', message: 'is not a parameter of tiered (expected tiers)' },
      {
        path: 'rule.tiers[0].bonus',
        message: 'is not a parameter of a tier (expected threshold, amountCents)',
      },
    ]);
  });

  it('rejects rules that can never pay, fractional thresholds and a bad perUnits', () => {
    expect(
      validateSpiffCampaign({
        ...base,
        rule: { type: 'tiered', tiers: [{ threshold: 2.5, amountCents: 0 }] },
      }),
    ).toEqual([
      { path: 'rule.tiers[0].threshold', message: 'must be a whole number of units ≥ 1' },
      { path: 'rule.tiers[0].amountCents', message: 'the top tier must pay something' },
    ]);
    expect(
      validateSpiffCampaign({
        ...base,
        rule: { type: 'prize_wheel', unitsPerSpin: 3, slices: [{ amountCents: 0, weight: 1 }] },
      }),
    ).toEqual([{ path: 'rule.slices', message: 'at least one amount must pay something' }]);
    expect(
      validateSpiffCampaign({ ...base, rule: { type: 'lottery', unitsPerTicket: 1, prizes: [0] } }),
    ).toEqual([{ path: 'rule.prizes[0]', message: 'the first prize must pay something' }]);
    expect(
      validateSpiffCampaign({ ...base, rule: { type: 'per_unit', amountCents: 5, perUnits: 0 } }),
    ).toEqual([{ path: 'rule.perUnits', message: 'must be a whole number ≥ 1' }]);
  });

  it('rejects contest and lottery prizes that the budget cannot pay', () => {
    expect(
      validateSpiffCampaign({
        metric: 'sales',
        budgetCents: 10_000,
        rule: { type: 'lottery', unitsPerTicket: 1, prizes: [8_000, 2_000, 1] },
      }),
    ).toEqual([
      {
        path: 'rule.prizes',
        message: 'the prizes total 10001 cents, more than the budget of 10000 cents',
      },
    ]);
  });

  it('checks the quality gate and the handicap', () => {
    const rule = { type: 'tiered' as const, tiers: [{ threshold: 5, amountCents: 100 }] };
    expect(
      validateSpiffCampaign({ ...base, rule, qualityGate: { qaMin: 80, unscored: 'count' } }),
    ).toEqual([]);
    expect(
      validateSpiffCampaign({
        ...base,
        rule,
        qualityGate: { qaMin: 101, csatMin: 0, unscored: 'maybe' as never },
        handicap: { tenureDays: 0, targetPercent: 100 },
      }),
    ).toEqual([
      { path: 'qualityGate.qaMin', message: 'must be a whole QA score 0–100' },
      { path: 'qualityGate.csatMin', message: 'must be a whole CSAT score 1–5' },
      { path: 'qualityGate.unscored', message: 'must be count or exclude' },
      { path: 'handicap.tenureDays', message: 'must be a whole number of days 1–3650' },
      {
        path: 'handicap.targetPercent',
        message: 'must be a whole percent 1–99 of the normal targets',
      },
    ]);
    expect(validateSpiffCampaign({ ...base, rule, qualityGate: { unscored: 'count' } })).toEqual([
      { path: 'qualityGate', message: 'needs qaMin, csatMin or both' },
    ]);
    expect(
      validateSpiffCampaign({
        ...base,
        rule: { type: 'per_unit', amountCents: 100 },
        handicap: { tenureDays: 90, targetPercent: 70 },
      }),
    ).toEqual([
      {
        path: 'handicap',
        message: 'a per_unit rule has no target to handicap (every unit pays the same)',
      },
    ]);
    expect(
      validateSpiffCampaign({
        ...base,
        rule: { type: 'contest', scope: 'team', prizes: [100], minUnits: 1 },
        handicap: { tenureDays: 90, targetPercent: 70 },
      }),
    ).toEqual([
      {
        path: 'handicap',
        message: 'a team contest ranks team totals; handicaps apply to agents only',
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
