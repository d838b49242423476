import { LiveCall } from './quota-sums';

/**
 * What the floor needs that rollups cannot hold because it depends on the order of calls: when
 * the agent's last call ended, how many hostile calls in a row they just took, and when their
 * last break (an idle gap) ended. The database keeps the same state (`floor_agent_state`, kept
 * by the trigger that writes floor events); this function is its definition, and a test checks
 * the two agree.
 */
export interface AgentLiveState {
  lastCallEndMs: number | null;
  hostileStreak: number;
  lastBreakEndMs: number | null;
}

export const EMPTY_LIVE_STATE: AgentLiveState = Object.freeze({
  lastCallEndMs: null,
  hostileStreak: 0,
  lastBreakEndMs: null,
});

/**
 * Applies one call in arrival order. Only answered calls occupy the agent: the agent is busy
 * from `startedAt + queue` for `handle` seconds. A gap of at least `breakGapSeconds` between the
 * end of the previous call and the start of this one was a break, which ended when this call
 * began. A hostile answered call extends the streak; any other answered call resets it.
 */
export function applyCallToState(
  state: AgentLiveState,
  call: LiveCall,
  breakGapSeconds: number,
): AgentLiveState {
  if (!call.answered) {
    return state;
  }
  const busyFrom = call.startedAtMs + call.queueSeconds * 1000;
  const busyTo = busyFrom + call.handleSeconds * 1000;
  let lastBreakEndMs = state.lastBreakEndMs;
  if (state.lastCallEndMs !== null && busyFrom - state.lastCallEndMs >= breakGapSeconds * 1000) {
    lastBreakEndMs = lastBreakEndMs === null ? busyFrom : Math.max(lastBreakEndMs, busyFrom);
  }
  return {
    lastCallEndMs: state.lastCallEndMs === null ? busyTo : Math.max(state.lastCallEndMs, busyTo),
    hostileStreak: call.hostile ? state.hostileStreak + 1 : 0,
    lastBreakEndMs,
  };
}

/** Break figures of an agent on shift at `nowMs`. */
export interface BreakFigures {
  /** Seconds since the last break ended (or since the shift started when none was taken). */
  sinceBreakSeconds: number;
  /** Idle for at least the break gap right now: likely on a break. */
  onBreak: boolean;
  /** Seconds since the last call ended (since the shift start with no call yet). */
  idleSeconds: number;
}

/**
 * How a break is known (docs/floor.md): the schedule only says how many minutes of break a shift
 * has, so a break is an idle gap of at least `breakGapSeconds` between calls inside the shift.
 * Time since the last break counts from the later of the shift start and the end of the last
 * such gap; an agent idle for the gap right now is shown as on a break (0 since break).
 */
export function breakFigures(
  state: AgentLiveState,
  shiftStartMs: number,
  nowMs: number,
  breakGapSeconds: number,
): BreakFigures {
  const lastEnd =
    state.lastCallEndMs !== null && state.lastCallEndMs > shiftStartMs
      ? state.lastCallEndMs
      : shiftStartMs;
  const idleSeconds = Math.max(0, Math.round((nowMs - lastEnd) / 1000));
  const onBreak =
    state.lastCallEndMs !== null &&
    state.lastCallEndMs > shiftStartMs &&
    idleSeconds >= breakGapSeconds;
  const from = Math.max(shiftStartMs, state.lastBreakEndMs ?? shiftStartMs);
  return {
    sinceBreakSeconds: onBreak ? 0 : Math.max(0, Math.round((nowMs - from) / 1000)),
    onBreak,
    idleSeconds,
  };
}
