/**
 * The live floor's SQL, in one place. Every figure set is one query, read from the rollups
 * (`call_rollup_15m` for the shift, `call_rollup_day` for days and weeks, `call_rollup_team_15m`
 * never needed, `call_rollup_campaign_15m` for campaigns and the current interval), the shift
 * table, the quota tables and the floor's own state. All of them run in one REPEATABLE READ
 * transaction together with `HEAD_SQL`, so the loaded floor is exactly the state after event
 * `eventId` (calls, rollups and events commit together).
 */
export { FLOOR_EVENT_CHANNEL } from '../../database/migrations/1764200000000-quotas-floor';
export { FLOOR_EVENT_LOCK } from '../../database/migrations/1764200000000-quotas-floor';

/** NOTIFY channel told when quotas, settings or shifts change: every process reloads its floor. */
export const FLOOR_RELOAD_CHANNEL = 'floor_reload';

const SUMS = (t: string) => `
  coalesce(sum(${t}.answered), 0)::int AS calls_handled, coalesce(sum(${t}.handle_seconds), 0)::bigint AS handle_seconds,
  coalesce(sum(${t}.hostile), 0)::int AS hostile, coalesce(sum(${t}.sales), 0)::int AS sales,
  coalesce(sum(${t}.saves), 0)::int AS saves, coalesce(sum(${t}.resolved), 0)::int AS resolved,
  coalesce(sum(${t}.qa_sum), 0)::int AS qa_sum, coalesce(sum(${t}.qa_count), 0)::int AS qa_count,
  coalesce(sum(${t}.csat_sum), 0)::int AS csat_sum, coalesce(sum(${t}.csat_count), 0)::int AS csat_count`;

/** The last committed floor event (every lower id is visible too: see the migration). */
export const HEAD_SQL = `SELECT coalesce(max(id), 0)::bigint AS id, now() AS now FROM floor_event`;

/**
 * Every agent on shift now: the shift (scheduled or being worked, not ended or sent home), the
 * agent, team and site, the site's local today and Monday, the order-dependent state, and the
 * shift's sums from the 15-minute rollup (buckets from the one holding the shift start to the
 * end). Shifts are found by local date (index), two days either side of UTC today.
 */
export const ROSTER_SQL = `
  SELECT s.id AS shift_id, s.agent_id, s.start_at, s.end_at, s.break_minutes, s.kind, s.actual_start,
         a.employee_code, a.full_name, a.team_id, to_char(a.hire_date, 'YYYY-MM-DD') AS hire_date,
         a.contract_hours, t.team_code, t.name AS team_name, si.time_zone AS tz,
         to_char((now() AT TIME ZONE si.time_zone)::date, 'YYYY-MM-DD') AS today,
         st.last_call_end, coalesce(st.hostile_streak, 0) AS hostile_streak, st.last_break_end,
         sh.*
  FROM shift s
  JOIN agent a ON a.id = s.agent_id
  JOIN team t ON t.id = a.team_id
  JOIN site si ON si.id = t.site_id
  LEFT JOIN floor_agent_state st ON st.agent_id = s.agent_id
  LEFT JOIN LATERAL (
    SELECT ${SUMS('r')} FROM call_rollup_15m r
    WHERE r.agent_id = s.agent_id
      AND r.local_date BETWEEN s.local_date - 1 AND s.local_date + 1
      AND r.interval_start >= date_bin('15 minutes', s.start_at, TIMESTAMPTZ '2000-01-01 00:00:00+00')
      AND r.interval_start < s.end_at
  ) sh ON true
  WHERE s.local_date BETWEEN (now() AT TIME ZONE 'UTC')::date - 2 AND (now() AT TIME ZONE 'UTC')::date + 1
    AND s.start_at <= now() AND s.end_at > now()
    AND s.status IN ('scheduled', 'worked')
    AND (s.actual_end IS NULL OR s.actual_end > now())
  ORDER BY a.employee_code`;

/**
 * Day and week-to-date sums of every member of the given teams (for team totals and the mean
 * of member rates), from the day rollup, with the campaigns each took calls of today. $1 team
 * ids, $2 the earliest Monday, $3 the latest today among the teams' sites.
 */
export const MEMBER_SUMS_SQL = `
  SELECT a.id AS agent_id, a.team_id, to_char(d.local_date, 'YYYY-MM-DD') AS local_date, d.campaign_id,
         ${SUMS('d')}
  FROM agent a
  JOIN call_rollup_day d ON d.agent_id = a.id AND d.local_date BETWEEN $2::date AND $3::date
  WHERE a.team_id = ANY($1)
  GROUP BY a.id, a.team_id, d.local_date, d.campaign_id`;

