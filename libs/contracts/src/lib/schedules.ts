/** Shift kinds, statuses and send-home reasons of the `shifts` file (interfaces.md). */
export const SHIFT_KINDS = ['regular', 'overtime', 'training'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

export const SHIFT_STATUSES = [
  'scheduled',
  'worked',
  'absent_unplanned',
  'absent_excused',
  'sent_home',
] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];

export const SEND_HOME_REASONS = ['goal_met', 'outage', 'low_volume'] as const;
export type SendHomeReason = (typeof SEND_HOME_REASONS)[number];

export const PAY_PERIOD_KINDS = ['weekly', 'biweekly', 'semimonthly', 'monthly'] as const;
export type PayPeriodKind = (typeof PAY_PERIOD_KINDS)[number];

/** A shift as the API returns it; instants are ISO 8601 with the site's offset. */
export interface ShiftDto {
  shiftId: string;
  employeeCode: string;
  /** The site-local date of the start. */
  localDate: string;
  start: string;
  end: string;
  kind: ShiftKind;
  breakMinutes: number;
  status: ShiftStatus;
  actualStart: string | null;
  actualEnd: string | null;
  sendHomeReason: SendHomeReason | null;
  sendHomeAt: string | null;
  note: string | null;
  source: 'import' | 'manual' | 'floor';
  /** metrics.md §4 figures of the shift, seconds (from libs/analytics). */
  figures: ShiftFiguresDto;
}

export interface ShiftFiguresDto {
  scheduledSeconds: number;
  workedSeconds: number;
  /** Planned time at the floor: worked where worked, scheduled where still to come. */
  plannedSeconds: number;
  paidSeconds: number;
  lostSeconds: number;
  stayLateSeconds: number;
  /** The part of this shift beyond the week's contract hours (planned basis). */
  overtimeSeconds: number;
  restBeforeSeconds: number | null;
  shortRestBefore: boolean;
  consecutiveDay: number | null;
}

/** One agent's row on the roster. */
export interface RosterAgentDto {
  employeeCode: string;
  fullName: string;
  teamCode: string;
  siteCode: string;
  timeZone: string;
  contractHours: number;
  shifts: ShiftDto[];
  totals: {
    scheduledSeconds: number;
    workedSeconds: number;
    plannedSeconds: number;
    paidSeconds: number;
    lostSeconds: number;
    stayLateSeconds: number;
    overtimeSeconds: number;
    shortRests: number;
    longestRun: number;
    adherence: number | null;
  };
}

/** `GET /api/schedules/roster`: a day or a week (at most 14 days) of the caller's teams. */
export interface RosterDto {
  from: string;
  to: string;
  days: string[];
  agents: RosterAgentDto[];
}

/** `POST /api/shifts`: one shift; instants ISO 8601 with an offset (or local, read in the site's zone). */
export interface ShiftCreateInput {
  employeeCode: string;
  start: string;
  end: string;
  kind?: ShiftKind;
  breakMinutes?: number;
  note?: string | null;
}

/** `PUT /api/shifts/:shiftId`: the whole shift as it should be (its timesheet included). */
export interface ShiftUpdateInput {
  start: string;
  end: string;
  kind: ShiftKind;
  breakMinutes: number;
  status: ShiftStatus;
  actualStart?: string | null;
  actualEnd?: string | null;
  sendHomeReason?: SendHomeReason | null;
  note?: string | null;
}

/** `POST /api/shifts/:shiftId/absence`. */
export interface AbsenceInput {
  type: 'unplanned' | 'excused';
  note?: string | null;
}

/** `POST /api/shifts/:shiftId/send-home`: the agent leaves at `at` (default now). */
export interface SendHomeInput {
  reason: SendHomeReason;
  at?: string;
  actualStart?: string | null;
  note?: string | null;
}

/** One day of a weekly pattern: local wall times in the site's zone; `end ≤ start` runs past midnight. */
export interface PatternDay {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
  breakMinutes?: number;
  kind?: ShiftKind;
}

/** `POST /api/shifts/pattern`: a weekly pattern for several agents over a date range, all or nothing. */
export interface PatternInput {
  employeeCodes: string[];
  from: string;
  to: string;
  days: PatternDay[];
  note?: string | null;
  /** true: check and return what would be created, write nothing. */
  preview?: boolean;
}

export interface PatternConflict {
  employeeCode: string;
  date: string;
  message: string;
}

export interface PatternResult {
  created: number;
  preview: boolean;
  /** The shifts created, or that would be (preview). */
  shifts: ShiftDto[];
  /** A preview lists what stands in the way here (an apply answers 409 with the same list). */
  conflicts: PatternConflict[];
}

