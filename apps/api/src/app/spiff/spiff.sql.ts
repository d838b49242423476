/**
 * The SQL of SPIFF campaigns, in one place. Units of a call are decided by
 * `spiffUnitsOfCall` of libs/analytics; `METRIC_CALL_FILTER` only narrows the calls read to the
 * outcomes that can carry units of the metric (a test checks the two agree), and
 * `METRIC_ROLLUP_COLUMN` names the rollup sum of the same units (the cost preview's rates).
 */
import type { SpiffMetric } from '@floorwise/analytics';

/** The call outcomes that can carry units of each metric (mirrors `spiffUnitsOfCall`). */
export const METRIC_CALL_FILTER = `CASE s.metric
    WHEN 'sales' THEN c.outcome = 'sale'
    WHEN 'saves' THEN c.outcome = 'save'
    WHEN 'resolved' THEN c.outcome = 'resolved'
    WHEN 'calls_handled' THEN c.outcome <> 'abandoned'
    WHEN 'sale_amount_cents' THEN c.outcome = 'sale' AND c.sale_amount_cents > 0
  END`;

/** The `call_rollup_day` column that sums the same units (metrics.md §1 rollup measures). */
export const METRIC_ROLLUP_COLUMN: Record<SpiffMetric, string> = {
  sales: 'sales',
  saves: 'saves',
  resolved: 'resolved',
  calls_handled: 'answered',
  sale_amount_cents: 'sale_cents',
};

/** Which calls a campaign `s` counts: its period (each call's own local date), teams, sites, lines of work. */
const ELIGIBLE_CALL = `
      c.local_date BETWEEN s.period_from AND s.period_to
  AND (cardinality(s.team_ids) = 0 OR c.team_id = ANY(s.team_ids))
  AND (cardinality(s.site_ids) = 0 OR t.site_id = ANY(s.site_ids))
  AND (cardinality(s.call_campaign_ids) = 0 OR c.campaign_id = ANY(s.call_campaign_ids))
  AND ${METRIC_CALL_FILTER}`;

const CALL_FIELDS = `c.call_id, c.agent_id, a.employee_code, a.hire_date::text AS hire_date,
  c.started_at, c.local_date::text AS local_date, c.outcome, c.sale_amount_cents, c.qa_score, c.csat`;

/**
 * The calls of a live batch that active campaigns count, found by their index keys (agent,
 * start, id — the `(agent_id, started_at)` index of every partition), one row per campaign ×
 * call, in the order they are evaluated: by campaign, then start, then call id.
 * $1 call ids, $2 agent ids, $3 starts, $4 campaign ids (null: every active campaign).
 */
export const LIVE_CALLS = `
SELECT s.id AS campaign_id, ${CALL_FIELDS}
FROM unnest($1::text[], $2::int[], $3::timestamptz[]) AS k(call_id, agent_id, started_at)
JOIN calls c ON c.agent_id = k.agent_id AND c.started_at = k.started_at AND c.call_id = k.call_id
JOIN agent a ON a.id = c.agent_id
JOIN team t ON t.id = c.team_id
JOIN spiff_campaign s ON s.status = 'active' AND ($4::int[] IS NULL OR s.id = ANY($4::int[]))
WHERE ${ELIGIBLE_CALL}
ORDER BY s.id, c.started_at, c.call_id`;

/**
 * The calls of campaign $1 not counted yet, in the order they are evaluated (start, call id);
 * read through a cursor. Bounded to the period's instants (`period_starts_at` … `period_ends_at`
 * span every eligible zone) so only its month partitions are read.
 */
export const SWEEP_CALLS = `
SELECT ${CALL_FIELDS}
FROM spiff_campaign s
JOIN calls c ON c.started_at >= s.period_starts_at AND c.started_at < s.period_ends_at
JOIN agent a ON a.id = c.agent_id
JOIN team t ON t.id = c.team_id
WHERE s.id = $1 AND c.agent_id IS NOT NULL
  AND ${ELIGIBLE_CALL}
  AND NOT EXISTS (SELECT 1 FROM spiff_unit u WHERE u.campaign_id = s.id AND u.call_id = c.call_id)
ORDER BY c.started_at, c.call_id`;

/**
 * The campaign rows, locked for the evaluation of their units (serialises every grant), in id
 * order so that two evaluations never wait on each other in a cycle.
 */
export const LOCK_CAMPAIGNS = `
SELECT id, status, metric, rule, budget_cents::text AS budget_cents,
  granted_cents::text AS granted_cents, award_seq, secret, quality_gate, handicap,
  period_from::text AS period_from, period_to::text AS period_to
FROM spiff_campaign WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`;

