import { QualityGate, SpiffMetric } from './spiff.types';

/** The fields of a call a SPIFF campaign counts (interfaces.md `calls`). */
export interface SpiffCallFacts {
  /** The call had an agent (abandoned calls reach none). */
  hasAgent: boolean;
  outcome: string;
  saleAmountCents: number | null;
  qaScore: number | null;
  csat: number | null;
}

/**
 * metrics.md §7 units of one call for a campaign metric — the same predicates as the call
 * rollups (`call_rollup_*`: `sales`, `saves`, `resolved`, `answered`, `sale_cents`), so a
 * campaign without a quality gate counts exactly what the rollups sum: `sales` → 1 for outcome
 * `sale`; `saves` → 1 for `save`; `resolved` → 1 for `resolved`; `calls_handled` → 1 for an
 * answered call (an agent and outcome ≠ `abandoned`, metrics.md §1); `sale_amount_cents` → the
 * sale amount of a `sale` (0 when missing).
 */
export function spiffUnitsOfCall(call: SpiffCallFacts, metric: SpiffMetric): number {
  switch (metric) {
    case 'sales':
      return call.outcome === 'sale' ? 1 : 0;
    case 'saves':
      return call.outcome === 'save' ? 1 : 0;
    case 'resolved':
      return call.outcome === 'resolved' ? 1 : 0;
    case 'calls_handled':
      return call.hasAgent && call.outcome !== 'abandoned' ? 1 : 0;
    case 'sale_amount_cents':
      return call.outcome === 'sale' ? (call.saleAmountCents ?? 0) : 0;
  }
}

/** Why a call's units were not counted by a quality gate. */
export type QualityGateReason = 'qa_below_floor' | 'csat_below_floor' | 'unscored';

/**
 * The quality gate of a campaign (docs/spiff.md): a call counts when every score it carries for
 * a floor meets that floor (QA ≥ `qaMin`, CSAT ≥ `csatMin`); a call missing every score a floor
 * needs counts or not as `unscored` says. With both floors set, one score present and meeting
 * its floor is enough when the other is missing. No gate: every call counts.
 */
export function qualityGateResult(
  call: Pick<SpiffCallFacts, 'qaScore' | 'csat'>,
  gate: QualityGate | null | undefined,
): { counts: true } | { counts: false; reason: QualityGateReason } {
  if (!gate) {
    return { counts: true };
  }
  const checks: { score: number | null; min: number; reason: QualityGateReason }[] = [];
  if (gate.qaMin != null) {
    checks.push({ score: call.qaScore, min: gate.qaMin, reason: 'qa_below_floor' });
  }
  if (gate.csatMin != null) {
    checks.push({ score: call.csat, min: gate.csatMin, reason: 'csat_below_floor' });
  }
  let scored = 0;
  for (const c of checks) {
    if (c.score === null || c.score === undefined) {
      continue;
    }
    scored += 1;
    if (c.score < c.min) {
      return { counts: false, reason: c.reason };
    }
  }
  if (scored === 0 && checks.length > 0 && gate.unscored === 'exclude') {
    return { counts: false, reason: 'unscored' };
  }
  return { counts: true };
}
