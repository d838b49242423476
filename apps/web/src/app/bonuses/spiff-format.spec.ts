import { awardReason, burnTone, daysLeftText, ruleSummary, unitsText } from './spiff-format';

describe('SPIFF labels', () => {
  it('reads units the way the metric counts them', () => {
    expect(unitsText('saves', 1, 'en-US')).toBe('1 save');
    expect(unitsText('resolved', 1_200, 'en-US')).toBe('1,200 resolved calls');
    expect(unitsText('sale_amount_cents', 12_050, 'en-US')).toBe('$120.50 in sales');
  });

  it('says what each rule pays in one sentence', () => {
    expect(
      ruleSummary({ type: 'per_unit', amountCents: 500, capCents: 5_000 }, 'saves', 'en-US'),
    ).toBe('$5.00 every save, up to $50.00');
    expect(
      ruleSummary(
        { type: 'per_unit', amountCents: 500, perUnits: 10_000, capCents: null },
        'sale_amount_cents',
        'en-US',
      ),
    ).toBe('$5.00 every $100.00 of sales, no cap');
    expect(
      ruleSummary(
        {
          type: 'tiered',
          tiers: [
            { threshold: 10, amountCents: 2_500 },
            { threshold: 20, amountCents: 6_000 },
          ],
        },
        'sales',
        'en-US',
      ),
    ).toBe('Highest tier reached: 10 sales → $25.00 · 20 sales → $60.00');
    expect(
      ruleSummary(
        { type: 'contest', scope: 'team', prizes: [10_000, 5_000], minUnits: 50 },
        'resolved',
        'en-US',
      ),
    ).toBe('Team contest: $100.00 / $50.00 by rank, at least 50 resolved calls');
    expect(
      ruleSummary(
        {
          type: 'prize_wheel',
          unitsPerSpin: 20,
          slices: [
            { amountCents: 0, weight: 3 },
            { amountCents: 5_000, weight: 1 },
          ],
        },
        'resolved',
        'en-US',
      ),
    ).toBe('A spin every 20 resolved calls, up to $50.00 a spin');
    expect(
      ruleSummary({ type: 'lottery', unitsPerTicket: 1, prizes: [500] }, 'sales', 'en-US'),
    ).toBe('A ticket every sale; 1 prize drawn at close ($5.00)');
  });

  it('names what an award was for', () => {
    expect(awardReason('tier', { tier: 2 })).toBe('Tier 2');
    expect(awardReason('contest', { rank: 1, teamCode: 'T1' })).toBe('Team T1, place 1');
    expect(awardReason('contest', { rank: 3 })).toBe('Place 3');
    expect(awardReason('envelope', { draw: 4 })).toBe('Envelope 4');
  });

  it('warns as the budget burns down', () => {
    expect([0.2, 0.85, 1].map(burnTone)).toEqual(['good', 'warn', 'bad']);
    expect(daysLeftText(1, 'active')).toBe('Last day');
    expect(daysLeftText(5, 'active')).toBe('5 days left');
    expect(daysLeftText(5, 'closed')).toBe('Ended');
  });
});
