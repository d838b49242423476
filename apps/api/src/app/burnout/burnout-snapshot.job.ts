import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import type { BurnoutJobStatus, BurnoutRecomputeResult } from '@floorwise/contracts';
import { Env, ENV } from '../../config/env';
import { BurnoutCalculator, plusDays, SnapshotRow } from './burnout-calculator';
import { BurnoutConfigService } from './burnout-config.service';
import {
  CLEAR_DIRTY_SQL,
  DIRTY_SQL,
  DROP_UNEMPLOYED_SQL,
  EMPLOYED_AGENT_IDS_SQL,
  SITE_YESTERDAYS_SQL,
  WORK_LIST_SQL,
} from './burnout.sql';
import { yieldToServer } from '../common/yield-to-server';

/** Agent-dates computed per transaction (one load of three queries, one write). */
const CHUNK_AGENT_DATES = 3000;
/** Longest stretch of computing before the job lets the server answer requests. */
const SLICE_MS = 25;

export interface PassResult {
  skipped?: 'stopped';
  agents: number;
  snapshots: number;
  ms: number;
}

/**
 * The daily burnout snapshots (metrics.md §5 index of every agent every day), kept by an
 * incremental job: every minute (and at start) it asks the database what is missing or stale — the new day,
 * the history of the last `BURNOUT_HISTORY_DAYS` days, agents whose data changed since their
 * snapshot (the `burnout_dirty` marks written by triggers), snapshots of an older configuration —
 * and computes only that, in chunks, yielding to the server between slices of work. Stateless and
 * so resumable: a pass cut short leaves its work in the list for the next one.
 */
