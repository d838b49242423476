/**
 * metrics.md §7 cost preview (reproducible): a deterministic uniform generator in [0, 1):
 * mulberry32 (a public-domain 32-bit generator, ample for cost previews). The same seed always
 * gives the same sequence; Math.random is never used, so previews are reproducible.
 */
export function createPrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * metrics.md §7 cost preview: a Poisson(λ) sample of an entrant's units — Knuth's product method
 * below λ = 30, above it the normal approximation `round(λ + √λ · z)` (Box–Muller z), floored at 0
 * — accurate to well under a unit's share for the large counts (calls, sale cents) where exact
 * sampling would be slow.
 */
export function samplePoisson(lambda: number, next: () => number): number {
  if (!(lambda > 0)) {
    return 0;
  }
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = next();
    while (p > limit) {
      k += 1;
      p *= next();
    }
    return k;
  }
  const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
}

/** ln(n!) for a whole n ≥ 0: exact sum below 30, Stirling's series (error < 1e-15 relative) above. */
export function lnFactorial(n: number): number {
  if (n < 30) {
    let s = 0;
    for (let i = 2; i <= n; i += 1) {
      s += Math.log(i);
    }
    return s;
  }
  const n2 = n * n;
  return (
    n * Math.log(n) -
    n +
    0.5 * Math.log(2 * Math.PI * n) +
    1 / (12 * n) -
    1 / (360 * n * n2) +
    1 / (1260 * n2 * n2 * n)
  );
}

/** Largest λ whose distribution is tabulated exactly; above it the normal approximation. */
const EXACT_POISSON_MAX = 20_000;

/** The complementary error function (Numerical Recipes' Chebyshev fit erfcc, fractional error < 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t *
                              (-1.13520398 +
                                t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/**
 * The Poisson(λ) distribution of an entrant's units, for the cost preview: `tail(k) = P(N ≥ k)`
 * and `quantile(q)`. Exact (the pmf tabulated outward from the mode, in log space, over the
 * range holding all but 1e-16 of the mass) up to λ = 20 000; above it — sale cents, say — the
 * normal approximation with continuity correction.
 */
export function poissonDistribution(lambda: number): {
  tail: (k: number) => number;
  quantile: (q: number) => number;
  /** Units beyond which the tail is negligible (< 1e-15). */
  upper: number;
} {
  if (!(lambda > 0)) {
    return { tail: (k) => (k <= 0 ? 1 : 0), quantile: () => 0, upper: 0 };
  }
  const sd = Math.sqrt(lambda);
  if (lambda > EXACT_POISSON_MAX) {
    const tail = (k: number) => (k <= 0 ? 1 : 0.5 * erfc((k - 0.5 - lambda) / (sd * Math.SQRT2)));
    return {
      tail,
      upper: Math.ceil(lambda + 9 * sd),
      quantile: (q) => {
        let lo = 0;
        let hi = Math.ceil(lambda + 9 * sd);
        while (lo < hi) {
          const mid = Math.floor((lo + hi) / 2);
          if (1 - tail(mid + 1) >= q) {
            hi = mid;
          } else {
            lo = mid + 1;
          }
        }
        return lo;
      },
    };
  }
  const mode = Math.floor(lambda);
  const lo = Math.max(0, Math.floor(lambda - 10 * sd - 10));
  const hi = Math.ceil(lambda + 10 * sd + 10);
  const pmf = new Float64Array(hi - lo + 1);
  pmf[mode - lo] = Math.exp(-lambda + mode * Math.log(lambda) - lnFactorial(mode));
  for (let k = mode + 1; k <= hi; k += 1) {
    pmf[k - lo] = (pmf[k - 1 - lo] * lambda) / k;
  }
  for (let k = mode - 1; k >= lo; k -= 1) {
    pmf[k - lo] = (pmf[k + 1 - lo] * (k + 1)) / lambda;
  }
  // suffix[k - lo] = P(N ≥ k), summed from the small end for accuracy
  const suffix = new Float64Array(pmf.length + 1);
  for (let i = pmf.length - 1; i >= 0; i -= 1) {
    suffix[i] = suffix[i + 1] + pmf[i];
  }
  const total = suffix[0];
  const tail = (k: number) => (k <= lo ? 1 : k > hi ? 0 : Math.min(1, suffix[k - lo] / total));
  return {
    tail,
    upper: hi,
    quantile: (q) => {
      let cumulative = 0;
      for (let k = lo; k <= hi; k += 1) {
        cumulative += pmf[k - lo] / total;
        if (cumulative >= q) {
          return k;
        }
      }
      return hi;
    },
  };
}
