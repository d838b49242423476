/**
 * Every SQL statement of the burnout feature, in one place. Sums and counts only: the index and
 * every ratio are computed by libs/analytics.
 */

/** Agents with what the index needs of them: contract, team, site zone and holidays. */
export const AGENTS_SQL = `
  SELECT a.id, a.employee_code, a.full_name, a.contract_hours, a.team_id, t.team_code,
         s.time_zone, s.holidays::text[] AS holidays,
         a.hire_date::text AS hire_date, a.termination_date::text AS termination_date
  FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id
  WHERE a.id = ANY($1::int[])`;

/** Agents employed on a date, optionally in some teams ($2 null: all). */
export const EMPLOYED_AGENT_IDS_SQL = `
  SELECT a.id FROM agent a
  WHERE a.hire_date <= $1::date AND (a.termination_date IS NULL OR a.termination_date >= $1::date)
    AND ($2::int[] IS NULL OR a.team_id = ANY($2::int[]))
  ORDER BY a.id`;

/**
 * Shifts of some agents starting between two local dates, with a margin of a day either way for
 * every zone ($2 = first local date, $3 = last local date).
 */
export const SHIFTS_SQL = `
  SELECT agent_id, shift_code, start_at, end_at, break_minutes, status, kind,
         actual_start, actual_end, send_home_reason, send_home_at
  FROM shift
  WHERE agent_id = ANY($1::int[])
    AND start_at >= ($2::date - 1)::timestamp AT TIME ZONE 'UTC'
    AND start_at < ($3::date + 2)::timestamp AT TIME ZONE 'UTC'
  ORDER BY agent_id, start_at`;

/**
 * {@link SHIFTS_SQL} with a range of local dates per agent: $1 agent ids, $2 first and $3 last
 * local dates (one row per agent).
 */
export const SHIFTS_RANGES_SQL = `
  SELECT s.agent_id, s.shift_code, s.start_at, s.end_at, s.break_minutes, s.status, s.kind,
         s.actual_start, s.actual_end, s.send_home_reason, s.send_home_at
  FROM unnest($1::int[], $2::date[], $3::date[]) AS r(agent_id, first_date, last_date)
  JOIN shift s ON s.agent_id = r.agent_id
    AND s.start_at >= (r.first_date - 1)::timestamp AT TIME ZONE 'UTC'
    AND s.start_at < (r.last_date + 2)::timestamp AT TIME ZONE 'UTC'
  ORDER BY s.agent_id, s.start_at`;

/** {@link DAILY_CALLS_SQL} with a range of local dates per agent ($1 ids, $2 first, $3 last). */
export const DAILY_CALLS_RANGES_SQL = `
  SELECT d.agent_id, d.local_date::text AS date,
         sum(d.answered)::int AS answered, sum(d.handle_seconds)::float8 AS handle_seconds,
         sum(d.hostile)::int AS hostile, sum(d.qa_sum)::float8 AS qa_sum,
         sum(d.qa_count)::int AS qa_count, sum(d.csat_sum)::float8 AS csat_sum,
         sum(d.csat_count)::int AS csat_count, sum(d.sales)::int AS sales,
         sum(d.saves)::int AS saves, sum(d.resolved)::int AS resolved
  FROM unnest($1::int[], $2::date[], $3::date[]) AS r(agent_id, first_date, last_date)
  JOIN call_rollup_day d ON d.agent_id = r.agent_id
    AND d.local_date BETWEEN r.first_date AND r.last_date
  GROUP BY d.agent_id, d.local_date`;

/** Daily call sums of some agents (all campaigns of a day together) between two local dates. */
export const DAILY_CALLS_SQL = `
  SELECT agent_id, local_date::text AS date,
         sum(answered)::int AS answered, sum(handle_seconds)::float8 AS handle_seconds,
         sum(hostile)::int AS hostile, sum(qa_sum)::float8 AS qa_sum, sum(qa_count)::int AS qa_count,
         sum(csat_sum)::float8 AS csat_sum, sum(csat_count)::int AS csat_count,
         sum(sales)::int AS sales, sum(saves)::int AS saves, sum(resolved)::int AS resolved
  FROM call_rollup_day
  WHERE agent_id = ANY($1::int[]) AND local_date BETWEEN $2::date AND $3::date
  GROUP BY agent_id, local_date`;

