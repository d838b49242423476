import { DateTime } from 'luxon';
import { ZoneClock } from '@floorwise/analytics';
import {
  SEND_HOME_REASONS,
  SendHomeReason,
  SHIFT_KINDS,
  SHIFT_STATUSES,
  ShiftKind,
  ShiftStatus,
} from '@floorwise/contracts';
import type { RowProblems } from '../../imports/import-problems';

/** The `shifts` file of interfaces.md. */
export const SHIFT_COLUMNS = [
  { name: 'shift_id', required: true },
  { name: 'employee_code', required: true },
  { name: 'start', required: true },
  { name: 'end', required: true },
  { name: 'kind', required: false },
  { name: 'break_minutes', required: false },
  { name: 'status', required: false },
  { name: 'actual_start', required: false },
  { name: 'actual_end', required: false },
  { name: 'send_home_reason', required: false },
] as const;

/** A shift longer than this is a typo (a wrong date), not a shift. */
export const MAX_SHIFT_HOURS = 24;
/** A status that says the shift began may run this far ahead of the server's clock (skew). */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/**
 * Timesheet instants may not lie further ahead than this: it catches a wrong year or month, while
 * a file exported in the morning may still carry a night shift's clock-out planned for later
 * (the demo data does: its history ends yesterday, and last night's shifts end today).
 */
export const ACTUAL_FUTURE_TOLERANCE_MS = 24 * 3_600_000;
const MS_PER_MINUTE = 60_000;

/** Statuses that carry a timesheet (metrics.md §4). */
export const TIMESHEET_STATUSES: readonly ShiftStatus[] = ['worked', 'sent_home'];
/** Statuses that say something already happened, so the shift cannot lie in the future. */
const PAST_STATUSES: readonly ShiftStatus[] = ['worked', 'sent_home', 'absent_unplanned'];

export interface AgentRef {
  id: number;
  teamId: number;
  tz: string;
  hireDate: string;
  terminationDate: string | null;
}

/** A checked row of the shifts file (instants as epoch ms). */
export interface ShiftRow {
  line: number;
  code: string;
  employeeCode: string;
  agentId: number;
  tz: string;
  startMs: number;
  endMs: number;
  /** Site-local date of the start. */
  localDate: string;
  kind: ShiftKind;
  breakMinutes: number;
  status: ShiftStatus;
  actualStartMs: number | null;
  actualEndMs: number | null;
  sendHomeReason: SendHomeReason | null;
}

export interface ShiftLookups {
  agents: Map<string, AgentRef>;
  /** Teams the importer may touch (a manager's own), or `all`. */
  teamIds: ReadonlySet<number> | 'all';
  now: number;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)$/i;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

interface ParsedInstant {
  ms: number;
  /** Minutes east of UTC as written; null for `Z` / `+00:00` (UTC, always accepted). */
  offsetMinutes: number | null;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An ISO 8601 date-time with an offset, checked and converted without a library call. */
export function parseInstant(v: string): ParsedInstant | string {
  const m = ISO.exec(v);
  if (!m) {
    return `"${v}" is not an ISO 8601 date-time with an offset (e.g. 2026-03-02T09:00:00-06:00)`;
  }
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = Number(m[6] ?? 0);
  const frac = m[7] ? Number(`0.${m[7]}`) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return `"${v}" is a date-time that does not exist`;
  }
  let offsetMinutes: number | null = null;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = Number(m[11] ?? 0);
    if (oh > 14 || om > 59) {
      return `"${v}" has an offset that does not exist (${m[9]}${m[10]}:${m[11] ?? '00'})`;
    }
    const signed = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
    offsetMinutes = signed === 0 ? null : signed;
  }
  const local = Date.UTC(y, mo - 1, d, h, mi, s) + Math.round(frac * 1000);
  return { ms: local - (offsetMinutes ?? 0) * MS_PER_MINUTE, offsetMinutes };
}

/** `+05:30` / `-06:00` of minutes east of UTC. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** `2026-11-10 09:00` in the site's zone (for messages). */
export function localLabel(ms: number, tz: string): string {
  return DateTime.fromMillis(ms, { zone: tz }).toFormat('yyyy-MM-dd HH:mm');
}

/**
 * Reads an instant field and checks its offset against the site's clock: an offset the site does
 * not have at that instant (a summer time written with the winter offset, a wall time inside the
 * spring-forward gap) is almost always a time-zone bug in the exporting system.
 */
