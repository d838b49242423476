import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { FLOOR_RELOAD_CHANNEL } from './floor.sql';

/**
 * Demo quotas for the simulated center, set from its own history so targets are believable:
 * per member of each team a `calls_handled` shift target (the team's mean handled calls per
 * agent-day over the last four weeks, rounded) and an AHT limit (team AHT × 1.15), a team total
 * for the day (the mean total of the last four of today's weekday), and an admin campaign quota
 * on resolved calls for the week. New hires get the
 * ramp. Also, while the shifts import is not there, today's scheduled shifts from the demo file,
 * so the floor has people on it.
 */
export class QuotasDemoSeeder {
  constructor(
    private readonly db: DataSource,
    private readonly dir: string,
  ) {}

  async seed(): Promise<void> {
    await this.todayShifts();
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
      await quota(true, 'aht_seconds', 'shift', 'at_most', Math.round(t.aht * 1.15));
      if (t.day_total !== null && t.day_total > 0) {
        await quota(false, 'calls_handled', 'day', 'at_least', Math.round(t.day_total));
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
        [id, Math.round(c.weekly)],
      );
    }
    await this.db.query(`SELECT pg_notify('${FLOOR_RELOAD_CHANNEL}', '')`);
  }

  /** Today's shifts from the demo file when no shift is stored around now (no shifts import yet). */
  private async todayShifts(): Promise<void> {
    const file = join(this.dir, 'shifts.csv');
    const [{ n }]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM shift WHERE start_at BETWEEN now() - interval '1 day' AND now() + interval '1 day'`,
    );
    if (n > 0 || !existsSync(file)) {
      return;
    }
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = lines[0].split(',');
    const col = (name: string) => header.indexOf(name);
    const [iId, iEmp, iStart, iEnd, iKind, iBreak, iStatus, iAStart, iAEnd, iReason] = [
      'shift_id',
      'employee_code',
      'start',
      'end',
      'kind',
      'break_minutes',
      'status',
      'actual_start',
      'actual_end',
      'send_home_reason',
    ].map(col);
    const lo = Date.now() - 36 * 3_600_000;
    const hi = Date.now() + 36 * 3_600_000;
    const rows: string[][] = [];
    for (const line of lines.slice(1)) {
      const f = line.split(',');
      const start = Date.parse(f[iStart]);
      if (start >= lo && start <= hi) rows.push(f);
    }
    if (rows.length === 0) return;
    const text = (r: string[], i: number) => (i >= 0 && r[i] ? r[i] : null);
    // as the file says: yesterday's shifts were worked, missed or sent home, today's are to come
    await this.db.query(
      `INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, kind, break_minutes,
                          status, actual_start, actual_end, send_home_reason, send_home_at)
       SELECT u.code, a.id, u.s, u.e, (u.s AT TIME ZONE si.time_zone)::date, coalesce(u.k, 'regular'), coalesce(u.b, 0),
              coalesce(u.st, 'scheduled'), u.as, u.ae, u.r, CASE WHEN u.r IS NOT NULL THEN u.ae END
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::int[],
                   $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[])
            AS u(code, emp, s, e, k, b, st, "as", ae, r)
       JOIN agent a ON a.employee_code = u.emp JOIN team t ON t.id = a.team_id JOIN site si ON si.id = t.site_id
       ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r[iId]),
        rows.map((r) => r[iEmp]),
        rows.map((r) => r[iStart]),
        rows.map((r) => r[iEnd]),
        rows.map((r) => text(r, iKind)),
        rows.map((r) => (iBreak >= 0 && r[iBreak] ? Number(r[iBreak]) : 0)),
        rows.map((r) => text(r, iStatus)),
        rows.map((r) => text(r, iAStart)),
        rows.map((r) => text(r, iAEnd)),
        rows.map((r) => text(r, iReason)),
      ],
    );
  }
}
