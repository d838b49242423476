import { CHAIN, HOLIDAY_VOLUME, ramp, WEEKDAY_VOLUME } from './causal-model';
import { compactDay, isoWeekday, mondayOf } from './civil-date';
import { Rng } from './prng';
import { onVacation } from './roster';
import {
  AgentState,
  Phase,
  SendHomeReason,
  ShiftKind,
  ShiftStatus,
  SimContext,
  TeamState,
} from './sim-types';

const HOUR = 3600;
const MIN_REST_SECONDS = 8 * HOUR;
const IRREGULAR_MOVES = [-180, -120, -90, -60, 60, 90, 120, 180];
const OVERTIME_STARTS = [420, 480, 540, 600, 720, 840];
const OVERTIME_MINUTES = [360, 420, 480, 510];
const OUTAGE_IDLE_MINUTES: readonly [number, number] = [20, 75];

interface PlannedShift {
  agent: AgentState;
  kind: ShiftKind;
  start: number;
  end: number;
  breakMinutes: number;
  breakStart: number;
  status: ShiftStatus;
  actualStart: number;
  actualEnd: number;
  callEnd: number;
  reason: SendHomeReason | null;
}

export interface DayPlan {
  /** Offered handle seconds the team's volume brings today. */
  dayWork: number;
  /** dayWork ÷ planned agent seconds on the phones (after absences and overtime). */
  load: number;
}

/** Seasonal swing of call volume over the year (±5 %). */
function season(day: number): number {
  return 1 + 0.05 * Math.sin((2 * Math.PI * (day - 20)) / 365.25);
}

function earliestStart(agent: AgentState, start: number): number {
  const bound = agent.lastEnd + MIN_REST_SECONDS;
  return start >= bound ? start : Math.ceil(bound / 900) * 900;
}

function lateness(rng: Rng): number {
  const r = rng.next();
  if (r < 0.8) return rng.intBetween(-360, 60);
  if (r < 0.96) return rng.intBetween(120, 720);
  return rng.intBetween(780, 2400);
}

/** Closes the agent's Monday–Sunday week when a new one begins (weekly overtime of metrics.md §4). */
export function rollWeek(ctx: SimContext, agent: AgentState, week: number): void {
  if (agent.weekKey === week) return;
  if (agent.weekKey >= 0 && agent.weekKey + 6 >= ctx.windowStart && agent.weekKey <= ctx.endDay) {
    const excess = agent.weekWorkedSeconds - agent.contractHours * HOUR;
    if (excess > 0) agent.team.stats.weeklyOvertimeSeconds += excess;
  }
  agent.weekKey = week;
  agent.weekWorkedSeconds = 0;
  agent.overtimeShiftsThisWeek = 0;
}

/**
 * Plans the team's shifts for one local day, decides what happened to each (for past days), writes
 * the shift rows and hands the worked shifts to the call engine through `team.live`.
 */
