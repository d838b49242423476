import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, agentScheduleSummary, isoWeekday } from '@floorwise/analytics';
import type {
  AbsenceInput,
  PatternConflict,
  PatternInput,
  PatternResult,
  SendHomeInput,
  ShiftCreateInput,
  ShiftDto,
  ShiftUpdateInput,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import {
  conflict,
  DomainError,
  DomainErrorCode,
  forbidden,
  invalid,
  notFound,
} from '../common/domain-error';
import { localLabel, ShiftRow } from './imports/shift-row';
import {
  AgentRow,
  AgentShiftRow,
  groupByAgent,
  payConfigOf,
  ShiftRowDb,
  toShiftDto,
} from './schedule-rows';
import {
  AGENT_BY_CODE_SQL,
  AGENT_SCHEDULE_SQL,
  OVERLAPPING_SQL,
  SHIFT_BY_CODE_SQL,
} from './schedules.sql';
import { checkShift, resolveInstant, shiftInvalid } from './shift-input';

/** A pattern covers at most this many days (a quarter) and this many agents. */
export const MAX_PATTERN_DAYS = 92;
export const MAX_PATTERN_AGENTS = 500;
/** A send-home is recorded when it happens (or after): not ahead of the clock. */
const SEND_HOME_SKEW_MS = 5 * 60_000;
const EXCLUSION_VIOLATION = '23P01';
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

type StoredRow = AgentRow & ShiftRowDb & { shift_pk: string };

function agentRef(a: AgentRow) {
  return {
    employeeCode: a.employee_code,
    id: a.agent_id,
    teamId: a.team_id,
    tz: a.time_zone,
    hireDate: a.hire_date,
    terminationDate: a.termination_date,
  };
}

function span(startMs: number, endMs: number, tz: string): string {
  const a = localLabel(startMs, tz);
  const b = localLabel(endMs, tz);
  return `${a}–${b.slice(0, 10) === a.slice(0, 10) ? b.slice(11) : b} ${tz}`;
}

function newCode(prefix: string, employeeCode: string, localDate: string): string {
  return `${prefix}-${employeeCode}-${localDate.replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** A shift row from the import checker, as the values of `parseShift` again (for edits). */
function valuesOf(row: Partial<Record<string, string | null | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] = v == null ? '' : String(v);
  }
  return out;
}

/**
 * Shift editing (issue 4): single shifts, weekly patterns, absences and send-homes. Every change
 * is checked with the import's rules, refused when it overlaps another shift of the agent, and
 * written with its audit-log entry in one transaction. Managers touch their own teams' agents
 * only; admins everyone.
 */
@Injectable()
export class ShiftsService {
  constructor(private readonly db: DataSource) {}

  // ------------------------------------------------------------ reading

  /** One shift with its figures in the context of its agent's week. */
  async get(user: AuthUser, code: string): Promise<ShiftDto> {
    const row = await this.stored(code);
    if (user.role === 'agent' ? user.agentId !== row.agent_id : !this.sees(user, row)) {
      throw forbidden(
        `Shift ${code} is not one of ${user.role === 'agent' ? 'yours' : "your teams'"}`,
      );
    }
    return this.withFigures(code);
  }

  private sees(user: AuthUser, row: AgentRow): boolean {
    return user.teamIds === 'all' || user.teamIds.includes(row.team_id);
  }

  private mayEdit(user: AuthUser, row: AgentRow): void {
    if (user.role === 'admin') {
      return;
    }
    if (user.role !== 'manager' || !this.sees(user, row)) {
      throw forbidden(`${row.employee_code} is not in a team you manage`);
    }
  }

  private async stored(code: string, m: EntityManager | DataSource = this.db): Promise<StoredRow> {
    const [row]: StoredRow[] = await m.query(SHIFT_BY_CODE_SQL, [code]);
    if (!row) {
      throw notFound(`Shift ${code} does not exist`);
    }
    return row;
  }

  private async withFigures(code: string): Promise<ShiftDto> {
    const row = await this.stored(code);
    const date = row.local_date as string;
    const rows: AgentShiftRow[] = await this.db.query(AGENT_SCHEDULE_SQL, [
      row.employee_code,
      addDays(date, -7),
      addDays(date, 1),
    ]);
    const [{ agent, shifts }] = groupByAgent(rows);
    const config = payConfigOf(agent);
    const summary = agentScheduleSummary({
      shifts,
      zone: agent.time_zone,
      contractHours: config.contractHours,
      config,
      window: { from: date, to: date },
    });
    const figures = summary.shifts.find((f) => shifts[f.index].id === code);
    const shift = shifts.find((s) => s.id === code);
    if (!shift) {
      throw notFound(`Shift ${code} does not exist`);
    }
    return toShiftDto(shift, agent.employee_code, agent.time_zone, figures);
  }

  // ------------------------------------------------------------ single shifts

  async create(user: AuthUser, body: ShiftCreateInput): Promise<ShiftDto> {
    const [agent]: AgentRow[] = await this.db.query(AGENT_BY_CODE_SQL, [[body.employeeCode]]);
    if (!agent) {
      throw notFound(`Agent ${body.employeeCode} does not exist`);
    }
    this.mayEdit(user, agent);
    const tz = agent.time_zone;
    const { row, problems } = checkShift(
      valuesOf({
        shift_id: 'new',
        start: resolveInstant(body.start, 'start', tz),
        end: resolveInstant(body.end, 'end', tz),
        kind: body.kind ?? 'regular',
        break_minutes: String(body.breakMinutes ?? 0),
        status: 'scheduled',
      }),
      agentRef(agent),
    );
    if (!row) {
      throw shiftInvalid(problems);
    }
    const code = newCode('M', agent.employee_code, row.localDate);
    await this.db.transaction(async (m) => {
      await this.refuseOverlap(m, row, [code]);
      await this.insert(m, [{ ...row, code }], user, body.note ?? null);
      await audit(m, user, 'shift.create', code, { after: describe(row, body.note) });
    });
    return this.withFigures(code);
  }

  async update(user: AuthUser, code: string, body: ShiftUpdateInput): Promise<ShiftDto> {
    await this.db.transaction(async (m) => {
      const before = await this.lockedRow(m, code);
      this.mayEdit(user, before);
      const tz = before.time_zone;
      const opt = (v: string | null | undefined, f: string) =>
        v == null || v === '' ? '' : resolveInstant(v, f, tz);
      const { row, problems } = checkShift(
        valuesOf({
          shift_id: code,
          start: resolveInstant(body.start, 'start', tz),
          end: resolveInstant(body.end, 'end', tz),
          kind: body.kind,
          break_minutes: String(body.breakMinutes),
          status: body.status,
          actual_start: opt(body.actualStart, 'actualStart'),
          actual_end: opt(body.actualEnd, 'actualEnd'),
          send_home_reason: body.sendHomeReason ?? '',
        }),
        agentRef(before),
      );
      if (!row) {
        throw shiftInvalid(problems);
      }
      await this.refuseOverlap(m, row, [code]);
      await this.write(m, code, row, body.note === undefined ? before.note : body.note);
      await audit(m, user, 'shift.update', code, {
        before: describeStored(before),
        after: describe(row, body.note),
      });
    });
    return this.withFigures(code);
  }

  async remove(user: AuthUser, code: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const before = await this.lockedRow(m, code);
      this.mayEdit(user, before);
      if (before.status === 'worked' || before.status === 'sent_home') {
        throw conflict(
          `Shift ${code} has a timesheet (${before.status}) that pay is computed from: correct its times or mark it absent instead of deleting it`,
        );
      }
      await m.query(`DELETE FROM shift WHERE shift_code = $1`, [code]);
      await audit(m, user, 'shift.delete', code, { before: describeStored(before) });
    });
  }

  async absence(user: AuthUser, code: string, body: AbsenceInput): Promise<ShiftDto> {
    const status = body.type === 'excused' ? 'absent_excused' : 'absent_unplanned';
    return this.changeStatus(user, code, 'shift.absence', () => ({ status, note: body.note }));
  }

  async sendHome(user: AuthUser, code: string, body: SendHomeInput): Promise<ShiftDto> {
    return this.changeStatus(user, code, 'shift.send_home', (before) => {
      const tz = before.time_zone;
      const at = body.at ? resolveInstant(body.at, 'at', tz) : new Date().toISOString();
      const atMs = Date.parse(at);
      if (atMs > Date.now() + SEND_HOME_SKEW_MS) {
        throw invalid(`at ${body.at} is in the future: record a send-home when it happens`);
      }
      const actualStart = body.actualStart
        ? resolveInstant(body.actualStart, 'actualStart', tz)
        : before.actual_start_ms != null
          ? new Date(before.actual_start_ms).toISOString()
          : new Date(before.start_ms as number).toISOString();
      return {
        status: 'sent_home',
        actualStart,
        actualEnd: at,
        reason: body.reason,
        note: body.note,
      };
    });
  }

  private async changeStatus(
    user: AuthUser,
    code: string,
    action: string,
    change: (before: StoredRow) => {
      status: string;
      actualStart?: string;
      actualEnd?: string;
      reason?: string;
      note?: string | null;
    },
  ): Promise<ShiftDto> {
    await this.db.transaction(async (m) => {
      const before = await this.lockedRow(m, code);
      this.mayEdit(user, before);
      const c = change(before);
      const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
      const { row, problems } = checkShift(
        valuesOf({
          shift_id: code,
          start: iso(before.start_ms),
          end: iso(before.end_ms),
          kind: before.kind,
          break_minutes: String(before.break_minutes),
          status: c.status,
          actual_start: c.actualStart ?? '',
          actual_end: c.actualEnd ?? '',
          send_home_reason: c.reason ?? '',
        }),
        agentRef(before),
      );
      if (!row) {
        throw shiftInvalid(problems);
      }
      await this.write(m, code, row, c.note === undefined ? before.note : c.note);
      await audit(m, user, action, code, {
        before: describeStored(before),
        after: describe(row, c.note),
      });
    });
    return this.withFigures(code);
  }

  // ------------------------------------------------------------ weekly pattern

  /**
   * A weekly pattern applied to several agents over a date range, all or nothing: every
   * agent × date that cannot take its shift (an overlap, a time the clocks skip, a date outside
   * employment) is reported, and nothing is written unless there is none.
   */
  async pattern(user: AuthUser, body: PatternInput): Promise<PatternResult> {
    const codes = [...new Set(body.employeeCodes)];
    const days = this.checkPattern(body, codes);
    const agents: AgentRow[] = await this.db.query(AGENT_BY_CODE_SQL, [codes]);
    const missing = codes.filter((c) => !agents.some((a) => a.employee_code === c));
    if (missing.length > 0) {
      throw notFound(`No agent ${missing.join(', ')}`);
    }
    const foreign = agents.filter((a) => user.role !== 'admin' && !this.sees(user, a));
    if (foreign.length > 0 || (user.role !== 'admin' && user.role !== 'manager')) {
      throw forbidden(
        `${foreign.map((a) => a.employee_code).join(', ') || 'These agents'} ${foreign.length === 1 ? 'is' : 'are'} not in a team you manage`,
      );
    }
    const conflicts: PatternConflict[] = [];
    const planned: (ShiftRow & { employeeCode: string })[] = [];
    for (const agent of agents.sort((a, b) => a.employee_code.localeCompare(b.employee_code))) {
      const tz = agent.time_zone;
      for (let d = body.from; d <= body.to; d = addDays(d, 1)) {
        for (const p of days.filter((x) => x.weekday === isoWeekday(d))) {
          const endDate = p.end <= p.start ? addDays(d, 1) : d;
          let start: string;
          let end: string;
          try {
            start = resolveInstant(`${d}T${p.start}`, 'start', tz);
            end = resolveInstant(`${endDate}T${p.end}`, 'end', tz);
          } catch (e) {
            conflicts.push({
              employeeCode: agent.employee_code,
              date: d,
              message: (e as Error).message,
            });
            continue;
          }
          const { row, problems } = checkShift(
            valuesOf({
              shift_id: 'pattern',
              start,
              end,
              kind: p.kind ?? 'regular',
              break_minutes: String(p.breakMinutes ?? 0),
              status: 'scheduled',
            }),
            agentRef(agent),
          );
          if (!row) {
            conflicts.push(
              ...problems.map((x) => ({
                employeeCode: agent.employee_code,
                date: d,
                message: x.message,
              })),
            );
            continue;
          }
          const clash = planned.find(
            (o) => o.agentId === row.agentId && o.startMs < row.endMs && row.startMs < o.endMs,
          );
          if (clash) {
            conflicts.push({
              employeeCode: agent.employee_code,
              date: d,
              message: `the pattern's shift ${span(row.startMs, row.endMs, tz)} overlaps its own shift of ${clash.localDate}`,
            });
            continue;
          }
          planned.push({
            ...row,
            code: newCode('P', agent.employee_code, row.localDate),
            employeeCode: agent.employee_code,
          });
        }
      }
    }
    if (planned.length === 0 && conflicts.length === 0) {
      throw invalid(`No date from ${body.from} to ${body.to} falls on the pattern's weekdays`);
    }
    const write = async (m: EntityManager) => {
      if (planned.length > 0) {
        const first = Math.min(...planned.map((p) => p.startMs));
        const last = Math.max(...planned.map((p) => p.endMs));
        const stored: { shift_code: string; start_ms: number; end_ms: number; agent_id: number }[] =
          await m.query(OVERLAPPING_SQL, [
            agents.map((a) => a.agent_id),
            new Date(first).toISOString(),
            new Date(last).toISOString(),
            [],
          ]);
        for (const p of planned) {
          const hit = stored.find(
            (s) => s.agent_id === p.agentId && s.start_ms < p.endMs && p.startMs < s.end_ms,
          );
          if (hit) {
            conflicts.push({
              employeeCode: p.employeeCode,
              date: p.localDate,
              message: `overlaps shift ${hit.shift_code} (${span(hit.start_ms, hit.end_ms, p.tz)})`,
            });
          }
        }
      }
      if (conflicts.length > 0 && !body.preview) {
        conflicts.sort(
          (a, b) => a.employeeCode.localeCompare(b.employeeCode) || a.date.localeCompare(b.date),
        );
        throw new DomainError(
          DomainErrorCode.Conflict,
          `The pattern was not applied: ${conflicts.length} agent-date${conflicts.length === 1 ? '' : 's'} cannot take it; nothing was written`,
          { conflicts },
        );
      }
      if (!body.preview) {
        await this.insert(m, planned, user, body.note ?? null);
        await audit(m, user, 'shift.pattern', null, {
          employeeCodes: codes,
          from: body.from,
          to: body.to,
          days,
          created: planned.map((p) => p.code),
        });
      }
    };
    await this.db.transaction(write);
    conflicts.sort(
      (a, b) => a.employeeCode.localeCompare(b.employeeCode) || a.date.localeCompare(b.date),
    );
    const byCode = new Map(agents.map((a) => [a.agent_id, a]));
    return {
      created: body.preview ? 0 : planned.length,
      preview: body.preview === true,
      conflicts,
      shifts: planned.map((p) => {
        const a = byCode.get(p.agentId) as AgentRow;
        return toShiftDto(
          {
            id: p.code,
            localDate: p.localDate,
            start: p.startMs,
            end: p.endMs,
            breakMinutes: p.breakMinutes,
            status: 'scheduled',
            kind: p.kind,
            note: body.note ?? null,
            source: 'manual',
          },
          a.employee_code,
          a.time_zone,
        );
      }),
    };
  }

  private checkPattern(body: PatternInput, codes: string[]) {
    const problems: string[] = [];
    if (codes.length === 0) {
      problems.push('employeeCodes must name at least one agent');
    }
    if (codes.length > MAX_PATTERN_AGENTS) {
      problems.push(`a pattern applies to at most ${MAX_PATTERN_AGENTS} agents at once`);
    }
    if (body.to < body.from) {
      problems.push(`to ${body.to} is before from ${body.from}`);
    } else if (
      DateTime.fromISO(body.to).diff(DateTime.fromISO(body.from), 'days').days + 1 >
      MAX_PATTERN_DAYS
    ) {
      problems.push(`a pattern covers at most ${MAX_PATTERN_DAYS} days`);
    }
    if (body.days.length === 0) {
      problems.push('days must hold at least one weekday');
    }
    const days = body.days.map((d, i) => {
      if (!HHMM.test(d.start) || !HHMM.test(d.end)) {
        problems.push(`days[${i}]: start and end must be local times HH:mm`);
      }
      return { ...d, breakMinutes: d.breakMinutes ?? 0, kind: d.kind ?? 'regular' };
    });
    const weekdays = days.map((d) => d.weekday);
    if (new Set(weekdays).size !== weekdays.length) {
      problems.push('each weekday may appear once in a pattern');
    }
    if (problems.length > 0) {
      throw invalid(`The pattern is not valid: ${problems.join('; ')}`);
    }
    return days;
  }

  // ------------------------------------------------------------ writing

  private async lockedRow(m: EntityManager, code: string): Promise<StoredRow> {
    const row = await this.stored(code, m);
    await m.query(`SELECT 1 FROM shift WHERE id = $1 FOR UPDATE`, [row.shift_pk]);
    return this.stored(code, m);
  }

  private async refuseOverlap(m: EntityManager, row: ShiftRow, except: string[]): Promise<void> {
    const hits: { shift_code: string; start_ms: number; end_ms: number }[] = await m.query(
      OVERLAPPING_SQL,
      [
        [row.agentId],
        new Date(row.startMs).toISOString(),
        new Date(row.endMs).toISOString(),
        except,
      ],
    );
    if (hits.length > 0) {
      const h = hits[0];
      throw conflict(
        `The shift overlaps shift ${h.shift_code} of ${row.employeeCode} (${span(h.start_ms, h.end_ms, row.tz)}); no two shifts of an agent may overlap`,
      );
    }
  }

  private async insert(m: EntityManager, rows: ShiftRow[], user: AuthUser, note: string | null) {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    await m
      .query(
        `INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, kind, break_minutes,
                            status, note, source, created_by)
         SELECT c, a, s, e, d, k, b, 'scheduled', $8, 'manual', $9
         FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[], $5::date[],
                     $6::text[], $7::int[]) AS t(c, a, s, e, d, k, b)`,
        [
          rows.map((r) => r.code),
          rows.map((r) => r.agentId),
          rows.map((r) => iso(r.startMs)),
          rows.map((r) => iso(r.endMs)),
          rows.map((r) => r.localDate),
          rows.map((r) => r.kind),
          rows.map((r) => r.breakMinutes),
          note,
          user.id,
        ],
      )
      .catch(overlapAsConflict);
  }

  private async write(m: EntityManager, code: string, row: ShiftRow, note: string | null) {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    await m
      .query(
        `UPDATE shift SET start_at = $2, end_at = $3, local_date = $4, kind = $5, break_minutes = $6,
                status = $7, actual_start = $8, actual_end = $9, send_home_reason = $10,
                send_home_at = CASE WHEN $7 = 'sent_home' THEN $9::timestamptz END, note = $11,
                updated_at = now()
         WHERE shift_code = $1`,
        [
          code,
          iso(row.startMs),
          iso(row.endMs),
          row.localDate,
          row.kind,
          row.breakMinutes,
          row.status,
          iso(row.actualStartMs),
          iso(row.actualEndMs),
          row.sendHomeReason,
          note,
        ],
      )
      .catch(overlapAsConflict);
  }
}

