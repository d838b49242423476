import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import { Client } from 'pg';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { DataSource } from 'typeorm';
import {
  emptyQuotaSums,
  FloorSettings,
  localDayWindow,
  localWeekWindow,
  QuotaSums,
  ScheduledSpan,
  WorkShift,
} from '@floorwise/analytics';
import type {
  FloorAgentDto,
  FloorIntervalDto,
  FloorSnapshot,
  FloorTeamDto,
  MyDayDto,
} from '@floorwise/contracts';
import { Env, ENV } from '../../config/env';
import type { AuthUser } from '../auth/auth-user';
import { BurnoutService } from '../burnout/burnout.service';
import { StaffingService } from '../staffing/staffing.service';
import {
  CAMPAIGNS_SQL,
  EVENTS_AFTER_SQL,
  FLOOR_EVENT_CHANNEL,
  FLOOR_RELOAD_CHANNEL,
  HEAD_SQL,
  MEMBER_SUMS_SQL,
  PRUNE_EVENTS_SQL,
  QUOTAS_SQL,
  ROSTER_SQL,
  WEEK_SHIFTS_SQL,
} from './floor.sql';
import { FloorSettingsService } from './floor-settings.service';
import {
  bucketOf,
  AgentRt,
  CampaignRt,
  FloorEventRow,
  FloorModel,
  TeamRt,
  QuotaDefRow,
  shiftWorkedSeconds,
  weekStartOf,
} from './floor-model';
import { yieldToServer } from '../common/yield-to-server';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** What one floor event changed, kept for resuming streams (`Last-Event-ID`). */
interface RingEntry {
  id: number;
  agent?: { agentId: number; teamId: number; json: string };
  team?: { teamId: number; json: string };
  interval?: { json: string };
  released?: { agentId: number; teamId: number; json: string };
}

/** Who a stream or snapshot is for. */
type Audience =
  | { kind: 'staff'; teamIds: number[] | 'all' }
  | { kind: 'agent'; agentId: number; teamId: number | null };

interface StreamClient {
  res: Response;
  audience: Audience;
  cursor: number;
}

interface CachedSnapshot {
  builtAt: number;
  /** The floor's `version` it was built from. */
  version: number;
  json: Buffer;
  /**
   * The body compressed once for every caller of the view (zlib's thread pool, off the event
   * loop). 2,000 agents: 2.7 MB of JSON → brotli quality 1 29 KB in 3 ms, gzip level 6 42 KB in
   * 16 ms (level 1: 72 KB in 6 ms) — the bytes, not the compressing, were the cost under load.
   * Brotli (what browsers ask for) is made with the body; gzip on the first request for it.
   */
  br: Buffer;
  gz: () => Promise<Buffer>;
}

/** Messages kept in memory for resuming a dropped stream (~10 min at 50 calls a second). */
const RING_SIZE = 30_000;
const EVENT_BATCH = 5_000;
/** Pacing moves with the clock: rows are recomputed this often even without calls. */
const TICK_MS = 5_000;
/** The roster (shifts starting and ending), quotas and forecasts are reloaded this often. */
const RELOAD_MS = 60_000;
/** A snapshot may be served this long after the floor changed, while the next one is built. */
const SNAPSHOT_STALE_MS = 500;
const HEARTBEAT_MS = 15_000;
/**
 * Longest stretch of building a reloaded floor before it lets the server answer: a 2,000-agent
 * floor takes ~150 ms of computing, which in one piece held every POST /api/calls behind it.
 */
const LOAD_SLICE_MS = 10;

/**
 * The live floor of this API process (docs/floor.md "Live updates"). It loads the floor at one
 * event id, then applies every `floor_event` in id order as NOTIFY announces it (with a poll as
 * a fallback), recomputing the rows an event touches, and streams them to the open pages. Any
 * number of processes can run: each reads the same ordered log from PostgreSQL, so a stream
 * resumes on any of them from its `Last-Event-ID`.
 */
