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
 * Of the campaigns `$1` with bucket ranges [`$2`, `$3`] (15-minute buckets since 2000-01-01), those
 * whose range holds any rollup group already: every call adds to the campaign × 15-minute rollup
 * as to the agent and team ones, so its primary key (campaign first) answers for all three, one
 * index probe each.
 */
export const CAMPAIGNS_HOLDING = `SELECT u.c AS campaign_id FROM unnest($1::int[], $2::int[], $3::int[]) AS u(c, lo, hi)
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

/**
 * The four stages' binary COPY data from a chunk's agent × campaign × 15-minute groups
 * (k1 agent, k2 bucket, k3 campaign): the agent × campaign × day, team × campaign × 15-minute and
 * campaign × 15-minute groups are re-summed from them, as `mergeSql` does in SQL for live calls —
 * team = max(team), local date and slot = their minimum over the group.
 */
export class RollupStageWriter {
  private readonly day = new RollupGroups(1024);
  private readonly team = new RollupGroups(1024);
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
   * groups that go `direct`ly into the rollup — bucket at or after `freshFrom` of their campaign
   * — or the others, through the stage (the day rollup: every group, always through its stage).
   */
  encode(
    name: StageName,
    r15: RollupGroups,
    direct: boolean,
    freshFrom: ReadonlyMap<number, number>,
  ): Buffer | null {
    const w = this.writer;
    w.reset();
    let rows = 0;
    const skip = (bucket: number, campaign: number) => {
      const from = freshFrom.get(campaign);
      return (from !== undefined && bucket >= from) !== direct;
    };
    if (name === 'day' && direct) {
      return null;
    }
    const nullable = (v: number) => (v === 0 ? w.nul() : w.int4(v));
    if (name === 'r15') {
      for (const s of r15.order()) {
        if (skip(r15.k2[s], r15.k3[s])) {
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
        if (skip(g.k1[s], g.k2[s])) {
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
        if (skip(g.k2[s], g.k1[s])) {
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
