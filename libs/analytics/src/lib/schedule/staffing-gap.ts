import { overtimePieces } from './schedule-summary';
import { TimeSpan, WorkShift } from './shift.types';
import { plannedIntervals } from './worked-time';

/** One agent's shifts for {@link staffingGap}. */
export interface GapAgent {
  zone: string;
  contractHours: number;
  /** From the Monday of the first week the slots touch (overtime counts from there). */
  shifts: readonly WorkShift[];
}

/** One interval to staff: its instant and its Erlang C requirement. */
export interface GapSlotInput {
  startMs: number;
  /** Agents required on the phones (Erlang C raw agents, metrics.md §2). */
  required: number;
}

export interface GapSlot {
  /** Mean agents on the floor over the interval (agent-seconds ÷ interval seconds). */
  staffed: number;
  /** The part of `staffed` that is overtime (planned time beyond the week's contract hours). */
  overtimeStaffed: number;
  required: number;
  /** staffed − required: negative when understaffed. */
  gap: number;
  understaffed: boolean;
}

export interface StaffingGap {
  slots: GapSlot[];
  summary: {
    understaffedSlots: number;
    /** Σ max(0, required − staffed) × interval hours. */
    shortfallAgentHours: number;
    /** Σ max(0, staffed − required) × interval hours. */
    surplusAgentHours: number;
    /** Overtime agent-hours scheduled in the slots. */
    overtimeAgentHours: number;
    /**
     * Overtime that fills a gap: per slot, the overtime up to what would be missing without it,
     * `min(overtime, max(0, required − (staffed − overtime)))` — the overtime the understaffing
     * drives.
     */
    overtimeCoveringGapAgentHours: number;
  };
}

function addOverlap(
  into: Float64Array,
  slotStarts: readonly number[],
  slotMs: number,
  span: TimeSpan,
): void {
  // slots are sorted: find the first whose end is after the span's start
  let lo = 0;
  let hi = slotStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (slotStarts[mid] + slotMs <= span.startMs) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  for (let i = lo; i < slotStarts.length && slotStarts[i] < span.endMs; i++) {
    const a = Math.max(slotStarts[i], span.startMs);
    const b = Math.min(slotStarts[i] + slotMs, span.endMs);
    if (b > a) {
      into[i] += b - a;
    }
  }
}

/**
 * The staffing gap of a queue: agents on the floor per interval, from their shifts (breaks,
 * absences and send-homes taken out by {@link plannedIntervals}; training shifts take no calls),
 * against the Erlang C requirement, with the overtime that is staffing each interval. Slots must
 * be sorted by start.
 */
export function staffingGap(
  agents: readonly GapAgent[],
  slots: readonly GapSlotInput[],
  intervalMinutes: number,
): StaffingGap {
  const slotMs = intervalMinutes * 60_000;
  const starts = slots.map((s) => s.startMs);
  for (let i = 1; i < starts.length; i++) {
    if (starts[i] < starts[i - 1]) {
      throw new RangeError('staffing-gap slots must be sorted by start');
    }
  }
  const staffedMs = new Float64Array(slots.length);
  const overtimeMs = new Float64Array(slots.length);
  for (const agent of agents) {
    const onPhones = agent.shifts.map((s) => s.kind !== 'training');
    agent.shifts.forEach((shift, i) => {
      if (onPhones[i]) {
        for (const span of plannedIntervals(shift)) {
          addOverlap(staffedMs, starts, slotMs, span);
        }
      }
    });
    for (const p of overtimePieces(agent.shifts, agent.zone, agent.contractHours)) {
      if (onPhones[p.index]) {
        addOverlap(overtimeMs, starts, slotMs, p);
      }
    }
  }
  const hours = intervalMinutes / 60;
  const summary: StaffingGap['summary'] = {
    understaffedSlots: 0,
    shortfallAgentHours: 0,
    surplusAgentHours: 0,
    overtimeAgentHours: 0,
    overtimeCoveringGapAgentHours: 0,
  };
  const out = slots.map((slot, i): GapSlot => {
    const staffed = staffedMs[i] / slotMs;
    const ot = overtimeMs[i] / slotMs;
    const gap = staffed - slot.required;
    // a hundredth of an agent is rounding, not a gap
    const understaffed = gap < -0.005;
    if (understaffed) {
      summary.understaffedSlots += 1;
    }
    summary.shortfallAgentHours += Math.max(0, -gap) * hours;
    summary.surplusAgentHours += Math.max(0, gap) * hours;
    summary.overtimeAgentHours += ot * hours;
    summary.overtimeCoveringGapAgentHours +=
      Math.min(ot, Math.max(0, slot.required - (staffed - ot))) * hours;
    return { staffed, overtimeStaffed: ot, required: slot.required, gap, understaffed };
  });
  return { slots: out, summary };
}
