import { ErlangAQueue, erlangA, erlangAAt, validateErlangAInput } from './erlang-a';
import { erlangC, erlangCAt } from './erlang-c';
import { ErlangInputError } from './erlang-input';

const PYWORKFORCE = {
  calls: 100,
  intervalMinutes: 30,
  ahtSeconds: 180,
  targetServiceLevel: 0.8,
  targetAnswerSeconds: 20,
};

/** Deterministic PRNG (mulberry32) for the simulation below. */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An independent check by simulation of M/M/N+M with FCFS: each arrival takes the agent that
 * frees first; if that is later than its patience allows it abandons and uses no agent.
 */
function simulate(queue: ErlangAQueue, agents: number, arrivals: number, seed: number) {
  const rand = mulberry32(seed);
  const exp = (rate: number) => -Math.log(1 - rand()) / rate;
  const lambda = queue.calls / (queue.intervalMinutes * 60);
  const free = new Array<number>(agents).fill(0);
  const t = queue.targetAnswerSeconds;
  let now = 0;
  let answered = 0;
  let answeredWithin = 0;
  let abandoned = 0;
  let abandonedAfter = 0;
  let waited = 0;
  let waitOfAnswered = 0;
  const warmUp = Math.floor(arrivals / 50);
  for (let i = 0; i < arrivals + warmUp; i++) {
    now += exp(lambda);
    const patience = exp(1 / queue.patienceSeconds);
    const service = exp(1 / queue.ahtSeconds);
    let k = 0;
    for (let m = 1; m < agents; m++) {
      if (free[m] < free[k]) {
        k = m;
      }
    }
    const wait = Math.max(0, free[k] - now);
    const count = i >= warmUp;
    if (wait > 0 && count) {
      waited++;
    }
    if (wait > patience) {
      if (count) {
        abandoned++;
        abandonedAfter += patience > t ? 1 : 0;
      }
      continue;
    }
    free[k] = now + wait + service;
    if (count) {
      answered++;
      answeredWithin += wait <= t ? 1 : 0;
      waitOfAnswered += wait;
    }
  }
  return {
    serviceLevel: answeredWithin / (answered + abandonedAfter),
    waitProbability: waited / arrivals,
    abandonProbability: abandoned / arrivals,
    asaSeconds: waitOfAnswered / answered,
  };
}

describe('erlangAAt — M/M/1+M with λ = μ = θ worked out by hand', () => {
  // λ = 1/s (1800 calls in 30 min), AHT 1 s, patience 1 s: every death rate is n, so the number
  // in system is Poisson(1): π_n = e^(−1)/n!. P(wait) = 1 − e^(−1); P(abandon) = E[queue] =
  // E[n] − 1 + π_0 = e^(−1). With j queued ahead, U ~ Beta(1, j + 1) and z = 1 − e^(−T):
  // P(answered within T | j) = z^(j+1) − (j+1)/(j+2)·z^(j+2); P(U < x) = 1 − z^(j+1);
  // E[wait | answered, j] = Σ_{i=1}^{j+1} 1/(1 + i).
  const queue: ErlangAQueue = {
    calls: 1800,
    intervalMinutes: 30,
    ahtSeconds: 1,
    patienceSeconds: 1,
    targetAnswerSeconds: 1,
  };

  function byHand(t: number) {
    const z = 1 - Math.exp(-t);
    const x = 1 - z;
    let pi = Math.exp(-1); // π_0
    let answered = pi;
    let answeredWithin = pi;
    let abandonedAfter = 0;
    let waitOfAnswered = 0;
    let harmonic = 0;
    for (let j = 0; j < 60; j++) {
      pi /= j + 1; // π_{1+j}
      const pAnswered = 1 / (j + 2);
      const within = z ** (j + 1) - ((j + 1) / (j + 2)) * z ** (j + 2);
      const eU = pAnswered; // E[U] for Beta(1, j + 1)
      const below = 1 - z ** (j + 1); // P(U < x)
      harmonic += 1 / (j + 2);
      answered += pi * pAnswered;
      answeredWithin += pi * within;
      abandonedAfter += pi * (x * below - (eU - within));
      waitOfAnswered += pi * pAnswered * harmonic;
    }
    return {
      serviceLevel: answeredWithin / (answered + abandonedAfter),
      asaSeconds: waitOfAnswered / answered,
    };
  }

  it('gives P(wait) = 1 − 1/e and P(abandon) = 1/e', () => {
    const p = erlangAAt(queue, 1);
    expect(p.waitProbability).toBeCloseTo(1 - Math.exp(-1), 13);
    expect(p.abandonProbability).toBeCloseTo(Math.exp(-1), 13);
    expect(p.occupancy).toBeCloseTo(1 - Math.exp(-1), 13);
  });

  it.each([0.25, 1, 3])('gives the hand-derived SL and ASA for T = %s s', (t) => {
    const p = erlangAAt({ ...queue, targetAnswerSeconds: t }, 1);
    const expected = byHand(t);
    expect(p.serviceLevel).toBeCloseTo(expected.serviceLevel, 12);
    expect(p.asaSeconds).toBeCloseTo(expected.asaSeconds, 12);
  });
});