@Injectable()
export class FloorLiveService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FloorLiveService.name);
  private model: FloorModel | null = null;
  private loading: Promise<void> | null = null;
  private listener: Client | null = null;
  private readonly clients = new Set<StreamClient>();
  private readonly ring: RingEntry[] = [];
  /** The raw events behind the ring's newest entries (to catch a reloaded floor up). */
  private recentRaw: FloorEventRow[] = [];
  /** Ids after this one are in the ring (or were for no one). */
  private ringFrom = 0;
  /** The last event streamed. */
  private broadcastHead = 0;
  private pumping = false;
  private ticking = false;
  private pumpAgain = false;
  private reloadWanted = false;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly snapshots = new Map<string, CachedSnapshot>();
  private readonly building = new Map<string, Promise<CachedSnapshot>>();
  private readonly forecasts = new Map<string, { calls: number; agents: number } | null>();
  private closed = false;
  /** Bumped whenever the floor's rows change (events, the clock tick, a reload). */
  private version = 0;

  constructor(
    private readonly db: DataSource,
    private readonly settingsService: FloorSettingsService,
    private readonly staffing: StaffingService,
    private readonly burnout: BurnoutService,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
    this.timers.push(setInterval(() => this.tick(), TICK_MS));
    this.timers.push(setInterval(() => void this.reload(), RELOAD_MS));
    this.timers.push(setInterval(() => this.pump(), 2_000)); // a missed NOTIFY costs 2 s at worst
    this.timers.push(setInterval(() => this.heartbeat(), HEARTBEAT_MS));
    this.timers.push(
      setInterval(() => void this.db.query(PRUNE_EVENTS_SQL).catch(() => undefined), 3_600_000),
    );
    for (const t of this.timers) t.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    for (const c of this.clients) c.res.end();
    this.clients.clear();
    await this.listener?.end().catch(() => undefined);
    await this.loading?.catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.env.DATABASE_URL });
    client.on('error', () => {
      // the poll keeps the floor current; reconnect in a while
      this.listener = null;
      if (!this.closed) setTimeout(() => void this.listen().catch(() => undefined), 2_000).unref();
    });
    client.on('notification', (n) => {
      if (n.channel === FLOOR_RELOAD_CHANNEL) {
        void this.reload();
      } else {
        this.pump();
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${FLOOR_EVENT_CHANNEL}`);
      await client.query(`LISTEN ${FLOOR_RELOAD_CHANNEL}`);
      this.listener = client;
    } catch (e) {
      this.logger.warn(`floor listener did not connect: ${(e as Error).message}`);
      await client.end().catch(() => undefined);
    }
  }

  /** The floor, loaded on first use. */
  async current(): Promise<FloorModel> {
    if (!this.model) {
      await this.reload();
    }
    if (!this.model) {
      throw new Error('the floor could not be loaded');
    }
    return this.model;
  }

  get settings(): FloorSettings | null {
    return this.model?.settings ?? null;
  }

  /** Loads a fresh floor; concurrent calls share one load. */
  reload(): Promise<void> {
    if (this.loading) {
      this.reloadWanted = true;
      return this.loading;
    }
    this.loading = this.load()
      .catch((e: unknown) => {
        if (!this.closed) this.logger.error(`floor load failed: ${(e as Error).message}`);
      })
      .finally(() => {
        this.loading = null;
        if (this.reloadWanted && !this.closed) {
          this.reloadWanted = false;
          void this.reload();
        }
      });
    return this.loading;
  }

  private async load(): Promise<void> {
    const settings = await this.settingsService.get();
    const qr = this.db.createQueryRunner();
    await qr.connect();
    let model: FloorModel;
    try {
      await qr.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [head]: { id: string; now: Date }[] = await qr.query(HEAD_SQL);
      const nowMs = new Date(head.now).getTime();
      model = new FloorModel(Number(head.id), settings);
      const roster: RosterRow[] = await qr.query(ROSTER_SQL);
      const teamIds = [...new Set(roster.map((r) => r.team_id))];
      const mondays = roster.map((r) => weekStartOf(r.today));
      const minMonday = mondays.reduce((a, b) => (a < b ? a : b), '9999-12-31');
      const maxToday = roster.map((r) => r.today).reduce((a, b) => (a > b ? a : b), '0000-01-01');
      const maxSunday = addDays(maxToday, 7);
      const [members, weekShifts, quotas, campaigns] = teamIds.length
        ? [
            (await qr.query(MEMBER_SUMS_SQL, [teamIds, minMonday, maxToday])) as MemberSumRow[],
            // from the day before the earliest Monday: a shift overnight into it counts there
            (await qr.query(WEEK_SHIFTS_SQL, [
              teamIds,
              addDays(minMonday, -1),
              maxSunday,
            ])) as WeekShiftRow[],
            (await qr.query(QUOTAS_SQL)) as QuotaDefRow[],
            (await qr.query(CAMPAIGNS_SQL)) as CampaignRow[],
          ]
        : [
            [],
            [],
            (await qr.query(QUOTAS_SQL)) as QuotaDefRow[],
            (await qr.query(CAMPAIGNS_SQL)) as CampaignRow[],
          ];
      await qr.query('COMMIT');
      // each agent's latest burnout band (stored daily snapshots; outside the floor's snapshot
      // transaction: a band is a day's figure, not an event)
      const bands = roster.length
        ? await this.burnout.latestBands(roster.map((r) => r.agent_id)).catch((e: unknown) => {
            this.logger.warn(`burnout bands not read: ${(e as Error).message}`);
            return new Map<number, { band: FloorAgentDto['burnoutBand'] }>();
          })
        : new Map<number, { band: FloorAgentDto['burnoutBand'] }>();

      const teamToday = new Map<number, string>();
      for (const r of roster) teamToday.set(r.team_id, r.today);
      // members: every agent of the roster's teams with sums
      const teamMeta = new Map<number, { code: string; name: string; tz: string }>();
      for (const r of roster)
        teamMeta.set(r.team_id, { code: r.team_code, name: r.team_name, tz: r.tz });
      for (const r of members) {
        const today = teamToday.get(r.team_id) ?? r.local_date;
        const monday = weekStartOf(today);
        let m = model.members.get(r.agent_id);
        if (!m) {
          m = {
            agentId: r.agent_id,
            teamId: r.team_id,
            today,
            monday,
            day: emptyQuotaSums(),
            week: emptyQuotaSums(),
            campaigns: new Map(),
            main: null,
          };
          model.members.set(r.agent_id, m);
        }
        const s = sumsOf(r);
        if (r.local_date === today) {
          m.day = add(m.day, s);
          if (s.callsHandled > 0)
            m.campaigns.set(r.campaign_id, (m.campaigns.get(r.campaign_id) ?? 0) + s.callsHandled);
        }
        if (r.local_date >= monday && r.local_date <= today) m.week = add(m.week, s);
      }
      const shiftsByAgent = new Map<number, WeekShiftRow[]>();
      for (const s of weekShifts) {
        const list = shiftsByAgent.get(s.agent_id) ?? [];
        list.push(s);
        shiftsByAgent.set(s.agent_id, list);
      }
      let slice = performance.now();
      for (const r of roster) {
        if (performance.now() - slice > LOAD_SLICE_MS) {
          await yieldToServer();
          slice = performance.now();
        }
        if (!model.members.has(r.agent_id)) {
          model.members.set(r.agent_id, {
            agentId: r.agent_id,
            teamId: r.team_id,
            today: r.today,
            monday: weekStartOf(r.today),
            day: emptyQuotaSums(),
            week: emptyQuotaSums(),
            campaigns: new Map(),
            main: null,
          });
        }
        const startMs = new Date(r.start_at).getTime();
        const endMs = new Date(r.end_at).getTime();
        const own = shiftsByAgent.get(r.agent_id) ?? [];
        const monday = weekStartOf(r.today);
        const inWeek = own.filter(
          (s) => s.local_date >= monday && s.local_date < addDays(monday, 7),
        );
        const spans = (list: WeekShiftRow[]) => list.filter(countsForPacing).map(spanOf);
        let before = 0;
        for (const s of inWeek) {
          const sEnd = new Date(s.end_at).getTime();
          if (Number(s.id) !== Number(r.shift_id) && sEnd <= startMs)
            before += shiftWorkedSeconds(workShiftOf(s), sEnd, nowMs);
        }
        model.agents.set(r.agent_id, {
          agentId: r.agent_id,
          employeeCode: r.employee_code,
          fullName: r.full_name,
          teamId: r.team_id,
          today: r.today,
          monday,
          hireDate: r.hire_date,
          contractHours: Number(r.contract_hours),
          shift: {
            id: Number(r.shift_id),
            startMs,
            endMs,
            breakMinutes: r.break_minutes,
            kind: r.kind,
          },
          shiftFromMs: bucketOf(startMs),
          shiftSums: sumsOf(r),
          state: {
            lastCallEndMs: r.last_call_end ? new Date(r.last_call_end).getTime() : null,
            hostileStreak: Number(r.hostile_streak),
            lastBreakEndMs: r.last_break_end ? new Date(r.last_break_end).getTime() : null,
          },
          spans: spans(own),
          dayWindow: localDayWindow(r.today, r.tz),
          weekWindow: localWeekWindow(r.today, r.tz),
          weekWorkedBeforeSeconds: before,
          quotas: FloorModel.agentQuotas(
            quotas,
            r.agent_id,
            r.team_id,
            r.hire_date,
            r.today,
            settings,
          ),
          burnoutBand: bands.get(r.agent_id)?.band ?? null,
          asOfEventId: model.head,
          row: null,
          json: null,
        });
      }
      for (const [teamId, meta] of teamMeta) {
        const today = teamToday.get(teamId) as string;
        model.teams.set(teamId, {
          teamId,
          teamCode: meta.code,
          teamName: meta.name,
          quotas: FloorModel.groupQuotas(
            quotas,
            (q) => q.scope === 'team' && !q.per_member && q.team_id === teamId,
            today,
          ),
          spans: weekShifts.filter((s) => s.team_id === teamId && countsForPacing(s)).map(spanOf),
          dayWindow: localDayWindow(today, meta.tz),
          weekWindow: localWeekWindow(today, meta.tz),
          asOfEventId: model.head,
          row: null,
        });
      }
      for (const c of campaigns) {
        model.campaignCodes.set(c.id, c.campaign_code);
        const bucketMs = new Date(c.bucket).getTime();
        const sla = (c.i_sla ?? {})[String(settings.slaSeconds)] ?? [0, 0];
        const fkey = `${c.id}:${bucketMs}:${settings.slaSeconds}:${settings.targetServiceLevel}`;
        model.campaigns.set(c.id, {
          campaignId: c.id,
          campaignCode: c.campaign_code,
          name: c.name,
          today: c.today,
          dayWindow: localDayWindow(c.today, c.tz),
          weekWindow: localWeekWindow(c.today, c.tz),
          bucketMs,
          day: sumsOf(c),
          week: {
            callsHandled: c.week_calls_handled,
            handleSeconds: Number(c.week_handle_seconds),
            hostile: 0,
            sales: c.week_sales,
            saves: c.week_saves,
            resolved: c.week_resolved,
            qaSum: c.week_qa_sum,
            qaCount: c.week_qa_count,
            csatSum: c.week_csat_sum,
            csatCount: c.week_csat_count,
          },
          interval: {
            offered: c.i_offered,
            answered: c.i_answered,
            abandoned: c.i_abandoned,
            inboundAnswered: c.i_inbound_answered,
            answeredWithinSla: sla[0],
            abandonedAfterSla: sla[1],
          },
          forecast: this.forecasts.get(fkey) ?? null,
          quotas: FloorModel.groupQuotas(
            quotas,
            (q) => q.scope === 'campaign' && q.campaign_id === c.id,
            c.today,
          ),
          asOfEventId: model.head,
          row: null,
        });
        if (!this.forecasts.has(fkey) && (c.calls_handled > 0 || c.i_offered > 0)) {
          this.forecasts.set(fkey, null);
          void this.forecast(c.campaign_code, c.tz, bucketMs, settings).then((f) => {
            this.forecasts.set(fkey, f);
            const live = this.model?.campaigns.get(c.id);
            if (live && live.bucketMs === bucketMs) live.forecast = f;
          });
        }
      }
    } catch (e) {
      await qr.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await qr.release();
    }
    model.index();
    // every row at this instant, in slices: the server keeps answering while they are computed
    await this.computeAllSliced(model, Date.now());
    // catch the new model up with events already streamed from the old one
    const touched = new Set<AgentRt>();
    const note = (changed: ReturnType<FloorModel['apply']>) => {
      if (changed.agent) touched.add(changed.agent);
      if (changed.released) touched.delete(changed.released);
    };
    if (this.model && this.broadcastHead > model.head) {
      let cursor = model.head;
      while (cursor < this.broadcastHead) {
        const rows: FloorEventRow[] = await this.db.query(EVENTS_AFTER_SQL, [cursor, EVENT_BATCH]);
        if (rows.length === 0) break;
        for (const e of rows) {
          if (Number(e.id) > this.broadcastHead) break;
          note(model.apply(e, settings.slaSeconds));
          cursor = Number(e.id);
        }
        if (rows.length < EVENT_BATCH) break;
      }
    }
    // From here to the swap runs synchronously, so the new floor is exactly at the streamed head
    // when it replaces the old one: events streamed while the catch-up read ran are applied from
    // memory (an event already applied only reports what it touched), and the rows they touched
    // are computed again (agents first: team totals count their members' rows).
    for (const e of this.recentRaw) {
      if (Number(e.id) <= this.broadcastHead) note(model.apply(e, settings.slaSeconds));
    }
    const nowMs = Date.now();
    for (const a of touched) model.computeAgent(a, nowMs);
    this.computeGroups(model, nowMs);
    const first = this.model === null;
    this.model = model;
    this.version++;
    this.snapshots.clear();
    if (first) {
      this.broadcastHead = model.head;
      this.ringFrom = model.head;
    }
    this.pump();
  }

  private async forecast(
    code: string,
    tz: string,
    bucketMs: number,
    s: FloorSettings,
  ): Promise<{ calls: number; agents: number } | null> {
    try {
      const f = await this.staffing.forecast({
        campaignCode: code,
        intervalMinutes: 15,
        targetServiceLevel: s.targetServiceLevel,
        targetAnswerSeconds: s.slaSeconds,
        maxOccupancy: 0.85,
        shrinkage: 0.3,
      });
      const local = new Date(bucketMs).toLocaleString('sv-SE', { timeZone: tz }); // YYYY-MM-DD HH:mm:ss
      const date = local.slice(0, 10);
      const start = local.slice(11, 16);
      const slot = f.slots.find((x) => x.date === date && x.start === start);
      return slot ? { calls: slot.offered, agents: slot.agents } : null;
    } catch {
      return null; // no history to forecast from
    }
  }

  /** Every row of `model` at `nowMs`, yielding to the server between slices. */
  private async computeAllSliced(model: FloorModel, nowMs: number): Promise<void> {
    let slice = performance.now();
    for (const a of model.agents.values()) {
      if (performance.now() - slice > LOAD_SLICE_MS) {
        await yieldToServer();
        slice = performance.now();
      }
      model.computeAgent(a, nowMs);
    }
    this.computeGroups(model, nowMs);
  }

  /** Team totals and campaign intervals (after the agents' rows they count). */
  private computeGroups(model: FloorModel, nowMs: number): void {
    for (const t of model.teams.values()) model.computeTeam(t, nowMs);
    for (const c of model.campaigns.values())
      model.computeCampaign(c, nowMs, model.settings.slaSeconds, model.settings.targetServiceLevel);
  }

  /**
   * Every row again at the clock's new time, in slices (2,000 agents take 25–60 ms, which in one
   * piece held every request behind it). Events applied meanwhile compute their own rows.
   */
  private tick(): void {
    const m = this.model;
    if (!m || this.ticking) return;
    const nowMs = Date.now();
    if ([...m.campaigns.values()].some((c) => c.bucketMs !== bucketOf(nowMs))) {
      void this.reload(); // a new 15-minute interval starts: fresh interval counts and forecast
      return;
    }
    this.ticking = true;
    void this.computeAllSliced(m, nowMs)
      .then(() => {
        if (this.model === m) this.version++;
      })
      .finally(() => {
        this.ticking = false;
      });
  }

  // ------------------------------------------------------------------ the event pump

  /** Reads events after the last one streamed and applies and streams them, in id order. */
  pump(): void {
    if (!this.model || this.closed) return;
    if (this.pumping) {
      this.pumpAgain = true;
      return;
    }
    this.pumping = true;
    void (async () => {
      try {
        do {
          this.pumpAgain = false;
          const rows: FloorEventRow[] = await this.db.query(EVENTS_AFTER_SQL, [
            this.broadcastHead,
            EVENT_BATCH,
          ]);
          if (rows.length === EVENT_BATCH) this.pumpAgain = true;
          this.onEvents(rows);
        } while (this.pumpAgain && !this.closed);
      } catch (e) {
        if (!this.closed) this.logger.warn(`floor events not read: ${(e as Error).message}`);
      } finally {
        this.pumping = false;
      }
    })();
  }

  private onEvents(rows: FloorEventRow[]): void {
    const m = this.model;
    if (!m || rows.length === 0) return;
    const nowMs = Date.now();
    // apply the batch in id order, noting the last event that touched each row
    const entries: RingEntry[] = [];
    const lastAgent = new Map<AgentRt, RingEntry>();
    const lastTeam = new Map<TeamRt, RingEntry>();
    const lastCampaign = new Map<CampaignRt, RingEntry>();
    for (const e of rows) {
      const id = Number(e.id);
      if (id <= this.broadcastHead) continue;
      const changed = m.apply(e, m.settings.slaSeconds);
      const entry: RingEntry = { id };
      if (changed.agent) lastAgent.set(changed.agent, entry);
      if (changed.team) lastTeam.set(changed.team, entry);
      if (changed.campaign) lastCampaign.set(changed.campaign, entry);
      if (changed.released) {
        lastAgent.delete(changed.released);
        entry.released = {
          agentId: changed.released.agentId,
          teamId: changed.released.teamId,
          json: JSON.stringify(changed.released.employeeCode),
        };
        this.snapshots.clear(); // a released agent leaves the floor at once, not half a second later
      }
      entries.push(entry);
      this.recentRaw.push(e);
      this.broadcastHead = id;
    }
    // Rows are computed once per batch, after it, and ride with the last event that touched
    // them: rows are whole, so a page replacing them ends exactly where it would applying every
    // event's row in turn (agents first: team totals count their members' rows).
    for (const [a, entry] of lastAgent) {
      m.computeAgent(a, nowMs);
      entry.agent = { agentId: a.agentId, teamId: a.teamId, json: m.agentJson(a) };
    }
    for (const [t, entry] of lastTeam) {
      entry.team = { teamId: t.teamId, json: JSON.stringify(m.computeTeam(t, nowMs)) };
    }
    for (const [c, entry] of lastCampaign) {
      entry.interval = {
        json: JSON.stringify(
          m.computeCampaign(c, nowMs, m.settings.slaSeconds, m.settings.targetServiceLevel),
        ),
      };
    }
    if (entries.length > 0) this.version++;
    for (const entry of entries) this.ring.push(entry);
    if (this.ring.length > RING_SIZE) {
      const dropped = this.ring.splice(0, this.ring.length - RING_SIZE);
      this.ringFrom = dropped[dropped.length - 1].id;
    }
    if (this.recentRaw.length > 2 * EVENT_BATCH)
      this.recentRaw = this.recentRaw.slice(-EVENT_BATCH);
    // one write per stream per batch
    for (const c of this.clients) {
      let out = '';
      for (const entry of entries) out += this.message(c, entry);
      if (out) c.res.write(out);
    }
  }

  // ------------------------------------------------------------------ streams

  /**
   * Opens a stream. `after` is the last event the page has (from the snapshot, or the
   * browser's `Last-Event-ID` on a reconnect): the messages after it are sent first, in order,
   * then live ones; if they are no longer held, a `reset` tells the page to reload its snapshot.
   */
  async open(
    user: AuthUser,
    res: Response,
    after: number | null,
    catchUpOnly: boolean,
  ): Promise<void> {
    const m = await this.current();
    const audience = audienceOf(user);
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    res.write(`retry: 1000\n\n`);
    const client: StreamClient = { res, audience, cursor: after ?? this.broadcastHead };
    if (after !== null && after < this.ringFrom) {
      res.write(
        `id: ${this.broadcastHead}\nevent: reset\ndata: ${JSON.stringify({ type: 'reset', eventId: this.broadcastHead })}\n\n`,
      );
      client.cursor = this.broadcastHead;
    } else {
      let out = '';
      for (const entry of this.ring) {
        if (entry.id > client.cursor) out += this.message(client, entry);
      }
      if (out) res.write(out);
    }
    void m;
    if (catchUpOnly) {
      res.write(`id: ${Math.max(client.cursor, this.broadcastHead)}\nevent: ping\ndata: {}\n\n`);
      res.end();
      return;
    }
    this.clients.add(client);
    res.on('close', () => this.clients.delete(client));
  }

  /** The SSE message of one ring entry for one stream ('' when it has nothing for it). */
  private message(c: StreamClient, e: RingEntry): string {
    if (e.id <= c.cursor) return '';
    c.cursor = e.id;
    const parts: string[] = [];
    const a = c.audience;
    const seesTeam = (teamId: number) =>
      a.kind === 'staff' ? a.teamIds === 'all' || a.teamIds.includes(teamId) : a.teamId === teamId;
    if (
      e.agent &&
      (a.kind === 'staff' ? seesTeam(e.agent.teamId) : a.agentId === e.agent.agentId)
    ) {
      parts.push(`"agent":${e.agent.json}`);
    }
    if (e.team && seesTeam(e.team.teamId)) parts.push(`"team":${e.team.json}`);
    if (e.interval && a.kind === 'staff') parts.push(`"interval":${e.interval.json}`);
    if (
      e.released &&
      (a.kind === 'staff' ? seesTeam(e.released.teamId) : a.agentId === e.released.agentId)
    ) {
      parts.push(`"released":${e.released.json}`);
    }
    if (parts.length === 0) return '';
    return `id: ${e.id}\nevent: floor\ndata: {"eventId":${e.id},${parts.join(',')}}\n\n`;
  }

  private heartbeat(): void {
    for (const c of this.clients) {
      c.cursor = Math.max(c.cursor, this.broadcastHead);
      c.res.write(`id: ${c.cursor}\nevent: ping\ndata: {}\n\n`);
    }
  }

  /** Open streams of this process (for tests and the bench). */
  get streamCount(): number {
    return this.clients.size;
  }

  // ------------------------------------------------------------------ snapshots

  /**
   * `GET /api/floor`: built once per view (the caller's teams and filters) and shared by every
   * caller of that view until the floor changes (an event, the clock tick, a reload). Then one
   * build runs while callers keep getting the previous body if it is under half a second old
   * (its `eventId` says what it holds; the page streams everything after it); older, they wait
   * for the build. Rows are serialised once per computation and the body is assembled from
   * those strings.
   */
  async snapshotBody(
    user: AuthUser,
    teamCode?: string,
    campaignCode?: string,
  ): Promise<CachedSnapshot> {
    const key = `${user.teamIds === 'all' ? 'all' : user.teamIds.join(',')}|${teamCode ?? ''}|${campaignCode ?? ''}`;
    const hit = this.snapshots.get(key);
    if (hit && hit.version === this.version) return hit;
    let build = this.building.get(key);
    if (!build) {
      build = this.buildSnapshot(user, teamCode, campaignCode)
        .then((b) => {
          this.snapshots.set(key, b);
          return b;
        })
        .finally(() => this.building.delete(key));
      this.building.set(key, build);
    }
    return hit && Date.now() - hit.builtAt < SNAPSHOT_STALE_MS ? hit : build;
  }

  private async buildSnapshot(
    user: AuthUser,
    teamCode?: string,
    campaignCode?: string,
  ): Promise<CachedSnapshot> {
    const m = await this.current();
    const sees = (teamId: number) => user.teamIds === 'all' || user.teamIds.includes(teamId);
    const teams = [...m.teams.values()].filter(
      (t) => sees(t.teamId) && (!teamCode || t.teamCode === teamCode),
    );
    const teamIds = new Set(teams.map((t) => t.teamId));
    const agents: string[] = [];
    for (const a of m.agents.values()) {
      if (!teamIds.has(a.teamId) || a.row === null) continue;
      if (campaignCode && !a.row.campaignCodes.includes(campaignCode)) continue;
      agents.push(m.agentJson(a));
    }
    const intervals = [...m.campaigns.values()]
      .filter((c) => c.row !== null && (!campaignCode || c.campaignCode === campaignCode))
      .filter(
        (c) =>
          c.row &&
          (c.row.offered > 0 ||
            c.row.agentsOnShift > 0 ||
            c.day.callsHandled > 0 ||
            c.quotas.length > 0),
      )
      .map((c) => c.row as FloorIntervalDto);
    const json = Buffer.from(
      `{"asOf":${JSON.stringify(new Date().toISOString())},"eventId":${this.broadcastHead},` +
        `"agents":[${agents.join(',')}],"teams":${JSON.stringify(teams.map((t) => t.row as FloorTeamDto))},` +
        `"intervals":${JSON.stringify(intervals)},"settings":${JSON.stringify(m.settings)}}`,
    );
    const version = this.version;
    const br = await brotliAsync(json, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 1,
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length,
      },
    });
    let gz: Promise<Buffer> | null = null;
    return {
      builtAt: Date.now(),
      version,
      json,
      br,
      gz: () => (gz ??= gzipAsync(json, { level: 6 })),
    };
  }

  /** The snapshot as an object (what `GET /api/floor` sends). */
  async snapshot(user: AuthUser, teamCode?: string, campaignCode?: string): Promise<FloorSnapshot> {
    return JSON.parse((await this.snapshotBody(user, teamCode, campaignCode)).json.toString());
  }

  async myDay(user: AuthUser): Promise<MyDayDto> {
    const m = await this.current();
    const agentId = user.agentId as number;
    const a = m.agents.get(agentId);
    const teamId = a?.teamId ?? m.members.get(agentId)?.teamId;
    const team = teamId === undefined ? null : (m.teams.get(teamId)?.row ?? null);
    const row = a?.row ?? null;
    let goalInReach: boolean | null = null;
    if (row?.dailyGoal) {
      goalInReach =
        row.dailyGoal.met ||
        row.quotas
          .filter(
            (q) =>
              q.comparator === 'at_least' &&
              ['calls_handled', 'sales', 'saves', 'resolved'].includes(q.metric) &&
              q.period !== 'week',
          )
          .every((q) => q.met || (q.projected !== null && q.projected >= q.target));
    }
    const names: { full_name: string }[] = await this.db.query(
      `SELECT full_name FROM agent WHERE id = $1`,
      [agentId],
    );
    return {
      asOf: new Date().toISOString(),
      eventId: this.broadcastHead,
      employeeCode: user.employeeCode ?? '',
      fullName: names[0]?.full_name ?? '',
      onShift: row,
      team,
      goalInReach,
    };
  }

  /** The current row of an agent on shift (for release checks), recomputed at now. */
  async agentRow(agentId: number): Promise<FloorAgentDto | null> {
    const m = await this.current();
    const a = m.agents.get(agentId);
    return a ? m.computeAgent(a, Date.now()) : null;
  }
}

function audienceOf(user: AuthUser): Audience {
  if (user.role === 'agent') {
    return {
      kind: 'agent',
      agentId: user.agentId as number,
      teamId: user.teamIds === 'all' ? null : (user.teamIds[0] ?? null),
    };
  }
  return { kind: 'staff', teamIds: user.teamIds };
}

interface SumCols {
  calls_handled: number;
  handle_seconds: string | number;
  hostile: number;
  sales: number;
  saves: number;
  resolved: number;
  qa_sum: number;
  qa_count: number;
  csat_sum: number;
  csat_count: number;
}
interface RosterRow extends SumCols {
  shift_id: string;
  agent_id: number;
  start_at: Date;
  end_at: Date;
  break_minutes: number;
  kind: string;
  employee_code: string;
  full_name: string;
  team_id: number;
  hire_date: string;
  contract_hours: number;
  team_code: string;
  team_name: string;
  tz: string;
  today: string;
  last_call_end: Date | null;
  hostile_streak: number;
  last_break_end: Date | null;
}
interface MemberSumRow extends SumCols {
  agent_id: number;
  team_id: number;
  local_date: string;
  campaign_id: number;
}
interface WeekShiftRow {
  id: string;
  agent_id: number;
  team_id: number;
  start_at: Date;
  end_at: Date;
  break_minutes: number;
  status: WorkShift['status'];
  kind: WorkShift['kind'];
  actual_start: Date | null;
  actual_end: Date | null;
  send_home_reason: WorkShift['sendHomeReason'];
  send_home_at: Date | null;
  local_date: string;
}
interface CampaignRow extends SumCols {
  id: number;
  campaign_code: string;
  name: string;
  tz: string;
  today: string;
  bucket: Date;
  monday: string;
  week_calls_handled: number;
  week_sales: number;
  week_saves: number;
  week_resolved: number;
  week_handle_seconds: string;
  week_csat_sum: number;
  week_csat_count: number;
  week_qa_sum: number;
  week_qa_count: number;
  i_offered: number;
  i_answered: number;
  i_abandoned: number;
  i_inbound_answered: number;
  i_sla: Record<string, [number, number]> | null;
}

function sumsOf(r: SumCols): QuotaSums {
  return {
    callsHandled: Number(r.calls_handled ?? 0),
    handleSeconds: Number(r.handle_seconds ?? 0),
    hostile: Number(r.hostile ?? 0),
    sales: Number(r.sales ?? 0),
    saves: Number(r.saves ?? 0),
    resolved: Number(r.resolved ?? 0),
    qaSum: Number(r.qa_sum ?? 0),
    qaCount: Number(r.qa_count ?? 0),
    csatSum: Number(r.csat_sum ?? 0),
    csatCount: Number(r.csat_count ?? 0),
  };
}

function add(a: QuotaSums, b: QuotaSums): QuotaSums {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof QuotaSums)[]) out[k] += b[k];
  return out;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Shifts that are (or were) to be worked; a goal-met release ends its scheduled time early. */
function countsForPacing(s: WeekShiftRow): boolean {
  return s.status === 'scheduled' || s.status === 'worked' || s.status === 'sent_home';
}

function spanOf(s: WeekShiftRow): ScheduledSpan {
  const startMs = new Date(s.start_at).getTime();
  const endMs = new Date(s.end_at).getTime();
  const cut =
    s.status === 'sent_home' && s.send_home_at
      ? Math.min(endMs, new Date(s.send_home_at).getTime())
      : endMs;
  return { startMs, endMs: Math.max(startMs, cut) };
}

function workShiftOf(s: WeekShiftRow): WorkShift {
  return {
    start: new Date(s.start_at).getTime(),
    end: new Date(s.end_at).getTime(),
    breakMinutes: s.break_minutes,
    status: s.status,
    kind: s.kind,
    actualStart: s.actual_start ? new Date(s.actual_start).getTime() : null,
    actualEnd: s.actual_end ? new Date(s.actual_end).getTime() : null,
    sendHomeReason: s.send_home_reason,
    sendHomeAt: s.send_home_at ? new Date(s.send_home_at).getTime() : null,
  };
}
