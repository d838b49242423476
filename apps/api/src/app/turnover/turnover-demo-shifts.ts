import { Logger } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/**
 * Demo only, and only until the shifts import (feat/schedules) is merged: the drivers of the
 * Turnover page read the `shift` table, which the demo fills through `POST /api/imports/shifts`
 * once that import exists. While it does not, this loads the generator's `shifts.csv` (a few MB,
 * the interfaces.md `shifts` columns) straight into `shift` so the demo shows real drivers.
 * It does nothing when the shifts import is registered or the table already holds shifts.
 */
export class TurnoverDemoShifts {
  private readonly logger = new Logger(TurnoverDemoShifts.name);

  constructor(private readonly db: DataSource) {}

  async loadIfMissing(dir: string, shiftsImportRegistered: boolean): Promise<number> {
    const file = join(dir, 'shifts.csv');
    if (shiftsImportRegistered || !existsSync(file)) {
      return 0;
    }
    const [{ any }]: { any: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM shift) AS any`,
    );
    if (any) {
      return 0;
    }
    const rows = parse(readFileSync(file, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as Record<string, string>[];
    const col = (name: string, empty: string | null = null) =>
      rows.map((r) => (r[name] === undefined || r[name] === '' ? empty : r[name]));
    const [{ n }]: { n: number }[] = await this.db.query(
      `WITH ins AS (
         INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, kind, break_minutes,
           status, actual_start, actual_end, send_home_reason, send_home_at)
         SELECT s.code, a.id, s.start_at, s.end_at,
           (s.start_at AT TIME ZONE site.time_zone)::date, s.kind, s.break_minutes, s.status,
           s.actual_start, s.actual_end, s.reason,
           CASE WHEN s.status = 'sent_home' THEN s.actual_end END
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::text[],
                     $6::int[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[])
           AS s(code, employee, start_at, end_at, kind, break_minutes, status, actual_start,
                actual_end, reason)
         JOIN agent a ON a.employee_code = s.employee
         JOIN team t ON t.id = a.team_id
         JOIN site ON site.id = t.site_id
         ON CONFLICT DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [
        col('shift_id'),
        col('employee_code'),
        col('start'),
        col('end'),
        col('kind', 'regular'),
        col('break_minutes', '0'),
        col('status', 'scheduled'),
        col('actual_start'),
        col('actual_end'),
        col('send_home_reason'),
      ],
    );
    this.logger.log(`demo shifts for the turnover drivers: ${n} rows (no shifts import yet)`);
    return n;
  }
}
