import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { DateTime } from 'luxon';

import { CHAIN } from './causal-model';
import { formatDay, isoWeekday, parseDay } from './civil-date';
import { buildOrg, KIND_PROFILES, siteHolidays, StaffingBand } from './org-model';
import { REF_RING_SIZE } from './call-engine';
import { Rng } from './prng';
import { titleOf } from './roster';
import { emptyTeamStats, SimContext, SiteState, TeamState, Writers } from './sim-types';
import { simulate, staffTeams } from './simulation';
import { OutputFormat, TableWriter } from './table-writer';
import { ZoneClock } from './zone-clock';

/** Column order of each import file, exactly as in interfaces.md. */
export const COLUMNS = {
  sites: ['site_code', 'name', 'time_zone', 'holidays'],
  teams: ['team_code', 'name', 'site_code', 'manager_email'],
  campaigns: ['campaign_code', 'name', 'kind', 'client', 'site_code'],
  agents: [
    'employee_code',
    'full_name',
    'email',
    'team_code',
    'title',
    'work_mode',
    'hire_date',
    'termination_date',
    'termination_type',
    'termination_reason',
    'hourly_rate',
    'contract_hours',
  ],
  shifts: [
    'shift_id',
    'employee_code',
    'start',
    'end',
    'kind',
    'break_minutes',
    'status',
    'actual_start',
    'actual_end',
    'send_home_reason',
  ],
  calls: [
    'call_id',
    'employee_code',
    'campaign_code',
    'channel',
    'direction',
    'started_at',
    'queue_seconds',
    'talk_seconds',
    'hold_seconds',
    'wrap_seconds',
    'outcome',
    'sale_amount',
    'hostile',
    'qa_score',
    'csat',
    'customer_ref',
  ],
} as const;

export type ImportFile = keyof typeof COLUMNS;
export const IMPORT_FILES: readonly ImportFile[] = [
  'sites',
  'teams',
  'campaigns',
  'agents',
  'shifts',
  'calls',
];

export interface GenerateOptions {
  /** Directory the files are written to (created if missing). */
  outDir: string;
  /** Target headcount over all teams (default 150). */
  agents?: number;
  /** Months of history ending on `end` (default 12). */
  months?: number;
  seed?: number;
  /** Last day of history, `YYYY-MM-DD` (default: today's UTC date). */
  end?: string;
  format?: OutputFormat;
  /** Days of scheduled future shifts after `end` (default 14). */
  futureDays?: number;
  /** Called about once per simulated week with a progress line. */
  onProgress?: (message: string) => void;
}

export interface TeamManifest {
  teamCode: string;
  siteCode: string;
  campaignCode: string;
  campaignKind: string;
  band: StaffingBand;
  staffingRatio: number;
  targetHeadcount: number;
  /** Headcount the team's call volume needs (targetHeadcount ÷ staffingRatio). */
  demandHeadcount: number;
  observed: {
    agentYears: number;
    answeredCalls: number;
    callsPerWorkedHour: number;
    callsPerAgentWorkedDay: number;
    occupancy: number;
    abandonRate: number | null;
    asaSeconds: number | null;
    hostileRate: number;
    meanQaScore: number | null;
    meanCsat: number | null;
    overtimeHoursPerAgentMonth: number;
    overtimeShiftsPerAgentMonth: number;
    stayLateShareOfShifts: number;
    shortRestsPerAgentMonth: number;
    seventhDayPlusPerAgentMonth: number;
    unplannedAbsencesPerAgentMonth: number;
    sentHome: { goal_met: number; outage: number; low_volume: number };
    meanStress: number;
    hires: number;
    /** Σ of the daily separation probabilities the hazard model gave this team's agents. */
    expectedSeparations: number;
    separations: number;
    voluntary: number;
    involuntary: number;
    earlySeparations: number;
    separationsPer100AgentYears: number;
  };
}

export interface Manifest {
  generator: 'floorwise-demo-data';
  formatVersion: 1;
  parameters: {
    agents: number;
    months: number;
    seed: number;
    end: string;
    format: OutputFormat;
    windowStart: string;
    windowEnd: string;
    futureShiftsThrough: string;
    warmupDays: number;
  };
  files: Record<ImportFile, { file: string; rows: number }>;
  chain: {
    summary: string;
    hazardFormula: string;
    constants: typeof CHAIN;
    campaignAhtSeconds: Record<string, number>;
  };
  teams: TeamManifest[];
  byBand: Record<
    StaffingBand,
    {
      teams: number;
      callsPerWorkedHour: number;
      occupancy: number;
      abandonRate: number | null;
      overtimeHoursPerAgentMonth: number;
      separationsPer100AgentYears: number;
    }
  >;
  pay: { p10: number; median: number; p90: number };
  outages: { siteCode: string; date: string; localTime: string }[];
}