/** Records the candidate calls; returns those not recorded before (a call counts once). */
export const INSERT_UNITS = `
INSERT INTO spiff_unit (campaign_id, call_id, agent_id, occurred_at, local_date, units, counted, gate_reason)
SELECT $1, * FROM unnest($2::text[], $3::int[], $4::timestamptz[], $5::date[], $6::bigint[], $7::boolean[], $8::text[])
ON CONFLICT ON CONSTRAINT pk_spiff_unit DO NOTHING
RETURNING call_id`;

export const ENTRANTS_OF = `
SELECT e.agent_id, a.employee_code, e.target_percent, e.units::text AS units, e.draws,
  e.earned_cents::text AS earned_cents, e.tier_index, e.tier_granted_cents::text AS tier_granted_cents
FROM spiff_entrant e JOIN agent a ON a.id = e.agent_id
WHERE e.campaign_id = $1 AND e.agent_id = ANY($2::int[])`;

/** Writes the entrants' new state (new ones are inserted). */
export const UPSERT_ENTRANTS = `
INSERT INTO spiff_entrant (campaign_id, agent_id, target_percent, units, counted_calls, gated_calls,
  gated_units, draws, earned_cents, tier_index, tier_granted_cents, last_unit_at)
SELECT $1, * FROM unnest($2::int[], $3::smallint[], $4::bigint[], $5::int[], $6::int[], $7::bigint[],
  $8::int[], $9::bigint[], $10::int[], $11::bigint[], $12::timestamptz[])
ON CONFLICT ON CONSTRAINT pk_spiff_entrant DO UPDATE SET
  units = EXCLUDED.units,
  counted_calls = spiff_entrant.counted_calls + EXCLUDED.counted_calls,
  gated_calls = spiff_entrant.gated_calls + EXCLUDED.gated_calls,
  gated_units = spiff_entrant.gated_units + EXCLUDED.gated_units,
  draws = EXCLUDED.draws,
  earned_cents = EXCLUDED.earned_cents,
  tier_index = EXCLUDED.tier_index,
  tier_granted_cents = EXCLUDED.tier_granted_cents,
  last_unit_at = greatest(spiff_entrant.last_unit_at, EXCLUDED.last_unit_at),
  updated_at = now()`;

export const INSERT_AWARDS = `
INSERT INTO spiff_award (campaign_id, agent_id, seq, kind, amount_cents, status, call_id,
  occurred_at, earned_on, units_at, detail)
SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::bigint[], $6::text[], $7::text[],
  $8::timestamptz[], $9::date[], $10::bigint[], $11::jsonb[])
RETURNING id, seq, agent_id, kind, amount_cents::text AS amount_cents, status`;

export const INSERT_DRAWS = `
INSERT INTO spiff_draw (campaign_id, agent_id, draw_no, kind, message, u, slot_index, amount_cents,
  award_id, call_id, earned_on)
SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::float8[], $7::int[],
  $8::bigint[], $9::bigint[], $10::text[], $11::date[])`;

/** One audit row per award change: who ($1, null for the evaluator), what, which award. */
export const INSERT_AUDIT = `
INSERT INTO audit_log (actor_id, action, entity, entity_key, detail)
SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[])`;

export const UPDATE_CAMPAIGN_TOTALS = `
UPDATE spiff_campaign SET granted_cents = $2, award_seq = $3, updated_at = now() WHERE id = $1`;

/** All entrants of a campaign at close, with their team now. */
export const CLOSE_ENTRANTS = `
SELECT e.agent_id, a.employee_code, t.team_code, e.units::text AS units, e.target_percent
FROM spiff_entrant e JOIN agent a ON a.id = e.agent_id JOIN team t ON t.id = a.team_id
WHERE e.campaign_id = $1 ORDER BY a.employee_code`;

/**
 * The instants a period spans in every eligible zone: from the first local midnight of
 * `period_from` to the last local midnight after `period_to`, over the sites of the campaign
 * ($3 site ids, else the sites of $4 team ids, else every site; UTC when there is none).
 */
export const PERIOD_INSTANTS = `
WITH zones AS (
  SELECT DISTINCT s.time_zone FROM site s
  WHERE (cardinality($3::int[]) > 0 AND s.id = ANY($3::int[]))
     OR (cardinality($3::int[]) = 0 AND cardinality($4::int[]) > 0
         AND s.id IN (SELECT site_id FROM team WHERE id = ANY($4::int[])))
     OR (cardinality($3::int[]) = 0 AND cardinality($4::int[]) = 0)
), z AS (SELECT time_zone FROM zones UNION ALL SELECT 'UTC' WHERE NOT EXISTS (SELECT 1 FROM zones))
SELECT min(($1::date)::timestamp AT TIME ZONE time_zone) AS starts_at,
       max((($2::date) + 1)::timestamp AT TIME ZONE time_zone) AS ends_at,
       array_agg(time_zone ORDER BY time_zone) AS zones
FROM z`;

