/** One scored case of a back-test: a score, whether the event followed, and its cluster. */
export interface ScoredCase {
  score: number;
  positive: boolean;
  /** Cases of one cluster (one agent scored on many dates) are resampled together. */
  cluster?: string | number;
}

/**
 * ROC AUC by the Mann–Whitney U statistic: the probability that a random positive case scores
 * above a random negative one, ties counting one half. Mid-ranks handle ties in O(n log n).
 * Null without at least one positive and one negative case.
 */
export function rocAuc(cases: readonly ScoredCase[]): number | null {
  const n = cases.length;
  const sorted = cases.map((c) => c).sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && sorted[j + 1].score === sorted[i].score) {
      j += 1;
    }
    const midRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k += 1) {
      if (sorted[k].positive) {
        positives += 1;
        rankSum += midRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) {
    return null;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** mulberry32: a small seeded PRNG, so a bootstrap gives the same interval every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Result of {@link bootstrapAuc}. */
export interface AucInterval {
  auc: number | null;
  lower: number | null;
  upper: number | null;
  level: number;
  iterations: number;
  /** Number of clusters resampled (cases when none are given). */
  clusters: number;
  positives: number;
  negatives: number;
}

/**
 * ROC AUC with a percentile bootstrap interval. Cases are resampled by cluster (all the dates of
 * one agent together): the dates of one agent are not independent, and resampling cases one by
 * one would give a falsely narrow interval. Deterministic for a given seed.
 */
export function bootstrapAuc(
  cases: readonly ScoredCase[],
  options: { iterations?: number; level?: number; seed?: number } = {},
): AucInterval {
  const iterations = options.iterations ?? 1000;
  const level = options.level ?? 0.95;
  const random = mulberry32(options.seed ?? 1);
  const byCluster = new Map<string | number, ScoredCase[]>();
  cases.forEach((c, i) => {
    const key = c.cluster ?? `#${i}`;
    const list = byCluster.get(key);
    if (list) {
      list.push(c);
    } else {
      byCluster.set(key, [c]);
    }
  });
  const groups = [...byCluster.values()];
  const positives = cases.filter((c) => c.positive).length;
  const auc = rocAuc(cases);
  const samples: number[] = [];
  if (auc !== null) {
    for (let it = 0; it < iterations; it += 1) {
      const resample: ScoredCase[] = [];
      for (let g = 0; g < groups.length; g += 1) {
        const pick = groups[Math.floor(random() * groups.length)];
        for (const c of pick) {
          resample.push(c);
        }
      }
      const a = rocAuc(resample);
      if (a !== null) {
        samples.push(a);
      }
    }
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) =>
    samples.length === 0
      ? null
      : samples[Math.min(samples.length - 1, Math.max(0, Math.floor(p * samples.length)))];
  return {
    auc,
    lower: q((1 - level) / 2),
    upper: q(1 - (1 - level) / 2),
    level,
    iterations,
    clusters: groups.length,
    positives,
    negatives: cases.length - positives,
  };
}

/** Share of cases in each group that were followed by the event. */
export function eventRateBy<K extends string>(
  cases: readonly { group: K; positive: boolean }[],
): Record<string, { cases: number; events: number; rate: number | null }> {
  const out: Record<string, { cases: number; events: number; rate: number | null }> = {};
  for (const c of cases) {
    const g = (out[c.group] ??= { cases: 0, events: 0, rate: null });
    g.cases += 1;
    g.events += c.positive ? 1 : 0;
  }
  for (const g of Object.values(out)) {
    g.rate = g.cases > 0 ? g.events / g.cases : null;
  }
  return out;
}
