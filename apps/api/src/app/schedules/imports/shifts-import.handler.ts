import type { PoolClient } from 'pg';
import type { ImportResult, ImportRowError } from '@floorwise/contracts';
import { DomainError, DomainErrorCode } from '../../common/domain-error';
import { type ImportHandler, NO_COUNTS } from '../../imports/import-handler';
import { MAX_LISTED_PROBLEMS, type RowProblems } from '../../imports/import-problems';
import type { ImportContext } from '../../imports/import.service';
import {
  AgentRef,
  localLabel,
  parseShift,
  SHIFT_COLUMNS,
  ShiftLookups,
  ShiftRow,
} from './shift-row';

/** The shifts the file already holds for one agent, flat: start, end, line per shift. */
interface AgentSpans {
  spans: number[];
  codes: string[];
}

const STAGE = `
  CREATE TEMP TABLE shift_stage (
    line              integer NOT NULL,
    shift_code        text NOT NULL,
    agent_id          integer NOT NULL,
    start_at          timestamptz NOT NULL,
    end_at            timestamptz NOT NULL,
    local_date        date NOT NULL,
    kind              text NOT NULL,
    break_minutes     integer NOT NULL,
    status            text NOT NULL,
    actual_start      timestamptz,
    actual_end        timestamptz,
    send_home_reason  text
  ) ON COMMIT DROP`;

/**
 * The `shifts` file (interfaces.md): every record is checked as it streams (fields, the agent,
 * the offsets against the site's clock, timesheets that the status allows, send-home reasons, and
 * overlaps with the file's earlier shifts of the same agent); clean rows go to a staging table.
 * At the end one query finds overlaps with shifts already stored (other than those the file
 * replaces), and one statement upserts by `shift_id`. All inside the import's transaction.
 */
export class ShiftsImport implements ImportHandler<ShiftRow> {
  readonly kind = 'shifts' as const;
  readonly columns = SHIFT_COLUMNS;
  readonly batchSize = 5000;
  readonly keyField = 'shift_id';
  private lookups!: ShiftLookups;
  private readonly byAgent = new Map<number, AgentSpans>();
  private readonly seenCodes = new Set<string>();
  private staged = 0;

  constructor(
    private readonly ctx: ImportContext,
    private readonly now: () => number = Date.now,
  ) {}

  async begin(client: PoolClient): Promise<void> {
    const agents = await client.query<{
      code: string;
      id: number;
      team_id: number;
      tz: string;
      hire: string;
      term: string | null;
    }>(
      `SELECT a.employee_code AS code, a.id, a.team_id, s.time_zone AS tz,
              to_char(a.hire_date, 'YYYY-MM-DD') AS hire,
              to_char(a.termination_date, 'YYYY-MM-DD') AS term
       FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id`,
    );
    const map = new Map<string, AgentRef>();
    for (const r of agents.rows) {
      map.set(r.code, {
        id: r.id,
        teamId: r.team_id,
        tz: r.tz,
        hireDate: r.hire,
        terminationDate: r.term,
      });
    }
    this.lookups = { agents: map, teamIds: await this.allowedTeams(client), now: this.now() };
    await client.query(STAGE);
  }

  /** A manager imports shifts of their own teams' agents only; admins (and the demo loader) all. */
  private async allowedTeams(client: PoolClient): Promise<ReadonlySet<number> | 'all'> {
    if (this.ctx.actorId === null) {
      return 'all';
    }
    const r = await client.query<{ role: string; team_ids: number[] }>(
      `SELECT u.role, coalesce(array_agg(t.id) FILTER (WHERE t.id IS NOT NULL), '{}') AS team_ids
       FROM app_user u LEFT JOIN team t ON lower(t.manager_email) = lower(u.email)
       WHERE u.id = $1 GROUP BY u.role`,
      [this.ctx.actorId],
    );
    const row = r.rows[0];
    return row && row.role === 'manager' ? new Set(row.team_ids) : 'all';
  }

