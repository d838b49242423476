import { createHmac } from 'node:crypto';
import {
  closeAwards,
  EngineEntrant,
  evaluateLiveUnits,
  newEngineEntrant,
  UnitEvent,
} from './spiff-engine';
import { SpiffRule } from './spiff.types';

const SECRET = 'engine-test-secret';

/** Independent draw: first 16 hex digits of the HMAC as x, slot floor(x·W / 2^64). */
function referenceDraw(secret: string, message: string, weights: number[]): number {
  const hex = createHmac('sha256', secret).update(message).digest('hex');
  const x = BigInt(`0x${hex.slice(0, 16)}`);
  const total = weights.reduce((a, b) => a + b, 0);
  let slot = Number((x * BigInt(total)) >> 64n);
  for (let j = 0; j < weights.length; j++) {
    if (slot < weights[j]) return j;
    slot -= weights[j];
  }
  throw new Error('unreachable');
}

function events(code: string, unitsPerCall: number[], start = 0): UnitEvent[] {
  return unitsPerCall.map((units, i) => ({
    code,
    units,
    callId: `${code}-c${start + i + 1}`,
    occurredAt: `2026-11-02T10:${String(start + i).padStart(2, '0')}:00Z`,
    localDate: '2026-11-02',
  }));
}

function entrants(...codes: (string | [string, number])[]): Map<string, EngineEntrant> {
  return new Map(
    codes.map((c) => {
      const [code, pct] = typeof c === 'string' ? [c, 100] : c;
      return [code, newEngineEntrant(code, pct)] as const;
    }),
  );
}

function run(rule: SpiffRule, budgetCents: number, evs: UnitEvent[], ents = entrants('A', 'B')) {
  return evaluateLiveUnits({
    rule,
    budgetCents,
    grantedCents: 0,
    secret: SECRET,
    entrants: ents,
    events: evs,
  });
}

describe('evaluateLiveUnits — per_unit', () => {
  const rule: SpiffRule = { type: 'per_unit', amountCents: 500, capCents: 1_800 };

  it('pays each call the entitlement it adds, stopping at the cap', () => {
    const r = run(rule, 100_000, events('A', [1, 1, 1, 1, 1]));
    // entitlement 500, 1000, 1500, 1800 (cap), 1800 → awards 500, 500, 500, 300
    expect(r.awards.map((a) => [a.callId, a.amountCents, a.status])).toEqual([
      ['A-c1', 500, 'granted'],
      ['A-c2', 500, 'granted'],
      ['A-c3', 500, 'granted'],
      ['A-c4', 300, 'granted'],
    ]);
    expect(r.entrants.get('A')).toMatchObject({ units: 5, earnedCents: 1_800 });
    expect(r.grantedCents).toBe(1_800);
  });

  it('pays per whole perUnits units (sale cents: $5 per $100 sold)', () => {
    const r = run(
      { type: 'per_unit', amountCents: 500, perUnits: 10_000 },
      100_000,
      events('A', [4_999, 9_000, 6_001, 100]),
    );
    // cumulative 4 999 → 0, 13 999 → 1 payment, 20 000 → 2, 20 100 → 2
    expect(r.awards.map((a) => [a.callId, a.amountCents])).toEqual([
      ['A-c2', 500],
      ['A-c3', 500],
    ]);
  });

  it('declines an award that would pass the budget and never lets the total exceed it', () => {
    const evs = [...events('A', [1, 1]), ...events('B', [1, 1, 1], 10)];
    const r = run({ type: 'per_unit', amountCents: 400 }, 1_000, evs);
    expect(r.awards.map((a) => [a.code, a.status, a.grantedTotalCents])).toEqual([
      ['A', 'granted', 400],
      ['A', 'granted', 800],
      ['B', 'declined_budget', 800],
      ['B', 'declined_budget', 800],
      ['B', 'declined_budget', 800],
    ]);
    expect(r.grantedCents).toBe(800);
  });

  it('grants a later, smaller award that still fits', () => {
    const r = evaluateLiveUnits({
      rule: { type: 'per_unit', amountCents: 300, capCents: 400 },
      budgetCents: 500,
      grantedCents: 0,
      secret: SECRET,
      entrants: entrants('A'),
      events: events('A', [1, 1]),
    });
    // 300 granted; then 100 (to the cap) fits: 400 ≤ 500
    expect(r.awards.map((a) => [a.amountCents, a.status])).toEqual([
      [300, 'granted'],
      [100, 'granted'],
    ]);
  });

  it('counts awards granted before this batch against the budget', () => {
    const r = evaluateLiveUnits({
      rule: { type: 'per_unit', amountCents: 500 },
      budgetCents: 1_000,
      grantedCents: 600,
      secret: SECRET,
      entrants: entrants('A'),
      events: events('A', [1]),
    });
    expect(r.awards[0].status).toBe('declined_budget');
    expect(() =>
      evaluateLiveUnits({
        rule,
        budgetCents: 100,
        grantedCents: 101,
        secret: SECRET,
        entrants: entrants('A'),
        events: [],
      }),
    ).toThrow(/exceeds the budget/);
  });
});

