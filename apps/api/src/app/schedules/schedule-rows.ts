import {
  DEFAULT_PAY_CONFIG,
  DEFAULT_PAY_PERIOD_RULE,
  PayConfig,
  PayPeriodRule,
  ShiftFigures,
  WorkShift,
  ZoneOffsets,
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

export type AgentShiftRow = AgentRow & ShiftRowDb;

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

/** Groups rows of `AGENT_COLUMNS, SHIFT_COLUMNS` (ordered by agent) into agents with shifts. */
export function groupByAgent(rows: readonly AgentShiftRow[]): AgentWithShifts[] {
  const out: AgentWithShifts[] = [];
  let current: AgentWithShifts | null = null;
  for (const r of rows) {
    if (!current || current.agent.agent_id !== r.agent_id) {
      current = { agent: r, shifts: [] };
      out.push(current);
    }
    const s = toStoredShift(r);
    if (s) {
      current.shifts.push(s);
    }
  }
  return out;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 with the zone's offset at that instant: `2026-11-10T09:00:00-06:00`. */
export function formatInstant(ms: number, zone: string): string {
  const offsetMin = ZoneOffsets.of(zone).offsetMinutes(ms);
  const d = new Date(ms + offsetMin * 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const a = Math.abs(offsetMin);
  const msPart = d.getUTCMilliseconds();
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (msPart ? `.${String(msPart).padStart(3, '0')}` : '') +
    `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
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