  parse(values: Record<string, string>, problems: RowProblems): ShiftRow | null {
    const row = parseShift(problems.line, values, problems, this.lookups);
    if (row === null) {
      return null;
    }
    if (this.seenCodes.has(row.code)) {
      return row; // the pipeline reports the repeated shift_id; an overlap with itself says nothing more
    }
    this.seenCodes.add(row.code);
    let mine = this.byAgent.get(row.agentId);
    if (!mine) {
      mine = { spans: [], codes: [] };
      this.byAgent.set(row.agentId, mine);
    }
    const { spans, codes } = mine;
    for (let i = spans.length - 3; i >= 0; i -= 3) {
      if (spans[i] < row.endMs && row.startMs < spans[i + 1]) {
        problems.add(
          'start',
          `overlaps shift ${codes[i / 3]} of ${row.employeeCode} on line ${spans[i + 2]} ` +
            `(${span(spans[i], spans[i + 1], row.tz)}); no two shifts of an agent may overlap`,
        );
        return null;
      }
    }
    spans.push(row.startMs, row.endMs, row.line);
    codes.push(row.code);
    return row;
  }

  key(row: ShiftRow): string {
    return row.code;
  }

  async writeBatch(client: PoolClient, rows: ShiftRow[]): Promise<ImportResult> {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    await client.query(
      `INSERT INTO shift_stage
       SELECT * FROM unnest($1::int[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[],
                            $6::date[], $7::text[], $8::int[], $9::text[], $10::timestamptz[],
                            $11::timestamptz[], $12::text[])`,
      [
        rows.map((r) => r.line),
        rows.map((r) => r.code),
        rows.map((r) => r.agentId),
        rows.map((r) => iso(r.startMs)),
        rows.map((r) => iso(r.endMs)),
        rows.map((r) => r.localDate),
        rows.map((r) => r.kind),
        rows.map((r) => r.breakMinutes),
        rows.map((r) => r.status),
        rows.map((r) => iso(r.actualStartMs)),
        rows.map((r) => iso(r.actualEndMs)),
        rows.map((r) => r.sendHomeReason),
      ],
    );
    this.staged += rows.length;
    return NO_COUNTS;
  }

  async finish(client: PoolClient): Promise<ImportResult> {
    if (this.staged === 0) {
      return NO_COUNTS;
    }
    await client.query(`CREATE UNIQUE INDEX ON shift_stage (shift_code)`);
    await client.query(`ANALYZE shift_stage`);
    const errors = [
      ...(await this.foreignShifts(client)),
      ...(await this.storedOverlaps(client)),
    ].sort((a, b) => a.line - b.line);
    if (errors.length > 0) {
      throw new DomainError(
        DomainErrorCode.InvalidImport,
        `The shifts file was rejected: ${errors.length} problem${errors.length === 1 ? '' : 's'} found; nothing was written`,
        {
          errors: errors.slice(0, MAX_LISTED_PROBLEMS),
          errorCount: errors.length,
          truncated: errors.length > MAX_LISTED_PROBLEMS,
        },
      );
    }
    // The file was checked against itself and the stored shifts; the constraint is checked once
    // more after the whole upsert (a concurrent writer could still have got in between).
    await client.query(`SET CONSTRAINTS ex_shift_agent_overlap DEFERRED`);
    const r = await client.query<{ imported: string; updated: string }>(
      `WITH m AS (
         INSERT INTO shift (shift_code, agent_id, start_at, end_at, local_date, kind, break_minutes,
                            status, actual_start, actual_end, send_home_reason, send_home_at,
                            source, created_by)
         SELECT shift_code, agent_id, start_at, end_at, local_date, kind, break_minutes, status,
                actual_start, actual_end, send_home_reason,
                CASE WHEN status = 'sent_home' THEN actual_end END, 'import', $1::int
         FROM shift_stage
         ORDER BY agent_id, start_at -- neighbours in the overlap index: a third faster than file order
         ON CONFLICT (shift_code) DO UPDATE SET
           agent_id = EXCLUDED.agent_id, start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at,
           local_date = EXCLUDED.local_date, kind = EXCLUDED.kind,
           break_minutes = EXCLUDED.break_minutes, status = EXCLUDED.status,
           actual_start = EXCLUDED.actual_start, actual_end = EXCLUDED.actual_end,
           send_home_reason = EXCLUDED.send_home_reason, send_home_at = EXCLUDED.send_home_at,
           updated_at = now()
         WHERE (shift.agent_id, shift.start_at, shift.end_at, shift.kind, shift.break_minutes,
                shift.status, shift.actual_start, shift.actual_end, shift.send_home_reason)
               IS DISTINCT FROM
               (EXCLUDED.agent_id, EXCLUDED.start_at, EXCLUDED.end_at, EXCLUDED.kind,
                EXCLUDED.break_minutes, EXCLUDED.status, EXCLUDED.actual_start,
                EXCLUDED.actual_end, EXCLUDED.send_home_reason)
         RETURNING (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted) AS imported,
              count(*) FILTER (WHERE NOT inserted) AS updated FROM m`,
      [this.ctx.actorId],
    );
    try {
      await client.query(`SET CONSTRAINTS ex_shift_agent_overlap IMMEDIATE`);
    } catch (e) {
      throw new DomainError(
        DomainErrorCode.Conflict,
        `Another change to the same agents' shifts was saved while this file was imported; nothing was written — import it again (${(e as Error).message})`,
      );
    }
    const imported = Number(r.rows[0].imported);
    const updated = Number(r.rows[0].updated);
    const result = { imported, updated, duplicates: this.staged - imported - updated };
    await client.query(
      `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail)
       VALUES ($1, 'import', 'shift', NULL, $2)`,
      [this.ctx.actorId, JSON.stringify({ rows: this.staged, ...result })],
    );
    return result;
  }