describe('evaluateLiveUnits — tiered', () => {
  const rule: SpiffRule = {
    type: 'tiered',
    tiers: [
      { threshold: 2, amountCents: 1_000 },
      { threshold: 4, amountCents: 2_500 },
      { threshold: 6, amountCents: 6_000 },
    ],
  };

  it('tops the agent up to the highest tier reached, never paying tiers twice', () => {
    const r = run(rule, 100_000, events('A', [1, 1, 1, 1, 1, 1, 1]));
    expect(r.awards.map((a) => [a.callId, a.amountCents, a.detail['tier']])).toEqual([
      ['A-c2', 1_000, 1],
      ['A-c4', 1_500, 2],
      ['A-c6', 3_500, 3],
    ]);
    // independent: the amount of the highest tier reached, not the sum of tiers
    expect(r.grantedCents).toBe(6_000);
  });

  it('jumps straight to the tier a large call reaches', () => {
    const r = run(rule, 100_000, events('A', [5]));
    expect(r.awards.map((a) => [a.amountCents, a.detail['tier']])).toEqual([[2_500, 2]]);
  });

  it('makes a top-up declined for budget good at the next tier once the budget allows', () => {
    // budget 7 000: B jumps to tier 3 (6 000, granted); A's tier 1 (1 000) lands exactly on the
    // budget; A's tier-2 top-up (1 500) is declined
    const first = run(rule, 7_000, [...events('B', [6], 10), ...events('A', [1, 1, 1, 1])]);
    expect(first.awards.map((a) => [a.code, a.amountCents, a.status])).toEqual([
      ['B', 6_000, 'granted'],
      ['A', 1_000, 'granted'],
      ['A', 1_500, 'declined_budget'],
    ]);
    expect(first.grantedCents).toBe(7_000);
    // the budget is raised to 20 000; A reaches tier 3: topped up to 6 000 in all (5 000 more)
    const second = evaluateLiveUnits({
      rule,
      budgetCents: 20_000,
      grantedCents: first.grantedCents,
      secret: SECRET,
      entrants: first.entrants,
      events: events('A', [1, 1], 4),
    });
    expect(second.awards.map((a) => [a.code, a.amountCents, a.status])).toEqual([
      ['A', 5_000, 'granted'],
    ]);
    expect(second.entrants.get('A')).toMatchObject({ tierIndex: 2, tierGrantedCents: 6_000 });
  });

  it('scales thresholds for a handicapped new hire (50 %: 1, 2, 3 units)', () => {
    const r = run(rule, 100_000, events('N', [1, 1, 1]), entrants(['N', 50]));
    expect(r.awards.map((a) => [a.amountCents, a.detail['threshold']])).toEqual([
      [1_000, 1],
      [1_500, 2],
      [3_500, 3],
    ]);
  });
});

