/**
 * Turnover (metrics.md §6, issue 8). `GET /api/turnover/summary` and `GET /api/turnover/retention`
 * are interfaces.md contracts and keep its field names exactly; the rest is Floorwise's own.
 * Rates are fractions in [0, 1]; money is integer cents; dates are local `YYYY-MM-DD`.
 */

/** interfaces.md groupings, then Floorwise's own (hire cohort, tenure band, BRI band). */
export const TURNOVER_GROUP_BY = [
  'site',
  'team',
  'campaign',
  'work_mode',
  'title',
  'hire_cohort',
  'tenure_band',
  'burnout_band',
] as const;
export type TurnoverGroupBy = (typeof TURNOVER_GROUP_BY)[number];

/** How hire cohorts are cut (`groupBy=hire_cohort`): `2025-03`, `2025-Q1` or `2025`. */
export const HIRE_COHORTS = ['month', 'quarter', 'year'] as const;
export type HireCohort = (typeof HIRE_COHORTS)[number];

/** `org`: a manager's view of the whole organisation's ungrouped figures (see docs/turnover.md). */
export const TURNOVER_SCOPES = ['mine', 'org'] as const;
export type TurnoverScope = (typeof TURNOVER_SCOPES)[number];

export interface TurnoverSummaryQuery {
  from?: string;
  to?: string;
  groupBy?: TurnoverGroupBy;
  /** As-of date of the 90-day cohort; default `to`. */
  asOf?: string;
  cohort?: HireCohort;
  scope?: TurnoverScope;
}

export interface TurnoverMonth {
  month: string;
  headcountStart: number;
  headcountEnd: number;
  separations: number;
  voluntary: number;
  involuntary: number;
  rate: number | null;
}

export interface TurnoverSummaryGroup {
  key: string;
  months: TurnoverMonth[];
  trailing12: { separations: number; rate: number | null };
  earlyAttrition90: { cohortSize: number; separated: number; rate: number | null };
}

/** interfaces.md `GET /api/turnover/summary`. */
export interface TurnoverSummary {
  groups: TurnoverSummaryGroup[];
}

export interface RetentionQuery {
  hiredFrom?: string;
  hiredTo?: string;
  asOf?: string;
  siteCode?: string;
  teamCode?: string;
  campaignCode?: string;
  workMode?: string;
  scope?: TurnoverScope;
}

export interface RetentionPointDto {
  day: number;
  survival: number;
  atRisk: number;
  events: number;
}

/** interfaces.md `GET /api/turnover/retention`. */
export interface RetentionCurveDto {
  points: RetentionPointDto[];
  medianTenureDays: number | null;
}

export const RETENTION_GROUP_BY = [
  'hire_cohort',
  'site',
  'team',
  'campaign',
  'work_mode',
  'title',
] as const;
export type RetentionGroupBy = (typeof RETENTION_GROUP_BY)[number];

/** `GET /api/turnover/retention/curves`: one Kaplan–Meier curve per group, for one chart. */
export interface RetentionCurvesDto {
  asOf: string;
  groups: (RetentionCurveDto & {
    key: string;
    agents: number;
    separations: number;
    /** The longest duration observed in the group: the curve says nothing past it. */
    followUpDays: number;
  })[];
}

// ------------------------------------------------------------------ cost

export interface TurnoverCostAssumptionsDto {
  siteCode: string;
  recruitingCents: number;
  trainingWeeks: number;
  rampWeeks: number;
  rampProductivity: number;
  /** False while the site uses the metrics.md defaults. */
  customised: boolean;
}

export type TurnoverCostAssumptionsInput = Omit<
  TurnoverCostAssumptionsDto,
  'siteCode' | 'customised'
>;

export interface TurnoverCostGroup {
  key: string;
  separations: number;
  recruitingCents: number;
  trainingCents: number;
  rampLossCents: number;
  totalCents: number;
  /** total ÷ separations, rounded; null without separations. */
  perSeparationCents: number | null;
}

/** `GET /api/turnover/cost`: the cost of the range's separations (each at its agent's rate and site). */
export interface TurnoverCostDto {
  from: string;
  to: string;
  groups: TurnoverCostGroup[];
  total: TurnoverCostGroup;
  assumptions: TurnoverCostAssumptionsDto[];
}

// ------------------------------------------------------------------ drivers

export interface ProportionIntervalDto {
  lower: number;
  upper: number;
}

export interface DriverBandDto {
  band: string;
  agents: number;
  separations: number;
  voluntary: number;
  involuntary: number;
  rate: number | null;
  /** Wilson 95 % interval of `rate`. */
  ci: ProportionIntervalDto | null;
}

export const DRIVER_KEYS = ['overtime', 'unsocial', 'hostile', 'send_home', 'burnout'] as const;
export type DriverKey = (typeof DRIVER_KEYS)[number];

