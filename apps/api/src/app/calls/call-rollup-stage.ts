import { ROLLUP_MEASURE_COUNT as MEASURE_COUNT, ROLLUP_MEASURE_NAMES } from '@floorwise/analytics';
import { RollupGroups } from './call-chunk';
import { rollupUpdateSql } from './call-rollups.sql';
import { CopyBinaryWriter } from './copy-binary';
import { BUCKET_MS } from './local-slot';

/**
 * The rollup deltas of an import chunk, computed in Node (call-chunk.ts), on their way into the
 * four rollups. Groups that may already hold calls — from an earlier chunk, another import or the
 * live path — are binary-copied into a temporary stage table and added by
 * `INSERT … ON CONFLICT DO UPDATE SET x = x + EXCLUDED.x`. Groups in 15-minute buckets that no
 * rollup holds yet and no earlier chunk of the import wrote (the usual case: a file of new calls
 * in time order) are binary-copied straight into the rollups, which costs about half as much.
 * Rows are written in the order of each rollup's primary key, which keeps the index inserts on
 * few pages.
 */
const ROLLUP_MEASURE_COUNT = MEASURE_COUNT;
const MEASURES = ROLLUP_MEASURE_NAMES.join(', ');

/**
 * The measures stored as bigint in the rollups (sums of seconds and of cents); every other one is
 * an integer count (1763900100000-calls.ts; calls.int-spec.ts checks the two agree).
 */
export const BIGINT_MEASURES: ReadonlySet<string> = new Set([
  'queue_answered',
  'handle_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
  'sale_cents',
]);
const MEASURE_IS_BIGINT = Uint8Array.from(ROLLUP_MEASURE_NAMES, (m) =>
  BIGINT_MEASURES.has(m) ? 1 : 0,
);
const MEASURE_DDL = ROLLUP_MEASURE_NAMES.map(
  (m) => `${m} ${BIGINT_MEASURES.has(m) ? 'bigint' : 'integer'}`,
).join(', ');

interface StageSpec {
  stage: string;
  rollup: string;
  constraint: string;
  /** Columns before the measures, with their types, in COPY order. */
  columns: [string, string][];
}

const STAGES = {
  r15: {
    stage: 'call_stage_r15',
    rollup: 'call_rollup_15m',
    constraint: 'pk_call_rollup_15m',
    columns: [
      ['agent_id', 'integer'],
      ['interval_start', 'timestamptz'],
      ['campaign_id', 'integer'],
      ['team_id', 'integer'],
      ['local_date', 'date'],
      ['local_minute', 'smallint'],
    ],
  },
  day: {
    stage: 'call_stage_day',
    rollup: 'call_rollup_day',
    constraint: 'pk_call_rollup_day',
    columns: [
      ['local_date', 'date'],
      ['campaign_id', 'integer'],
      ['agent_id', 'integer'],
      ['team_id', 'integer'],
    ],
  },
  team: {
    stage: 'call_stage_team',
    rollup: 'call_rollup_team_15m',
    constraint: 'pk_call_rollup_team_15m',
    columns: [
      ['interval_start', 'timestamptz'],
      ['campaign_id', 'integer'],
      ['team_id', 'integer'],
      ['local_date', 'date'],
      ['local_minute', 'smallint'],
    ],
  },
  campaign: {
    stage: 'call_stage_campaign',
    rollup: 'call_rollup_campaign_15m',
    constraint: 'pk_call_rollup_campaign_15m',
    columns: [
      ['campaign_id', 'integer'],
      ['interval_start', 'timestamptz'],
      ['local_date', 'date'],
      ['local_minute', 'smallint'],
    ],
  },
} satisfies Record<string, StageSpec>;

export type StageName = keyof typeof STAGES;
export const STAGE_NAMES = Object.keys(STAGES) as StageName[];

/** The temporary stage tables (dropped with the import's transaction). */
export const CREATE_ROLLUP_STAGES: string[] = STAGE_NAMES.map((n) => {
  const s: StageSpec = STAGES[n];
  return `CREATE TEMP TABLE ${s.stage} (${s.columns.map(([c, t]) => `${c} ${t}`).join(', ')}, ${MEASURE_DDL}) ON COMMIT DROP`;
});

/** COPY into a stage, or (`direct`) straight into its rollup: the same columns and types. */
export function copyStageSql(name: StageName, direct = false): string {
  const s: StageSpec = STAGES[name];
  return `COPY ${direct ? s.rollup : s.stage} (${s.columns.map(([c]) => c).join(', ')}, ${MEASURES}) FROM STDIN WITH (FORMAT binary)`;
}