const WARMUP_DAYS = 42;

export async function generateDemoData(options: GenerateOptions): Promise<Manifest> {
  const agentsTarget = options.agents ?? 150;
  const months = options.months ?? 12;
  const seed = options.seed ?? 42;
  const format = options.format ?? 'csv';
  const futureDays = options.futureDays ?? 14;
  const end = options.end ?? new Date().toISOString().slice(0, 10);
  if (!Number.isInteger(agentsTarget) || agentsTarget < 2) throw new Error('agents must be ≥ 2');
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    throw new Error('months must be an integer between 1 and 120');
  }
  if (!Number.isInteger(seed) || seed < 0) throw new Error('seed must be a non-negative integer');
  if (format !== 'csv' && format !== 'ndjson') throw new Error('format must be csv or ndjson');
  const endDay = parseDay(end);
  const windowStart = parseDay(
    DateTime.fromISO(end, { zone: 'utc' }).minus({ months }).plus({ days: 1 }).toISODate() ?? end,
  );
  const warmupStart = windowStart - WARMUP_DAYS;
  const lastFutureDay = endDay + futureDays;

  await mkdir(options.outDir, { recursive: true });
  const extension = format === 'csv' ? 'csv' : 'ndjson';
  const writer = (name: ImportFile, money: string[] = []) =>
    new TableWriter(join(options.outDir, `${name}.${extension}`), COLUMNS[name], format, money);
  const writers: Writers = {
    sites: writer('sites'),
    teams: writer('teams'),
    campaigns: writer('campaigns'),
    agents: writer('agents', ['hourly_rate']),
    shifts: writer('shifts'),
    calls: writer('calls', ['sale_amount']),
  };
  writers.shifts.muted = true;
  writers.calls.muted = true;

  const orgRng = Rng.derive(seed, 0);
  const org = buildOrg(agentsTarget, orgRng);
  const clockFrom = (warmupStart - 3) * 86400;
  const clockTo = (lastFutureDay + 3) * 86400;
  const sites = new Map<string, SiteState>();
  for (const def of org.sites) {
    const state: SiteState = {
      def,
      clock: new ZoneClock(def.zone, clockFrom, clockTo),
      holidays: new Set(siteHolidays(def, warmupStart, lastFutureDay)),
      outages: new Map(),
    };
    pickOutages(state, windowStart, endDay, months, orgRng);
    sites.set(def.code, state);
  }
  const teams: TeamState[] = org.teams.map((def) => ({
    def,
    site: sites.get(def.site.code) as SiteState,
    campaign: {
      def: def.campaign,
      profile: KIND_PROFILES[def.campaign.kind],
      refHead: new Float64Array(REF_RING_SIZE),
      refTail: new Float64Array(REF_RING_SIZE),
      refCount: 0,
    },
    active: [],
    requisitions: [],
    live: [],
    planned: [],
    demandWeekSeconds: 0,
    stats: emptyTeamStats(),
    hazardAccumulator: 0,
    separationThreshold: 1,
  }));
  // Teams of one campaign share its repeat-caller pool.
  const campaignStates = new Map<string, TeamState['campaign']>();
  for (const team of teams) {
    const shared = campaignStates.get(team.campaign.def.code);
    if (shared) team.campaign = shared;
    else campaignStates.set(team.campaign.def.code, team.campaign);
  }

  const ctx: SimContext = {
    seed,
    warmupStart,
    windowStart,
    endDay,
    lastFutureDay,
    writers,
    nextCallNumber: 1,
    nextEmployeeNumber: 1,
    allAgents: [],
  };

  for (const state of sites.values()) {
    const holidays = [...state.holidays].filter((d) => d >= windowStart).map(formatDay);
    writers.sites.write([state.def.code, state.def.name, state.def.zone, holidays.join(';')]);
  }
  for (const team of org.teams) {
    writers.teams.write([team.code, team.name, team.site.code, team.managerEmail]);
  }
  for (const c of org.campaigns) {
    writers.campaigns.write([c.code, c.name, c.kind, c.client, c.site.code]);
  }

  staffTeams(ctx, teams);
  let lastReport = '';
  await simulate(ctx, teams, (day, phase) => {
    if (!options.onProgress || (day - warmupStart) % 30 !== 0) return;
    const line = `${formatDay(day)} (${phase}): ${writers.calls.rows} calls, ${writers.shifts.rows} shifts`;
    if (line !== lastReport) options.onProgress(line);
    lastReport = line;
  });

  for (const agent of ctx.allAgents) {
    writers.agents.write([
      agent.code,
      agent.fullName,
      agent.email,
      agent.team.def.code,
      titleOf(agent, endDay),
      agent.workMode,
      formatDay(agent.hireDay),
      agent.termDay === null ? null : formatDay(agent.termDay),
      agent.termType,
      agent.termReason,
      agent.hourlyRate,
      agent.contractHours,
    ]);
  }
  for (const name of IMPORT_FILES) await writers[name].close();

  const manifest = buildManifest({
    agentsTarget,
    months,
    seed,
    end,
    format,
    extension,
    windowStart,
    lastFutureDay,
    writers,
    teams,
    ctx,
    sites: [...sites.values()],
  });
  await writeFile(join(options.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** A few site-wide outage days per site, on weekdays, at a daytime hour. */
function pickOutages(
  site: SiteState,
  windowStart: number,
  endDay: number,
  months: number,
  rng: Rng,
): void {
  const count = Math.max(1, Math.round(months * 0.3));
  const candidates: number[] = [];
  for (let d = windowStart + 7; d < endDay; d++) {
    if (isoWeekday(d) <= 5 && !site.holidays.has(d)) candidates.push(d);
  }
  rng.shuffle(candidates);
  for (const day of candidates.slice(0, count)) {
    site.outages.set(day, rng.pick([540, 600, 660, 720, 780, 840, 900]));
  }
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r1 = (x: number) => Math.round(x * 10) / 10;
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

interface ManifestInput {
  agentsTarget: number;
  months: number;
  seed: number;
  end: string;
  format: OutputFormat;
  extension: string;
  windowStart: number;
  lastFutureDay: number;
  writers: Writers;
  teams: TeamState[];
  ctx: SimContext;
  sites: SiteState[];
}

function buildManifest(input: ManifestInput): Manifest {
  const { writers, teams } = input;
  const files = {} as Record<ImportFile, { file: string; rows: number }>;
  for (const name of IMPORT_FILES) {
    files[name] = { file: `${name}.${input.extension}`, rows: writers[name].rows };
  }
  const teamManifests = teams.map((team): TeamManifest => {
    const s = team.stats;
    const agentMonths = s.agentDays / 30.44;
    const agentYears = s.agentDays / 365.25;
    const inboundAnswered = s.offered - s.abandoned;
    return {
      teamCode: team.def.code,
      siteCode: team.def.site.code,
      campaignCode: team.def.campaign.code,
      campaignKind: team.def.campaign.kind,
      band: team.def.band,
      staffingRatio: team.def.staffingRatio,
      targetHeadcount: team.def.targetHeadcount,
      demandHeadcount: r1(team.def.targetHeadcount / team.def.staffingRatio),
      observed: {
        agentYears: r3(agentYears),
        answeredCalls: s.answered,
        callsPerWorkedHour: r3(ratio(s.answered, s.workedSeconds / 3600)),
        callsPerAgentWorkedDay: r1(ratio(s.answered, s.workedShifts)),
        occupancy: r3(ratio(s.handleSeconds, s.phoneWorkedSeconds)),
        abandonRate: s.offered > 0 ? r3(s.abandoned / s.offered) : null,
        asaSeconds: inboundAnswered > 0 ? r1(s.answeredQueueSeconds / inboundAnswered) : null,
        hostileRate: r3(ratio(s.hostile, s.answered)),
        meanQaScore: s.qaCount > 0 ? r1(s.qaSum / s.qaCount) : null,
        meanCsat: s.csatCount > 0 ? Math.round((s.csatSum / s.csatCount) * 100) / 100 : null,
        overtimeHoursPerAgentMonth: r1(ratio(s.weeklyOvertimeSeconds / 3600, agentMonths)),
        overtimeShiftsPerAgentMonth: r3(ratio(s.overtimeShifts, agentMonths)),
        stayLateShareOfShifts: r3(ratio(s.stayLateShifts, s.workedShifts)),
        shortRestsPerAgentMonth: r3(ratio(s.shortRests, agentMonths)),
        seventhDayPlusPerAgentMonth: r3(ratio(s.seventhDayOrMore, agentMonths)),
        unplannedAbsencesPerAgentMonth: r3(ratio(s.unplannedAbsences, agentMonths)),
        sentHome: { ...s.sentHome },
        meanStress: r3(ratio(s.stressSum, s.agentDays)),
        hires: s.hires,
        expectedSeparations: r1(s.hazardSum),
        separations: s.separations,
        voluntary: s.voluntary,
        involuntary: s.involuntary,
        earlySeparations: s.earlySeparations,
        separationsPer100AgentYears: r1(ratio(s.separations * 100, agentYears)),
      },
    };
  });

  const byBand = {} as Manifest['byBand'];
  for (const band of ['understaffed', 'stretched', 'well_staffed'] as const) {
    const members = teams.filter((t) => t.def.band === band);
    const sum = (f: (t: TeamState) => number) => members.reduce((acc, t) => acc + f(t), 0);
    const agentDays = sum((t) => t.stats.agentDays);
    const offered = sum((t) => t.stats.offered);
    byBand[band] = {
      teams: members.length,
      callsPerWorkedHour: r3(
        ratio(
          sum((t) => t.stats.answered),
          sum((t) => t.stats.workedSeconds) / 3600,
        ),
      ),
      occupancy: r3(
        ratio(
          sum((t) => t.stats.handleSeconds),
          sum((t) => t.stats.phoneWorkedSeconds),
        ),
      ),
      abandonRate: offered > 0 ? r3(sum((t) => t.stats.abandoned) / offered) : null,
      overtimeHoursPerAgentMonth: r1(
        ratio(sum((t) => t.stats.weeklyOvertimeSeconds) / 3600, agentDays / 30.44),
      ),
      separationsPer100AgentYears: r1(
        ratio(sum((t) => t.stats.separations) * 100, agentDays / 365.25),
      ),
    };
  }

  const rates = input.ctx.allAgents.map((a) => a.hourlyRate).sort((a, b) => a - b);
  const quantile = (q: number) => rates[Math.min(rates.length - 1, Math.floor(q * rates.length))];
  const outages = input.sites.flatMap((site) =>
    [...site.outages.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([day, minute]) => ({
        siteCode: site.def.code,
        date: formatDay(day),
        localTime: `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`,
      })),
  );

  return {
    generator: 'floorwise-demo-data',
    formatVersion: 1,
    parameters: {
      agents: input.agentsTarget,
      months: input.months,
      seed: input.seed,
      end: input.end,
      format: input.format,
      windowStart: formatDay(input.windowStart),
      windowEnd: input.end,
      futureShiftsThrough: formatDay(input.lastFutureDay),
      warmupDays: WARMUP_DAYS,
    },
    files,
    chain: {
      summary:
        'Each team has a staffing ratio (target headcount ÷ the headcount its call volume needs). ' +
        'Below 1, slots run at high load: occupancy rises to the cap, queues and abandons grow, ' +
        'callers who waited turn hostile more often, the manager schedules overtime on days off ' +
        'and shifts start times, agents stay late and rest less. These feed each agent’s stress ' +
        '(decayed four-week sums), which lowers QA, CSAT and resolution and raises the monthly ' +
        'separation hazard; leavers are replaced after a hiring lag and spend two weeks in ' +
        'training, which deepens the gap.',
      hazardFormula:
        'monthly = baseMonthlyHazard × (1 + stressHazardWeight × stress) × ' +
        '(tenure < earlyTenureDays ? earlyHazardMultiplier : 1) × propensity; ' +
        'stress = 0.35·ramp(occupancy, 0.74, 0.93) + 0.25·ramp(overtime hours, 0, 12) + ' +
        '0.20·ramp(hostile rate, 0.03, 0.065) + 0.20·ramp(short rests + 7th-day-or-later days, 0, 3); ' +
        'daily = 1 − (1 − monthly)^(1/30.44)',
      constants: CHAIN,
      campaignAhtSeconds: Object.fromEntries(
        Object.entries(KIND_PROFILES).map(([kind, p]) => [kind, p.ahtSeconds]),
      ),
    },
    teams: teamManifests,
    byBand,
    pay: { p10: quantile(0.1), median: quantile(0.5), p90: quantile(0.9) },
    outages,
  };
}