export function scheduleTeamDay(
  ctx: SimContext,
  team: TeamState,
  day: number,
  phase: Phase,
  rng: Rng,
): DayPlan {
  const site = team.site;
  const clock = site.clock;
  const weekday = isoWeekday(day);
  const week = mondayOf(day);
  const holiday = site.holidays.has(day);
  const dayWork =
    (team.demandWeekSeconds / 7) *
    WEEKDAY_VOLUME[weekday - 1] *
    (holiday ? HOLIDAY_VOLUME : 1) *
    season(day) *
    rng.logNormal(1, 0.07);
  const past = phase !== 'future';
  const band = team.def.band;
  const irregularity = band === 'understaffed' ? 0.25 : band === 'stretched' ? 0.12 : 0.04;

  const plans: PlannedShift[] = [];
  const scheduled = new Set<AgentState>();
  const plan = (
    agent: AgentState,
    kind: ShiftKind,
    start: number,
    minutes: number,
    brk: number,
  ) => {
    // Breaks are staggered between 35 % and 60 % of the shift so the floor never empties at once.
    const breakOffset = Math.round((minutes * 60 * rng.between(0.35, 0.6)) / 900) * 900;
    const shift: PlannedShift = {
      agent,
      kind,
      start,
      end: start + minutes * 60,
      breakMinutes: brk,
      breakStart: start + breakOffset,
      status: 'scheduled',
      actualStart: 0,
      actualEnd: 0,
      callEnd: 0,
      reason: null,
    };
    agent.lastEnd = Math.max(agent.lastEnd, shift.end);
    plans.push(shift);
    scheduled.add(agent);
    return shift;
  };

  for (const agent of team.active) {
    rollWeek(ctx, agent, week);
    if (agent.hireDay > day) continue;
    if (weekday === agent.daysOff[0] || weekday === agent.daysOff[1]) continue;
    const training = agent.trainingLeft > 0;
    if (!training && holiday && rng.chance(0.4)) continue;
    let startMinute = training ? 540 : agent.startMinute;
    if (!training && rng.chance(irregularity)) startMinute += rng.pick(IRREGULAR_MOVES);
    startMinute = Math.max(0, Math.min(23 * 60 + 45, startMinute));
    const start = earliestStart(agent, clock.wallTime(day, startMinute));
    const shift = training
      ? plan(agent, 'training', start, 510, 30)
      : plan(agent, 'regular', start, agent.shiftMinutes, agent.breakMinutes);
    if (training) {
      agent.trainingLeft--;
      if (agent.trainingLeft === 0) agent.trainingEndDay = day;
    }
    if (onVacation(agent, day)) shift.status = 'absent_excused';
    else if (past && rng.chance(0.01)) shift.status = 'absent_excused';
    else if (
      past &&
      rng.chance(
        CHAIN.unplannedAbsenceRate *
          agent.absenceProneness *
          (1 + CHAIN.unplannedAbsenceStressSlope * agent.stress),
      )
    ) {
      shift.status = 'absent_unplanned';
    }
  }

  const phoneSeconds = (list: PlannedShift[]) => {
    let total = 0;
    for (const s of list) {
      if (s.kind !== 'training' && (s.status === 'scheduled' || s.status === 'worked')) {
        total += s.end - s.start - s.breakMinutes * 60;
      }
    }
    return total;
  };
  let supply = phoneSeconds(plans);
  let load = dayWork / Math.max(supply, HOUR);

  // Overtime: the manager fills part of the gap with agents on their day off.
  const wanted =
    load > CHAIN.overtimeTrigger
      ? Math.ceil(
          ((dayWork / CHAIN.overtimeTargetOccupancy - supply) * CHAIN.overtimeCoverShare) /
            (7.5 * HOUR),
        )
      : 0;
  const candidates = team.active.filter(
    (a) =>
      !scheduled.has(a) &&
      a.hireDay <= day &&
      a.trainingLeft === 0 &&
      !onVacation(a, day) &&
      a.overtimeShiftsThisWeek < CHAIN.maxOvertimeShiftsPerWeek,
  );
  rng.shuffle(candidates);
  let granted = 0;
  for (const agent of candidates) {
    if (granted < wanted || rng.chance(CHAIN.voluntaryOvertimeRate)) {
      granted++;
      const start = earliestStart(agent, clock.wallTime(day, rng.pick(OVERTIME_STARTS)));
      plan(agent, 'overtime', start, rng.pick(OVERTIME_MINUTES), 30);
      agent.overtimeShiftsThisWeek++;
    }
  }
  if (granted > 0) {
    supply = phoneSeconds(plans);
    load = dayWork / Math.max(supply, HOUR);
  }

  if (past) decideOutcomes(team, day, plans, load, rng);
  for (const shift of plans) recordShift(ctx, team, day, phase, shift);
  return { dayWork, load };
}

