import { ROLLUP_SLA_THRESHOLDS_V1 } from '../../database/migrations/1763900100000-calls';

/**
 * The SQL side of metrics.md §1, in one place. Each rollup measure is a sum over the calls of a
 * group; the predicates mirror `callServiceIncrements` / `callSlaThresholdCounts` of
 * libs/analytics (answered = an agent and outcome ≠ abandoned; offered, abandoned, SL and ASA
 * count inbound calls only; hostile and handle time count answered calls), and a test checks the
 * two agree call by call.
 */
const ANSWERED = `(agent_id IS NOT NULL AND outcome <> 'abandoned')`;
const INBOUND_ANSWERED = `(${ANSWERED} AND direction = 'inbound')`;
const ABANDONED = `(direction = 'inbound' AND outcome = 'abandoned')`;

export const ROLLUP_MEASURES: readonly { column: string; expr: string }[] = [
  { column: 'calls', expr: 'count(*)' },
  { column: 'offered', expr: `count(*) FILTER (WHERE ${INBOUND_ANSWERED} OR ${ABANDONED})` },
  { column: 'answered', expr: `count(*) FILTER (WHERE ${ANSWERED})` },
  { column: 'abandoned', expr: `count(*) FILTER (WHERE ${ABANDONED})` },
  { column: 'inbound_answered', expr: `count(*) FILTER (WHERE ${INBOUND_ANSWERED})` },
  {
    column: 'queue_answered',
    expr: `coalesce(sum(queue_seconds) FILTER (WHERE ${INBOUND_ANSWERED}), 0)`,
  },
  {
    column: 'handle_seconds',
    expr: `coalesce(sum(talk_seconds + hold_seconds + wrap_seconds) FILTER (WHERE ${ANSWERED}), 0)`,
  },
  { column: 'talk_seconds', expr: `coalesce(sum(talk_seconds) FILTER (WHERE ${ANSWERED}), 0)` },
  { column: 'hold_seconds', expr: `coalesce(sum(hold_seconds) FILTER (WHERE ${ANSWERED}), 0)` },
  { column: 'wrap_seconds', expr: `coalesce(sum(wrap_seconds) FILTER (WHERE ${ANSWERED}), 0)` },
  { column: 'hostile', expr: `count(*) FILTER (WHERE ${ANSWERED} AND hostile)` },
  { column: 'resolved', expr: `count(*) FILTER (WHERE outcome = 'resolved')` },
  { column: 'sales', expr: `count(*) FILTER (WHERE outcome = 'sale')` },
  { column: 'saves', expr: `count(*) FILTER (WHERE outcome = 'save')` },
  {
    column: 'sale_cents',
    expr: `coalesce(sum(sale_amount_cents) FILTER (WHERE outcome = 'sale'), 0)`,
  },
  { column: 'qa_sum', expr: 'coalesce(sum(qa_score), 0)' },
  { column: 'qa_count', expr: 'count(qa_score)' },
  { column: 'csat_sum', expr: 'coalesce(sum(csat), 0)' },
  { column: 'csat_count', expr: 'count(csat)' },
  ...ROLLUP_SLA_THRESHOLDS_V1.flatMap((t) => [
    {
      column: `ans_le_${t}`,
      expr: `count(*) FILTER (WHERE ${INBOUND_ANSWERED} AND queue_seconds <= ${t})`,
    },
    {
      column: `abn_gt_${t}`,
      expr: `count(*) FILTER (WHERE ${ABANDONED} AND queue_seconds > ${t})`,
    },
  ]),
];

const COLS = ROLLUP_MEASURES.map((m) => m.column).join(', ');
const NAMED_EXPRS = ROLLUP_MEASURES.map((m) => `${m.expr} AS ${m.column}`).join(',\n      ');

/** The descriptive columns of each rollup besides its key: the largest team, the earliest date. */
const DESCRIPTIVE: Record<string, { greatest: string[]; least: string[] }> = {
  call_rollup_15m: { greatest: ['team_id'], least: ['local_date', 'local_minute'] },
  call_rollup_day: { greatest: ['team_id'], least: [] },
  call_rollup_team_15m: { greatest: [], least: ['local_date', 'local_minute'] },
  call_rollup_campaign_15m: { greatest: [], least: ['local_date', 'local_minute'] },
};

