import {
  addQuotaSums,
  AgentLiveState,
  AgentQuotaCandidate,
  agentQuotasOn,
  AppliedQuota,
  applyCallToState,
  callQuotaSums,
  callServiceIncrements,
  emptyQuotaSums,
  FloorSettings,
  floorAgentFigures,
  GroupQuota,
  groupFigures,
  LiveCall,
  periodClock,
  QuotaFigure,
  QuotaPeriod,
  QuotaSums,
  ScheduledSpan,
  scheduledSeconds,
  serviceFigures,
  versionOn,
  workedSeconds,
  WorkShift,
} from '@floorwise/analytics';
import type {
  FloorAgentDto,
  FloorIntervalDto,
  FloorQuotaDto,
  FloorTeamDto,
  QuotaMetricDto,
} from '@floorwise/contracts';

/**
 * The floor of one API process, in memory: every agent on shift now, their teams and the
 * campaigns, loaded from the database at one event id and then kept current by applying each
 * floor event in id order. Every figure comes from libs/analytics; this file only holds the
 * inputs and maps results to DTOs.
 */
export interface AgentRt {
  agentId: number;
  employeeCode: string;
  fullName: string;
  teamId: number;
  today: string;
  monday: string;
  hireDate: string;
  contractHours: number;
  shift: { id: number; startMs: number; endMs: number; breakMinutes: number; kind: string };
  /** Start of the 15-minute bucket holding the shift start (shift sums start there). */
  shiftFromMs: number;
  shiftSums: QuotaSums;
  state: AgentLiveState;
  /** The agent's scheduled shifts around this week (day and week quotas pace over them). */
  spans: ScheduledSpan[];
  /** The site's local today and work week, as instants (what day and week sums count). */
  dayWindow: ScheduledSpan;
  weekWindow: ScheduledSpan;
  weekWorkedBeforeSeconds: number;
  quotas: AppliedQuota[];
  /** The agent's latest burnout band (metrics.md §5, the burnout snapshots), if any. */
  burnoutBand: FloorAgentDto['burnoutBand'];
  asOfEventId: number;
  row: FloorAgentDto | null;
  /** `row` as JSON, made on first use after each computation (snapshots and the stream share it). */
  json: string | null;
}

export interface MemberRt {
  agentId: number;
  teamId: number;
  today: string;
  monday: string;
  day: QuotaSums;
  week: QuotaSums;
  /** Calls handled today per campaign id. */
  campaigns: Map<number, number>;
  /** The campaign of most of those calls (ties: the lowest id), or null: the agent's main one. */
  main: number | null;
}

export interface TeamRt {
  teamId: number;
  teamCode: string;
  teamName: string;
  quotas: GroupQuota[];
  /** The members' scheduled shifts around this week. */
  spans: ScheduledSpan[];
  dayWindow: ScheduledSpan;
  weekWindow: ScheduledSpan;
  asOfEventId: number;
  row: FloorTeamDto | null;
}

export interface CampaignRt {
  campaignId: number;
  campaignCode: string;
  name: string;
  today: string;
  /** The campaign site's local today and work week, as instants. */
  dayWindow: ScheduledSpan;
  weekWindow: ScheduledSpan;
  bucketMs: number;
  day: QuotaSums;
  week: QuotaSums;
  interval: {
    offered: number;
    answered: number;
    abandoned: number;
    inboundAnswered: number;
    answeredWithinSla: number;
    abandonedAfterSla: number;
  };
  forecast: { calls: number; agents: number } | null;
  quotas: GroupQuota[];
  asOfEventId: number;
  row: FloorIntervalDto | null;
}

/** A floor event as read from `floor_event`. */
export interface FloorEventRow {
  id: string;
  kind: 'call' | 'release';
  agent_id: number | null;
  team_id: number | null;
  campaign_id: number | null;
  started_at: Date | null;
  local_date: string | null;
  direction: string | null;
  outcome: string | null;
  queue_seconds: number | null;
  handle_seconds: number | null;
  hostile: boolean | null;
  qa_score: number | null;
  csat: number | null;
  shift_id: string | null;
}

