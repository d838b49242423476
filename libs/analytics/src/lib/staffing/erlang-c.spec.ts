import { erlangB, erlangC, erlangCAt, erlangCWaitProbability, serviceLevelCurve } from './erlang-c';
import {
  ErlangCInput,
  ErlangInputError,
  StaffingErrorCode,
  scheduledAgents,
  trafficErlangs,
  validateErlangInput,
} from './erlang-input';

/** The pyworkforce example of metrics.md §2. */
const PYWORKFORCE: ErlangCInput = {
  calls: 100,
  intervalMinutes: 30,
  ahtSeconds: 180,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
  maxOccupancy: 0.85,
  shrinkage: 0.3,
};

describe('Erlang B and C by recursion', () => {
  it('matches the hand-computed exact fractions for A = 2, N = 3', () => {
    // B(1) = 2/3, B(2) = (4/3) ÷ (2 + 4/3) = 2/5, B(3) = (4/5) ÷ (3 + 4/5) = 4/19
    expect(erlangB(0, 2)).toBe(1);
    expect(erlangB(1, 2)).toBeCloseTo(2 / 3, 15);
    expect(erlangB(2, 2)).toBeCloseTo(2 / 5, 15);
    expect(erlangB(3, 2)).toBeCloseTo(4 / 19, 15);
    // C = 3·(4/19) ÷ (3 − 2·(15/19)) = 4/9, the Poisson-sum form gives 4 ÷ (1 + 2 + 2 + 4) too
    expect(erlangCWaitProbability(3, 2)).toBeCloseTo(4 / 9, 15);
  });

  it('gives C = 1 and SL = 0 without a steady state (N ≤ A)', () => {
    expect(erlangCWaitProbability(10, 10)).toBe(1);
    expect(erlangCAt(10, 9, 180, 20)).toEqual({
      agents: 9,
      serviceLevel: 0,
      waitProbability: 1,
      asaSeconds: null,
      occupancy: 10 / 9,
    });
  });

  it('computes SL, ASA and occupancy at a chosen N (A = 1.5, N = 2: C = 9/14)', () => {
    const p = erlangCAt(1.5, 2, 180, 120);
    expect(p.waitProbability).toBeCloseTo(9 / 14, 15);
    expect(p.serviceLevel).toBeCloseTo(1 - (9 / 14) * Math.exp((-0.5 * 120) / 180), 15);
    expect(p.asaSeconds).toBeCloseTo(((9 / 14) * 180) / 0.5, 12);
    expect(p.occupancy).toBe(0.75);
  });

  it('stays finite and exact with A in the thousands (no factorial overflow)', () => {
    const b = erlangB(5000, 5000);
    expect(Number.isFinite(b)).toBe(true);
    // Asymptotic expansion for N = A: B ≈ 1 ÷ (√(πA/2) + 2/3) ≈ 0.0111994.
    expect(Math.abs(b - 1 / (Math.sqrt((Math.PI * 5000) / 2) + 2 / 3))).toBeLessThan(1e-6);
  });
});

describe('erlangC — pyworkforce published figures (metrics.md §2)', () => {
  it('gives A = 10, 14 raw, 20 scheduled, SL 0.88835, wait probability 0.17413', () => {
    const r = erlangC(PYWORKFORCE);
    expect(r.trafficErlangs).toBe(10);
    expect(r.rawAgents).toBe(14);
    expect(r.agents).toBe(20);
    expect(Math.abs(r.serviceLevel - 0.88835)).toBeLessThan(1e-5);
    expect(Math.abs(r.waitProbability - 0.17413)).toBeLessThan(1e-5);
    expect(r.occupancy).toBeCloseTo(10 / 14, 15);
    expect(r.asaSeconds).toBeCloseTo((r.waitProbability * 180) / 4, 12);
  });

  it('gives 15 raw and 22 scheduled with a 0.70 occupancy cap', () => {
    const r = erlangC({ ...PYWORKFORCE, maxOccupancy: 0.7 });
    expect([r.rawAgents, r.agents]).toEqual([15, 22]);
  });

  it('uses the defaults 0.85 and 0.30 when cap and shrinkage are left out', () => {
    const { maxOccupancy: _cap, shrinkage: _s, ...bare } = PYWORKFORCE;
    expect(erlangC(bare)).toEqual(erlangC(PYWORKFORCE));
  });

  it('lets a cap of 1 disable the occupancy rule', () => {
    // 5000 calls / 15 min × 900 s: A = 5000; SL alone needs 5039 agents (occupancy 0.992).
    const r = erlangC({
      calls: 5000,
      intervalMinutes: 15,
      ahtSeconds: 900,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      maxOccupancy: 1,
    });
    expect(r.trafficErlangs).toBe(5000);
    expect(r.rawAgents).toBe(5039);
    expect(erlangCAt(5000, 5038, 900, 20).serviceLevel).toBeLessThan(0.8);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });
});