/**
 * The SET clause that adds a new group's sums to a rollup row holding the same key: measures add
 * up, and team (max), local date and slot (min) stay what one GROUP BY over all the group's calls
 * would give, whichever calls came first.
 */
export function rollupUpdateSql(table: string): string {
  const d = DESCRIPTIVE[table];
  if (!d) {
    throw new Error(`${table} is not a rollup`);
  }
  return [
    ...ROLLUP_MEASURES.map((m) => `${m.column} = ${table}.${m.column} + EXCLUDED.${m.column}`),
    ...d.greatest.map((c) => `${c} = GREATEST(${table}.${c}, EXCLUDED.${c})`),
    ...d.least.map((c) => `${c} = LEAST(${table}.${c}, EXCLUDED.${c})`),
  ].join(', ');
}
const ADD = rollupUpdateSql;

/** Local (site) date, 15-minute slot and UTC 15-minute bucket of `started_at` in zone `tz`. */
const LOCAL_DATE = `(started_at AT TIME ZONE tz)::date`;
const LOCAL_MINUTE = `(extract(hour FROM started_at AT TIME ZONE tz) * 60 + floor(extract(minute FROM started_at AT TIME ZONE tz) / 15) * 15)::smallint`;
const BUCKET = `date_bin('15 minutes', started_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')`;

/** The columns of a staged call, in COPY order. */
export const STAGE_COLUMNS = [
  'line',
  'call_id',
  'agent_id',
  'team_id',
  'campaign_id',
  'tz',
  'channel',
  'direction',
  'started_at',
  'queue_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
  'outcome',
  'sale_amount_cents',
  'hostile',
  'qa_score',
  'csat',
  'customer_hash',
  'customer_last4',
] as const;

export const STAGE_TYPES: Record<(typeof STAGE_COLUMNS)[number], string> = {
  line: 'integer',
  call_id: 'text',
  agent_id: 'integer',
  team_id: 'integer',
  campaign_id: 'integer',
  tz: 'text',
  channel: 'text',
  direction: 'text',
  started_at: 'timestamptz',
  queue_seconds: 'integer',
  talk_seconds: 'integer',
  hold_seconds: 'integer',
  wrap_seconds: 'integer',
  outcome: 'text',
  sale_amount_cents: 'integer',
  hostile: 'boolean',
  qa_score: 'smallint',
  csat: 'smallint',
  customer_hash: 'bytea',
  customer_last4: 'text',
};

export const CREATE_STAGE = `CREATE TEMP TABLE call_stage (${STAGE_COLUMNS.map(
  (c) => `${c} ${STAGE_TYPES[c]}`,
).join(', ')}) ON COMMIT DROP`;

/** The UTC months present in a staged source, to create their partitions first. */
export const STAGE_MONTHS = (source: string) =>
  `SELECT DISTINCT to_char(date_trunc('month', started_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month FROM ${source} s`;

/** Advisory lock key under which a month partition of `calls` is created. */
export const PARTITION_LOCK = 7264100;

/**
 * Creates the monthly partition of `calls` for `month` (`YYYY-MM`, UTC) when missing.
 * `CREATE TABLE IF NOT EXISTS … PARTITION OF` alone is not safe against a concurrent create (the
 * second writer fails with "already exists" when the first commits), which live `POST /api/calls`
 * writers hit at the first calls of every month: a writer that finds the partition missing takes
 * a transaction lock first, so the next one waits for that commit and then finds it there.
 */
export function createPartitionSql(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) {
    throw new Error(`bad partition month ${month}`);
  }
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const name = `calls_y${y}m${String(m).padStart(2, '0')}`;
  return `DO $$ BEGIN
    IF to_regclass('${name}') IS NULL THEN
      PERFORM pg_advisory_xact_lock(${PARTITION_LOCK});
      CREATE TABLE IF NOT EXISTS ${name} PARTITION OF calls
        FOR VALUES FROM ('${month}-01 00:00:00+00') TO ('${next}-01 00:00:00+00');
    END IF;
  END $$`;
}