describe('evaluateLiveUnits — prize wheel and mystery envelope', () => {
  const slices = [
    { amountCents: 0, weight: 2 },
    { amountCents: 500, weight: 5 },
    { amountCents: 2_000, weight: 2 },
    { amountCents: 10_000, weight: 1 },
  ];
  const wheel: SpiffRule = { type: 'prize_wheel', unitsPerSpin: 3, slices };

  it('spins once per 3 units with the HMAC draws an auditor re-derives', () => {
    const r = run(wheel, 1_000_000, events('A', [1, 1, 1, 1, 1, 4, 2]));
    // 11 units → 3 spins: after call 3 (3 units), call 6 (9 units: spins 2 and 3)
    expect(r.draws.map((d) => [d.draw.draw, d.callId])).toEqual([
      [1, 'A-c3'],
      [2, 'A-c6'],
      [3, 'A-c6'],
    ]);
    const weights = slices.map((s) => s.weight);
    for (const d of r.draws) {
      const index = referenceDraw(SECRET, `A:${d.draw.draw}`, weights);
      expect(d.draw.index).toBe(index);
      expect(d.draw.amountCents).toBe(slices[index].amountCents);
      // a 0-cent slice is a draw without an award
      expect(d.awardIndex === null).toBe(slices[index].amountCents === 0);
    }
    const paid = r.draws.filter((d) => d.awardIndex !== null).map((d) => d.draw.amountCents);
    expect(r.awards.map((a) => a.amountCents)).toEqual(paid);
    expect(r.entrants.get('A')?.draws).toBe(3);
  });

  it('gives the same draws whether units arrive one by one or at once', () => {
    const oneByOne = run(wheel, 1_000_000, events('A', Array(30).fill(1)));
    const atOnce = run(wheel, 1_000_000, events('A', [30]));
    expect(atOnce.draws.map((d) => d.draw)).toEqual(oneByOne.draws.map((d) => d.draw));
    expect(atOnce.grantedCents).toBe(oneByOne.grantedCents);
  });

  it('continues the draw numbers of an entrant across batches', () => {
    const first = run(wheel, 1_000_000, events('A', [6]));
    const second = evaluateLiveUnits({
      rule: wheel,
      budgetCents: 1_000_000,
      grantedCents: first.grantedCents,
      secret: SECRET,
      entrants: first.entrants,
      events: events('A', [3], 1),
    });
    expect(second.draws.map((d) => d.draw.draw)).toEqual([3]);
  });

  it('issues envelopes the same way, and declines the ones the budget cannot hold', () => {
    const envelope: SpiffRule = {
      type: 'mystery_envelope',
      unitsPerEnvelope: 1,
      amounts: [
        { amountCents: 300, weight: 1 },
        { amountCents: 700, weight: 1 },
      ],
    };
    const r = run(envelope, 1_000, events('A', [1, 1, 1, 1, 1, 1]));
    let granted = 0;
    for (const a of r.awards) {
      const fits = granted + a.amountCents <= 1_000;
      expect(a.status).toBe(fits ? 'granted' : 'declined_budget');
      if (fits) granted += a.amountCents;
    }
    expect(r.grantedCents).toBe(granted);
    expect(r.grantedCents).toBeLessThanOrEqual(1_000);
    expect(r.draws.every((d) => d.kind === 'envelope')).toBe(true);
  });
});

describe('evaluateLiveUnits — contests and lotteries', () => {
  it('only counts units until close', () => {
    const r = run(
      { type: 'contest', scope: 'agent', prizes: [1_000], minUnits: 1 },
      1_000,
      events('A', [1, 2]),
    );
    expect(r.awards).toEqual([]);
    expect(r.entrants.get('A')?.units).toBe(3);
  });

  it('refuses a call for an unknown entrant and fractional units', () => {
    const rule: SpiffRule = { type: 'per_unit', amountCents: 1 };
    expect(() => run(rule, 10, events('Z', [1]))).toThrow(/no entrant Z/);
    expect(() => run(rule, 10, events('A', [0.5]))).toThrow(/whole number/);
  });
});

