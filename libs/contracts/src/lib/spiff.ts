/** What a SPIFF campaign counts from calls (metrics.md §7). */
export const SPIFF_METRIC_NAMES = [
  'sales',
  'saves',
  'resolved',
  'calls_handled',
  'sale_amount_cents',
] as const;
export type SpiffMetricName = (typeof SPIFF_METRIC_NAMES)[number];

export const SPIFF_RULE_NAMES = [
  'per_unit',
  'tiered',
  'contest',
  'prize_wheel',
  'mystery_envelope',
  'lottery',
] as const;
export type SpiffRuleName = (typeof SPIFF_RULE_NAMES)[number];

export interface SpiffWeightedAmountDto {
  amountCents: number;
  weight: number;
}

/** The six rules of metrics.md §7, as the API takes and returns them. */
export type SpiffRuleDto =
  | { type: 'per_unit'; amountCents: number; capCents?: number | null; perUnits?: number }
  | { type: 'tiered'; tiers: readonly { threshold: number; amountCents: number }[] }
  | { type: 'contest'; prizes: readonly number[]; scope: 'agent' | 'team'; minUnits: number }
  | { type: 'prize_wheel'; unitsPerSpin: number; slices: readonly SpiffWeightedAmountDto[] }
  | {
      type: 'mystery_envelope';
      unitsPerEnvelope: number;
      amounts: readonly SpiffWeightedAmountDto[];
    }
  | { type: 'lottery'; unitsPerTicket: number; prizes: readonly number[] };

/** Units count only when the call's scores meet the floors (docs/spiff.md). */
export interface SpiffQualityGateDto {
  qaMin?: number | null;
  csatMin?: number | null;
  unscored: 'count' | 'exclude';
}

/** New hires (tenure under `tenureDays` on the first day) play targets at `targetPercent` %. */
export interface SpiffHandicapDto {
  tenureDays: number;
  targetPercent: number;
}

/** Who takes part: empty lists mean "no restriction" (a manager's campaign always lists teams). */
export interface SpiffEligibilityDto {
  teamCodes: string[];
  siteCodes: string[];
  /** Call campaigns (lines of work) whose calls count; empty: all. */
  campaignCodes: string[];
}

/** `POST /api/spiff/campaigns`, `PUT /api/spiff/campaigns/:id`, `POST /api/spiff/preview`. */
export interface SpiffCampaignInput {
  name: string;
  description?: string | null;
  metric: SpiffMetricName;
  budgetCents: number;
  /** Local dates, inclusive, in each agent's site time zone. */
  periodFrom: string;
  periodTo: string;
  rule: SpiffRuleDto;
  eligibility?: Partial<SpiffEligibilityDto>;
  qualityGate?: SpiffQualityGateDto | null;
  handicap?: SpiffHandicapDto | null;
}

export type SpiffCampaignStatus = 'draft' | 'active' | 'closed';

export const SPIFF_AWARD_STATUSES = [
  'pending',
  'approved',
  'paid',
  'void',
  'declined_budget',
] as const;
export type SpiffAwardStatus = (typeof SPIFF_AWARD_STATUSES)[number];
export type SpiffAwardKind =
  | 'unit'
  | 'tier'
  | 'spin'
  | 'envelope'
  | 'contest'
  | 'lottery'
  | 'adjustment';

/** Cents per award status. */
export type SpiffStatusCents = Record<SpiffAwardStatus, number>;

/** The budget burn of a campaign: granted = pending + approved + paid (never above the budget). */
export interface SpiffBudgetBurnDto {
  budgetCents: number;
  grantedCents: number;
  remainingCents: number;
  /** granted ÷ budget, a fraction in [0, 1]. */
  burn: number;
  cents: SpiffStatusCents;
  counts: Record<SpiffAwardStatus, number>;
}