@Injectable()
export class BurnoutSnapshotJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BurnoutSnapshotJob.name);
  private pass: Promise<PassResult> | null = null;
  private stopped = false;
  private enabled: boolean;
  private lastRun: BurnoutJobStatus['lastRun'] = null;

  constructor(
    private readonly db: DataSource,
    private readonly calculator: BurnoutCalculator,
    private readonly configs: BurnoutConfigService,
    @Inject(ENV) private readonly env: Env,
  ) {
    this.enabled = env.BURNOUT_JOB;
  }

  onApplicationBootstrap(): void {
    if (this.enabled) {
      setTimeout(() => void this.kick(), 2000).unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.pass?.catch(() => undefined);
  }

  @Cron(CronExpression.EVERY_MINUTE, { name: 'burnout-snapshots' })
  tick(): void {
    if (this.enabled) {
      void this.kick();
    }
  }

  /** Starts a pass unless one is running (then joins it). */
  kick(): Promise<PassResult> {
    if (!this.pass) {
      this.pass = this.runPass()
        .catch((e: unknown) => {
          if (!this.stopped) {
            this.logger.error(`burnout snapshots failed: ${e instanceof Error ? e.message : e}`);
          }
          return { agents: 0, snapshots: 0, ms: 0 };
        })
        .finally(() => {
          this.pass = null;
        });
    }
    return this.pass;
  }

  /** Runs passes until nothing is left (tests and the recompute endpoint). */
  async drain(): Promise<PassResult> {
    const total: PassResult = { agents: 0, snapshots: 0, ms: 0 };
    for (let i = 0; i < 20; i += 1) {
      await this.pass?.catch(() => undefined);
      const r = await this.runPassNow();
      total.agents += r.agents;
      total.snapshots += r.snapshots;
      total.ms += r.ms;
      if (r.snapshots === 0 || r.skipped) {
        return { ...total, ...(r.skipped ? { skipped: r.skipped } : {}) };
      }
    }
    return total;
  }

  private runPassNow(): Promise<PassResult> {
    if (!this.pass) {
      this.pass = this.runPass().finally(() => {
        this.pass = null;
      });
    }
    return this.pass;
  }

  /** The last complete local day at every site: the earliest of the sites' yesterdays. */
  async latestAsOf(): Promise<string> {
    const rows: { d: string }[] = await this.db.query(SITE_YESTERDAYS_SQL);
    if (rows.length === 0) {
      return plusDays(new Date().toISOString().slice(0, 10), -1);
    }
    return rows.map((r) => r.d).sort()[0];
  }

  async status(): Promise<BurnoutJobStatus> {
    const [{ dirty, snapshots }]: { dirty: number; snapshots: number }[] = await this.db.query(
      `SELECT (SELECT count(*) FROM burnout_dirty)::int AS dirty,
              (SELECT count(*) FROM burnout_snapshot)::int AS snapshots`,
    );
    return {
      running: this.pass !== null,
      latestAsOf: await this.latestAsOf(),
      historyDays: this.env.BURNOUT_HISTORY_DAYS,
      configVersion: (await this.configs.current()).version,
      dirtyAgents: dirty,
      snapshots,
      lastRun: this.lastRun,
    };
  }

  private async runPass(): Promise<PassResult> {
    const t0 = Date.now();
    const startedAt = new Date().toISOString();
    const { version, config } = await this.configs.current();
    const latest = await this.latestAsOf();
    const from = plusDays(latest, -(this.env.BURNOUT_HISTORY_DAYS - 1));
    const dirtyRows: { agent_id: number; marked_at: string }[] = await this.db.query(DIRTY_SQL);
    const listed: { agent_id: number; dates: string[] }[] = await this.db.query(WORK_LIST_SQL, [
      from,
      latest,
      version,
    ]);
    // the newest day first for everyone (today's team view), then the history, newest first.
    // An import still running will mark what it changes when it commits; those dates are redone.
    const work = [
      ...listed
        .filter((w) => w.dates.includes(latest))
        .map((w) => ({ agent_id: w.agent_id, dates: [latest] })),
      ...listed
        .map((w) => ({ agent_id: w.agent_id, dates: w.dates.filter((d) => d !== latest) }))
        .filter((w) => w.dates.length > 0),
    ];
    if (dirtyRows.length > 0) {
      await this.db.query(DROP_UNEMPLOYED_SQL, [dirtyRows.map((d) => d.agent_id)]);
    }
    let snapshots = 0;
    let chunk: typeof work = [];
    let chunkDates = 0;
    const flush = async () => {
      if (chunk.length > 0) {
        snapshots += await this.computeChunk(chunk, version, config);
        chunk = [];
        chunkDates = 0;
      }
    };
    for (const w of work) {
      if (this.stopped) {
        return { skipped: 'stopped', agents: 0, snapshots, ms: Date.now() - t0 };
      }
      chunk.push(w);
      chunkDates += w.dates.length;
      if (chunkDates >= CHUNK_AGENT_DATES) {
        await flush();
      }
    }
    await flush();
    // marks read at the start are cleared unless a newer change re-marked the agent meanwhile
    if (dirtyRows.length > 0 && !this.stopped) {
      await this.db.query(CLEAR_DIRTY_SQL, [
        dirtyRows.map((d) => d.agent_id),
        dirtyRows.map((d) => d.marked_at),
      ]);
    }
    const ms = Date.now() - t0;
    if (snapshots > 0) {
      this.lastRun = {
        startedAt,
        finishedAt: new Date().toISOString(),
        agents: listed.length,
        snapshots,
        ms,
      };
      this.logger.log(`burnout snapshots: ${snapshots} for ${listed.length} agents in ${ms} ms`);
    }
    return { agents: listed.length, snapshots, ms };
  }

  private async computeChunk(
    chunk: { agent_id: number; dates: string[] }[],
    version: number,
    config: Parameters<BurnoutCalculator['compute']>[2],
  ): Promise<number> {
    const all = chunk.flatMap((c) => c.dates).sort();
    const inputs = await this.calculator.load(
      chunk.map((c) => c.agent_id),
      all[0],
      all[all.length - 1],
      config,
    );
    const rows: SnapshotRow[] = [];
    let slice = Date.now();
    for (const c of chunk) {
      const agent = inputs.get(c.agent_id);
      if (!agent) {
        continue;
      }
      for (const asOf of c.dates) {
        rows.push(
          this.calculator.toSnapshot(
            agent,
            asOf,
            version,
            this.calculator.compute(agent, asOf, config),
          ),
        );
        if (Date.now() - slice > SLICE_MS) {
          await yieldToServer();
          slice = Date.now();
        }
      }
    }
    await this.calculator.write(rows);
    return rows.length;
  }

  /**
   * Recomputes one as-of date for every agent employed on it (the admin's "recompute a day"; the
   * benchmark's full day): load, compute and write, each timed.
   */
  async computeDay(asOf: string): Promise<BurnoutRecomputeResult> {
    const t0 = Date.now();
    const { version, config } = await this.configs.current();
    const ids: { id: number }[] = await this.db.query(EMPLOYED_AGENT_IDS_SQL, [asOf, null]);
    const inputs = await this.calculator.load(
      ids.map((r) => r.id),
      asOf,
      asOf,
      config,
    );
    const t1 = Date.now();
    const rows: SnapshotRow[] = [];
    let slice = Date.now();
    for (const agent of inputs.values()) {
      rows.push(
        this.calculator.toSnapshot(
          agent,
          asOf,
          version,
          this.calculator.compute(agent, asOf, config),
        ),
      );
      if (Date.now() - slice > SLICE_MS) {
        await yieldToServer();
        slice = Date.now();
      }
    }
    const t2 = Date.now();
    await this.calculator.write(rows);
    const t3 = Date.now();
    return {
      asOf,
      agents: rows.length,
      ms: t3 - t0,
      loadMs: t1 - t0,
      computeMs: t2 - t1,
      writeMs: t3 - t2,
    };
  }
}