/**
 * Quota pressure (metrics.md §5): every quota that may apply to the agents — their own, or a
 * per-member quota of their team (a team total or a campaign quota is not an agent's) — with its
 * versions up to the last as-of date ($2), one row per agent and quota. Which of them count (day
 * or shift count quotas), which version is in force and the ramp are decided in libs/analytics
 * (`missedCountQuotaDays`). $1 agent ids.
 */
export const AGENT_QUOTAS_SQL = `
  SELECT a.id AS agent_id, q.id AS quota_id, q.scope, q.metric, q.period, q.comparator, q.ramp,
         json_agg(json_build_object('id', v.id,
                  'effectiveFrom', to_char(v.effective_from, 'YYYY-MM-DD'), 'target', v.target)
                  ORDER BY v.id) AS versions
  FROM agent a
  JOIN quota q ON (q.scope = 'agent' AND q.agent_id = a.id)
               OR (q.scope = 'team' AND q.per_member AND q.team_id = a.team_id)
  JOIN quota_version v ON v.quota_id = q.id AND v.effective_from <= $2::date
  WHERE a.id = ANY($1::int[])
  GROUP BY a.id, q.id`;

/** The new-hire ramp of quota targets lives in the floor settings (docs/floor.md). */
export const FLOOR_SETTINGS_SQL = `SELECT value FROM app_setting WHERE key = 'floor_settings'`;

/** Agents among $1 that have a shift-period count quota of their own or their team's. */
const HAS_SHIFT_COUNT_QUOTA = (agent: string) => `EXISTS (
    SELECT 1 FROM quota q
    WHERE q.period = 'shift' AND q.metric IN ('calls_handled', 'sales', 'saves', 'resolved')
      AND ((q.scope = 'agent' AND q.agent_id = ${agent}.id)
        OR (q.scope = 'team' AND q.per_member AND q.team_id = ${agent}.team_id)))`;

/**
 * Each worked or sent-home shift's own counts, as the floor counts a shift period: the
 * 15-minute rollup buckets from the one holding the scheduled start to the scheduled end
 * (docs/floor.md). Only for agents with a shift-period count quota; shifts whose scheduled start
 * falls on a local date of $2..$3.
 */
const SHIFT_COUNTS = (ranges: boolean) => `
  SELECT s.agent_id, to_char(s.local_date, 'YYYY-MM-DD') AS date, s.status, s.send_home_reason,
         sh.calls_handled, sh.sales, sh.saves, sh.resolved
  FROM ${
    ranges
      ? `unnest($1::int[], $2::date[], $3::date[]) AS w(agent_id, first_date, last_date)
  JOIN agent a ON a.id = w.agent_id
  JOIN shift s ON s.agent_id = a.id AND s.local_date BETWEEN w.first_date AND w.last_date`
      : `agent a
  JOIN shift s ON s.agent_id = a.id AND s.local_date BETWEEN $2::date AND $3::date`
  }
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(r.answered), 0)::int AS calls_handled, coalesce(sum(r.sales), 0)::int AS sales,
           coalesce(sum(r.saves), 0)::int AS saves, coalesce(sum(r.resolved), 0)::int AS resolved
    FROM call_rollup_15m r
    WHERE r.agent_id = s.agent_id
      AND r.local_date BETWEEN s.local_date - 1 AND s.local_date + 1
      AND r.interval_start >= date_bin('15 minutes', s.start_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')
      AND r.interval_start < s.end_at
  ) sh
  WHERE ${ranges ? '' : 'a.id = ANY($1::int[]) AND '}s.status IN ('worked', 'sent_home')
    AND ${HAS_SHIFT_COUNT_QUOTA('a')}`;

/** {@link SHIFT_COUNTS}: $1 agent ids, $2 first and $3 last local dates. */
export const SHIFT_COUNTS_SQL = SHIFT_COUNTS(false);
/** {@link SHIFT_COUNTS} with a range of local dates per agent ($1 ids, $2 first, $3 last). */
export const SHIFT_COUNTS_RANGES_SQL = SHIFT_COUNTS(true);

