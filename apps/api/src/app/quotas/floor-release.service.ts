import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReleaseResult } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { conflict } from '../common/domain-error';
import { FLOOR_EVENT_CHANNEL, FLOOR_EVENT_LOCK } from './floor.sql';
import { FloorLiveService } from './floor-live.service';
import { badRequest, objectBody } from './quota-rules';

/**
 * Early release of agents whose daily goal is met (metrics.md §3): one action records, for each,
 * a paid `goal_met` send-home on the shift they are on — status `sent_home`, `send_home_at` and
 * `actual_end` now, `source = 'floor'` — with an audit entry and a floor event, all in one
 * transaction. Paid through the scheduled end by the pay rules (`paidSeconds`, metrics.md §4).
 */
@Injectable()
export class FloorReleaseService {
  constructor(
    private readonly db: DataSource,
    private readonly live: FloorLiveService,
  ) {}

  async release(user: AuthUser, body: unknown): Promise<ReleaseResult> {
    const b = objectBody(body, ['employeeCodes', 'note']);
    const codes = b['employeeCodes'];
    if (
      !Array.isArray(codes) ||
      codes.length === 0 ||
      codes.length > 500 ||
      !codes.every((c) => typeof c === 'string' && c.length > 0)
    ) {
      throw badRequest([
        { field: 'employeeCodes', message: 'employeeCodes must be a list of 1–500 employee codes' },
      ]);
    }
    if (b['note'] !== undefined && (typeof b['note'] !== 'string' || b['note'].length > 500)) {
      throw badRequest([{ field: 'note', message: 'note must be text of at most 500 characters' }]);
    }
    const unique = [...new Set(codes as string[])];
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(${FLOOR_EVENT_LOCK})`);
      const shifts: {
        shift_id: string;
        agent_id: number;
        team_id: number;
        employee_code: string;
        end_at: Date;
      }[] = await m.query(
        `SELECT s.id AS shift_id, a.id AS agent_id, a.team_id, a.employee_code, s.end_at
           FROM agent a JOIN shift s ON s.agent_id = a.id
           WHERE a.employee_code = ANY($1) AND s.start_at <= now() AND s.end_at > now()
             AND s.status IN ('scheduled', 'worked') AND (s.actual_end IS NULL OR s.actual_end > now())
             ${user.teamIds === 'all' ? '' : 'AND a.team_id = ANY($2)'}
           FOR UPDATE OF s`,
        user.teamIds === 'all' ? [unique] : [unique, user.teamIds],
      );
      const found = new Map(shifts.map((s) => [s.employee_code, s]));
      const problems: string[] = [];
      for (const code of unique) {
        const s = found.get(code);
        if (!s) {
          problems.push(`${code} is not on shift now in your teams`);
          continue;
        }
        const row = await this.live.agentRow(s.agent_id);
        if (!row?.dailyGoal?.eligibleForEarlyRelease) {
          problems.push(
            row?.dailyGoal
              ? `${code} has not met the daily goal (${row.dailyGoal.remaining} to go)`
              : `${code} has no daily goal to meet`,
          );
        }
      }
      if (problems.length > 0) {
        throw conflict(`Nobody was released: ${problems.join('; ')}`);
      }
      const released: ReleaseResult['released'] = [];
      for (const code of unique) {
        const s = found.get(code) as (typeof shifts)[number];
        const updated: [{ send_home_at: Date }[], number] = await m.query(
          `UPDATE shift SET status = 'sent_home', send_home_reason = 'goal_met', send_home_at = now(),
             actual_start = coalesce(actual_start, start_at), actual_end = now(), source = 'floor',
             note = coalesce($2, note), updated_at = now()
           WHERE id = $1 RETURNING send_home_at`,
          [s.shift_id, (b['note'] as string | undefined) ?? null],
        );
        const u = updated[0][0]; // TypeORM answers an UPDATE with [rows, count]
        await m.query(
          `INSERT INTO floor_event (kind, agent_id, team_id, shift_id) VALUES ('release', $1, $2, $3)`,
          [s.agent_id, s.team_id, s.shift_id],
        );
        await m.query(
          `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail) VALUES ($1, 'shift.release_goal_met', 'shift', $2, $3)`,
          [
            user.id,
            String(s.shift_id),
            JSON.stringify({
              employeeCode: code,
              reason: 'goal_met',
              paidThrough: s.end_at,
              note: b['note'] ?? null,
            }),
          ],
        );
        released.push({
          employeeCode: code,
          shiftId: Number(s.shift_id),
          sendHomeAt: new Date(u.send_home_at).toISOString(),
          paidThrough: new Date(s.end_at).toISOString(),
        });
      }
      await m.query(`SELECT pg_notify('${FLOOR_EVENT_CHANNEL}', '')`);
      return { released };
    });
  }
}