export interface QuotaDefRow {
  id: number;
  scope: 'agent' | 'team' | 'campaign';
  agent_id: number | null;
  team_id: number | null;
  campaign_id: number | null;
  per_member: boolean;
  metric: QuotaMetricDto;
  period: QuotaPeriod;
  comparator: 'at_least' | 'at_most';
  ramp: boolean;
  versions: { id: number; effectiveFrom: string; target: number | null }[];
}

export class FloorModel {
  readonly agents = new Map<number, AgentRt>();
  readonly members = new Map<number, MemberRt>();
  readonly teams = new Map<number, TeamRt>();
  readonly campaigns = new Map<number, CampaignRt>();
  campaignCodes = new Map<number, string>();
  /** Per team: its members, and its agents on shift (kept by `index()`, `apply()`). */
  private readonly teamMembers = new Map<number, MemberRt[]>();
  private readonly teamAgents = new Map<number, Set<AgentRt>>();
  /** Agents on shift per main campaign ("staffed" of the interval figures). */
  private readonly staffed = new Map<number, number>();

  constructor(
    public head: number,
    public settings: FloorSettings,
  ) {}

  /** Agent quotas in force on `date` for one agent (own, else team per-member), ramped. */
  static agentQuotas(
    quotas: readonly QuotaDefRow[],
    agentId: number,
    teamId: number,
    hireDate: string,
    date: string,
    settings: FloorSettings,
  ): AppliedQuota[] {
    const candidates: AgentQuotaCandidate[] = [];
    for (const q of quotas) {
      const mine =
        (q.scope === 'agent' && q.agent_id === agentId) ||
        (q.scope === 'team' && q.per_member && q.team_id === teamId);
      if (!mine) continue;
      const v = versionOn(q.versions, date);
      if (!v || v.target === null) continue;
      candidates.push({
        quotaId: q.id,
        scope: q.scope === 'agent' ? 'agent' : 'team',
        metric: q.metric,
        period: q.period,
        comparator: q.comparator,
        target: Number(v.target),
        ramp: q.ramp,
      });
    }
    return agentQuotasOn(candidates, hireDate, date, settings.ramp);
  }

  static groupQuotas(
    quotas: readonly QuotaDefRow[],
    match: (q: QuotaDefRow) => boolean,
    date: string,
  ): GroupQuota[] {
    const out: GroupQuota[] = [];
    for (const q of quotas) {
      if (!match(q)) continue;
      const v = versionOn(q.versions, date);
      if (!v || v.target === null) continue;
      out.push({
        quotaId: q.id,
        metric: q.metric,
        period: q.period,
        comparator: q.comparator,
        target: Number(v.target),
      });
    }
    return out;
  }

  /**
   * Builds the per-team and per-campaign indexes once the loader has filled the maps, so an
   * event costs the size of what it touches, not of the floor.
   */
  index(): void {
    this.teamMembers.clear();
    this.teamAgents.clear();
    this.staffed.clear();
    for (const m of this.members.values()) {
      m.main = mainCampaignOf(m.campaigns);
      const list = this.teamMembers.get(m.teamId) ?? [];
      list.push(m);
      this.teamMembers.set(m.teamId, list);
    }
    for (const a of this.agents.values()) {
      const set = this.teamAgents.get(a.teamId) ?? new Set<AgentRt>();
      set.add(a);
      this.teamAgents.set(a.teamId, set);
      this.staff(a.agentId, 1);
    }
  }

  private staff(agentId: number, delta: 1 | -1): void {
    const main = this.members.get(agentId)?.main ?? null;
    if (main !== null) this.staffed.set(main, (this.staffed.get(main) ?? 0) + delta);
  }