/** Writes snapshots from one JSON array of rows (one statement however many). */
export const UPSERT_SNAPSHOTS_SQL = `
  INSERT INTO burnout_snapshot
    (agent_id, as_of, team_id, config_version, bri, band, points, components, drivers, computed_at)
  SELECT (r->>'agentId')::int, (r->>'asOf')::date, (r->>'teamId')::int, (r->>'version')::int,
         (r->>'index')::smallint, r->>'band',
         ARRAY(SELECT jsonb_array_elements_text(r->'points')::real),
         r->'components',
         ARRAY(SELECT jsonb_array_elements_text(r->'drivers')),
         clock_timestamp()
  FROM jsonb_array_elements($1::jsonb) r
  ON CONFLICT (agent_id, as_of) DO UPDATE SET
    team_id = EXCLUDED.team_id, config_version = EXCLUDED.config_version, bri = EXCLUDED.bri,
    band = EXCLUDED.band, points = EXCLUDED.points, components = EXCLUDED.components,
    drivers = EXCLUDED.drivers, computed_at = EXCLUDED.computed_at`;

/**
 * The job's work list: per agent, the as-of dates to (re)compute — employed dates of the history
 * range without a snapshot, with a snapshot of another configuration, or on/after the agent's
 * dirty mark; and stored snapshots before the range that a mark or a new configuration made
 * stale. $1..$2 the history range, $3 the current configuration version.
 */
export const WORK_LIST_SQL = `
  WITH need AS (
    SELECT a.id AS agent_id, g::date AS as_of
    FROM agent a
    CROSS JOIN generate_series($1::date, $2::date, interval '1 day') g
    LEFT JOIN burnout_snapshot s ON s.agent_id = a.id AND s.as_of = g::date
    LEFT JOIN burnout_dirty d ON d.agent_id = a.id
    WHERE a.hire_date <= g::date AND (a.termination_date IS NULL OR g::date <= a.termination_date)
      AND (s.agent_id IS NULL OR s.config_version <> $3 OR g::date >= d.from_date)
    UNION
    SELECT s.agent_id, s.as_of FROM burnout_snapshot s
    LEFT JOIN burnout_dirty d ON d.agent_id = s.agent_id
    WHERE s.as_of < $1::date AND (s.config_version <> $3 OR s.as_of >= d.from_date)
  )
  SELECT agent_id, array_agg(as_of::text ORDER BY as_of) AS dates FROM need GROUP BY agent_id
  ORDER BY agent_id`;

export const DIRTY_SQL = `SELECT agent_id, marked_at::text AS marked_at FROM burnout_dirty`;

/** Clears an agent's mark unless a newer change marked it again meanwhile. */
export const CLEAR_DIRTY_SQL = `
  DELETE FROM burnout_dirty d USING unnest($1::int[], $2::timestamptz[]) AS u(agent_id, marked_at)
  WHERE d.agent_id = u.agent_id AND d.marked_at = u.marked_at`;

/** Snapshots of dates an agent was not employed on (after a change of employment dates). */
export const DROP_UNEMPLOYED_SQL = `
  DELETE FROM burnout_snapshot s USING agent a
  WHERE s.agent_id = a.id AND a.id = ANY($1::int[])
    AND (s.as_of < a.hire_date OR (a.termination_date IS NOT NULL AND s.as_of > a.termination_date))`;

/**
 * Stored snapshots of agents each on a date of its own ($1 agent ids, $2 dates, paired), of the
 * current configuration ($3) and not made stale by a change since (other features' reads).
 */
export const SNAPSHOTS_AT_SQL = `
  SELECT s.agent_id, s.as_of::text AS as_of, s.bri, s.band, s.drivers
  FROM unnest($1::int[], $2::date[]) AS w(agent_id, as_of)
  JOIN burnout_snapshot s ON s.agent_id = w.agent_id AND s.as_of = w.as_of
  LEFT JOIN burnout_dirty d ON d.agent_id = s.agent_id AND d.from_date <= s.as_of
  WHERE s.config_version = $3 AND d.agent_id IS NULL`;