function instantField(
  values: Record<string, string>,
  name: string,
  p: RowProblems,
  tz: string | null,
): number | null | undefined {
  const v = (values[name] ?? '').trim();
  if (v === '') {
    return null;
  }
  const parsed = parseInstant(v);
  if (typeof parsed === 'string') {
    p.add(name, `${name} ${parsed}`);
    return undefined;
  }
  if (tz !== null && parsed.offsetMinutes !== null) {
    const siteOffset = ZoneClock.of(tz).offsetMinutes(parsed.ms);
    if (siteOffset !== parsed.offsetMinutes) {
      p.add(
        name,
        `${name} "${v}" has offset ${formatOffset(parsed.offsetMinutes)}, but ${tz} is at ` +
          `${formatOffset(siteOffset)} at that instant (${localLabel(parsed.ms, tz)} local): ` +
          `write the site's offset or Z`,
      );
      return undefined;
    }
  }
  return parsed.ms;
}

function enumField<T extends string>(
  values: Record<string, string>,
  name: string,
  allowed: readonly T[],
  fallback: T | null,
  p: RowProblems,
): T | null | undefined {
  const v = (values[name] ?? '').trim();
  if (v === '') {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(v)) {
    p.add(name, `${name} "${v}" is not one of ${allowed.join(', ')}`);
    return undefined;
  }
  return v as T;
}

/**
 * Checks one record of the shifts file (interfaces.md): every problem is recorded with its field;
 * returns the row, or null when it has any problem. Overlaps are checked by the handler.
 */
