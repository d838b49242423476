import { PerUnitRule, SpiffRule, TieredRule } from './spiff.types';

function assertUnits(units: number): void {
  if (!Number.isFinite(units) || units < 0) {
    throw new RangeError(`units must be a non-negative number, got ${units}`);
  }
}

/** metrics.md §7 `per_unit`: `min(units × amount, cap)`, in cents. */
export function perUnitAward(units: number, rule: PerUnitRule): number {
  assertUnits(units);
  const earned = Math.floor(units) * rule.amountCents;
  return rule.capCents != null ? Math.min(earned, rule.capCents) : earned;
}

/** metrics.md §7 `tiered`: the index of the highest tier reached (`units ≥ threshold`), or null. */
export function reachedTierIndex(units: number, rule: TieredRule): number | null {
  assertUnits(units);
  let reached: number | null = null;
  rule.tiers.forEach((tier, i) => {
    if (
      units >= tier.threshold &&
      (reached === null || tier.threshold >= rule.tiers[reached].threshold)
    ) {
      reached = i;
    }
  });
  return reached;
}

/** metrics.md §7 `tiered`: the amount of the highest tier reached (not cumulative), in cents. */
export function tieredAward(units: number, rule: TieredRule): number {
  const i = reachedTierIndex(units, rule);
  return i === null ? 0 : rule.tiers[i].amountCents;
}

/**
 * metrics.md §7 "up to" shown to agents: per_unit → the cap (null without one: no ceiling to
 * advertise); tiered → the top tier; contest and lottery → the first prize; wheel → the largest
 * slice; envelope → the largest amount.
 */
export function upToCents(rule: SpiffRule): number | null {
  switch (rule.type) {
    case 'per_unit':
      return rule.capCents ?? null;
    case 'tiered':
      return rule.tiers.length > 0 ? Math.max(...rule.tiers.map((t) => t.amountCents)) : null;
    case 'contest':
    case 'lottery':
      return rule.prizes.length > 0 ? rule.prizes[0] : null;
    case 'prize_wheel':
      return rule.slices.length > 0 ? Math.max(...rule.slices.map((s) => s.amountCents)) : null;
    case 'mystery_envelope':
      return rule.amounts.length > 0 ? Math.max(...rule.amounts.map((a) => a.amountCents)) : null;
  }
}

/** What an agent sees about their way forward in a campaign (metrics.md §7 "progress"). */
export type SpiffProgress =
  | { kind: 'per_unit'; earnedCents: number; capCents: number | null; unitsToCap: number | null }
  | {
      kind: 'tier';
      /** Index of the highest tier reached, or null. */
      tier: number | null;
      earnedCents: number;
      nextThreshold: number | null;
      nextAmountCents: number | null;
      unitsToNext: number | null;
    }
  | {
      kind: 'spins' | 'envelopes' | 'tickets';
      earned: number;
      unitsPerDraw: number;
      /** Units still needed for the next spin / envelope / ticket (always ≥ 1). */
      unitsToNext: number;
    }
  | { kind: 'contest'; units: number; minUnits: number; unitsToQualify: number };

function drawProgress(
  kind: 'spins' | 'envelopes' | 'tickets',
  units: number,
  per: number,
): SpiffProgress {
  const whole = Math.floor(units);
  return {
    kind,
    earned: Math.floor(whole / per),
    unitsPerDraw: per,
    unitsToNext: per - (whole % per),
  };
}

/**
 * metrics.md §7 "progress to the next tier or spin": per_unit → earned so far and units to the
 * cap; tiered → the tier reached and the units to the next one (null at the top); wheel,
 * envelope, lottery → draws earned and units to the next (a completed draw shows a full
 * `unitsPerX` to go); contest → units still needed to qualify (rank is known only at close).
 */
export function spiffProgress(units: number, rule: SpiffRule): SpiffProgress {
  assertUnits(units);
  switch (rule.type) {
    case 'per_unit': {
      const cap = rule.capCents ?? null;
      return {
        kind: 'per_unit',
        earnedCents: perUnitAward(units, rule),
        capCents: cap,
        unitsToCap:
          cap === null ? null : Math.max(0, Math.ceil(cap / rule.amountCents) - Math.floor(units)),
      };
    }
    case 'tiered': {
      const tier = reachedTierIndex(units, rule);
      const next = rule.tiers
        .map((t, i) => ({ ...t, i }))
        .filter((t) => t.threshold > units)
        .sort((a, b) => a.threshold - b.threshold)[0];
      return {
        kind: 'tier',
        tier,
        earnedCents: tier === null ? 0 : rule.tiers[tier].amountCents,
        nextThreshold: next ? next.threshold : null,
        nextAmountCents: next ? next.amountCents : null,
        unitsToNext: next ? next.threshold - units : null,
      };
    }
    case 'prize_wheel':
      return drawProgress('spins', units, rule.unitsPerSpin);
    case 'mystery_envelope':
      return drawProgress('envelopes', units, rule.unitsPerEnvelope);
    case 'lottery':
      return drawProgress('tickets', units, rule.unitsPerTicket);
    case 'contest':
      return {
        kind: 'contest',
        units,
        minUnits: rule.minUnits,
        unitsToQualify: Math.max(0, rule.minUnits - units),
      };
  }
}