  /** Applies one event (in id order); returns what changed, for the stream. */
  apply(
    e: FloorEventRow,
    slaSeconds: number,
  ): { agent?: AgentRt; team?: TeamRt; campaign?: CampaignRt; released?: AgentRt } {
    const id = Number(e.id);
    if (id <= this.head) {
      return this.touched(e); // already in the loaded state: report what it touched
    }
    this.head = id;
    if (e.kind === 'release') {
      const a = e.agent_id === null ? undefined : this.agents.get(e.agent_id);
      if (a && (e.shift_id === null || Number(e.shift_id) === a.shift.id)) {
        this.staff(a.agentId, -1);
        this.agents.delete(a.agentId);
        this.teamAgents.get(a.teamId)?.delete(a);
        const team = this.teams.get(a.teamId);
        if (team) team.asOfEventId = id;
        return { released: a, team };
      }
      return {};
    }
    const call: LiveCall = {
      startedAtMs: e.started_at ? e.started_at.getTime() : 0,
      answered: e.agent_id !== null && e.outcome !== 'abandoned',
      queueSeconds: e.queue_seconds ?? 0,
      handleSeconds: e.handle_seconds ?? 0,
      outcome: e.outcome ?? '',
      hostile: e.hostile === true,
      qaScore: e.qa_score,
      csat: e.csat,
    };
    const out: { agent?: AgentRt; team?: TeamRt; campaign?: CampaignRt } = {};
    const sums = callQuotaSums(call);
    const camp = e.campaign_id === null ? undefined : this.campaigns.get(e.campaign_id);
    if (camp) {
      if (e.local_date === camp.today) camp.day = addQuotaSums(camp.day, sums);
      if (
        e.local_date !== null &&
        e.local_date >= weekStartOf(camp.today) &&
        e.local_date <= camp.today
      )
        camp.week = addQuotaSums(camp.week, sums);
      if (bucketOf(call.startedAtMs) === camp.bucketMs) {
        const inc = callServiceIncrements(
          {
            direction: (e.direction ?? 'inbound') as 'inbound',
            outcome: (e.outcome ?? 'resolved') as 'resolved',
            hasAgent: e.agent_id !== null,
            queueSeconds: call.queueSeconds,
            talkSeconds: call.handleSeconds,
            holdSeconds: 0,
            wrapSeconds: 0,
          },
          slaSeconds,
        );
        const i = camp.interval;
        i.offered += inc.offered;
        i.answered += inc.answered;
        i.abandoned += inc.abandoned;
        i.inboundAnswered += inc.inboundAnswered;
        i.answeredWithinSla += inc.answeredWithinSla;
        i.abandonedAfterSla += inc.abandonedAfterSla;
      }
      camp.asOfEventId = id;
      out.campaign = camp;
    }
    if (e.agent_id === null) {
      return out;
    }
    const m = this.members.get(e.agent_id);
    if (m) {
      if (e.local_date === m.today) {
        m.day = addQuotaSums(m.day, sums);
        if (e.campaign_id !== null && call.answered) {
          m.campaigns.set(e.campaign_id, (m.campaigns.get(e.campaign_id) ?? 0) + 1);
          const main = mainCampaignOf(m.campaigns);
          if (main !== m.main) {
            const onShift = this.agents.has(m.agentId);
            if (onShift) this.staff(m.agentId, -1);
            m.main = main;
            if (onShift) this.staff(m.agentId, 1);
          }
        }
      }
      if (e.local_date !== null && e.local_date >= m.monday && e.local_date <= m.today)
        m.week = addQuotaSums(m.week, sums);
      const team = this.teams.get(m.teamId);
      if (team) {
        team.asOfEventId = id;
        out.team = team;
      }
    }
    const a = this.agents.get(e.agent_id);
    if (a) {
      if (call.startedAtMs >= a.shiftFromMs && call.startedAtMs < a.shift.endMs)
        a.shiftSums = addQuotaSums(a.shiftSums, sums);
      a.state = applyCallToState(a.state, call, this.settings.breakGapMinutes * 60);
      a.asOfEventId = id;
      out.agent = a;
    }
    return out;
  }