function decideOutcomes(
  team: TeamState,
  day: number,
  plans: PlannedShift[],
  load: number,
  rng: Rng,
): void {
  const clock = team.site.clock;
  const outageMinute = team.site.outages.get(day);
  const outageAt = outageMinute === undefined ? Number.NaN : clock.wallTime(day, outageMinute);
  const dayEnd = clock.localMidnight(day + 1);
  const lowVolume = load < 0.62;
  const goalMetRate = 0.03 * (1 - ramp(load, 0.8, 0.95));
  const stayLateRate = CHAIN.stayLateBase + CHAIN.stayLateSlope * ramp(load, 0.85, 1.05);
  for (const s of plans) {
    if (s.status !== 'scheduled') continue;
    const duration = s.end - s.start;
    const late = lateness(rng);
    s.actualStart = s.start + late;
    if (!Number.isNaN(outageAt) && s.end > outageAt && s.start < dayEnd) {
      s.status = 'sent_home';
      s.reason = 'outage';
      if (s.start < outageAt) {
        if (s.actualStart >= outageAt) s.actualStart = s.start;
        s.callEnd = outageAt;
        s.actualEnd = Math.min(
          s.end,
          outageAt + rng.intBetween(OUTAGE_IDLE_MINUTES[0], OUTAGE_IDLE_MINUTES[1]) * 60,
        );
      } else {
        s.actualStart = s.start + Math.max(0, late);
        s.actualEnd = s.actualStart + rng.intBetween(10, 30) * 60;
        s.callEnd = s.actualStart;
      }
    } else if (s.kind === 'regular' && lowVolume && rng.chance(0.3)) {
      s.status = 'sent_home';
      s.reason = 'low_volume';
      s.actualEnd = s.start + Math.round((duration * rng.between(0.45, 0.75)) / 60) * 60;
    } else if (s.kind === 'regular' && rng.chance(goalMetRate)) {
      s.status = 'sent_home';
      s.reason = 'goal_met';
      s.actualEnd = s.start + Math.round((duration * rng.between(0.75, 0.92)) / 60) * 60;
    } else {
      s.status = 'worked';
      if (rng.chance(stayLateRate)) {
        s.actualEnd =
          s.end + (rng.chance(0.7) ? rng.intBetween(20, 30) : rng.intBetween(5, 15)) * 60;
      } else {
        s.actualEnd = s.end + rng.intBetween(-180, 120);
      }
    }
    if (s.actualEnd < s.actualStart + 300) s.actualEnd = s.actualStart + 300;
    if (s.reason !== 'outage') s.callEnd = s.actualEnd;
  }
}

const KIND_LETTER: Record<ShiftKind, string> = { regular: 'R', overtime: 'O', training: 'T' };

function recordShift(
  ctx: SimContext,
  team: TeamState,
  day: number,
  phase: Phase,
  s: PlannedShift,
): void {
  const agent = s.agent;
  const clock = team.site.clock;
  const actual = s.status === 'worked' || s.status === 'sent_home';
  ctx.writers.shifts.writeAscii([
    `${agent.code}-${compactDay(day)}-${KIND_LETTER[s.kind]}`,
    agent.code,
    clock.formatIso(s.start),
    clock.formatIso(s.end),
    s.kind,
    s.breakMinutes,
    s.status,
    actual ? clock.formatIso(s.actualStart) : null,
    actual ? clock.formatIso(s.actualEnd) : null,
    s.reason,
  ]);
  agent.lastEnd = Math.max(agent.lastEnd, s.end, actual ? s.actualEnd : 0);
  const breakEnd = s.breakStart + s.breakMinutes * 60;
  if (s.kind === 'regular') {
    team.planned.push({ start: s.start, end: s.end, breakStart: s.breakStart, breakEnd });
  }
  if (phase === 'future') return;

  const stats = team.stats;
  if (s.status === 'absent_unplanned') {
    agent.dUnplanned++;
    stats.unplannedAbsences++;
  }
  if (!actual) return;

  const worked = Math.max(0, s.actualEnd - s.actualStart - s.breakMinutes * 60);
  const stayLate = s.status === 'worked' ? Math.max(0, s.actualEnd - s.end) : 0;
  agent.weekWorkedSeconds += worked;
  stats.workedSeconds += worked;
  if (s.status === 'sent_home' && s.reason) stats.sentHome[s.reason]++;
  if (s.kind !== 'training') {
    agent.dPhoneWorked += worked;
    stats.phoneWorkedSeconds += worked;
    stats.workedShifts++;
  }
  if (s.kind === 'overtime') {
    stats.overtimeShifts++;
    stats.overtimeShiftSeconds += worked;
    agent.dOvertimeHours += worked / HOUR;
  }
  if (stayLate >= 300) {
    stats.stayLateShifts++;
    stats.stayLateSeconds += stayLate;
    agent.dOvertimeHours += stayLate / HOUR;
  }
  if (agent.lastActualEnd > 0 && s.actualStart - agent.lastActualEnd < 11 * HOUR) {
    agent.dRecovery++;
    stats.shortRests++;
  }
  agent.streak = agent.lastWorkedDay === day - 1 ? agent.streak + 1 : 1;
  agent.lastWorkedDay = day;
  if (agent.streak >= 7) {
    agent.dRecovery++;
    stats.seventhDayOrMore++;
  }
  agent.lastActualEnd = Math.max(agent.lastActualEnd, s.actualEnd);

  if (s.kind !== 'training') {
    team.live.push({
      agent,
      actualStart: s.actualStart,
      actualEnd: s.actualEnd,
      callEnd: s.callEnd,
      breakStart: s.breakStart,
      breakEnd,
      cursor: s.actualStart,
      muted: phase === 'warmup',
    });
  }
}
