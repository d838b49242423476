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

/** `min(units × amount, cap)`. */
export interface PerUnitRule {
  type: 'per_unit';
  amountCents: number;
  capCents?: number | null;
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

/** A campaign definition as an admin or manager enters it (metrics.md §7). */
export interface SpiffCampaign {
  metric: SpiffMetric;
  budgetCents: number;
  rule: SpiffRule;
  /** Local dates `YYYY-MM-DD`, inclusive. */
  period?: { from: string; to: string };
}

/** Units counted for one agent (or team) in a campaign. */
export interface SpiffEntrant {
  code: string;
  units: number;
}
