import {
  DEFAULT_PAY_CONFIG,
  DEFAULT_PAY_PERIOD_RULE,
  PayConfig,
  PayPeriodRule,
  dayString,
  ShiftFigures,
  WorkShift,
  ZoneClock,
} from '@floorwise/analytics';
import type {
  PayPeriodKind,
  SendHomeReason,
  ShiftDto,
  ShiftKind,
  ShiftStatus,
} from '@floorwise/contracts';

/** The agent and rules columns of `AGENT_COLUMNS` (schedules.sql.ts). */
export interface AgentRow {
  agent_id: number;
  employee_code: string;
  full_name: string;
  team_code: string;
  team_id: number;
  site_code: string;
  time_zone: string;
  holidays: string[];
  contract_hours: number;
  hourly_rate_cents: number;
  hire_date: string;
  termination_date: string | null;
  has_rules: boolean;
  rules_contract_hours: number | null;
  overtime_multiplier: number | null;
  night_start: number | null;
  night_end: number | null;
  night_pct: number | null;
  weekend_pct: number | null;
  holiday_pct: number | null;
  weekend_days: number[] | null;
  min_reporting_pay_hours: number | null;
  pay_period: PayPeriodKind | null;
  pay_period_anchor: string | null;
}

/** The shift columns of `SHIFT_COLUMNS`; all null for an agent without shifts (LEFT JOIN). */
export interface ShiftRowDb {
  shift_code: string | null;
  start_ms: number | null;
  end_ms: number | null;
  local_date: string | null;
  kind: ShiftKind | null;
  break_minutes: number | null;
  status: ShiftStatus | null;
  actual_start_ms: number | null;
  actual_end_ms: number | null;
  send_home_reason: SendHomeReason | null;
  send_home_at_ms: number | null;
  note: string | null;
  source: 'import' | 'manual' | 'floor' | null;
}

/**
 * One shift as `shiftsOf` (schedules.sql.ts) aggregates it: code, start ms, end ms, local date,
 * kind, break minutes, status, actual start ms, actual end ms, send-home reason, send-home ms,
 * note, source.
 */
export type ShiftTuple = [
  string,
  number,
  number,
  string,
  ShiftKind,
  number,
  ShiftStatus,
  number | null,
  number | null,
  SendHomeReason | null,
  number | null,
  string | null,
  'import' | 'manual' | 'floor',
];

/** An agent row with their shifts aggregated (null: none in the window). */
export type AgentShiftRow = AgentRow & { shifts: ShiftTuple[] | null };

/** A stored shift, ready for the analytics functions (instants as epoch ms). */
export interface StoredShift extends WorkShift {
  id: string;
  localDate: string;
  start: number;
  end: number;
  note: string | null;
  source: 'import' | 'manual' | 'floor';
}

/** One agent with their shifts, in row order. */
export interface AgentWithShifts {
  agent: AgentRow;
  shifts: StoredShift[];
}

/** The site's pay rules as the analytics `PayConfig` (metrics.md §4 defaults where unsaved). */
export function payConfigOf(r: AgentRow, agentContractHours = true): PayConfig {
  const base: PayConfig = r.has_rules
    ? {
        contractHours: Number(r.rules_contract_hours),
        overtimeMultiplier: Number(r.overtime_multiplier),
        nightStart: Number(r.night_start),
        nightEnd: Number(r.night_end),
        nightPct: Number(r.night_pct),
        weekendPct: Number(r.weekend_pct),
        holidayPct: Number(r.holiday_pct),
        weekendDays: (r.weekend_days ?? [6, 7]).map(Number),
        minReportingPayHours: Number(r.min_reporting_pay_hours),
        holidays: r.holidays ?? [],
      }
    : { ...DEFAULT_PAY_CONFIG, holidays: r.holidays ?? [] };
  // metrics.md §4: overtime is beyond "the agent's contract hours"; the site's value is the
  // default for agents who have none (agent rows always carry one, 40 unless imported otherwise)
  return agentContractHours && r.contract_hours
    ? { ...base, contractHours: Number(r.contract_hours) }
    : base;
}

