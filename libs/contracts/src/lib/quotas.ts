/** Quotas, the live floor and My day (metrics.md §3; docs/floor.md). */

export type QuotaScopeDto = 'agent' | 'team' | 'campaign';
export type QuotaMetricDto =
  | 'calls_handled'
  | 'sales'
  | 'saves'
  | 'resolved'
  | 'aht_seconds'
  | 'csat'
  | 'qa_score';
export type QuotaPeriodDto = 'shift' | 'day' | 'week';
export type QuotaComparatorDto = 'at_least' | 'at_most';
export type PacingStatusDto = 'ahead' | 'on_pace' | 'behind';

/** `POST /api/quotas`. Exactly one of the codes, matching `scope`. */
export interface CreateQuotaRequest {
  scope: QuotaScopeDto;
  employeeCode?: string;
  teamCode?: string;
  campaignCode?: string;
  /** Team quotas only: the target of each member instead of the team's total. */
  perMember?: boolean;
  metric: QuotaMetricDto;
  period: QuotaPeriodDto;
  /** Optional: must be the metric's (aht_seconds at_most, the others at_least). */
  comparator?: QuotaComparatorDto;
  target: number;
  /** Local date `YYYY-MM-DD` from which the target applies; default today (the site's). */
  effectiveFrom?: string;
  /** Apply the new-hire ramp to agents measured by this quota (default true). */
  ramp?: boolean;
}

/** `PATCH /api/quotas/:id`: a new target from a date on (history keeps the old one). */
export interface ChangeQuotaRequest {
  target?: number;
  effectiveFrom?: string;
  ramp?: boolean;
}

export interface QuotaVersionDto {
  id: number;
  effectiveFrom: string;
  /** Null: the quota ended on this date. */
  target: number | null;
  createdBy: string | null;
  createdAt: string;
}

export interface QuotaDto {
  id: number;
  scope: QuotaScopeDto;
  employeeCode: string | null;
  fullName: string | null;
  teamCode: string | null;
  campaignCode: string | null;
  perMember: boolean;
  metric: QuotaMetricDto;
  period: QuotaPeriodDto;
  comparator: QuotaComparatorDto;
  ramp: boolean;
  /** The target in force today (null when ended or not started yet). */
  currentTarget: number | null;
  /** When the target in force started, or null. */
  currentFrom: string | null;
  /** Every version, oldest first. */
  history: QuotaVersionDto[];
}

/** Thresholds and rules of the floor (`GET/PUT /api/floor/settings`). */
export interface FloorSettingsDto {
  ramp: { startFraction: number; weeks: number };
  hostileStreakAlert: number;
  farBehindRatio: number;
  farBehindMinElapsed: number;
  overtimeWarnMinutes: number;
  breakGapMinutes: number;
  noBreakAlertMinutes: number;
  defaultAhtLimitSeconds: number | null;
  slaSeconds: number;
  targetServiceLevel: number;
}

/** One quota of a floor row at the snapshot's instant. */
export interface FloorQuotaDto {
  quotaId: number;
  source: 'agent' | 'team';
  metric: QuotaMetricDto;
  period: QuotaPeriodDto;
  comparator: QuotaComparatorDto;
  /** The target measured against (ramped for new hires). */
  target: number;
  baseTarget: number;
  rampFraction: number;
  actual: number | null;
  progress: number | null;
  expected: number;
  elapsedFraction: number;
  status: PacingStatusDto | null;
  projected: number | null;
  met: boolean;
}

export type FloorAlertKindDto = 'hostile_streak' | 'far_behind' | 'overtime' | 'no_break';

export interface FloorAlertDto {
  kind: FloorAlertKindDto;
  message: string;
}

/** The counts behind every quota metric of a period. */
export interface QuotaSumsDto {
  callsHandled: number;
  handleSeconds: number;
  hostile: number;
  sales: number;
  saves: number;
  resolved: number;
  qaSum: number;
  qaCount: number;
  csatSum: number;
  csatCount: number;
}

