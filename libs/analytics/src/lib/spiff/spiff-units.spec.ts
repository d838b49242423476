import { qualityGateResult, spiffUnitsOfCall, SpiffCallFacts } from './spiff-units';

const call = (over: Partial<SpiffCallFacts>): SpiffCallFacts => ({
  hasAgent: true,
  outcome: 'resolved',
  saleAmountCents: null,
  qaScore: null,
  csat: null,
  ...over,
});

describe('spiffUnitsOfCall', () => {
  it('counts the outcome each metric names, like the call rollups', () => {
    const sale = call({ outcome: 'sale', saleAmountCents: 4_999 });
    expect(spiffUnitsOfCall(sale, 'sales')).toBe(1);
    expect(spiffUnitsOfCall(sale, 'sale_amount_cents')).toBe(4_999);
    expect(spiffUnitsOfCall(sale, 'saves')).toBe(0);
    expect(spiffUnitsOfCall(sale, 'resolved')).toBe(0);
    expect(spiffUnitsOfCall(sale, 'calls_handled')).toBe(1);
    expect(spiffUnitsOfCall(call({ outcome: 'save' }), 'saves')).toBe(1);
    expect(spiffUnitsOfCall(call({ outcome: 'resolved' }), 'resolved')).toBe(1);
    expect(spiffUnitsOfCall(call({ outcome: 'sale' }), 'sale_amount_cents')).toBe(0);
  });

  it('never counts an abandoned call as handled', () => {
    expect(spiffUnitsOfCall(call({ outcome: 'abandoned', hasAgent: false }), 'calls_handled')).toBe(
      0,
    );
    expect(spiffUnitsOfCall(call({ outcome: 'abandoned', hasAgent: true }), 'calls_handled')).toBe(
      0,
    );
    expect(spiffUnitsOfCall(call({ outcome: 'escalated' }), 'calls_handled')).toBe(1);
  });
});

describe('qualityGateResult', () => {
  it('counts every call without a gate', () => {
    expect(qualityGateResult(call({ qaScore: 10 }), null)).toEqual({ counts: true });
  });

  it('refuses a call whose score is below the floor', () => {
    const gate = { qaMin: 80, unscored: 'count' as const };
    expect(qualityGateResult(call({ qaScore: 79 }), gate)).toEqual({
      counts: false,
      reason: 'qa_below_floor',
    });
    expect(qualityGateResult(call({ qaScore: 80 }), gate)).toEqual({ counts: true });
    expect(qualityGateResult(call({ qaScore: null }), gate)).toEqual({ counts: true });
    expect(qualityGateResult(call({ qaScore: null }), { ...gate, unscored: 'exclude' })).toEqual({
      counts: false,
      reason: 'unscored',
    });
  });

  it('needs every score present to meet its floor, and one score is enough to be scored', () => {
    const gate = { qaMin: 80, csatMin: 4, unscored: 'exclude' as const };
    expect(qualityGateResult(call({ qaScore: 90, csat: 3 }), gate)).toEqual({
      counts: false,
      reason: 'csat_below_floor',
    });
    expect(qualityGateResult(call({ qaScore: 90, csat: null }), gate)).toEqual({ counts: true });
    expect(qualityGateResult(call({ qaScore: null, csat: 5 }), gate)).toEqual({ counts: true });
    expect(qualityGateResult(call({}), gate)).toEqual({ counts: false, reason: 'unscored' });
  });
});