  /** The parts an event touches, without applying it. */
  touched(e: FloorEventRow): { agent?: AgentRt; team?: TeamRt; campaign?: CampaignRt } {
    const agent = e.agent_id === null ? undefined : this.agents.get(e.agent_id);
    const member = e.agent_id === null ? undefined : this.members.get(e.agent_id);
    return {
      agent,
      team: member ? this.teams.get(member.teamId) : undefined,
      campaign: e.campaign_id === null ? undefined : this.campaigns.get(e.campaign_id),
    };
  }

  // ------------------------------------------------------------------ figures → DTOs

  /** The agent's row as JSON (cached until the row is computed again). */
  agentJson(a: AgentRt): string {
    a.json ??= JSON.stringify(a.row);
    return a.json;
  }

  computeAgent(a: AgentRt, nowMs: number): FloorAgentDto {
    const m = this.members.get(a.agentId);
    const day = m?.day ?? emptyQuotaSums();
    const week = m?.week ?? emptyQuotaSums();
    const shiftClock = periodClock([{ startMs: a.shift.startMs, endMs: a.shift.endMs }], nowMs);
    const f = floorAgentFigures({
      nowMs,
      shift: a.shift,
      sums: { shift: a.shiftSums, day, week },
      clocks: {
        shift: shiftClock,
        day: periodClock(a.spans, nowMs, a.dayWindow),
        week: periodClock(a.spans, nowMs, a.weekWindow),
      },
      quotas: a.quotas,
      state: a.state,
      weekWorkedBeforeSeconds: a.weekWorkedBeforeSeconds,
      contractHours: a.contractHours,
      settings: this.settings,
    });
    const team = this.teams.get(a.teamId);
    const headline = f.quotas.find(
      (q) =>
        q.status !== null && ['calls_handled', 'sales', 'saves', 'resolved'].includes(q.metric),
    );
    const campaignCodes = m
      ? [...m.campaigns.entries()]
          .sort((x, y) => y[1] - x[1] || x[0] - y[0])
          .map(([id]) => this.campaignCodes.get(id) ?? String(id))
      : [];
    a.row = {
      employeeCode: a.employeeCode,
      fullName: a.fullName,
      teamCode: team?.teamCode ?? '',
      teamName: team?.teamName ?? '',
      campaignCodes,
      shift: {
        shiftId: a.shift.id,
        start: new Date(a.shift.startMs).toISOString(),
        end: new Date(a.shift.endMs).toISOString(),
        breakMinutes: a.shift.breakMinutes,
        kind: a.shift.kind,
      },
      ramped: a.quotas.some((q) => q.rampFraction < 1),
      shiftSums: a.shiftSums,
      daySums: day,
      quotas: f.quotas.map((q, i) => quotaDto(q, a.quotas[i].source)),
      dailyGoal: f.dailyGoal
        ? {
            met: f.dailyGoal.met,
            eligibleForEarlyRelease: f.dailyGoal.eligibleForEarlyRelease,
            remaining: f.dailyGoal.remaining,
          }
        : null,
      pacing: headline?.status ?? null,
      ahtSeconds: f.ahtSeconds,
      ahtLimitSeconds: f.ahtLimitSeconds,
      ahtOverLimit: f.ahtOverLimit,
      hostileToday: f.hostileToday,
      hostileStreak: f.hostileStreak,
      sinceBreakSeconds: f.sinceBreakSeconds,
      onBreak: f.onBreak,
      weekWorkedSeconds: f.weekWorkedSeconds,
      overtimeLineSeconds: f.overtimeLineSeconds,
      weekWorkedAtShiftEndSeconds: f.weekWorkedAtShiftEndSeconds,
      pastOvertimeLine: f.pastOvertimeLine,
      alerts: f.alerts,
      burnoutBand: a.burnoutBand,
      asOfEventId: a.asOfEventId,
    };
    a.json = null;
    return a.row;
  }