export interface DriverDto {
  driver: DriverKey;
  label: string;
  bands: DriverBandDto[];
}

export interface ExitReasonDto {
  reason: string;
  separations: number;
  voluntary: number;
  involuntary: number;
  share: number;
}

export interface TurnoverDriversQuery {
  from?: string;
  to?: string;
  teamCode?: string;
  siteCode?: string;
}

/** `GET /api/turnover/drivers`. */
export interface TurnoverDriversDto {
  from: string;
  to: string;
  /** Days of exposure measured before each agent's last day in the range. */
  windowDays: number;
  agents: number;
  separations: number;
  /** separations ÷ agents and its Wilson interval: the line every band compares with. */
  overall: { rate: number | null; ci: ProportionIntervalDto | null };
  drivers: DriverDto[];
  reasons: ExitReasonDto[];
}

// ------------------------------------------------------------------ what-if

export const WHAT_IF_METRICS = [
  'calls_per_hour',
  'calls_handled',
  'aht_seconds',
  'qa_score',
  'csat',
  'sales',
  'saves',
  'resolution_rate',
] as const;
export type WhatIfMetric = (typeof WHAT_IF_METRICS)[number];

export interface WhatIfAssumptionsDto {
  baseRateCents: number;
  contractHours: number;
  monthlyVoluntaryAttrition: number;
  monthlyInvoluntaryAttrition: number;
  policyKeepsCurrentInvoluntary: boolean;
  recruitingCents: number;
  trainingWeeks: number;
  rampWeeks: number;
  rampProductivity: number;
  /** `roster`: hires perform like today's roster; a number: every hire has that value. */
  newHireMetric: 'roster' | number;
}

export interface WhatIfRequest {
  metric: WhatIfMetric;
  /** X as a fraction, e.g. 0.33 for the bottom third. */
  bottomShare: number;
  periods: number;
  periodMonths: number;
  /** The metric is measured per agent over [metricFrom, metricTo] (default the 90 days to asOf). */
  metricFrom?: string;
  metricTo?: string;
  /** Roster date; default today. */
  asOf?: string;
  teamCode?: string;
  siteCode?: string;
  /** Any assumption given replaces the one measured or configured. */
  assumptions?: Partial<WhatIfAssumptionsDto>;
}

export interface WorkforceSnapshotDto {
  headcount: number;
  meanTenureDays: number | null;
  shareUnder90Days: number | null;
  meanMetric: number | null;
  tenureMix: Record<string, number>;
}

export interface WhatIfPeriodDto extends WorkforceSnapshotDto {
  period: number;
  voluntarySeparations: number;
  involuntarySeparations: number;
  separations: number;
  replacementHires: number;
  recruitingCents: number;
  trainingCents: number;
  rampLossCents: number;
  costCents: number;
}

export interface WhatIfScenarioDto {
  periods: WhatIfPeriodDto[];
  totals: {
    separations: number;
    replacementHires: number;
    recruitingCents: number;
    trainingCents: number;
    rampLossCents: number;
    costCents: number;
  };
}

export interface WhatIfResultDto {
  metric: WhatIfMetric;
  metricDirection: 'higher_is_better' | 'lower_is_better';
  metricFrom: string;
  metricTo: string;
  asOf: string;
  roster: number;
  /** Active agents without a value of the metric in the window: ranked at the roster median. */
  agentsWithoutMetric: number;
  /** What was used, after the request's overrides; `measured` says which came from the data. */
  assumptions: WhatIfAssumptionsDto;
  measured: {
    monthlyVoluntaryAttrition: number;
    monthlyInvoluntaryAttrition: number;
    baseRateCents: number;
    contractHours: number;
  };
  start: WorkforceSnapshotDto;
  policy: WhatIfScenarioDto;
  baseline: WhatIfScenarioDto;
}

// ------------------------------------------------------------------ flight risk

export interface FlightRiskQuery {
  asOf?: string;
  teamCode?: string;
  siteCode?: string;
  limit?: number;
}

export interface FlightRiskRowDto {
  rank: number;
  employeeCode: string;
  fullName: string;
  teamCode: string;
  siteCode: string;
  title: string;
  hireDate: string;
  tenureDays: number;
  tenureBand: string;
  /** Estimated probability of leaving within 90 days; null when the curve cannot tell. */
  probability: number | null;
  tenureHazard: number | null;
  burnoutIndex: number | null;
  burnoutBand: string | null;
  burnoutDrivers: string[];
  burnoutRelativeRisk: number;
  changes: { kind: string; text: string }[];
  reasons: string[];
}

/** `GET /api/turnover/flight-risk`. */
export interface FlightRiskDto {
  asOf: string;
  horizonDays: number;
  activeAgents: number;
  rows: FlightRiskRowDto[];
}
