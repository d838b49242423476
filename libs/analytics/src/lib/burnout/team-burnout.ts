import { mean } from '../common';
import { burnoutBand, BurnoutBand } from './burnout-index';

/** Result of {@link teamBurnout}. */
export interface TeamBurnout {
  /** Members with an index (agents with no worked time in W have none and are not counted). */
  members: number;
  meanIndex: number | null;
  bands: Record<BurnoutBand, number>;
  /** Mean over members of (BRI ÷ 100) × 1/3, a fraction of the team's capacity. */
  capacityAtRisk: number | null;
}

/**
 * metrics.md §5 team figures: mean BRI of active members, count per band, and capacity at risk
 * `= mean over members of (BRI ÷ 100) × 1/3` (the articles' "up to a third", a modelled estimate).
 * Pass the indices of the team's active members; null indices (no worked time in W) are left
 * out of every figure. An empty team gives null means.
 */
export function teamBurnout(indices: readonly (number | null)[]): TeamBurnout {
  const active = indices.filter((i): i is number => i !== null);
  const bands: Record<BurnoutBand, number> = { low: 0, elevated: 0, high: 0, critical: 0 };
  for (const index of active) {
    bands[burnoutBand(index)] += 1;
  }
  const meanIndex = mean(active);
  return {
    members: active.length,
    meanIndex,
    bands,
    capacityAtRisk: mean(active.map((i) => (i / 100) * (1 / 3))),
  };
}