/**
 * Budget burn per campaign: cents and counts of awards by status. `$1` campaign ids.
 */
export const BURN = `
SELECT campaign_id, status, count(*)::int AS n, coalesce(sum(amount_cents), 0)::text AS cents
FROM spiff_award WHERE campaign_id = ANY($1::int[]) GROUP BY campaign_id, status`;

/**
 * Forecast units of each eligible agent for the cost preview: the metric's rollup sum over the
 * recent window ($1 … $2) on the campaign's lines of work ($3, empty: all), for active agents
 * of the teams ($4) and sites ($5) employed during the period ($6 … $7). `%COLUMN%` is one of
 * METRIC_ROLLUP_COLUMN.
 */
export const PREVIEW_RATES = `
SELECT a.employee_code, t.team_code, a.hire_date::text AS hire_date,
  coalesce(sum(r.%COLUMN%), 0)::float8 AS units
FROM agent a
JOIN team t ON t.id = a.team_id
LEFT JOIN call_rollup_day r ON r.agent_id = a.id AND r.local_date BETWEEN $1 AND $2
  AND (cardinality($3::int[]) = 0 OR r.campaign_id = ANY($3::int[]))
WHERE (cardinality($4::int[]) = 0 OR a.team_id = ANY($4::int[]))
  AND (cardinality($5::int[]) = 0 OR t.site_id = ANY($5::int[]))
  AND a.hire_date <= $7 AND (a.termination_date IS NULL OR a.termination_date >= $6)
GROUP BY a.id, a.employee_code, t.team_code, a.hire_date
ORDER BY a.employee_code`;

/**
 * metrics.md §4 "approved SPIFF awards" of a pay period: the exact per-agent sum of awards
 * approved (and since paid) whose approval falls in the period ($1 … $2, the local date of
 * approval in the agent's site zone). Optional filters: $3 agent ids, $4 team ids (null: all).
 * The schedules stream's pay estimate reads this (SpiffPayService.approvedTotals).
 */
export const APPROVED_TOTALS = `
SELECT w.agent_id, a.employee_code, a.full_name, t.team_code,
  count(*)::int AS awards, sum(w.amount_cents)::text AS cents
FROM spiff_award w
JOIN agent a ON a.id = w.agent_id
JOIN team t ON t.id = a.team_id
WHERE w.status IN ('approved', 'paid') AND w.approved_on BETWEEN $1 AND $2
  AND ($3::int[] IS NULL OR w.agent_id = ANY($3::int[]))
  AND ($4::int[] IS NULL OR a.team_id = ANY($4::int[]))
GROUP BY w.agent_id, a.employee_code, a.full_name, t.team_code
ORDER BY a.employee_code`;

/**
 * The pay estimate's SPIFF line (docs/schedules.md): per agent and pay period, the exact sum of
 * the awards **payable** in it — approved or since paid, and for a spin or envelope also opened —
 * dated by the local date (the agent's site zone) on which the later of the two happened: the
 * approval date, or the day an approved draw was opened. Unopened draws never count (their amount
 * is the agent's surprise). Also, per agent, the awards still pending (opened draws only), in
 * rows whose period is null. `$1` agent ids, `$2` first dates, `$3` last dates (parallel arrays:
 * one window per entry; an agent may have several). No figure beyond sums and counts.
 */
export const PAYABLE_BY_PERIOD = `
WITH win AS (
  SELECT * FROM unnest($1::int[], $2::date[], $3::date[]) AS x(agent_id, period_from, period_to)
), aw AS (
  SELECT w.agent_id, w.status, w.amount_cents,
    greatest(w.approved_on, (d.revealed_at AT TIME ZONE st.time_zone)::date) AS payable_on
  FROM spiff_award w
  JOIN agent a ON a.id = w.agent_id
  JOIN team t ON t.id = a.team_id
  JOIN site st ON st.id = t.site_id
  LEFT JOIN spiff_draw d ON d.award_id = w.id
  WHERE w.agent_id IN (SELECT agent_id FROM win)
    AND w.status IN ('pending', 'approved', 'paid')
    AND (d.award_id IS NULL OR d.revealed_at IS NOT NULL)
)
SELECT win.agent_id, win.period_from::text AS period_from, win.period_to::text AS period_to,
  count(*)::int AS awards, sum(aw.amount_cents)::text AS cents
FROM win
JOIN aw ON aw.agent_id = win.agent_id AND aw.status IN ('approved', 'paid')
  AND aw.payable_on BETWEEN win.period_from AND win.period_to
GROUP BY win.agent_id, win.period_from, win.period_to
UNION ALL
SELECT agent_id, NULL, NULL, count(*)::int, sum(amount_cents)::text
FROM aw WHERE status = 'pending'
GROUP BY agent_id`;
