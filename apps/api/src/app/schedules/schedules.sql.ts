/**
 * Every SQL statement of the schedules feature that reads figures, in one place. Each returns
 * rows that only feed `libs/analytics`: no figure is computed here beyond joins and filters.
 * Instants come back as epoch milliseconds (float8), which pg hands over as plain numbers.
 */

/** The columns of a shift, as `ShiftRow` expects them (alias `sh`). */
export const SHIFT_COLUMNS = `
  sh.shift_code,
  round(date_part('epoch', sh.start_at) * 1000) AS start_ms,
  round(date_part('epoch', sh.end_at) * 1000) AS end_ms,
  to_char(sh.local_date, 'YYYY-MM-DD') AS local_date,
  sh.kind, sh.break_minutes, sh.status,
  round(date_part('epoch', sh.actual_start) * 1000) AS actual_start_ms,
  round(date_part('epoch', sh.actual_end) * 1000) AS actual_end_ms,
  sh.send_home_reason,
  round(date_part('epoch', sh.send_home_at) * 1000) AS send_home_at_ms,
  sh.note, sh.source`;

/**
 * An agent's shifts with a local start date in [`from`, `to`] (SQL date expressions), as one JSON
 * array of arrays in start order — one row per agent instead of one per shift, so the agent's
 * columns are not repeated thousands of times. The start-instant bounds (two days wider than the
 * dates: no zone is 48 h from UTC) let the (agent_id, start_at) index find them. The elements are
 * those of `ShiftTuple` (schedule-rows.ts).
 */
export function shiftsOf(from: string, to: string): string {
  return `(
    SELECT json_agg(json_build_array(
             sh.shift_code, round(date_part('epoch', sh.start_at) * 1000),
             round(date_part('epoch', sh.end_at) * 1000), sh.local_date, sh.kind, sh.break_minutes,
             sh.status, round(date_part('epoch', sh.actual_start) * 1000),
             round(date_part('epoch', sh.actual_end) * 1000), sh.send_home_reason,
             round(date_part('epoch', sh.send_home_at) * 1000), sh.note, sh.source)
           ORDER BY sh.start_at)
    FROM shift sh
    WHERE sh.agent_id = a.id
      AND sh.start_at >= (${from} - 2)::timestamptz AND sh.start_at < (${to} + 3)::timestamptz
      AND sh.local_date BETWEEN ${from} AND ${to})`;
}

/** The columns of an agent with their site, team and the site's pay rules (aliases a, t, s, r). */
export const AGENT_COLUMNS = `
  a.id AS agent_id, a.employee_code, a.full_name, t.team_code, t.id AS team_id, s.site_code,
  s.time_zone, s.holidays::text[] AS holidays, a.contract_hours, a.hourly_rate_cents,
  to_char(a.hire_date, 'YYYY-MM-DD') AS hire_date,
  to_char(a.termination_date, 'YYYY-MM-DD') AS termination_date,
  r.site_id IS NOT NULL AS has_rules, r.contract_hours AS rules_contract_hours,
  r.overtime_multiplier, r.night_start, r.night_end, r.night_pct, r.weekend_pct, r.holiday_pct,
  r.weekend_days, r.min_reporting_pay_hours, r.pay_period,
  to_char(r.pay_period_anchor, 'YYYY-MM-DD') AS pay_period_anchor`;

const AGENT_JOINS = `
  agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id
  LEFT JOIN site_pay_rules r ON r.site_id = s.id`;

/**
 * The roster: every agent of the teams ($3, null = all) employed on some day of [$1, $2], with
 * their shifts starting from 7 days before $1 (rests, runs and the week's overtime so far) to $2.
 */
export const ROSTER_SQL = `
  SELECT ${AGENT_COLUMNS}, ${shiftsOf('$1::date - 7', '$2::date')} AS shifts
  FROM ${AGENT_JOINS}
  WHERE a.hire_date <= $2::date AND (a.termination_date IS NULL OR a.termination_date >= $1::date)
    AND ($3::int[] IS NULL OR a.team_id = ANY($3::int[]))
  ORDER BY t.team_code, a.full_name, a.employee_code`;

/** One agent (by employee code) and their shifts with a local start date in [$2, $3]. */
export const AGENT_SCHEDULE_SQL = `
  SELECT ${AGENT_COLUMNS}, ${shiftsOf('$2::date', '$3::date')} AS shifts
  FROM ${AGENT_JOINS}
  WHERE a.employee_code = $1`;