/** Stored snapshots of agents on one date, current configuration. */
export const SNAPSHOTS_ON_SQL = `
  SELECT s.agent_id, s.bri, s.band, s.components, s.drivers, s.config_version
  FROM burnout_snapshot s
  LEFT JOIN burnout_dirty d ON d.agent_id = s.agent_id AND d.from_date <= s.as_of
  WHERE s.as_of = $1::date AND s.agent_id = ANY($2::int[]) AND s.config_version = $3
    AND d.agent_id IS NULL`;

/**
 * The team trend: per date, members with an index, Σ index and band counts ($1 teams or null,
 * $2..$3 dates).
 */
export const TEAM_TREND_SQL = `
  SELECT s.as_of::text AS date, count(s.bri)::int AS members, coalesce(sum(s.bri), 0)::int AS sum_index,
         count(*) FILTER (WHERE s.band = 'low')::int AS low,
         count(*) FILTER (WHERE s.band = 'elevated')::int AS elevated,
         count(*) FILTER (WHERE s.band = 'high')::int AS high,
         count(*) FILTER (WHERE s.band = 'critical')::int AS critical
  FROM burnout_snapshot s
  WHERE ($1::int[] IS NULL OR s.team_id = ANY($1::int[])) AND s.as_of BETWEEN $2::date AND $3::date
  GROUP BY s.as_of ORDER BY s.as_of`;

/**
 * The team's members on as-of with their snapshot (if any, and not made stale by a change since)
 * and the one 7 days before.
 */
export const TEAM_MEMBERS_SQL = `
  SELECT a.id, a.employee_code, a.full_name, t.team_code,
         s.bri, s.band, s.drivers, s.points, s.config_version,
         s.components->'quota_pressure'->'detail'->>'source' AS quota_source,
         (s.agent_id IS NOT NULL AND d.agent_id IS NULL) AS has_snapshot,
         p.bri AS bri_before
  FROM agent a JOIN team t ON t.id = a.team_id
  LEFT JOIN burnout_snapshot s ON s.agent_id = a.id AND s.as_of = $2::date
  LEFT JOIN burnout_snapshot p ON p.agent_id = a.id AND p.as_of = $2::date - 7
  LEFT JOIN burnout_dirty d ON d.agent_id = a.id AND d.from_date <= $2::date
  WHERE ($1::int[] IS NULL OR a.team_id = ANY($1::int[]))
    AND a.hire_date <= $2::date AND (a.termination_date IS NULL OR a.termination_date >= $2::date)
  ORDER BY s.bri DESC NULLS LAST, a.employee_code`;

/** One agent's index over time. */
export const AGENT_HISTORY_SQL = `
  SELECT as_of::text AS date, bri, band FROM burnout_snapshot
  WHERE agent_id = $1 AND as_of BETWEEN $2::date AND $3::date ORDER BY as_of`;

/** The hostile calls of an agent in a window of local dates (the calls behind the driver). */
export const HOSTILE_CALLS_SQL = `
  SELECT c.call_id, c.started_at, cp.campaign_code, c.outcome,
         (c.talk_seconds + c.hold_seconds + c.wrap_seconds) AS handle_seconds
  FROM calls c JOIN campaign cp ON cp.id = c.campaign_id
  WHERE c.agent_id = $1 AND c.hostile AND c.outcome <> 'abandoned'
    AND c.started_at >= ($2::date - 1)::timestamp AT TIME ZONE 'UTC'
    AND c.started_at < ($3::date + 2)::timestamp AT TIME ZONE 'UTC'
    AND c.local_date BETWEEN $2::date AND $3::date
  ORDER BY c.started_at DESC LIMIT 100`;

/** The latest snapshot of each agent (the floor page's band column): one index scan each. */
export const LATEST_BANDS_SQL = `
  SELECT a.id AS agent_id, a.employee_code, l.as_of::text AS as_of, l.bri, l.band
  FROM agent a
  CROSS JOIN LATERAL (
    SELECT s.as_of, s.bri, s.band FROM burnout_snapshot s
    WHERE s.agent_id = a.id ORDER BY s.as_of DESC LIMIT 1) l
  WHERE $1::int[] IS NULL OR a.id = ANY($1::int[])`;

/** Local "yesterday" of every site (the last complete day there). */
export const SITE_YESTERDAYS_SQL = `
  SELECT ((now() AT TIME ZONE time_zone)::date - 1)::text AS d FROM site`;