function overlapAsConflict(e: unknown): never {
  if ((e as { code?: string }).code === EXCLUSION_VIOLATION) {
    throw conflict('Another shift of the agent was saved at the same time and overlaps this one');
  }
  throw e;
}

function describe(row: ShiftRow, note?: string | null) {
  return {
    employeeCode: row.employeeCode,
    start: new Date(row.startMs).toISOString(),
    end: new Date(row.endMs).toISOString(),
    kind: row.kind,
    breakMinutes: row.breakMinutes,
    status: row.status,
    actualStart: row.actualStartMs === null ? null : new Date(row.actualStartMs).toISOString(),
    actualEnd: row.actualEndMs === null ? null : new Date(row.actualEndMs).toISOString(),
    sendHomeReason: row.sendHomeReason,
    ...(note !== undefined ? { note } : {}),
  };
}

function describeStored(r: StoredRow) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    employeeCode: r.employee_code,
    start: iso(r.start_ms),
    end: iso(r.end_ms),
    kind: r.kind,
    breakMinutes: r.break_minutes,
    status: r.status,
    actualStart: iso(r.actual_start_ms),
    actualEnd: iso(r.actual_end_ms),
    sendHomeReason: r.send_home_reason,
    note: r.note,
  };
}

async function audit(
  m: EntityManager,
  user: AuthUser,
  action: string,
  code: string | null,
  detail: Record<string, unknown>,
): Promise<void> {
  await m.query(
    `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail) VALUES ($1, $2, 'shift', $3, $4)`,
    [user.id, action, code, JSON.stringify(detail)],
  );
}
