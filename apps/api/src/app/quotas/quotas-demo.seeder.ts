import { DataSource } from 'typeorm';
import { FLOOR_RELOAD_CHANNEL } from './floor.sql';

/**
 * Demo quotas for the simulated center, set from its own history so targets are believable:
 * per member of each team a `calls_handled` shift target (the team's mean handled calls per
 * agent-day over the last four weeks, rounded) and an AHT limit (team AHT × 1.15), a team total
 * for the day (the mean total of the last four of today's weekday), and an admin campaign quota
 * on resolved calls for the week. New hires get the
 * ramp. (Today's shifts come with the demo's shifts file, through the shifts import.)
 */
export class QuotasDemoSeeder {
  constructor(private readonly db: DataSource) {}

  async seed(): Promise<void> {
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM quota`);
    if (n > 0) {
      return;
    }
    // per team: handled calls per agent-day, AHT, and the mean day total of the last four of
    // today's weekday at the team's site (what a team lead would set as "a normal day")
    const teams: {
      team_id: number;
      per_agent_day: number;
      aht: number;
      day_total: number | null;
    }[] = await this.db.query(`
      WITH t AS (
        SELECT tm.id AS team_id, (now() AT TIME ZONE si.time_zone)::date AS today
        FROM team tm JOIN site si ON si.id = tm.site_id
      ), days AS (
        SELECT t.team_id, d.local_date, sum(d.answered) AS total
        FROM t JOIN call_rollup_day d ON d.team_id = t.team_id
        WHERE d.local_date >= t.today - 28 AND d.local_date < t.today
          AND extract(isodow FROM d.local_date) = extract(isodow FROM t.today)
        GROUP BY t.team_id, d.local_date
      )
      SELECT a.team_id, sum(d.answered)::float / greatest(count(DISTINCT (d.agent_id, d.local_date)), 1) AS per_agent_day,
             sum(d.handle_seconds)::float / greatest(sum(d.answered), 1) AS aht,
             (SELECT avg(total)::float FROM days WHERE days.team_id = a.team_id) AS day_total
      FROM call_rollup_day d JOIN agent a ON a.id = d.agent_id
      WHERE d.local_date >= current_date - 28 AND d.answered > 0
      GROUP BY a.team_id`);
    const since = `current_date - 30`;
    for (const t of teams) {
      const perShift = Math.max(5, Math.round(t.per_agent_day));
      const quota = async (
        perMember: boolean,
        metric: string,
        period: string,
        comparator: string,
        target: number,
      ) => {
        const [{ id }]: { id: number }[] = await this.db.query(
          `INSERT INTO quota (scope, team_id, per_member, metric, period, comparator) VALUES ('team', $1, $2, $3, $4, $5) RETURNING id`,
          [t.team_id, perMember, metric, period, comparator],
        );
        await this.db.query(
          `INSERT INTO quota_version (quota_id, effective_from, target) VALUES ($1, ${since}, $2)`,
          [id, target],
        );
      };
      await quota(true, 'calls_handled', 'shift', 'at_least', perShift);
      await quota(true, 'aht_seconds', 'shift', 'at_most', Math.max(1, Math.round(t.aht * 1.15)));
      if (t.day_total !== null && t.day_total > 0) {
        await quota(
          false,
          'calls_handled',
          'day',
          'at_least',
          Math.max(1, Math.round(t.day_total)),
        );
      }
    }
    const camps: { id: number; weekly: number }[] = await this.db.query(`
      SELECT campaign_id AS id, sum(resolved)::float / 4 AS weekly FROM call_rollup_campaign_15m
      WHERE local_date >= current_date - 28 GROUP BY campaign_id HAVING sum(resolved) > 0`);
    for (const c of camps) {
      const [{ id }]: { id: number }[] = await this.db.query(
        `INSERT INTO quota (scope, campaign_id, metric, period, comparator) VALUES ('campaign', $1, 'resolved', 'week', 'at_least') RETURNING id`,
        [c.id],
      );
      await this.db.query(
        `INSERT INTO quota_version (quota_id, effective_from, target) VALUES ($1, ${since}, $2)`,
        [id, Math.max(1, Math.round(c.weekly))], // targets are > 0
      );
    }
    await this.db.query(`SELECT pg_notify('${FLOOR_RELOAD_CHANNEL}', '')`);
  }
}