/** The columns of `calls` the rollups read (RETURNING only these keeps the CTE narrow). */
const ROLLUP_INPUT = `started_at, agent_id, team_id, campaign_id, local_date, local_minute, direction,
  outcome, queue_seconds, talk_seconds, hold_seconds, wrap_seconds, hostile, sale_amount_cents,
  qa_score, csat`;

/** Re-sums finer rollup rows into a coarser rollup (every measure is additive). */
const RESUM = ROLLUP_MEASURES.map((m) => `sum(${m.column})`).join(', ');

/**
 * Moves staged calls into `calls` — skipping call ids already stored or repeated in the source
 * (the first occurrence wins) — and adds them to the four rollups, in one statement. The calls
 * are aggregated once, to agent × campaign × 15 minutes (the finest rollup); the day, team and
 * campaign rollups are re-summed from those groups, so the per-call predicates run once.
 * `source` is a table or a parenthesised subquery with the STAGE_COLUMNS.
 */
export function mergeSql(source: string): string {
  return `
  WITH fresh AS (
    INSERT INTO call_ids (call_id) SELECT call_id FROM ${source} s0
    ON CONFLICT DO NOTHING RETURNING call_id
  ), chosen AS (
    SELECT DISTINCT ON (s.call_id) s.* FROM ${source} s JOIN fresh USING (call_id)
    ORDER BY s.call_id, s.line
  ), ins AS (
    INSERT INTO calls (call_id, started_at, agent_id, team_id, campaign_id, local_date, local_minute,
      channel, direction, queue_seconds, talk_seconds, hold_seconds, wrap_seconds, outcome,
      sale_amount_cents, hostile, qa_score, csat, customer_hash, customer_last4)
    SELECT call_id, started_at, agent_id, team_id, campaign_id, ${LOCAL_DATE}, ${LOCAL_MINUTE},
      channel, direction, queue_seconds, talk_seconds, hold_seconds, wrap_seconds, outcome,
      sale_amount_cents, hostile, qa_score, csat, customer_hash, customer_last4
    FROM chosen
    RETURNING ${ROLLUP_INPUT}
  ), agg AS MATERIALIZED (
    SELECT ${BUCKET} AS interval_start, campaign_id, coalesce(agent_id, 0) AS agent_id,
      max(team_id) AS team_id, min(local_date) AS local_date, min(local_minute) AS local_minute,
      ${NAMED_EXPRS}
    FROM ins GROUP BY 1, 2, 3
  ), r15 AS (
    INSERT INTO call_rollup_15m (interval_start, campaign_id, agent_id, team_id, local_date, local_minute, ${COLS})
    SELECT interval_start, campaign_id, agent_id, team_id, local_date, local_minute, ${COLS} FROM agg
    ON CONFLICT ON CONSTRAINT pk_call_rollup_15m DO UPDATE SET ${ADD('call_rollup_15m')}
    RETURNING 1
  ), rday AS (
    INSERT INTO call_rollup_day (local_date, campaign_id, agent_id, team_id, ${COLS})
    SELECT local_date, campaign_id, agent_id, max(team_id), ${RESUM}
    FROM agg GROUP BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT pk_call_rollup_day DO UPDATE SET ${ADD('call_rollup_day')}
    RETURNING 1
  ), rteam AS (
    INSERT INTO call_rollup_team_15m (interval_start, campaign_id, team_id, local_date, local_minute, ${COLS})
    SELECT interval_start, campaign_id, coalesce(team_id, 0), min(local_date), min(local_minute), ${RESUM}
    FROM agg GROUP BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT pk_call_rollup_team_15m DO UPDATE SET ${ADD('call_rollup_team_15m')}
    RETURNING 1
  ), rcamp AS (
    INSERT INTO call_rollup_campaign_15m (interval_start, campaign_id, local_date, local_minute, ${COLS})
    SELECT interval_start, campaign_id, min(local_date), min(local_minute), ${RESUM}
    FROM agg GROUP BY 1, 2
    ON CONFLICT ON CONSTRAINT pk_call_rollup_campaign_15m DO UPDATE SET ${ADD('call_rollup_campaign_15m')}
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM ins)::int AS imported,
         (SELECT count(*) FROM r15)::int + (SELECT count(*) FROM rday)::int
           + (SELECT count(*) FROM rteam)::int + (SELECT count(*) FROM rcamp)::int AS rollup_rows`;
}
