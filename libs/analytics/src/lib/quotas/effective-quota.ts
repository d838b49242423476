import { localDaysBetween } from '../schedule/instant';
import { rampFraction, RampConfig } from './ramped-target';
import { QuotaComparator, QuotaMetric, QuotaPeriod } from './quota.types';

/** One stored version of a quota's target: from `effectiveFrom` on; `target` null ends it. */
export interface QuotaVersion {
  id: number;
  effectiveFrom: string;
  target: number | null;
}

/**
 * Effective dating: the version in force on local date `date` is the one with the latest
 * `effectiveFrom ≤ date` (the later-created one when two start the same day). A change applies
 * forward; earlier dates keep the target they had. Null when none applies or it was ended.
 */
export function versionOn<V extends QuotaVersion>(versions: readonly V[], date: string): V | null {
  let best: V | null = null;
  for (const v of versions) {
    if (v.effectiveFrom > date) {
      continue;
    }
    if (
      best === null ||
      v.effectiveFrom > best.effectiveFrom ||
      (v.effectiveFrom === best.effectiveFrom && v.id > best.id)
    ) {
      best = v;
    }
  }
  return best !== null && best.target !== null ? best : null;
}

/** A quota that may apply to one agent: their own, or their team's per-member target. */
export interface AgentQuotaCandidate {
  quotaId: number;
  scope: 'agent' | 'team';
  metric: QuotaMetric;
  period: QuotaPeriod;
  comparator: QuotaComparator;
  /** The target in force on the date (see {@link versionOn}). */
  target: number;
  /** Whether the new-hire ramp applies to this quota. */
  ramp: boolean;
}

/** An agent's quota for one date, with the ramp applied. */
export interface AppliedQuota {
  quotaId: number;
  /** Where the target comes from: the agent's own quota or the team's per-member one. */
  source: 'agent' | 'team';
  metric: QuotaMetric;
  period: QuotaPeriod;
  comparator: QuotaComparator;
  /** The stored target. */
  baseTarget: number;
  /** The new-hire ramp fraction applied (1 when none). */
  rampFraction: number;
  /** The target the agent is measured against. */
  target: number;
}

/**
 * The quotas one agent is measured against on `date`: for each metric × period, the agent's own
 * quota wins over their team's per-member quota. Agents in their first `ramp.weeks` weeks get
 * ramped targets (metrics.md §3 handicapped targets: at-least targets × the fraction, at-most
 * targets ÷ it, as `rampedTarget`), unless the quota opts out. A date before the hire date (a
 * shift in training before the official start) uses the week-one fraction.
 */
export function agentQuotasOn(
  candidates: readonly AgentQuotaCandidate[],
  hireDate: string,
  date: string,
  ramp: RampConfig,
): AppliedQuota[] {
  const chosen = new Map<string, AgentQuotaCandidate>();
  for (const c of candidates) {
    const key = `${c.metric}|${c.period}`;
    const prev = chosen.get(key);
    if (!prev || (prev.scope === 'team' && c.scope === 'agent')) {
      chosen.set(key, c);
    }
  }
  const onDate = localDaysBetween(hireDate, date) < 0 ? hireDate : date;
  const fraction = rampFraction(hireDate, onDate, ramp);
  return [...chosen.values()]
    .map((c) => {
      const f = c.ramp ? fraction : 1;
      const target = f === 1 ? c.target : c.comparator === 'at_most' ? c.target / f : c.target * f;
      return {
        quotaId: c.quotaId,
        source: c.scope,
        metric: c.metric,
        period: c.period,
        comparator: c.comparator,
        baseTarget: c.target,
        rampFraction: f,
        target,
      };
    })
    .sort(
      (a, b) =>
        ORDER.indexOf(a.metric) - ORDER.indexOf(b.metric) ||
        PERIODS.indexOf(a.period) - PERIODS.indexOf(b.period),
    );
}

const ORDER: readonly QuotaMetric[] = [
  'calls_handled',
  'sales',
  'saves',
  'resolved',
  'aht_seconds',
  'csat',
  'qa_score',
];
const PERIODS: readonly QuotaPeriod[] = ['shift', 'day', 'week'];