/** The pay rules of a site (metrics.md §4); percentages are fractions. */
export interface PayRulesDto {
  siteCode: string;
  siteName: string;
  timeZone: string;
  /** The site's holidays (edited with the site). */
  holidays: string[];
  contractHours: number;
  overtimeMultiplier: number;
  nightStart: number;
  nightEnd: number;
  nightPct: number;
  weekendPct: number;
  holidayPct: number;
  weekendDays: number[];
  minReportingPayHours: number;
  payPeriod: PayPeriodKind;
  /** A Monday from which weekly and bi-weekly periods count. */
  payPeriodAnchor: string;
  /** True while the site has never had rules saved (the defaults apply). */
  isDefault: boolean;
  updatedAt: string | null;
}

export type PayRulesInput = Omit<
  PayRulesDto,
  'siteCode' | 'siteName' | 'timeZone' | 'holidays' | 'isDefault' | 'updatedAt'
>;

/** Line items of a pay estimate, integer cents, each rounded once (metrics.md §4). */
export interface PayLinesDto {
  baseCents: number;
  overtimePremiumCents: number;
  nightDifferentialCents: number;
  weekendDifferentialCents: number;
  holidayDifferentialCents: number;
  spiffCents: number;
}

export interface PayEstimateDto {
  from: string;
  to: string;
  /** True for the period that contains today (still being worked: an estimate so far). */
  current: boolean;
  hourlyRateCents: number;
  lines: PayLinesDto;
  totalCents: number;
  paidSeconds: number;
  workedSeconds: number;
  scheduledSeconds: number;
  overtimeSeconds: number;
  differentialSeconds: { night: number; weekend: number; holiday: number };
  lostSeconds: number;
  lostSecondsByReason: {
    goal_met: number;
    outage: number;
    low_volume: number;
    unspecified: number;
  };
  /** Hours lost to unpaid send-homes, in cents at the base rate. */
  lostCents: number;
  /** Awards in `lines.spiffCents`: approved (or paid), opened, payable in this period. */
  spiffAwards: number;
  /**
   * The current period only (0 for the others): awards still awaiting approval, in cents —
   * not in the total; each joins the period in which it is approved.
   */
  spiffPendingCents: number;
  spiffPendingAwards: number;
}

/** `GET /api/me/schedule` and `GET /api/schedules/agents/:employeeCode`. */
export interface AgentScheduleDto {
  employeeCode: string;
  fullName: string;
  teamCode: string;
  siteCode: string;
  timeZone: string;
  contractHours: number;
  hourlyRateCents: number;
  today: string;
  payPeriod: PayPeriodKind;
  /** This work week (Monday–Sunday) so far and as planned. */
  week: {
    from: string;
    to: string;
    workedSeconds: number;
    plannedSeconds: number;
    contractSeconds: number;
    overtimeSeconds: number;
    lostSeconds: number;
    shortRests: number;
  };
  /** Shifts from today on (14 days). */
  upcoming: ShiftDto[];
  /** Shifts of the current pay period and the one before (the timesheet behind the estimate). */
  recent: ShiftDto[];
  /** The current pay period first, then the past ones. */
  periods: PayEstimateDto[];
}

/** One agent's row of `GET /api/pay/estimates`. */
export interface PayEstimateRowDto extends PayEstimateDto {
  employeeCode: string;
  fullName: string;
  teamCode: string;
  siteCode: string;
}

export interface PayEstimatesDto {
  /** The date whose pay period each row shows (each agent's site has its own rule). */
  date: string;
  rows: PayEstimateRowDto[];
  totals: {
    agents: number;
    totalCents: number;
    lines: PayLinesDto;
    lostSeconds: number;
    /** SPIFF awaiting approval of the rows (not in `totalCents`). */
    spiffPendingCents: number;
  };
}

/** One interval of `GET /api/schedules/staffing-gap`. */
export interface GapSlotDto {
  date: string;
  /** Local start `HH:mm`. */
  start: string;
  offered: number;
  /** Erlang C agents on the phones (metrics.md §2, no shrinkage). */
  required: number;
  /** With the forecast's shrinkage (scheduled heads). */
  requiredScheduled: number;
  /** Mean agents on the floor from the shifts (breaks, absences, send-homes, training out). */
  staffed: number;
  overtimeStaffed: number;
  gap: number;
  understaffed: boolean;
}

export interface StaffingGapDto {
  campaignCode: string;
  timeZone: string;
  intervalMinutes: number;
  startDate: string;
  endDate: string;
  /** How agents were tied to the campaign (see docs/schedules.md). */
  agents: number;
  slots: GapSlotDto[];
  summary: {
    understaffedSlots: number;
    shortfallAgentHours: number;
    surplusAgentHours: number;
    overtimeAgentHours: number;
    overtimeCoveringGapAgentHours: number;
  };
}
