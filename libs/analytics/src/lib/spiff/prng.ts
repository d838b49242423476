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