/**
 * Pay estimates: agents of the teams ($4, null = all; site $5, null = all) employed in their
 * site's period, with their shifts from the period's first paid Monday to its end. Each site has
 * its own window: `$1` site ids, `$2` first dates, `$3` last dates (parallel arrays).
 */
export const PAY_ESTIMATES_SQL = `
  WITH w AS (
    SELECT * FROM unnest($1::int[], $2::date[], $3::date[]) AS w(site_id, data_from, data_to)
  )
  SELECT ${AGENT_COLUMNS}, ${shiftsOf('w.data_from', 'w.data_to')} AS shifts
  FROM ${AGENT_JOINS}
  JOIN w ON w.site_id = s.id
  WHERE a.hire_date <= w.data_to AND (a.termination_date IS NULL OR a.termination_date >= w.data_from)
    AND ($4::int[] IS NULL OR a.team_id = ANY($4::int[]))
    AND ($5::text IS NULL OR s.site_code = $5)
  ORDER BY t.team_code, a.full_name, a.employee_code`;

/**
 * The staffing gap's agents: those whose calls in the 28 days before $2 were mostly of campaign
 * $1 (or, with no calls of their own, whose team's were), with their shifts starting in
 * [$3, $4].
 */
export const GAP_SQL = `
  WITH handled AS (
    SELECT agent_id, campaign_id, sum(answered) AS n
    FROM call_rollup_day
    WHERE local_date >= $2::date - 28 AND local_date < $2::date
    GROUP BY agent_id, campaign_id
  ), own AS (
    SELECT DISTINCT ON (agent_id) agent_id, campaign_id
    FROM handled ORDER BY agent_id, n DESC, campaign_id
  ), by_team AS (
    SELECT DISTINCT ON (a.team_id) a.team_id, h.campaign_id
    FROM handled h JOIN agent a ON a.id = h.agent_id
    GROUP BY a.team_id, h.campaign_id
    ORDER BY a.team_id, sum(h.n) DESC, h.campaign_id
  ), assigned AS (
    SELECT a.id AS agent_id FROM agent a
    LEFT JOIN own o ON o.agent_id = a.id
    LEFT JOIN by_team bt ON bt.team_id = a.team_id
    WHERE coalesce(o.campaign_id, bt.campaign_id) = $1
  )
  SELECT ${AGENT_COLUMNS}, ${shiftsOf('$3::date', '$4::date')} AS shifts
  FROM ${AGENT_JOINS}
  JOIN assigned x ON x.agent_id = a.id
  ORDER BY a.employee_code`;

/** One shift with its agent (for edits). */
export const SHIFT_BY_CODE_SQL = `
  SELECT ${AGENT_COLUMNS}, ${SHIFT_COLUMNS}, sh.id AS shift_pk
  FROM ${AGENT_JOINS}
  JOIN shift sh ON sh.agent_id = a.id
  WHERE sh.shift_code = $1`;

/** An agent and their site (for creating shifts). */
export const AGENT_BY_CODE_SQL = `
  SELECT ${AGENT_COLUMNS} FROM ${AGENT_JOINS} WHERE a.employee_code = ANY($1::text[])`;

/** Stored shifts of agent $1 overlapping [$2, $3), other than the shift codes in $4. */
export const OVERLAPPING_SQL = `
  SELECT sh.shift_code, round(date_part('epoch', sh.start_at) * 1000) AS start_ms,
         round(date_part('epoch', sh.end_at) * 1000) AS end_ms, sh.agent_id
  FROM shift sh
  WHERE sh.agent_id = ANY($1::int[])
    AND tstzrange(sh.start_at, sh.end_at) && tstzrange($2::timestamptz, $3::timestamptz)
    AND NOT (sh.shift_code = ANY($4::text[]))
  ORDER BY sh.start_at`;

/** Every site with its pay rules (defaults where none were saved). */
export const PAY_RULES_SQL = `
  SELECT s.id AS site_id, s.site_code, s.name AS site_name, s.time_zone,
         s.holidays::text[] AS holidays,
         r.site_id IS NOT NULL AS has_rules, r.contract_hours AS rules_contract_hours,
         r.overtime_multiplier, r.night_start, r.night_end, r.night_pct, r.weekend_pct,
         r.holiday_pct, r.weekend_days, r.min_reporting_pay_hours, r.pay_period,
         to_char(r.pay_period_anchor, 'YYYY-MM-DD') AS pay_period_anchor, r.updated_at
  FROM site s LEFT JOIN site_pay_rules r ON r.site_id = s.id
  ORDER BY s.site_code`;