  computeTeam(t: TeamRt, nowMs: number): FloorTeamDto {
    const members = this.teamMembers.get(t.teamId) ?? [];
    const onShift = [...(this.teamAgents.get(t.teamId) ?? [])];
    // A team's "shift" quota is read as its day: the team has no one shift
    const dayClock = periodClock(t.spans, nowMs, t.dayWindow);
    const g = groupFigures(
      members.map((m) => ({ shift: m.day, day: m.day, week: m.week })),
      t.quotas,
      { shift: dayClock, day: dayClock, week: periodClock(t.spans, nowMs, t.weekWindow) },
    );
    t.row = {
      teamCode: t.teamCode,
      teamName: t.teamName,
      onShift: onShift.length,
      eligible: onShift.filter((a) => a.row?.dailyGoal?.eligibleForEarlyRelease).length,
      behind: onShift.filter((a) => a.row?.pacing === 'behind').length,
      alerts: onShift.filter((a) => (a.row?.alerts.length ?? 0) > 0).length,
      day: g.sums.day,
      ahtSeconds: g.ahtSeconds,
      quotas: g.quotas.map((q) => quotaDto(q, 'team')),
      asOfEventId: t.asOfEventId,
    };
    return t.row;
  }

  computeCampaign(
    c: CampaignRt,
    nowMs: number,
    slaSeconds: number,
    targetServiceLevel: number,
  ): FloorIntervalDto {
    const i = c.interval;
    const sl = serviceFigures({
      ...i,
      queueSecondsInboundAnswered: 0,
      handleSeconds: 0,
      hostile: 0,
    }).serviceLevel;
    const onShift = this.staffed.get(c.campaignId) ?? 0;
    // campaign quotas run on the clock of the campaign site's local day and week (the whole
    // of each: a campaign has no schedule of its own)
    const g = groupFigures([{ shift: c.day, day: c.day, week: c.week }], c.quotas, {
      shift: wallClock(c.dayWindow, nowMs),
      day: wallClock(c.dayWindow, nowMs),
      week: wallClock(c.weekWindow, nowMs),
    });
    c.row = {
      campaignCode: c.campaignCode,
      campaignName: c.name,
      intervalStart: new Date(c.bucketMs).toISOString(),
      offered: i.offered,
      answered: i.answered,
      abandoned: i.abandoned,
      serviceLevel: sl,
      slaSeconds,
      targetServiceLevel,
      forecastCalls: c.forecast?.calls ?? null,
      requiredAgents: c.forecast?.agents ?? null,
      agentsOnShift: onShift,
      quotas: g.quotas.map((q) => quotaDto(q, 'team')),
      asOfEventId: c.asOfEventId,
    };
    return c.row;
  }
}

/** The campaign with the most calls (ties: the lowest id), or null without calls. */
export function mainCampaignOf(calls: ReadonlyMap<number, number>): number | null {
  let best: number | null = null;
  let most = 0;
  for (const [id, n] of calls) {
    if (n > most || (n === most && best !== null && id < best)) {
      best = id;
      most = n;
    }
  }
  return best;
}

function quotaDto(q: QuotaFigure, source: 'agent' | 'team'): FloorQuotaDto {
  return { ...q, source };
}

export function bucketOf(ms: number): number {
  return Math.floor(ms / 900_000) * 900_000;
}

/** A clock over the whole of a window (every hour of it counts). */
function wallClock(w: ScheduledSpan, nowMs: number): { elapsedMs: number; durationMs: number } {
  return periodClock([w], nowMs);
}

function isoDow(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function weekStartOf(date: string): string {
  const t = Date.parse(`${date}T00:00:00Z`) - (isoDow(date) - 1) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Worked seconds of a week's shift (a past shift still `scheduled` counts as scheduled). */
export function shiftWorkedSeconds(s: WorkShift, endMs: number, nowMs: number): number {
  if (s.status === 'scheduled') {
    return endMs <= nowMs ? scheduledSeconds(s) : 0;
  }
  return workedSeconds(s);
}