export interface SpiffCampaignDto {
  id: number;
  name: string;
  description: string | null;
  status: SpiffCampaignStatus;
  metric: SpiffMetricName;
  rule: SpiffRuleDto;
  periodFrom: string;
  periodTo: string;
  /** When the period has ended in every eligible site (the campaign closes then). */
  periodEndsAt: string;
  timeZones: string[];
  eligibility: SpiffEligibilityDto;
  qualityGate: SpiffQualityGateDto | null;
  handicap: SpiffHandicapDto | null;
  upToCents: number | null;
  budget: SpiffBudgetBurnDto;
  /** Agents with counted units so far. */
  entrants: number;
  /** SHA-256 of the draw secret, published at launch; the secret is revealed to admins at close. */
  secretSha256: string;
  createdBy: string | null;
  createdAt: string;
  launchedAt: string | null;
  closedAt: string | null;
  /** Whether the caller may edit, launch, close or change the budget of this campaign. */
  canManage: boolean;
}

/** `POST /api/spiff/preview` and `GET /api/spiff/campaigns/:id/preview` (metrics.md §7 budget). */
export interface SpiffCostPreviewDto {
  method: 'analytic' | 'monte_carlo';
  /** Eligible agents (teams for a team contest). */
  entrants: number;
  eligibleAgents: number;
  expectedCents: number;
  worstCaseCents: number;
  ceilingCents: number | null;
  budgetCents: number;
  expectedOverBudget: boolean;
  worstCaseOverBudget: boolean;
  overBudgetChance: number;
  standardErrorCents: number | null;
  simulations: number;
  /** The recent window the unit rates come from (local dates). */
  rateFrom: string;
  rateTo: string;
  periodDays: number;
  /** Units per agent per day over the window, summed over the eligible agents. */
  unitsPerDay: number;
  /** Notes on the forecast (a quality gate it could not apply, agents with no history). */
  notes: string[];
}

export interface SpiffLeaderboardRow {
  rank: number;
  /** Employee code or team code. */
  code: string;
  name: string;
  teamCode: string | null;
  units: number;
  /** Ranking score (units ÷ target share for a handicapped agent). */
  score: number;
  targetPercent: number;
  /** Prize at the current (or final) standings, shared ties floored. */
  prizeCents: number;
  /** Cents granted so far (pending + approved + paid). */
  grantedCents: number;
}

export interface SpiffLeaderboardDto {
  campaignId: number;
  scope: 'agent' | 'team';
  final: boolean;
  rows: SpiffLeaderboardRow[];
}

export interface SpiffDisputeDto {
  id: number;
  awardId: number;
  campaignId: number;
  campaignName: string;
  employeeCode: string;
  agentName: string;
  amountCents: number;
  awardStatus: SpiffAwardStatus;
  comment: string;
  status: 'open' | 'resolved';
  outcome: 'upheld' | 'rejected' | null;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  adjustmentAwardId: number | null;
  createdAt: string;
}

export interface SpiffAwardDto {
  id: number;
  campaignId: number;
  campaignName: string;
  employeeCode: string;
  agentName: string;
  teamCode: string;
  kind: SpiffAwardKind;
  /** null for an agent's spin or envelope not opened yet. */
  amountCents: number | null;
  status: SpiffAwardStatus;
  /** The local date its qualifying units occurred (the campaign's last day for close awards). */
  earnedOn: string;
  occurredAt: string | null;
  callId: string | null;
  unitsAt: number;
  detail: Record<string, unknown>;
  createdAt: string;
  approvedAt: string | null;
  approvedBy: string | null;
  /** The local date of approval: the pay period the award is paid in. */
  approvedOn: string | null;
  paidAt: string | null;
  paidBy: string | null;
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
  dispute: SpiffDisputeDto | null;
}

export interface SpiffAwardList {
  items: SpiffAwardDto[];
  total: number;
  cents: SpiffStatusCents;
}

/** `POST /api/spiff/awards/{approve,pay,void}`. */
export interface SpiffAwardIdsRequest {
  ids: number[];
  reason?: string;
}

export interface SpiffBulkResult {
  updated: number;
  ids: number[];
}

/** `POST /api/spiff/disputes/:id/resolve`. */
export interface SpiffResolveDisputeRequest {
  outcome: 'upheld' | 'rejected';
  comment: string;
  voidAward?: boolean;
  adjustmentCents?: number;
}

