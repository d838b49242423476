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

/** Sums and counts of a team's indices (what a snapshot query returns per date). */
export interface TeamBurnoutSums {
  /** Members with an index. */
  members: number;
  /** Σ BRI over those members. */
  sumIndex: number;
  bands: Record<BurnoutBand, number>;
}

/**
 * {@link teamBurnout} from sums and counts instead of the list of indices (mean = Σ ÷ n,
 * capacity at risk = Σ(BRI ÷ 100 × 1/3) ÷ n = Σ ÷ 300n), so a trend over many dates needs one
 * aggregate row per date.
 */
export function teamBurnoutFromSums(sums: TeamBurnoutSums): TeamBurnout {
  const n = sums.members;
  return {
    members: n,
    meanIndex: n > 0 ? sums.sumIndex / n : null,
    bands: { ...sums.bands },
    capacityAtRisk: n > 0 ? sums.sumIndex / 100 / 3 / n : null,
  };
}

/** One component's weight in a team: how many members have it as a driver, its mean points. */
export interface TeamDriver<N extends string = string> {
  name: N;
  /** Members for whom it is one of the top three drivers. */
  agents: number;
  /** Mean points over the members with an index (0–100 scale). */
  meanPoints: number;
}

/**
 * The top drivers across a team (metrics.md §5 "a manager sees why", team level): every component
 * that drives at least one member, ordered by mean points over the members with an index, then
 * by how many members it drives, then by table order. Members without an index are left out.
 */
export function teamDrivers<N extends string>(
  names: readonly N[],
  members: readonly { index: number | null; drivers: readonly N[]; points: Record<N, number> }[],
): TeamDriver<N>[] {
  const active = members.filter((m) => m.index !== null);
  if (active.length === 0) {
    return [];
  }
  return names
    .map((name, order) => ({
      name,
      order,
      agents: active.filter((m) => m.drivers.includes(name)).length,
      meanPoints: active.reduce((s, m) => s + (m.points[name] ?? 0), 0) / active.length,
    }))
    .filter((d) => d.agents > 0)
    .sort((a, b) => b.meanPoints - a.meanPoints || b.agents - a.agents || a.order - b.order)
    .map(({ name, agents, meanPoints }) => ({ name, agents, meanPoints }));
}
