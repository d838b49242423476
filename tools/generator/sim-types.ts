import { CampaignDef, KindProfile, SiteDef, TeamDef } from './org-model';
import { TableWriter } from './table-writer';
import { ZoneClock } from './zone-clock';

export type ShiftKind = 'regular' | 'overtime' | 'training';
export type ShiftStatus =
  | 'scheduled'
  | 'worked'
  | 'absent_unplanned'
  | 'absent_excused'
  | 'sent_home';
export type SendHomeReason = 'goal_met' | 'outage' | 'low_volume';
export type WorkMode = 'onsite' | 'remote' | 'hybrid';
export type TerminationType = 'voluntary' | 'involuntary';
export type Phase = 'warmup' | 'history' | 'future';

export interface SiteState {
  def: SiteDef;
  clock: ZoneClock;
  holidays: Set<number>;
  /** Local day → local minute of day when a site-wide outage starts. */
  outages: Map<number, number>;
}

export interface CampaignState {
  def: CampaignDef;
  profile: KindProfile;
  /**
   * Recent customer references, so some callers call again: a ring of (leading 8 digits,
   * remaining digits + 1e8 × their count) pairs, kept as numbers to spare the garbage collector.
   */
  refHead: Float64Array;
  refTail: Float64Array;
  refCount: number;
}

export interface AgentState {
  code: string;
  fullName: string;
  email: string;
  team: TeamState;
  workMode: WorkMode;
  hireDay: number;
  termDay: number | null;
  termType: TerminationType | null;
  termReason: string | null;
  hourlyRate: number;
  contractHours: number;
  leadCandidate: boolean;
  /** Position in the team: fixes the shift pattern, inherited by the replacement hire. */
  position: number;
  startMinute: number;
  shiftMinutes: number;
  breakMinutes: number;
  daysOff: readonly [number, number];
  /** Personal traits. */
  handleTimeFactor: number;
  qaBase: number;
  csatBias: number;
  separationPropensity: number;
  absenceProneness: number;
  effort: number;
  trainingLeft: number;
  trainingEndDay: number;
  /** Flat list of vacation ranges [from, to, from, to, …] (day numbers, inclusive). */
  vacations: number[];
  /** Exponentially decayed sums (≈ the last four weeks). */
  sHandle: number;
  sPhoneWorked: number;
  sCalls: number;
  sHostile: number;
  sOvertimeHours: number;
  sRecovery: number;
  sUnplanned: number;
  sQa: number;
  sQaCount: number;
  stress: number;
  /** Today's accumulators, folded into the sums at the end of the day. */
  dHandle: number;
  dPhoneWorked: number;
  dCalls: number;
  dHostile: number;
  dOvertimeHours: number;
  dRecovery: number;
  dUnplanned: number;
  dQa: number;
  dQaCount: number;
  /** Latest end (scheduled or actual) of any of the agent's shifts: no shift may start before it. */
  lastEnd: number;
  lastActualEnd: number;
  lastWorkedDay: number;
  streak: number;
  weekKey: number;
  weekWorkedSeconds: number;
  overtimeShiftsThisWeek: number;
  /** Per-day call handling factor (ramp-up and stress). */
  todayHandleFactor: number;
  todayRamp: number;
}

export interface LiveShift {
  agent: AgentState;
  actualStart: number;
  actualEnd: number;
  /** The agent takes calls until here (the actual end, or the start of an outage). */
  callEnd: number;
  breakStart: number;
  breakEnd: number;
  /** The agent is busy until here. */
  cursor: number;
  /** Shifts of the warm-up weeks produce no rows. */
  muted: boolean;
}

export interface TeamStats {
  agentDays: number;
  hires: number;
  separations: number;
  voluntary: number;
  involuntary: number;
  earlySeparations: number;
  workedSeconds: number;
  phoneWorkedSeconds: number;
  handleSeconds: number;
  answered: number;
  offered: number;
  abandoned: number;
  answeredQueueSeconds: number;
  hostile: number;
  qaSum: number;
  qaCount: number;
  csatSum: number;
  csatCount: number;
  overtimeShifts: number;
  overtimeShiftSeconds: number;
  weeklyOvertimeSeconds: number;
  stayLateShifts: number;
  stayLateSeconds: number;
  workedShifts: number;
  shortRests: number;
  seventhDayOrMore: number;
  unplannedAbsences: number;
  sentHome: Record<SendHomeReason, number>;
  stressSum: number;
  /** Σ of daily separation probabilities: the separations the hazard model expects. */
  hazardSum: number;
}

export function emptyTeamStats(): TeamStats {
  return {
    agentDays: 0,
    hires: 0,
    separations: 0,
    voluntary: 0,
    involuntary: 0,
    earlySeparations: 0,
    workedSeconds: 0,
    phoneWorkedSeconds: 0,
    handleSeconds: 0,
    answered: 0,
    offered: 0,
    abandoned: 0,
    answeredQueueSeconds: 0,
    hostile: 0,
    qaSum: 0,
    qaCount: 0,
    csatSum: 0,
    csatCount: 0,
    overtimeShifts: 0,
    overtimeShiftSeconds: 0,
    weeklyOvertimeSeconds: 0,
    stayLateShifts: 0,
    stayLateSeconds: 0,
    workedShifts: 0,
    shortRests: 0,
    seventhDayOrMore: 0,
    unplannedAbsences: 0,
    sentHome: { goal_met: 0, outage: 0, low_volume: 0 },
    stressSum: 0,
    hazardSum: 0,
  };
}

export interface Requisition {
  day: number;
  position: number;
}

export interface TeamState {
  def: TeamDef;
  site: SiteState;
  campaign: CampaignState;
  active: AgentState[];
  requisitions: Requisition[];
  live: LiveShift[];
  /** Scheduled intervals of regular shifts: the forecast shape the day's volume follows. */
  planned: { start: number; end: number; breakStart: number; breakEnd: number }[];
  /** Offered handle seconds per week at the team's demand (target headcount ÷ staffing ratio). */
  demandWeekSeconds: number;
  stats: TeamStats;
  /** Accumulated daily separation probabilities, and the threshold of the next separation. */
  hazardAccumulator: number;
  separationThreshold: number;
}

export interface Writers {
  sites: TableWriter;
  teams: TableWriter;
  campaigns: TableWriter;
  agents: TableWriter;
  shifts: TableWriter;
  calls: TableWriter;
}

export interface SimContext {
  seed: number;
  warmupStart: number;
  windowStart: number;
  endDay: number;
  lastFutureDay: number;
  writers: Writers;
  nextCallNumber: number;
  nextEmployeeNumber: number;
  allAgents: AgentState[];
}