  /** A manager may not take over, through its shift_id, a stored shift of another team's agent. */
  private async foreignShifts(client: PoolClient): Promise<ImportRowError[]> {
    const teams = this.lookups.teamIds;
    if (teams === 'all') {
      return [];
    }
    const r = await client.query<{ line: number; code: string; employee: string }>(
      `SELECT st.line, st.shift_code AS code, a.employee_code AS employee
       FROM shift_stage st JOIN shift x ON x.shift_code = st.shift_code
       JOIN agent a ON a.id = x.agent_id
       WHERE NOT (a.team_id = ANY($1::int[]))
       ORDER BY st.line LIMIT ${MAX_LISTED_PROBLEMS + 1}`,
      [[...teams]],
    );
    return r.rows.map((x) => ({
      line: x.line,
      field: 'shift_id',
      message: `shift_id ${x.code} is a shift of ${x.employee}, who is not in a team you manage`,
    }));
  }

  /** Overlaps with stored shifts of the same agent that this file does not replace. */
  private async storedOverlaps(client: PoolClient): Promise<ImportRowError[]> {
    const r = await client.query<{
      line: number;
      code: string;
      employee: string;
      tz: string;
      other: string;
      other_start: Date;
      other_end: Date;
    }>(
      `SELECT st.line, st.shift_code AS code, a.employee_code AS employee, s.time_zone AS tz,
              x.shift_code AS other, x.start_at AS other_start, x.end_at AS other_end
       FROM shift_stage st
       JOIN shift x ON x.agent_id = st.agent_id
                   AND tstzrange(x.start_at, x.end_at) && tstzrange(st.start_at, st.end_at)
       JOIN agent a ON a.id = st.agent_id
       JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id
       WHERE NOT EXISTS (SELECT 1 FROM shift_stage o WHERE o.shift_code = x.shift_code)
       ORDER BY st.line LIMIT ${MAX_LISTED_PROBLEMS + 1}`,
    );
    return r.rows.map((x) => ({
      line: x.line,
      field: 'start',
      message:
        `overlaps shift ${x.other} of ${x.employee} already stored ` +
        `(${span(x.other_start.getTime(), x.other_end.getTime(), x.tz)}); no two shifts of an agent may overlap`,
    }));
  }
}

function span(startMs: number, endMs: number, tz: string): string {
  const a = localLabel(startMs, tz);
  const b = localLabel(endMs, tz);
  return `${a}–${b.slice(0, 10) === a.slice(0, 10) ? b.slice(11) : b} ${tz}`;
}