/**
 * Of the probes (campaign `$1`, bucket range [`$2`, `$3`], in 15-minute buckets since 2000-01-01),
 * the positions (from 1) of those whose range holds any rollup group already: every call adds to
 * the campaign × 15-minute rollup as to the agent and team ones, so its primary key (campaign
 * first) answers for all three, one index probe each.
 */
export const PROBES_HOLDING = `SELECT u.i::int AS i FROM unnest($1::int[], $2::int[], $3::int[]) WITH ORDINALITY AS u(c, lo, hi, i)
  WHERE EXISTS (SELECT 1 FROM call_rollup_campaign_15m r
    WHERE r.campaign_id = u.c
      AND r.interval_start BETWEEN TIMESTAMPTZ '2000-01-01 00:00:00+00' + u.lo * INTERVAL '15 minutes'
                               AND TIMESTAMPTZ '2000-01-01 00:00:00+00' + u.hi * INTERVAL '15 minutes')`;

/** Adds a stage to its rollup. */
export function applyStageSql(name: StageName): string {
  const s: StageSpec = STAGES[name];
  const cols = `${s.columns.map(([c]) => c).join(', ')}, ${MEASURES}`;
  return `INSERT INTO ${s.rollup} (${cols}) SELECT ${cols} FROM ${s.stage}
    ON CONFLICT ON CONSTRAINT ${s.constraint} DO UPDATE SET ${rollupUpdateSql(s.rollup)}`;
}

export const TRUNCATE_ROLLUP_STAGES = `TRUNCATE ${STAGE_NAMES.map((n) => STAGES[n].stage).join(', ')}`;

/** µs since 2000-01-01 of a 15-minute bucket number (buckets counted from 2000-01-01). */
function bucketMicros(bucket: number): number {
  return bucket * BUCKET_MS * 1000;
}

function measures(w: CopyBinaryWriter, g: RollupGroups, s: number): void {
  const base = s * ROLLUP_MEASURE_COUNT;
  const sums = g.sums;
  for (let m = 0; m < ROLLUP_MEASURE_COUNT; m++) {
    if (MEASURE_IS_BIGINT[m] === 1) {
      w.int8(sums[base + m]);
    } else {
      w.int4(sums[base + m]);
    }
  }
}

/** A bucket range of one campaign to look for stored rollup groups in. */
export interface Probe {
  campaign: number;
  lo: number;
  hi: number;
}

/** How a campaign's groups of one rollup write go in (see `RollupLedger`). */
type Way = { kind: 'keys' } | { kind: 'from'; from: number } | { kind: 'staged' };

/**
 * What one import has written into the rollups, so each group of a later write can go straight
 * in by COPY when nothing can hold its key yet, and through a stage and an upsert otherwise. Per
 * campaign, a write's bucket range is probed outside the buckets this import wrote (`probes`):
 *
 * - nothing there, and nothing found at any earlier write (`keys`): only this import wrote the
 *   campaign's groups of the range, so a group goes straight in unless this import may have
 *   written its key — a bucket at or before the latest this import wrote for the same agent (the
 *   agent rollup), team (the team rollup) or campaign (the campaign rollup). A file sorted by day
 *   and then by agent, as exports often are, comes back to the same buckets chunk after chunk for
 *   later agents; those groups still go straight in.
 * - stored groups found, now or before (the campaign is then `mixed` for the rest of the import):
 *   only buckets after the latest this import wrote for the campaign go straight in, when the
 *   probe found nothing there (`from`); else everything goes through the stages (`staged`).
 *
 * The primary keys still decide: a group that another writer commits between a probe and the
 * COPY makes the COPY fail, and the import is rolled back whole with a conflict (sent again, its
 * probes find that group and stage it). The day rollup always goes through its stage.
 */
export class RollupLedger {
  /** Per campaign, the bucket range this import wrote and whether others' groups were found. */
  private readonly own = new Map<number, { first: number; last: number; mixed: boolean }>();
  /** Per campaign, per agent (agent rollup) and per team (team rollup): the latest bucket written. */
  private readonly agentLast = new Map<number, Map<number, number>>();
  private readonly teamLast = new Map<number, Map<number, number>>();
  private readonly ways = new Map<number, Way>();
  /** Per probe of the current write: its campaign and whether it lies before this import's range. */
  private probed: { campaign: number; before: boolean }[] = [];