describe('erlangC — the two known faults are not copied', () => {
  it('does not overstaff through ceil(21 ÷ 0.7) = 31', () => {
    expect(21 / (1 - 0.3)).toBeGreaterThan(30); // the float fault exists
    expect(scheduledAgents(21, 0.3)).toBe(30);
    expect(scheduledAgents(14, 0.3)).toBe(20);
    expect(scheduledAgents(15, 0.3)).toBe(22);
    expect(scheduledAgents(21, 0)).toBe(21);
    expect(scheduledAgents(0, 0.3)).toBe(0);
    // end to end: 122 calls / 30 min, AHT 240 s, 80/20 → 21 raw → 30 scheduled
    const r = erlangC({ ...PYWORKFORCE, calls: 122, ahtSeconds: 240 });
    expect([r.rawAgents, r.agents]).toEqual([21, 30]);
  });

  it('starts the search at floor(A) + 1, not round(A + 1), at tiny loads', () => {
    // A = 0.5: one agent is M/M/1 with C = A = 0.5, SL = 1 − 0.5·e^(−0.5·60/180) ≈ 0.5768 ≥ 0.5.
    // round(A + 1) = 2 would skip N = 1.
    const r = erlangC({
      calls: 5,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.5,
      targetAnswerSeconds: 60,
    });
    expect(r.trafficErlangs).toBe(0.5);
    expect(r.rawAgents).toBe(1);
    expect(r.waitProbability).toBeCloseTo(0.5, 15);
    expect(r.serviceLevel).toBeCloseTo(1 - 0.5 * Math.exp(-1 / 6), 15);
    // A = 1.5: N = 2 gives C = 9/14 and SL ≈ 0.539 ≥ 0.5; round(2.5) = 3 would skip it.
    const r2 = erlangC({
      calls: 15,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.5,
      targetAnswerSeconds: 120,
      maxOccupancy: 1,
    });
    expect(r2.rawAgents).toBe(2);
  });

  it('requires N strictly above an integer A', () => {
    // A = 1 exactly: N = 1 has no steady state, so the answer is at least 2.
    const r = erlangC({
      calls: 10,
      intervalMinutes: 30,
      ahtSeconds: 180,
      targetServiceLevel: 0.01,
      targetAnswerSeconds: 0,
      maxOccupancy: 1,
    });
    expect(r.trafficErlangs).toBe(1);
    expect(r.rawAgents).toBe(2);
  });
});