/** This week's shifts of the given teams' members ($1 teams, $2 earliest Monday, $3 latest Sunday). */
export const WEEK_SHIFTS_SQL = `
  SELECT s.id, s.agent_id, a.team_id, s.start_at, s.end_at, s.break_minutes, s.status, s.kind,
         s.actual_start, s.actual_end, s.send_home_reason, s.send_home_at,
         to_char(s.local_date, 'YYYY-MM-DD') AS local_date
  FROM shift s JOIN agent a ON a.id = s.agent_id
  WHERE a.team_id = ANY($1) AND s.local_date BETWEEN $2::date AND $3::date`;

/** Every quota with all its versions (a small table; effective dating is resolved in analytics). */
export const QUOTAS_SQL = `
  SELECT q.id, q.scope, q.agent_id, q.team_id, q.campaign_id, q.per_member, q.metric, q.period,
         q.comparator, q.ramp,
         json_agg(json_build_object('id', v.id, 'effectiveFrom', to_char(v.effective_from, 'YYYY-MM-DD'),
                  'target', v.target) ORDER BY v.id) AS versions
  FROM quota q JOIN quota_version v ON v.quota_id = q.id
  GROUP BY q.id`;

/**
 * Campaigns with their site's zone and today, and their day, week and current-interval sums
 * (service-level counts at every pre-counted threshold) from the campaign rollup.
 */
export const CAMPAIGNS_SQL = `
  WITH c AS (
    SELECT c.id, c.campaign_code, c.name, coalesce(s.time_zone, 'UTC') AS tz,
           (now() AT TIME ZONE coalesce(s.time_zone, 'UTC'))::date AS today,
           date_bin('15 minutes', now(), TIMESTAMPTZ '2000-01-01 00:00:00+00') AS bucket
    FROM campaign c LEFT JOIN site s ON s.id = c.site_id
  )
  SELECT c.id, c.campaign_code, c.name, c.tz, to_char(c.today, 'YYYY-MM-DD') AS today, c.bucket,
         to_char(date_trunc('week', c.today)::date, 'YYYY-MM-DD') AS monday,
         dd.*, ww.week_calls_handled, ww.week_sales, ww.week_saves, ww.week_resolved, ww.week_handle_seconds,
         ww.week_csat_sum, ww.week_csat_count, ww.week_qa_sum, ww.week_qa_count,
         coalesce(i.offered, 0) AS i_offered, coalesce(i.answered, 0) AS i_answered,
         coalesce(i.abandoned, 0) AS i_abandoned, coalesce(i.inbound_answered, 0) AS i_inbound_answered,
         i.sla AS i_sla
  FROM c
  LEFT JOIN LATERAL (
    SELECT ${SUMS('r')} FROM call_rollup_campaign_15m r WHERE r.campaign_id = c.id AND r.local_date = c.today
  ) dd ON true
  LEFT JOIN LATERAL (
    SELECT coalesce(sum(r.answered), 0)::int AS week_calls_handled, coalesce(sum(r.sales), 0)::int AS week_sales,
           coalesce(sum(r.saves), 0)::int AS week_saves, coalesce(sum(r.resolved), 0)::int AS week_resolved,
           coalesce(sum(r.handle_seconds), 0)::bigint AS week_handle_seconds,
           coalesce(sum(r.csat_sum), 0)::int AS week_csat_sum, coalesce(sum(r.csat_count), 0)::int AS week_csat_count,
           coalesce(sum(r.qa_sum), 0)::int AS week_qa_sum, coalesce(sum(r.qa_count), 0)::int AS week_qa_count
    FROM call_rollup_campaign_15m r
    WHERE r.campaign_id = c.id AND r.local_date BETWEEN date_trunc('week', c.today)::date AND c.today
  ) ww ON true
  LEFT JOIN LATERAL (
    SELECT r.offered, r.answered, r.abandoned, r.inbound_answered,
           json_build_object(${[10, 15, 20, 30, 45, 60, 90, 120, 180, 300]
             .map((t) => `'${t}', json_build_array(r.ans_le_${t}, r.abn_gt_${t})`)
             .join(', ')}) AS sla
    FROM call_rollup_campaign_15m r WHERE r.campaign_id = c.id AND r.interval_start = c.bucket
  ) i ON true
  ORDER BY c.campaign_code`;

/** Events after a cursor, in id order ($1 cursor, $2 limit). */
export const EVENTS_AFTER_SQL = `
  SELECT id, kind, agent_id, team_id, campaign_id, started_at, to_char(local_date, 'YYYY-MM-DD') AS local_date,
         direction, outcome, queue_seconds, handle_seconds, hostile, qa_score, csat, shift_id
  FROM floor_event WHERE id > $1 ORDER BY id LIMIT $2`;

/** Events older than the retention are dropped (any process may run it). */
export const PRUNE_EVENTS_SQL = `DELETE FROM floor_event WHERE at < now() - interval '3 days'`;