  /** The ranges to probe for a write whose campaigns span `ranges`. */
  probes(ranges: ReadonlyMap<number, { lo: number; hi: number }>): Probe[] {
    const out: Probe[] = [];
    this.probed = [];
    const add = (campaign: number, lo: number, hi: number, before: boolean) => {
      if (lo <= hi) {
        out.push({ campaign, lo, hi });
        this.probed.push({ campaign, before });
      }
    };
    for (const [c, r] of ranges) {
      const o = this.own.get(c);
      if (o === undefined) {
        add(c, r.lo, r.hi, false);
        continue;
      }
      if (!o.mixed) {
        add(c, r.lo, Math.min(r.hi, o.first - 1), true);
      }
      add(c, Math.max(r.lo, o.last + 1), r.hi, false);
    }
    return out;
  }

  /** Each campaign's way for this write, from the positions (from 1) of the probes that found groups. */
  decide(ranges: ReadonlyMap<number, { lo: number; hi: number }>, held: ReadonlySet<number>): void {
    this.ways.clear();
    const before = new Set<number>();
    const after = new Set<number>();
    this.probed.forEach((p, k) => {
      if (held.has(k + 1)) {
        (p.before ? before : after).add(p.campaign);
      }
    });
    for (const c of ranges.keys()) {
      const o = this.own.get(c);
      if (o !== undefined && (before.has(c) || after.has(c))) {
        o.mixed = true;
      }
      if (o === undefined) {
        this.ways.set(c, after.has(c) ? { kind: 'staged' } : { kind: 'keys' });
      } else if (!o.mixed) {
        this.ways.set(c, { kind: 'keys' });
      } else {
        this.ways.set(c, after.has(c) ? { kind: 'staged' } : { kind: 'from', from: o.last + 1 });
      }
    }
  }

  /** Whether a group goes straight into its rollup (agent rollup: k1 agent, k2 bucket, k3 campaign). */
  agentDirect(agent: number, bucket: number, campaign: number): boolean {
    return this.direct(bucket, campaign, this.agentLast.get(campaign)?.get(agent));
  }

  /** Team rollup: team, bucket, campaign. */
  teamDirect(team: number, bucket: number, campaign: number): boolean {
    return this.direct(bucket, campaign, this.teamLast.get(campaign)?.get(team));
  }

  /** Campaign rollup. */
  campaignDirect(bucket: number, campaign: number): boolean {
    return this.direct(bucket, campaign, this.own.get(campaign)?.last);
  }

  private direct(bucket: number, campaign: number, lastOfKey: number | undefined): boolean {
    const way = this.ways.get(campaign);
    if (way === undefined || way.kind === 'staged') {
      return false;
    }
    if (way.kind === 'from') {
      return bucket >= way.from;
    }
    return lastOfKey === undefined || bucket > lastOfKey;
  }

  /** Takes a written write's groups into the ledger (`r15`: agent, bucket, campaign; team groups). */
  record(
    ranges: ReadonlyMap<number, { lo: number; hi: number }>,
    r15: RollupGroups,
    team: RollupGroups,
  ): void {
    for (const [c, r] of ranges) {
      const o = this.own.get(c);
      if (o === undefined) {
        const mixed = this.ways.get(c)?.kind === 'staged';
        this.own.set(c, { first: r.lo, last: r.hi, mixed });
      } else {
        o.first = Math.min(o.first, r.lo);
        o.last = Math.max(o.last, r.hi);
      }
    }
    const later = (m: Map<number, Map<number, number>>, c: number, key: number, b: number) => {
      let byKey = m.get(c);
      if (byKey === undefined) {
        byKey = new Map();
        m.set(c, byKey);
      }
      const was = byKey.get(key);
      if (was === undefined || b > was) {
        byKey.set(key, b);
      }
    };
    for (let s = 0; s < r15.size; s++) {
      later(this.agentLast, r15.k3[s], r15.k1[s], r15.k2[s]);
    }
    for (let s = 0; s < team.size; s++) {
      later(this.teamLast, team.k2[s], team.k3[s], team.k1[s]);
    }
  }
}

/**
 * The four stages' binary COPY data from a chunk's agent × campaign × 15-minute groups
 * (k1 agent, k2 bucket, k3 campaign): the agent × campaign × day, team × campaign × 15-minute and
 * campaign × 15-minute groups are re-summed from them, as `mergeSql` does in SQL for live calls —
 * team = max(team), local date and slot = their minimum over the group.
 */