describe('erlangC — zero calls and invalid input', () => {
  it('needs no agent for zero calls: SL 1, nobody waits', () => {
    expect(erlangC({ ...PYWORKFORCE, calls: 0 })).toEqual({
      trafficErlangs: 0,
      rawAgents: 0,
      agents: 0,
      serviceLevel: 1,
      waitProbability: 0,
      asaSeconds: 0,
      occupancy: 0,
    });
  });

  it('lists every problem of the input', () => {
    const bad: ErlangCInput = {
      calls: -1,
      intervalMinutes: 0,
      ahtSeconds: 0,
      targetServiceLevel: 1,
      targetAnswerSeconds: -5,
      maxOccupancy: 0,
      shrinkage: 1,
    };
    expect(validateErlangInput(bad)).toEqual([
      'calls must not be negative (got -1)',
      'intervalMinutes must be greater than 0 (got 0)',
      'ahtSeconds must be greater than 0 (got 0)',
      'targetServiceLevel must be between 0 and 1, exclusive (got 1)',
      'targetAnswerSeconds must not be negative (got -5)',
      'maxOccupancy must be greater than 0 and at most 1 (got 0)',
      'shrinkage must be at least 0 and less than 1 (got 1)',
    ]);
    expect(validateErlangInput(PYWORKFORCE)).toEqual([]);
    expect(validateErlangInput({ ...PYWORKFORCE, targetServiceLevel: 0 })).toHaveLength(1);
    expect(validateErlangInput({ ...PYWORKFORCE, ahtSeconds: -3 })).toHaveLength(1);
    expect(validateErlangInput({ ...PYWORKFORCE, maxOccupancy: 1, shrinkage: 0 })).toEqual([]);
  });

  it('rejects non-finite numbers', () => {
    expect(
      validateErlangInput({ ...PYWORKFORCE, calls: Number.NaN, ahtSeconds: Infinity }),
    ).toEqual([
      'calls must be a finite number (got NaN)',
      'ahtSeconds must be a finite number (got Infinity)',
    ]);
  });

  it('throws a typed error carrying the problems', () => {
    let caught: unknown;
    try {
      erlangC({ ...PYWORKFORCE, ahtSeconds: 0, shrinkage: -0.1 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ErlangInputError);
    const error = caught as ErlangInputError;
    expect(error.code).toBe(StaffingErrorCode.InvalidInput);
    expect(error.problems).toEqual([
      'ahtSeconds must be greater than 0 (got 0)',
      'shrinkage must be at least 0 and less than 1 (got -0.1)',
    ]);
    expect(error.message).toContain('ahtSeconds must be greater than 0');
  });
});

describe('serviceLevelCurve', () => {
  it('runs from the first integer above A to two past the first N with SL ≥ 0.99', () => {
    const curve = serviceLevelCurve(PYWORKFORCE);
    expect(curve[0].agents).toBe(11);
    const firstAt99 = curve.find((p) => p.serviceLevel >= 0.99);
    expect(firstAt99).toBeDefined();
    expect(curve[curve.length - 1].agents).toBe((firstAt99?.agents ?? 0) + 2);
    const at14 = curve.find((p) => p.agents === 14);
    expect(at14?.serviceLevel).toBe(erlangC(PYWORKFORCE).serviceLevel);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i].agents).toBe(curve[i - 1].agents + 1);
      expect(curve[i].serviceLevel).toBeGreaterThan(curve[i - 1].serviceLevel);
      expect(curve[i].waitProbability).toBeLessThan(curve[i - 1].waitProbability);
      expect(curve[i].occupancy).toBeLessThan(curve[i - 1].occupancy);
    }
    expect(curve.map((p) => p.asaSeconds).every((a) => a !== null && a > 0)).toBe(true);
  });

  it('stops at an explicit toAgents and matches erlangCAt point by point', () => {
    const curve = serviceLevelCurve(PYWORKFORCE, { toAgents: 30 });
    expect(curve.map((p) => p.agents)).toEqual(Array.from({ length: 20 }, (_, i) => 11 + i));
    for (const p of curve) {
      const direct = erlangCAt(10, p.agents, 180, 20);
      expect(p.serviceLevel).toBeCloseTo(direct.serviceLevel, 14);
      expect(p.waitProbability).toBeCloseTo(direct.waitProbability, 14);
    }
  });

  it('reaches the raw agents even when the occupancy cap pushes it past SL 0.99', () => {
    const input = { ...PYWORKFORCE, maxOccupancy: 0.5 }; // raw = 20, SL there is > 0.99
    const r = erlangC(input);
    expect(r.rawAgents).toBe(20);
    const curve = serviceLevelCurve(input);
    expect(curve[curve.length - 1].agents).toBe(22);
  });

  it('computes traffic as calls × AHT ÷ interval seconds', () => {
    expect(trafficErlangs(100, 30, 180)).toBe(10);
    expect(trafficErlangs(5000, 15, 900)).toBe(5000);
  });
});
