/** The nine BRI components, in the order of metrics.md §5. */
export const BURNOUT_COMPONENT_NAMES = [
  'overtime',
  'occupancy',
  'hostile',
  'recovery',
  'irregularity',
  'unsocial',
  'quota_pressure',
  'drift',
  'absence',
] as const;
export type BurnoutComponentKey = (typeof BURNOUT_COMPONENT_NAMES)[number];

/** The ramps an admin may set (irregularity has two). */
export const BURNOUT_RAMP_NAMES = [
  'overtime',
  'occupancy',
  'hostile',
  'recovery',
  'irregularity_sigma',
  'irregularity_send_homes',
  'unsocial',
  'quota_pressure',
  'drift',
  'absence',
] as const;
export type BurnoutRampKey = (typeof BURNOUT_RAMP_NAMES)[number];

export const BURNOUT_BANDS = ['low', 'elevated', 'high', 'critical'] as const;
export type BurnoutBandName = (typeof BURNOUT_BANDS)[number];

/** One component of an index: raw x, ramp value in [0, 1], weighted points (0–100 scale). */
export interface BurnoutComponentDto {
  raw: number | null;
  score: number;
  points: number;
}

/** One row of `GET /api/burnout/agents` (interfaces.md, exactly). */
export interface BurnoutAgentRow {
  employeeCode: string;
  index: number | null;
  band: BurnoutBandName | null;
  components: Record<BurnoutComponentKey, BurnoutComponentDto>;
  drivers: BurnoutComponentKey[];
}

export interface BurnoutAgentsQuery {
  asOf?: string;
  teamCode?: string;
}

/** Counts per band. */
export type BurnoutBandCounts = Record<BurnoutBandName, number>;

/** One date of a team's trend. */
export interface BurnoutTeamPoint {
  date: string;
  /** Members with an index that day. */
  members: number;
  meanIndex: number | null;
  capacityAtRisk: number | null;
  bands: BurnoutBandCounts;
}

/** A team's member in the team view. */
export interface BurnoutTeamMember {
  employeeCode: string;
  fullName: string;
  teamCode: string;
  index: number | null;
  band: BurnoutBandName | null;
  drivers: BurnoutComponentKey[];
  /** Index 7 days before as-of, when both exist: index − that. */
  change7d: number | null;
}

/** `GET /api/burnout/team`: the team view, read from the daily snapshots. */
export interface BurnoutTeamView {
  asOf: string;
  /** The team shown, or null for every team the caller may see. */
  teamCode: string | null;
  teams: { teamCode: string; name: string }[];
  configVersion: number;
  /** Employed members on as-of; `withIndex` of them worked in the 28-day window. */
  members: number;
  withIndex: number;
  meanIndex: number | null;
  capacityAtRisk: number | null;
  bands: BurnoutBandCounts;
  trend: BurnoutTeamPoint[];
  drivers: { name: BurnoutComponentKey; agents: number; meanPoints: number }[];
  agents: BurnoutTeamMember[];
  /** Snapshots of as-of still to be computed (the job is catching up), 0 when complete. */
  pendingSnapshots: number;
  /** Whether quota pressure is measured: `quotas` when a day or shift count quota applied to a member in W. */
  quotaSource: 'none' | 'quotas';
}

/** A component in the drill-down: the API row's figures plus its weight, ramp and working. */
export interface BurnoutComponentDetail extends BurnoutComponentDto {
  weight: number;
  ramp: { lo: number; hi: number } | null;
  detail: Record<string, number | string | null> | null;
}

export interface BurnoutDayDto {
  date: string;
  workedHours: number;
  unsocialHours: number;
  run: number;
  answered: number;
  hostile: number;
  ahtSeconds: number | null;
  occupancy: number | null;
  qaMean: number | null;
  csatMean: number | null;
  quotaMissed: boolean | null;
  recent: boolean;
}

export interface BurnoutShiftDto {
  shiftId: string | null;
  date: string;
  kind: string;
  status: string;
  start: string;
  end: string;
  actualStart: string | null;
  actualEnd: string | null;
  workedHours: number;
  startHour: number | null;
  sendHomeReason: string | null;
  unpaidSendHome: boolean;
  unplannedAbsence: boolean;
  shortRestBeforeHours: number | null;
  seventhDayOrLater: boolean;
  recent: boolean;
}

/** `GET /api/burnout/agents/:employeeCode` and `GET /api/me/burnout`: one agent's drill-down. */
export interface BurnoutAgentDetail {
  employeeCode: string;
  fullName: string;
  teamCode: string;
  timeZone: string;
  contractHours: number;
  asOf: string;
  window: { from: string; to: string; recentFrom: string; baselineTo: string };
  configVersion: number;
  /** `snapshot`: read from the stored daily snapshot; `computed`: computed on demand. */
  source: 'snapshot' | 'computed';
  index: number | null;
  band: BurnoutBandName | null;
  drivers: BurnoutComponentKey[];
  components: Record<BurnoutComponentKey, BurnoutComponentDetail>;
  history: { date: string; index: number | null; band: BurnoutBandName | null }[];
  days: BurnoutDayDto[];
  shifts: BurnoutShiftDto[];
  weeks: { weekStart: string; workedHours: number; overtimeHours: number; contractHours: number }[];
  drift: Record<
    'aht' | 'qa' | 'csat' | 'adherence',
    { baseline: number | null; recent: number | null }
  >;
  /** Hostile calls of W (the calls behind the hostile driver), newest first, at most 100. */
  hostileCalls: {
    callId: string;
    startedAt: string;
    campaignCode: string;
    outcome: string;
    handleSeconds: number;
  }[];
  quotaSource: 'none' | 'quotas';
}

/** The weights, ramps and thresholds an admin may set (metrics.md §5 defaults). */
export interface BurnoutConfigBody {
  weights: Record<BurnoutComponentKey, number>;
  ramps: Record<BurnoutRampKey, { lo: number; hi: number }>;
  shortRestHours: number;
  consecutiveDayLimit: number;
  driftMinCalls: number;
  driftMinShifts: number;
  nightStart: number;
  nightEnd: number;
  weekendDays: number[];
}

export interface BurnoutConfigVersion {
  version: number;
  createdAt: string;
  createdBy: string | null;
  note: string | null;
  config: BurnoutConfigBody;
}

/** `GET /api/burnout/config`: the current configuration and every earlier version. */
export interface BurnoutConfigState {
  current: BurnoutConfigVersion;
  defaults: BurnoutConfigBody;
  versions: BurnoutConfigVersion[];
}

/** `PUT /api/burnout/config` body. */
export interface BurnoutConfigUpdate {
  config: BurnoutConfigBody;
  note?: string;
}

/** `GET /api/burnout/status`: where the snapshot job is. */
export interface BurnoutJobStatus {
  running: boolean;
  latestAsOf: string;
  historyDays: number;
  configVersion: number;
  dirtyAgents: number;
  snapshots: number;
  lastRun: {
    startedAt: string;
    finishedAt: string | null;
    agents: number;
    snapshots: number;
    ms: number | null;
  } | null;
}

/** `POST /api/burnout/recompute` body and answer: recompute one as-of date for every agent. */
export interface BurnoutRecomputeRequest {
  asOf?: string;
}
export interface BurnoutRecomputeResult {
  asOf: string;
  agents: number;
  ms: number;
  loadMs: number;
  computeMs: number;
  writeMs: number;
}
