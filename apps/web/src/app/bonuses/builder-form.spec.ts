import type { SpiffCampaignDto } from '@floorwise/contracts';
import {
  centsToDollars,
  dollarsToCents,
  emptyModel,
  fromCampaign,
  problemsByField,
  toInput,
} from './builder-form';

describe('the campaign builder form', () => {
  it('turns typed dollars into exact integer cents', () => {
    expect(['12', '12.5', '12.05', '$0.07', '1234567.89', ' 3 '].map(dollarsToCents)).toEqual([
      1_200, 1_250, 1_205, 7, 123_456_789, 300,
    ]);
    // 0.1 + 0.2 style float drift never appears: 19.99 is 1999, not 1998.9999
    expect(dollarsToCents('19.99')).toBe(1_999);
    expect(Number.isNaN(dollarsToCents('12.345'))).toBe(true);
    expect(Number.isNaN(dollarsToCents('-5'))).toBe(true);
    expect(centsToDollars(1_205)).toBe('12.05');
    expect(centsToDollars(7)).toBe('0.07');
  });

  it('sends only the chosen rule, with the options switched on', () => {
    const m = {
      ...emptyModel('2026-12-01', '2026-12-31'),
      name: ' Dec ',
      ruleType: 'per_unit' as const,
      amount: '2.50',
      cap: '',
    };
    expect(toInput(m)).toEqual({
      name: 'Dec',
      description: null,
      metric: 'sales',
      budgetCents: 100_000,
      periodFrom: '2026-12-01',
      periodTo: '2026-12-31',
      rule: { type: 'per_unit', amountCents: 250, capCents: null, perUnits: 1 },
      eligibility: { teamCodes: [], siteCodes: [], campaignCodes: [] },
      qualityGate: null,
      handicap: null,
    });
    const wheel = toInput({ ...m, ruleType: 'prize_wheel', gateOn: true, handicapOn: true });
    expect(wheel.rule).toEqual({
      type: 'prize_wheel',
      unitsPerSpin: 10,
      slices: [
        { amountCents: 0, weight: 3 },
        { amountCents: 500, weight: 6 },
        { amountCents: 2_000, weight: 2 },
        { amountCents: 10_000, weight: 1 },
      ],
    });
    expect(wheel.qualityGate).toEqual({ qaMin: 80, csatMin: null, unscored: 'count' });
    expect(wheel.handicap).toEqual({ tenureDays: 90, targetPercent: 70 });
  });

  it('reads a stored draft back into the form unchanged', () => {
    const base = emptyModel('2026-12-01', '2026-12-31');
    const input = toInput({
      ...base,
      name: 'Lottery',
      ruleType: 'lottery',
      unitsPerDraw: 7,
      prizes: ['50.00', '20.00'],
    });
    const dto = {
      name: input.name,
      description: null,
      metric: input.metric,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      rule: input.rule,
      budget: { budgetCents: input.budgetCents },
      eligibility: { teamCodes: ['T1'], siteCodes: [], campaignCodes: [] },
      qualityGate: null,
      handicap: null,
    } as unknown as SpiffCampaignDto;
    const back = fromCampaign(dto, base);
    expect(toInput(back)).toEqual({
      ...input,
      eligibility: { teamCodes: ['T1'], siteCodes: [], campaignCodes: [] },
    });
  });

  it('groups the API’s problems by form section', () => {
    expect(
      problemsByField([
        { path: 'rule.tiers[1].threshold', message: 'thresholds must strictly increase' },
        { path: 'rule.tiers[1].amountCents', message: 'a higher tier must not pay less' },
        { path: 'eligibility.teamCodes[0]', message: 'team "X" does not exist' },
        { path: 'name', message: 'must be 1–120 characters' },
      ]),
    ).toEqual(
      new Map([
        [
          'rule',
          [
            'rule.tiers[1].threshold thresholds must strictly increase',
            'rule.tiers[1].amountCents a higher tier must not pay less',
          ],
        ],
        ['eligibility', ['eligibility.teamCodes[0] team "X" does not exist']],
        ['name', ['name must be 1–120 characters']],
      ]),
    );
  });
});