describe('erlangAAt — limits and identities', () => {
  it('approaches Erlang C as patience grows without bound', () => {
    const queue = { ...PYWORKFORCE, patienceSeconds: 1e9 };
    for (let n = 11; n <= 20; n++) {
      const a = erlangAAt(queue, n);
      const c = erlangCAt(10, n, 180, 20);
      // Abandonment is of order (mean wait ÷ patience) ≈ 1e-7 here.
      expect(Math.abs(a.serviceLevel - c.serviceLevel)).toBeLessThan(1e-5);
      expect(Math.abs(a.waitProbability - c.waitProbability)).toBeLessThan(1e-5);
      expect(Math.abs((a.asaSeconds ?? 0) - (c.asaSeconds ?? 0))).toBeLessThan(1e-3);
      expect(a.abandonProbability).toBeLessThan(1e-4);
    }
    const staffing = erlangA({ ...PYWORKFORCE, patienceSeconds: 1e9 });
    const c = erlangC(PYWORKFORCE);
    expect([staffing.rawAgents, staffing.agents]).toEqual([c.rawAgents, c.agents]);
  });

  it('satisfies P(abandon) = mean wait of all callers ÷ mean patience', () => {
    for (const [calls, aht, patience, n] of [
      [100, 180, 120, 9],
      [100, 180, 60, 12],
      [400, 300, 90, 60],
      [2000, 240, 200, 250],
    ]) {
      const queue = {
        calls,
        intervalMinutes: 30,
        ahtSeconds: aht,
        patienceSeconds: patience,
        targetAnswerSeconds: 20,
      };
      const p = erlangAAt(queue, n);
      expect(p.abandonProbability).toBeCloseTo(p.averageWaitSeconds / patience, 12);
    }
  });

  it('with T = 0 gives SL = 1 − P(wait) (answered + abandoned is everyone)', () => {
    const p = erlangAAt({ ...PYWORKFORCE, patienceSeconds: 120, targetAnswerSeconds: 0 }, 11);
    expect(p.serviceLevel).toBeCloseTo(1 - p.waitProbability, 13);
  });

  it('is stable below A, where Erlang C has no steady state', () => {
    const p = erlangAAt({ ...PYWORKFORCE, patienceSeconds: 120 }, 8);
    expect(p.waitProbability).toBeGreaterThan(0.5);
    expect(p.waitProbability).toBeLessThan(1);
    expect(p.abandonProbability).toBeGreaterThan(0.1);
    expect(p.occupancy).toBeLessThan(1);
  });

  it('handles A in the thousands without overflow', () => {
    const queue = {
      calls: 5000,
      intervalMinutes: 15,
      ahtSeconds: 900,
      patienceSeconds: 600,
      targetAnswerSeconds: 20,
    };
    for (const n of [4000, 5000, 5100]) {
      const p = erlangAAt(queue, n);
      for (const v of [p.serviceLevel, p.waitProbability, p.abandonProbability, p.asaSeconds]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
    expect(erlangAAt(queue, 4000).abandonProbability).toBeGreaterThan(0.19); // ≥ 1 − 4000/5000
  });

  it('covers the degenerate cases: no calls, no agents', () => {
    const queue = { ...PYWORKFORCE, patienceSeconds: 120 };
    expect(erlangAAt({ ...queue, calls: 0 }, 3).serviceLevel).toBe(1);
    expect(erlangAAt(queue, 0)).toMatchObject({
      serviceLevel: 0,
      abandonProbability: 1,
      asaSeconds: null,
    });
  });
});

describe('erlangAAt against a simulation of M/M/N+M', () => {
  it.each([
    // calls / 30 min, AHT, patience, T, agents
    [540, 30, 60, 20, 5],
    [300, 180, 90, 20, 28],
    [200, 240, 45, 30, 22],
  ])(
    'agrees for %s calls, AHT %s s, patience %s s, T %s s, %s agents',
    (calls, aht, patience, t, n) => {
      const queue = {
        calls,
        intervalMinutes: 30,
        ahtSeconds: aht,
        patienceSeconds: patience,
        targetAnswerSeconds: t,
      };
      const exact = erlangAAt(queue, n);
      const sim = simulate(queue, n, 400_000, 12345 + n);
      expect(Math.abs(exact.serviceLevel - sim.serviceLevel)).toBeLessThan(0.01);
      expect(Math.abs(exact.waitProbability - sim.waitProbability)).toBeLessThan(0.01);
      expect(Math.abs(exact.abandonProbability - sim.abandonProbability)).toBeLessThan(0.005);
      expect(Math.abs((exact.asaSeconds ?? 0) - sim.asaSeconds)).toBeLessThan(
        0.05 * sim.asaSeconds + 0.2,
      );
    },
  );
});

describe('erlangA staffing', () => {
  it('finds the same agents as a linear scan from one agent', () => {
    for (const [calls, patience, sl, cap] of [
      [100, 120, 0.8, 0.85],
      [100, 30, 0.9, 1],
      [37, 200, 0.7, 0.85],
      [600, 90, 0.95, 0.9],
      [3, 60, 0.8, 0.85],
    ]) {
      const input = {
        calls,
        intervalMinutes: 30,
        ahtSeconds: 180,
        targetServiceLevel: sl,
        targetAnswerSeconds: 20,
        patienceSeconds: patience,
        maxOccupancy: cap,
      };
      let n = 1;
      for (; ; n++) {
        const p = erlangAAt(input, n);
        if (p.serviceLevel >= sl && p.occupancy <= cap) {
          break;
        }
      }
      expect(erlangA(input).rawAgents).toBe(n);
    }
  });

  it('needs fewer agents than Erlang C when callers abandon (pyworkforce load, patience 120 s)', () => {
    const r = erlangA({ ...PYWORKFORCE, patienceSeconds: 120 });
    expect(r.rawAgents).toBe(12);
    expect(r.agents).toBe(18); // ceil(12 ÷ 0.7 − 1e-9)
    expect(r.serviceLevel).toBeCloseTo(
      erlangAAt({ ...PYWORKFORCE, patienceSeconds: 120 }, 12).serviceLevel,
      15,
    );
    expect(erlangAAt({ ...PYWORKFORCE, patienceSeconds: 120 }, 11).serviceLevel).toBeLessThan(0.8);
    expect(r.abandonProbability).toBeGreaterThan(0.05);
    expect(r.abandonProbability).toBeLessThan(0.07);
  });

  it('needs no agent for zero calls', () => {
    expect(erlangA({ ...PYWORKFORCE, calls: 0, patienceSeconds: 60 })).toEqual({
      trafficErlangs: 0,
      rawAgents: 0,
      agents: 0,
      serviceLevel: 1,
      waitProbability: 0,
      abandonProbability: 0,
      asaSeconds: 0,
      occupancy: 0,
    });
  });

  it('rejects a missing or non-positive patience along with the Erlang C problems', () => {
    expect(validateErlangAInput({ ...PYWORKFORCE, patienceSeconds: 0, ahtSeconds: -1 })).toEqual([
      'ahtSeconds must be greater than 0 (got -1)',
      'patienceSeconds must be greater than 0 (got 0)',
    ]);
    expect(validateErlangAInput({ ...PYWORKFORCE, patienceSeconds: Infinity })).toEqual([
      'patienceSeconds must be a finite number (got Infinity)',
    ]);
    expect(() => erlangA({ ...PYWORKFORCE, patienceSeconds: -5 })).toThrow(ErlangInputError);
  });
});
