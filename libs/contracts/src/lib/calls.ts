export const STATS_GROUP_BY = ['interval', 'day', 'agent', 'team', 'campaign'] as const;
export type StatsGroupBy = (typeof STATS_GROUP_BY)[number];

/** `GET /api/calls/stats` query (interfaces.md); `from`/`to` are local dates, inclusive. */
export interface CallStatsQuery {
  from: string;
  to: string;
  groupBy: StatsGroupBy;
  intervalMinutes?: 15 | 30 | 60;
  slaSeconds?: number;
  teamCode?: string;
  campaignCode?: string;
  employeeCode?: string;
}

/** One row of `GET /api/calls/stats` (interfaces.md, metrics.md §1). Rates are fractions. */
export interface CallStatsRow {
  key: string;
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number | null;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  abandonRate: number | null;
}

/** `GET /api/calls/handle-time`: mean beside median (and p90) of handle time per group. */
export interface HandleTimeRow {
  key: string;
  answered: number;
  meanSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** One call behind a figure (`GET /api/calls`); the customer only as `••••1234`. */
export interface CallDto {
  callId: string;
  startedAt: string;
  localDate: string;
  localTime: string;
  employeeCode: string | null;
  teamCode: string | null;
  campaignCode: string;
  channel: string;
  direction: string;
  queueSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
  outcome: string;
  saleAmountCents: number | null;
  hostile: boolean;
  qaScore: number | null;
  csat: number | null;
  customer: string | null;
}

export interface CallListQuery extends Omit<CallStatsQuery, 'groupBy' | 'slaSeconds'> {
  groupBy?: StatsGroupBy;
  key?: string;
  limit?: number;
  offset?: number;
}

export interface CallList {
  items: CallDto[];
  total: number;
}

/** `POST /api/calls` answer. */
export interface LiveCallsResult {
  imported: number;
  duplicates: number;
}

/** `GET /api/staffing/erlang-c` (interfaces.md, metrics.md §2). */
export interface ErlangCResponse {
  trafficErlangs: number;
  rawAgents: number;
  agents: number;
  serviceLevel: number;
  waitProbability: number;
  asaSeconds: number;
  occupancy: number;
}

/** One forecast interval with the staff it needs (metrics.md §2). */
export interface ForecastSlot {
  date: string;
  /** Local start of the interval, `HH:mm`. */
  start: string;
  offered: number;
  ahtSeconds: number;
  rawAgents: number;
  agents: number;
}

/** `GET /api/staffing/forecast`: next 7 days per interval, with its back-tested error. */
export interface StaffingForecast {
  campaignCode: string;
  timeZone: string;
  intervalMinutes: number;
  startDate: string;
  endDate: string;
  weeksUsed: number;
  scale: number;
  targetServiceLevel: number;
  targetAnswerSeconds: number;
  maxOccupancy: number;
  shrinkage: number;
  slots: ForecastSlot[];
  backtest: {
    heldOutStart: string;
    heldOutEnd: string;
    mape: number | null;
    wape: number | null;
    scoredSlots: number;
  } | null;
}