/** One agent on shift now. */
export interface FloorAgentDto {
  employeeCode: string;
  fullName: string;
  teamCode: string;
  teamName: string;
  /** Campaigns the agent took calls of today, most calls first. */
  campaignCodes: string[];
  shift: { shiftId: number; start: string; end: string; breakMinutes: number; kind: string };
  /** True in the first weeks after hire, when targets are ramped. */
  ramped: boolean;
  shiftSums: QuotaSumsDto;
  daySums: QuotaSumsDto;
  quotas: FloorQuotaDto[];
  /** The daily goal: every day/shift count quota; null when the agent has none. */
  dailyGoal: {
    met: boolean;
    eligibleForEarlyRelease: boolean;
    remaining: number;
  } | null;
  /** Pacing of the agent's first count quota (the headline), or null. */
  pacing: PacingStatusDto | null;
  ahtSeconds: number | null;
  ahtLimitSeconds: number | null;
  ahtOverLimit: boolean;
  hostileToday: number;
  hostileStreak: number;
  sinceBreakSeconds: number;
  onBreak: boolean;
  weekWorkedSeconds: number;
  overtimeLineSeconds: number;
  weekWorkedAtShiftEndSeconds: number;
  pastOvertimeLine: boolean;
  alerts: FloorAlertDto[];
  /** Left for the burnout stream (metrics.md §5 band); null until it lands. */
  burnoutBand: 'low' | 'elevated' | 'high' | 'critical' | null;
  /** The last floor event reflected in this row. */
  asOfEventId: number;
}

/** A team's totals (or the team totals an agent sees on My day). */
export interface FloorTeamDto {
  teamCode: string;
  teamName: string;
  onShift: number;
  eligible: number;
  behind: number;
  alerts: number;
  day: QuotaSumsDto;
  ahtSeconds: number | null;
  /** Team quotas (the team's total: sum of counts, mean of rates). */
  quotas: FloorQuotaDto[];
  asOfEventId: number;
}

/** A campaign's current interval: measured service level against the Erlang C requirement. */
export interface FloorIntervalDto {
  campaignCode: string;
  campaignName: string;
  /** Start of the current 15-minute interval (ISO instant) and the campaign site's zone. */
  intervalStart: string;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  slaSeconds: number;
  targetServiceLevel: number;
  /** Erlang C for this interval's forecast (metrics.md §2): scheduled agents needed, or null. */
  forecastCalls: number | null;
  requiredAgents: number | null;
  /** Agents on shift now whose main campaign today is this one. */
  agentsOnShift: number;
  /** Campaign quotas: the campaign's total for the day / week. */
  quotas: FloorQuotaDto[];
  asOfEventId: number;
}

/** `GET /api/floor`. */
export interface FloorSnapshot {
  asOf: string;
  /** The last floor event included: open `GET /api/floor/events?after=` with it. */
  eventId: number;
  agents: FloorAgentDto[];
  teams: FloorTeamDto[];
  intervals: FloorIntervalDto[];
  settings: FloorSettingsDto;
}

/** `GET /api/me/day`: the signed-in agent's day. */
export interface MyDayDto {
  asOf: string;
  eventId: number;
  employeeCode: string;
  fullName: string;
  /** Null when the agent is not on shift now. */
  onShift: FloorAgentDto | null;
  /** The agent's quotas today (even off shift), for the summary. */
  team: FloorTeamDto | null;
  /** Whether the daily goal can still be reached at the current pace by the shift's end. */
  goalInReach: boolean | null;
}

/** `POST /api/floor/release`. */
export interface ReleaseRequest {
  employeeCodes: string[];
  note?: string;
}

export interface ReleaseResult {
  released: { employeeCode: string; shiftId: number; sendHomeAt: string; paidThrough: string }[];
}

/** SSE messages of `GET /api/floor/events` (event name → data). */
export type FloorStreamMessage =
  | { type: 'agent'; eventId: number; agent: FloorAgentDto }
  | { type: 'team'; eventId: number; team: FloorTeamDto }
  | { type: 'interval'; eventId: number; interval: FloorIntervalDto }
  | { type: 'release'; eventId: number; employeeCode: string }
  | { type: 'reset'; eventId: number };