describe('closeAwards', () => {
  const contest: SpiffRule = {
    type: 'contest',
    scope: 'agent',
    prizes: [10_000, 5_000, 2_000],
    minUnits: 3,
  };

  it('pays an agent contest by rank with shared, floored tie prizes', () => {
    const r = closeAwards({
      rule: contest,
      budgetCents: 17_000,
      grantedCents: 0,
      secret: SECRET,
      entrants: [
        { code: 'A', units: 9, targetPercent: 100, teamCode: 'T1' },
        { code: 'B', units: 9, targetPercent: 100, teamCode: 'T1' },
        { code: 'C', units: 9, targetPercent: 100, teamCode: 'T2' },
        { code: 'D', units: 2, targetPercent: 100, teamCode: 'T2' },
      ],
    });
    // three-way tie for places 1–3: 17 000 ÷ 3 = 5 666.67 → 5 666 each; D below minUnits
    expect(r.awards.map((a) => [a.code, a.amountCents, a.detail['rank']])).toEqual([
      ['A', 5_666, 1],
      ['B', 5_666, 1],
      ['C', 5_666, 1],
    ]);
    expect(r.grantedCents).toBe(16_998);
    expect(r.result).toMatchObject({ kind: 'contest', scope: 'agent', ineligible: ['D'] });
  });

  it('ranks a handicapped new hire by units ÷ target share', () => {
    const r = closeAwards({
      rule: contest,
      budgetCents: 17_000,
      grantedCents: 0,
      secret: SECRET,
      entrants: [
        { code: 'VET', units: 10, targetPercent: 100, teamCode: 'T1' },
        { code: 'NEW', units: 7, targetPercent: 70, teamCode: 'T1' },
        { code: 'MID', units: 8, targetPercent: 100, teamCode: 'T1' },
      ],
    });
    // NEW scores 7 ÷ 0.7 = 10 exactly: ties VET for places 1–2 → 7 500 each; MID third
    expect(r.awards.map((a) => [a.code, a.amountCents])).toEqual([
      ['NEW', 7_500],
      ['VET', 7_500],
      ['MID', 2_000],
    ]);
  });

  it('splits a team prize among the team members who contributed', () => {
    const r = closeAwards({
      rule: { type: 'contest', scope: 'team', prizes: [10_000, 4_000], minUnits: 1 },
      budgetCents: 14_000,
      grantedCents: 0,
      secret: SECRET,
      entrants: [
        { code: 'A1', units: 5, targetPercent: 100, teamCode: 'T1' },
        { code: 'A2', units: 4, targetPercent: 100, teamCode: 'T1' },
        { code: 'A3', units: 0, targetPercent: 100, teamCode: 'T1' },
        { code: 'B1', units: 6, targetPercent: 100, teamCode: 'T2' },
        { code: 'B2', units: 2, targetPercent: 100, teamCode: 'T2' },
        { code: 'B3', units: 1, targetPercent: 100, teamCode: 'T2' },
      ],
    });
    // T1 9 units, T2 9 units: tie for places 1–2 → 7 000 each team; T1 split 2 ways, T2 3 ways
    expect(r.awards.map((a) => [a.code, a.amountCents])).toEqual([
      ['A1', 3_500],
      ['A2', 3_500],
      ['B1', 2_333],
      ['B2', 2_333],
      ['B3', 2_333],
    ]);
  });

  it('draws lottery winners from the secret without replacement', () => {
    const rule: SpiffRule = { type: 'lottery', unitsPerTicket: 2, prizes: [5_000, 2_000, 1_000] };
    const entrantsAtClose = [
      { code: 'A', units: 8, targetPercent: 100, teamCode: 'T' },
      { code: 'B', units: 2, targetPercent: 100, teamCode: 'T' },
      { code: 'C', units: 5, targetPercent: 100, teamCode: 'T' },
      { code: 'D', units: 1, targetPercent: 100, teamCode: 'T' },
    ];
    const r = closeAwards({
      rule,
      budgetCents: 8_000,
      grantedCents: 0,
      secret: SECRET,
      entrants: entrantsAtClose,
    });
    // independent re-derivation: tickets A 4, B 1, C 2 (D none) laid out by code
    let drum = [
      { code: 'A', tickets: 4 },
      { code: 'B', tickets: 1 },
      { code: 'C', tickets: 2 },
    ];
    const expected: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const i = referenceDraw(
        SECRET,
        `draw:${k}`,
        drum.map((d) => d.tickets),
      );
      expected.push(drum[i].code);
      drum = drum.filter((_, j) => j !== i);
    }
    expect(r.awards.map((a) => a.code)).toEqual(expected);
    expect(r.awards.map((a) => a.amountCents)).toEqual([5_000, 2_000, 1_000]);
    expect(new Set(expected).size).toBe(3);
  });

  it('awards nothing at close for rules decided live', () => {
    const r = closeAwards({
      rule: { type: 'per_unit', amountCents: 100 },
      budgetCents: 100,
      grantedCents: 0,
      secret: SECRET,
      entrants: [{ code: 'A', units: 5, targetPercent: 100, teamCode: 'T' }],
    });
    expect(r).toEqual({ awards: [], grantedCents: 0, result: { kind: 'none' } });
  });
});
