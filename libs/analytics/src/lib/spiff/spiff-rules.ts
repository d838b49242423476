import { PerUnitRule, SpiffRule, TieredRule } from './spiff.types';

function assertUnits(units: number): void {
  if (!Number.isFinite(units) || units < 0) {
    throw new RangeError(`units must be a non-negative number, got ${units}`);
  }
}

/** Units per payment of a per-unit rule (default 1). */
export function perUnitsOf(rule: PerUnitRule): number {
  return rule.perUnits ?? 1;
}

/**
 * metrics.md §7 `per_unit`: `min(units × amount, cap)`, in cents — with `perUnits` > 1 the
 * amount is paid per whole `perUnits` units: `min(floor(units ÷ perUnits) × amount, cap)`.
 */
export function perUnitAward(units: number, rule: PerUnitRule): number {
  assertUnits(units);
  const earned = Math.floor(Math.floor(units) / perUnitsOf(rule)) * rule.amountCents;
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

// ------------------------------------------------------------------ handicapped targets

/**
 * A target scaled to `percent` % for a handicapped entrant: `ceil(target × percent ÷ 100)`, in
 * integer arithmetic, and never below 1 unit. 100 % leaves the target as it is.
 */
export function scaleTarget(target: number, percent: number): number {
  if (percent === 100) {
    return target;
  }
  return Math.max(1, Math.floor((target * percent + 99) / 100));
}

/**
 * The target percent of an agent under a handicap (metrics.md §7 option, decisions in
 * docs/spiff.md): `targetPercent` when the agent's tenure on the campaign's first day
 * (`periodFrom − hireDate`, in days; negative for someone hired during the campaign) is under
 * `tenureDays`, else 100.
 */
export function handicapPercent(
  hireDate: string,
  periodFrom: string,
  handicap: { tenureDays: number; targetPercent: number } | null | undefined,
): number {
  if (!handicap) {
    return 100;
  }
  const days =
    (Date.parse(`${periodFrom}T00:00:00Z`) - Date.parse(`${hireDate}T00:00:00Z`)) / 86_400_000;
  if (!Number.isFinite(days)) {
    throw new RangeError(`bad dates ${hireDate} / ${periodFrom}`);
  }
  return days < handicap.tenureDays ? handicap.targetPercent : 100;
}

/**
 * The rule as one entrant plays it: every target scaled by {@link scaleTarget} — tier thresholds,
 * units per spin / envelope / ticket, a contest's `minUnits`. Amounts, prizes and caps never
 * change. At 100 % the rule itself is returned.
 */
export function ruleForEntrant<R extends SpiffRule>(rule: R, percent: number): R {
  if (percent === 100) {
    return rule;
  }
  switch (rule.type) {
    case 'per_unit':
      return rule;
    case 'tiered':
      return {
        ...rule,
        tiers: rule.tiers.map((t) => ({ ...t, threshold: scaleTarget(t.threshold, percent) })),
      };
    case 'contest':
      return { ...rule, minUnits: scaleTarget(rule.minUnits, percent) };
    case 'prize_wheel':
      return { ...rule, unitsPerSpin: scaleTarget(rule.unitsPerSpin, percent) };
    case 'mystery_envelope':
      return { ...rule, unitsPerEnvelope: scaleTarget(rule.unitsPerEnvelope, percent) };
    case 'lottery':
      return { ...rule, unitsPerTicket: scaleTarget(rule.unitsPerTicket, percent) };
  }
}

// ------------------------------------------------------------------ progress

/** What an agent sees about their way forward in a campaign (metrics.md §7 "progress"). */
export type SpiffProgress =
  | {
      kind: 'per_unit';
      earnedCents: number;
      capCents: number | null;
      /** Units still needed to reach the cap (0 once reached), null without a cap. */
      unitsToCap: number | null;
      /** Units per payment and the units still needed for the next one (null at the cap). */
      perUnits: number;
      unitsToNext: number | null;
    }
  | {
      kind: 'tier';
      /** Index of the highest tier reached, or null. */
      tier: number | null;
      earnedCents: number;
      /** Threshold of the tier reached (0 before the first), for a progress bar's start. */
      fromThreshold: number;
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
 * metrics.md §7 "progress to the next tier or spin": per_unit → earned so far, units to the cap
 * and to the next payment; tiered → the tier reached and the units to the next one (null at the
 * top); wheel, envelope, lottery → draws earned and units to the next (a completed draw shows a
 * full `unitsPerX` to go); contest → units still needed to qualify (rank is known only at
 * close). Pass the entrant's own rule ({@link ruleForEntrant}) for a handicapped agent.
 */
export function spiffProgress(units: number, rule: SpiffRule): SpiffProgress {
  assertUnits(units);
  switch (rule.type) {
    case 'per_unit': {
      const cap = rule.capCents ?? null;
      const per = perUnitsOf(rule);
      const whole = Math.floor(units);
      const earnedCents = perUnitAward(units, rule);
      const unitsToCap =
        cap === null ? null : Math.max(0, Math.ceil(cap / rule.amountCents) * per - whole);
      return {
        kind: 'per_unit',
        earnedCents,
        capCents: cap,
        unitsToCap,
        perUnits: per,
        unitsToNext: unitsToCap === 0 ? null : per - (whole % per),
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
        fromThreshold: tier === null ? 0 : rule.tiers[tier].threshold,
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