export function parseShift(
  line: number,
  values: Record<string, string>,
  p: RowProblems,
  lookups: ShiftLookups,
): ShiftRow | null {
  const code = (values['shift_id'] ?? '').trim();
  if (code === '') {
    p.add('shift_id', 'shift_id is required');
  } else if (!CODE.test(code)) {
    p.add(
      'shift_id',
      `shift_id "${code}" is not an id (up to 100 letters, digits, "_", "-", ".", ":")`,
    );
  }
  const employeeCode = (values['employee_code'] ?? '').trim();
  let agent: AgentRef | undefined;
  if (employeeCode === '') {
    p.add('employee_code', 'employee_code is required');
  } else {
    agent = lookups.agents.get(employeeCode);
    if (!agent) {
      p.add(
        'employee_code',
        `employee_code "${employeeCode}" is not a known agent (import agents first)`,
      );
    } else if (lookups.teamIds !== 'all' && !lookups.teamIds.has(agent.teamId)) {
      p.add('employee_code', `employee_code "${employeeCode}" is not in a team you manage`);
      agent = undefined;
    }
  }
  const tz = agent?.tz ?? null;
  for (const name of ['start', 'end'] as const) {
    if ((values[name] ?? '').trim() === '') {
      p.add(name, `${name} is required`);
    }
  }
  const startMs = instantField(values, 'start', p, tz);
  const endMs = instantField(values, 'end', p, tz);
  const actualStartMs = instantField(values, 'actual_start', p, tz);
  const actualEndMs = instantField(values, 'actual_end', p, tz);
  const kind = enumField(values, 'kind', SHIFT_KINDS, 'regular', p);
  const status = enumField(values, 'status', SHIFT_STATUSES, 'scheduled', p);
  const reason = enumField(values, 'send_home_reason', SEND_HOME_REASONS, null, p);

  let breakMinutes: number | undefined = 0;
  const rawBreak = (values['break_minutes'] ?? '').trim();
  if (rawBreak !== '') {
    if (!/^-?\d+$/.test(rawBreak)) {
      p.add('break_minutes', `break_minutes "${rawBreak}" is not a whole number of minutes`);
      breakMinutes = undefined;
    } else if (Number(rawBreak) < 0) {
      p.add('break_minutes', `break_minutes ${rawBreak} is negative`);
      breakMinutes = undefined;
    } else {
      breakMinutes = Number(rawBreak);
    }
  }

  if (typeof startMs === 'number' && typeof endMs === 'number') {
    if (endMs <= startMs) {
      p.add(
        'end',
        endMs < startMs
          ? `end ${values['end'].trim()} is before start ${values['start'].trim()}`
          : 'end is the same instant as start: a shift must last',
      );
    } else if (endMs - startMs > MAX_SHIFT_HOURS * 3_600_000) {
      p.add(
        'end',
        `the shift lasts ${((endMs - startMs) / 3_600_000).toFixed(1)} h; a shift is at most ${MAX_SHIFT_HOURS} h`,
      );
    } else if (breakMinutes !== undefined && breakMinutes * MS_PER_MINUTE >= endMs - startMs) {
      p.add(
        'break_minutes',
        `break_minutes ${breakMinutes} is not shorter than the shift (${Math.round((endMs - startMs) / MS_PER_MINUTE)} min)`,
      );
    }
  }

  if (status) {
    const hasTimesheet = TIMESHEET_STATUSES.includes(status);
    if (!hasTimesheet) {
      for (const name of ['actual_start', 'actual_end'] as const) {
        if ((values[name] ?? '').trim() !== '') {
          p.add(
            name,
            `${name} must be empty for a ${status} shift: only worked and sent_home shifts have a timesheet`,
          );
        }
      }
    }
    if (status === 'sent_home' && reason === null) {
      p.add(
        'send_home_reason',
        'send_home_reason is required for a sent_home shift (goal_met, outage or low_volume)',
      );
    }
    if (status !== 'sent_home' && reason) {
      p.add(
        'send_home_reason',
        `send_home_reason "${reason}" is only for a sent_home shift; status is ${status}`,
      );
    }
    if (status === 'sent_home' && actualEndMs === null) {
      p.add('actual_end', 'actual_end is required for a sent_home shift: when the agent left');
    }
    if (typeof startMs === 'number' && PAST_STATUSES.includes(status)) {
      if (startMs > lookups.now + FUTURE_TOLERANCE_MS) {
        p.add('status', `status ${status} for a shift that has not started yet`);
      }
    }
  }

  let actualOrderBad = false;
  if (typeof actualStartMs === 'number' && typeof actualEndMs === 'number') {
    if (actualEndMs <= actualStartMs) {
      actualOrderBad = true;
      p.add(
        'actual_end',
        actualEndMs < actualStartMs
          ? `actual_end ${values['actual_end'].trim()} is before actual_start ${values['actual_start'].trim()}`
          : 'actual_end is the same instant as actual_start',
      );
    }
  }
  for (const [name, ms] of [
    ['actual_start', actualStartMs],
    ['actual_end', actualEndMs],
  ] as const) {
    if (typeof ms === 'number' && ms > lookups.now + ACTUAL_FUTURE_TOLERANCE_MS) {
      p.add(name, `${name} ${values[name].trim()} is more than a day in the future`);
    }
  }
  if (typeof startMs === 'number' && typeof endMs === 'number' && endMs > startMs) {
    if (typeof actualStartMs === 'number' && actualStartMs >= endMs) {
      p.add(
        'actual_start',
        'actual_start is after the scheduled end: the timesheet is not of this shift',
      );
    }
    if (typeof actualEndMs === 'number' && actualEndMs <= startMs && !actualOrderBad) {
      p.add(
        'actual_end',
        'actual_end is before the scheduled start: the timesheet is not of this shift',
      );
    }
    if (status === 'sent_home' && typeof actualEndMs === 'number' && actualEndMs > endMs) {
      p.add(
        'actual_end',
        `actual_end ${values['actual_end'].trim()} is after the scheduled end: a send-home ends the shift early`,
      );
    }
  }

  let localDate = '';
  if (agent && typeof startMs === 'number') {
    localDate = ZoneClock.of(agent.tz).localDate(startMs);
    if (localDate < agent.hireDate) {
      p.add(
        'start',
        `the shift starts on ${localDate}, before ${employeeCode} was hired (${agent.hireDate})`,
      );
    } else if (agent.terminationDate !== null && localDate > agent.terminationDate) {
      p.add(
        'start',
        `the shift starts on ${localDate}, after ${employeeCode}'s last day (${agent.terminationDate})`,
      );
    }
  }

  if (
    p.any ||
    !agent ||
    typeof startMs !== 'number' ||
    typeof endMs !== 'number' ||
    actualStartMs === undefined ||
    actualEndMs === undefined ||
    !kind ||
    !status ||
    reason === undefined ||
    breakMinutes === undefined
  ) {
    return null;
  }
  return {
    line,
    code,
    employeeCode,
    agentId: agent.id,
    tz: agent.tz,
    startMs,
    endMs,
    localDate,
    kind,
    breakMinutes,
    status,
    actualStartMs,
    actualEndMs,
    sendHomeReason: reason,
  };
}
