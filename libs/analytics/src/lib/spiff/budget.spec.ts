import { allocateBudget } from './budget';

describe('allocateBudget', () => {
  const awards = [
    { id: 'a', amountCents: 4_000 },
    { id: 'b', amountCents: 5_000 },
    { id: 'c', amountCents: 2_000 },
    { id: 'd', amountCents: 1_000 },
    { id: 'e', amountCents: 0 },
  ];

  it('declines the award that would pass the budget and still grants later ones that fit', () => {
    const result = allocateBudget(10_000, awards);
    expect(result.decisions.map((d) => [d.id, d.status, d.grantedTotalCents])).toEqual([
      ['a', 'granted', 4_000],
      ['b', 'granted', 9_000],
      ['c', 'declined_budget', 9_000],
      ['d', 'granted', 10_000],
      ['e', 'granted', 10_000],
    ]);
    expect(result).toMatchObject({ grantedCents: 10_000, declinedCents: 2_000, remainingCents: 0 });
  });

  it('counts awards granted before', () => {
    const result = allocateBudget(10_000, awards, 3_000);
    expect(result.decisions.map((d) => d.status)).toEqual([
      'granted',
      'declined_budget',
      'granted',
      'granted',
      'granted',
    ]);
    expect(result).toMatchObject({ grantedCents: 7_000, declinedCents: 5_000, remainingCents: 0 });
  });

  it('rejects amounts that are not integer cents', () => {
    expect(() => allocateBudget(10_000, [{ amountCents: 10.5 }])).toThrow(/integer cents/);
    expect(() => allocateBudget(-1, [])).toThrow(/budgetCents/);
  });
});
