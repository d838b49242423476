/** What a SPIFF campaign counts, from calls (metrics.md §7). */
export type SpiffMetric = 'sales' | 'saves' | 'resolved' | 'calls_handled' | 'sale_amount_cents';

/** All SPIFF metrics, for validation. */
export const SPIFF_METRICS: readonly SpiffMetric[] = Object.freeze([
  'sales',
  'saves',
  'resolved',
  'calls_handled',
  'sale_amount_cents',
]);

/** An amount with a draw weight (a wheel slice or an envelope). Weights are positive integers. */
export interface WeightedAmount {
  amountCents: number;
  weight: number;
}

/**
 * `min(units × amount, cap)`. `perUnits` (default 1) pays `amountCents` for every whole
 * `perUnits` units — for `sale_amount_cents`, "$5 per $100 sold" is `perUnits: 10000,
 * amountCents: 500` (a unit of that metric is one cent of sales).
 */
export interface PerUnitRule {
  type: 'per_unit';
  amountCents: number;
  capCents?: number | null;
  perUnits?: number;
}

/** One tier: reached when units ≥ threshold. */
export interface SpiffTier {
  threshold: number;
  amountCents: number;
}

/** The amount of the highest tier reached (not cumulative). */
export interface TieredRule {
  type: 'tiered';
  tiers: readonly SpiffTier[];
}

/** Prizes by final rank at close, for agents or teams with at least `minUnits`. */
export interface ContestRule {
  type: 'contest';
  /** Cents for rank 1..k. */
  prizes: readonly number[];
  scope: 'agent' | 'team';
  minUnits: number;
}

/** One weighted spin per `unitsPerSpin` units. */
export interface PrizeWheelRule {
  type: 'prize_wheel';
  unitsPerSpin: number;
  slices: readonly WeightedAmount[];
}

/** One weighted envelope per `unitsPerEnvelope` units, amount hidden until opened. */
export interface MysteryEnvelopeRule {
  type: 'mystery_envelope';
  unitsPerEnvelope: number;
  amounts: readonly WeightedAmount[];
}

/** One ticket per `unitsPerTicket` units; winners drawn at close without replacement. */
export interface LotteryRule {
  type: 'lottery';
  unitsPerTicket: number;
  prizes: readonly number[];
}

/** One of the six rules of metrics.md §7. */
export type SpiffRule =
  | PerUnitRule
  | TieredRule
  | ContestRule
  | PrizeWheelRule
  | MysteryEnvelopeRule
  | LotteryRule;

/** The rule types, for validation and lists. */
export const SPIFF_RULE_TYPES: readonly SpiffRule['type'][] = Object.freeze([
  'per_unit',
  'tiered',
  'contest',
  'prize_wheel',
  'mystery_envelope',
  'lottery',
]);

/**
 * Quality gate: a call's units count only when every score it carries meets its floor (QA
 * 0–100, CSAT 1–5). Scores are sampled (a few calls in ten are reviewed or surveyed), so
 * `unscored` says what a call without the score a floor needs does: `count` (the default the
 * builder offers) or `exclude`.
 */
export interface QualityGate {
  qaMin?: number | null;
  csatMin?: number | null;
  unscored: 'count' | 'exclude';
}

/**
 * Handicapped targets for new hires: an agent whose tenure on the campaign's first day is under
 * `tenureDays` gets every target of the rule scaled to `targetPercent` % (rounded up to a whole
 * unit, at least 1) — tier thresholds, units per spin / envelope / ticket, a contest's minimum —
 * and in an agent contest is ranked by `units ÷ (targetPercent ÷ 100)`.
 */
export interface Handicap {
  tenureDays: number;
  targetPercent: number;
}

/** A campaign definition as an admin or manager enters it (metrics.md §7). */
export interface SpiffCampaign {
  metric: SpiffMetric;
  budgetCents: number;
  rule: SpiffRule;
  /** Local dates `YYYY-MM-DD`, inclusive. */
  period?: { from: string; to: string };
  qualityGate?: QualityGate | null;
  handicap?: Handicap | null;
}

/** Units counted for one agent (or team) in a campaign. */
export interface SpiffEntrant {
  code: string;
  units: number;
  /** Handicap of this entrant, percent of the normal targets (default 100). */
  targetPercent?: number;
}