export function payPeriodRuleOf(
  r: Pick<AgentRow, 'pay_period' | 'pay_period_anchor'>,
): PayPeriodRule {
  return r.pay_period && r.pay_period_anchor
    ? { kind: r.pay_period, anchor: r.pay_period_anchor }
    : DEFAULT_PAY_PERIOD_RULE;
}

export function toStoredShift(r: ShiftRowDb): StoredShift | null {
  if (r.shift_code === null || r.start_ms === null || r.end_ms === null) {
    return null;
  }
  return {
    id: r.shift_code,
    localDate: r.local_date as string,
    start: r.start_ms,
    end: r.end_ms,
    breakMinutes: r.break_minutes ?? 0,
    status: r.status as ShiftStatus,
    kind: r.kind as ShiftKind,
    actualStart: r.actual_start_ms,
    actualEnd: r.actual_end_ms,
    sendHomeReason: r.send_home_reason,
    sendHomeAt: r.send_home_at_ms,
    note: r.note,
    source: r.source ?? 'import',
  };
}

function fromTuple(t: ShiftTuple): StoredShift {
  return {
    id: t[0],
    start: t[1],
    end: t[2],
    localDate: t[3],
    kind: t[4],
    breakMinutes: t[5],
    status: t[6],
    actualStart: t[7],
    actualEnd: t[8],
    sendHomeReason: t[9],
    sendHomeAt: t[10],
    note: t[11],
    source: t[12],
  };
}

/** Rows of `AGENT_COLUMNS` with `shiftsOf(…) AS shifts` as agents with their shifts. */
export function groupByAgent(rows: readonly AgentShiftRow[]): AgentWithShifts[] {
  return rows.map((r) => ({ agent: r, shifts: (r.shifts ?? []).map(fromTuple) }));
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * ISO 8601 with the zone's offset at that instant: `2026-11-10T09:00:00-06:00`. Plain arithmetic
 * on the local milliseconds (a roster formats ten thousand instants).
 */
export function formatInstant(ms: number, zone: string): string {
  const offsetMin = ZoneClock.of(zone).offsetMinutes(ms);
  const local = ms + offsetMin * 60_000;
  const day = Math.floor(local / 86_400_000);
  let rest = local - day * 86_400_000;
  const millis = rest % 1000;
  rest = (rest - millis) / 1000;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  const min = rest % 60;
  const hour = (rest - min) / 60;
  const a = Math.abs(offsetMin);
  return (
    `${dayString(day)}T${pad(hour)}:${pad(min)}:${pad(sec)}` +
    (millis ? `.${String(millis).padStart(3, '0')}` : '') +
    `${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
  );
}

const NO_FIGURES: Omit<ShiftFigures, 'index'> = {
  scheduledSeconds: 0,
  workedSeconds: 0,
  plannedSeconds: 0,
  paidSeconds: 0,
  lostSeconds: 0,
  stayLateSeconds: 0,
  overtimeSeconds: 0,
  restBeforeSeconds: null,
  shortRestBefore: false,
  consecutiveDay: null,
};

export function toShiftDto(
  s: StoredShift,
  employeeCode: string,
  zone: string,
  figures: Omit<ShiftFigures, 'index'> = NO_FIGURES,
): ShiftDto {
  const { index: _index, ...f } = figures as ShiftFigures;
  return {
    shiftId: s.id,
    employeeCode,
    localDate: s.localDate,
    start: formatInstant(s.start, zone),
    end: formatInstant(s.end, zone),
    kind: s.kind,
    breakMinutes: s.breakMinutes,
    status: s.status,
    actualStart: s.actualStart == null ? null : formatInstant(s.actualStart as number, zone),
    actualEnd: s.actualEnd == null ? null : formatInstant(s.actualEnd as number, zone),
    sendHomeReason: s.sendHomeReason ?? null,
    sendHomeAt: s.sendHomeAt == null ? null : formatInstant(s.sendHomeAt as number, zone),
    note: s.note,
    source: s.source,
    figures: f,
  };
}