export class RollupStageWriter {
  private readonly day = new RollupGroups(1024);
  /** The team × campaign × 15-minute groups of the last `derive` (k1 bucket, k2 campaign, k3 team). */
  readonly team = new RollupGroups(1024);
  private readonly campaign = new RollupGroups(1024);
  private readonly writer = new CopyBinaryWriter(1 << 20);

  /** Derives the coarser groups; call once per chunk before `encode`. */
  derive(r15: RollupGroups): void {
    this.day.clear();
    this.team.clear();
    this.campaign.clear();
    for (let s = 0; s < r15.size; s++) {
      const agent = r15.k1[s];
      const bucket = r15.k2[s];
      const campaign = r15.k3[s];
      const team = r15.team[s];
      const day = r15.day[s];
      const minute = r15.minute[s];
      this.day.addFrom(this.day.slot(day, campaign, agent, team, day, 0), r15, s);
      this.team.addFrom(this.team.slot(bucket, campaign, team, 0, day, minute), r15, s);
      this.campaign.addFrom(this.campaign.slot(campaign, bucket, 0, 0, day, minute), r15, s);
    }
  }

  /** Each campaign's earliest and latest 15-minute bucket among the chunk's groups. */
  bucketRanges(r15: RollupGroups): Map<number, { lo: number; hi: number }> {
    const ranges = new Map<number, { lo: number; hi: number }>();
    for (let s = 0; s < r15.size; s++) {
      const b = r15.k2[s];
      const r = ranges.get(r15.k3[s]);
      if (!r) {
        ranges.set(r15.k3[s], { lo: b, hi: b });
      } else if (b < r.lo) {
        r.lo = b;
      } else if (b > r.hi) {
        r.hi = b;
      }
    }
    return ranges;
  }

  /**
   * One stage's COPY data (a view, valid until the next call), or null when it has no row: the
   * groups the ledger sends `direct`ly into the rollup, or the others, through the stage (the day
   * rollup: every group, always through its stage).
   */
  encode(name: StageName, r15: RollupGroups, direct: boolean, ledger: RollupLedger): Buffer | null {
    const w = this.writer;
    w.reset();
    let rows = 0;
    if (name === 'day' && direct) {
      return null;
    }
    const nullable = (v: number) => (v === 0 ? w.nul() : w.int4(v));
    if (name === 'r15') {
      for (const s of r15.order()) {
        if (ledger.agentDirect(r15.k1[s], r15.k2[s], r15.k3[s]) !== direct) {
          continue;
        }
        rows += 1;
        w.row(6 + ROLLUP_MEASURE_COUNT);
        w.int4(r15.k1[s]);
        w.int8(bucketMicros(r15.k2[s]));
        w.int4(r15.k3[s]);
        nullable(r15.team[s]);
        w.int4(r15.day[s]);
        w.int2(r15.minute[s]);
        measures(w, r15, s);
      }
    } else if (name === 'day') {
      const g = this.day;
      for (const s of g.order()) {
        rows += 1;
        w.row(4 + ROLLUP_MEASURE_COUNT);
        w.int4(g.k1[s]);
        w.int4(g.k2[s]);
        w.int4(g.k3[s]);
        nullable(g.team[s]);
        measures(w, g, s);
      }
    } else if (name === 'team') {
      const g = this.team;
      for (const s of g.order()) {
        if (ledger.teamDirect(g.k3[s], g.k1[s], g.k2[s]) !== direct) {
          continue;
        }
        rows += 1;
        w.row(5 + ROLLUP_MEASURE_COUNT);
        w.int8(bucketMicros(g.k1[s]));
        w.int4(g.k2[s]);
        w.int4(g.k3[s]);
        w.int4(g.day[s]);
        w.int2(g.minute[s]);
        measures(w, g, s);
      }
    } else {
      const g = this.campaign;
      for (const s of g.order()) {
        if (ledger.campaignDirect(g.k2[s], g.k1[s]) !== direct) {
          continue;
        }
        rows += 1;
        w.row(4 + ROLLUP_MEASURE_COUNT);
        w.int4(g.k1[s]);
        w.int8(bucketMicros(g.k2[s]));
        w.int4(g.day[s]);
        w.int2(g.minute[s]);
        measures(w, g, s);
      }
    }
    return rows === 0 ? null : w.finish();
  }
}