/** `GET /api/spiff/payroll/totals`: approved (and paid) awards per agent for a pay period. */
export interface SpiffPayTotalDto {
  employeeCode: string;
  agentName: string;
  teamCode: string;
  awards: number;
  cents: number;
}

/** One spin or envelope as the audit lists it. */
export interface SpiffDrawDto {
  draw: number;
  message: string;
  u: number;
  index: number;
  amountCents: number;
}

/** `GET /api/spiff/campaigns/:id/audit` (admin, after close): everything to re-derive the draws. */
export interface SpiffAuditDto {
  campaignId: number;
  name: string;
  rule: SpiffRuleDto;
  metric: SpiffMetricName;
  /** The 32-byte secret in hex; the HMAC key is those bytes. */
  secret: string;
  secretSha256: string;
  scheme: string;
  entrants: {
    employeeCode: string;
    teamCode: string;
    units: number;
    targetPercent: number;
    draws: SpiffDrawDto[];
  }[];
  result: Record<string, unknown> | null;
  awards: {
    id: number;
    employeeCode: string;
    kind: SpiffAwardKind;
    amountCents: number;
    status: SpiffAwardStatus;
    detail: Record<string, unknown>;
  }[];
}

// ------------------------------------------------------------------ GET /api/me/bonus

/** A progress bar towards the next tier, spin, envelope, ticket or qualifying total. */
export interface MyBonusProgress {
  kind: 'per_unit' | 'tier' | 'spins' | 'envelopes' | 'tickets' | 'contest';
  /** What the bar is for, e.g. "3 more sales to tier 2 ($75.00)". */
  label: string;
  /** Bar start, position and end in units. */
  from: number;
  current: number;
  to: number | null;
  /** Position on the bar, a fraction in [0, 1]. */
  fraction: number;
  unitsToNext: number | null;
  nextAmountCents: number | null;
  /** Earned so far by the rule (per-unit and tier cents; spins, envelopes or tickets). */
  earnedCents: number | null;
  earned: number | null;
}

export interface MyDrawDto {
  draw: number;
  kind: 'spin' | 'envelope';
  earnedOn: string;
  revealed: boolean;
  /** null until opened (an envelope's amount is hidden until then; a spin's until spun). */
  amountCents: number | null;
  awardId: number | null;
  /** Index of the slice or amount drawn (for the wheel animation), null until revealed. */
  index: number | null;
  status: SpiffAwardStatus | null;
}

export interface MyBonusCampaign {
  id: number;
  name: string;
  description: string | null;
  status: 'active' | 'closed';
  metric: SpiffMetricName;
  /** The rule as this agent plays it (handicapped targets for a new hire). */
  rule: SpiffRuleDto;
  targetPercent: number;
  periodFrom: string;
  periodTo: string;
  /** Days left including today, in the agent's site zone (0 once over). */
  daysLeft: number;
  upToCents: number | null;
  units: number;
  countedCalls: number;
  /** Calls whose units the quality gate did not count. */
  gatedCalls: number;
  gatedUnits: number;
  qualityGate: SpiffQualityGateDto | null;
  progress: MyBonusProgress;
  awards: Record<SpiffAwardStatus, SpiffAwardDto[]>;
  cents: SpiffStatusCents;
  draws: MyDrawDto[];
  /** Agent contest: own place only (never another agent's figures). */
  standing: { rank: number | null; of: number; prizeCents: number; final: boolean } | null;
  /** Team contest: the team totals (team-level aggregates). */
  teams:
    | { teamCode: string; units: number; rank: number; prizeCents: number; mine: boolean }[]
    | null;
  /** Lottery: own tickets and the tickets in the drum. */
  lottery: {
    tickets: number;
    totalTickets: number;
    holders: number;
    prizes: readonly number[];
  } | null;
}

/** `GET /api/me/bonus` (interfaces.md). */
export interface MyBonusDto {
  employeeCode: string;
  asOf: string;
  cents: SpiffStatusCents;
  campaigns: MyBonusCampaign[];
}

/** `POST /api/me/bonus/awards/:id/dispute`. */
export interface MyDisputeRequest {
  comment: string;
}
