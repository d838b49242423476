import type {
  FloorAgentDto,
  FloorIntervalDto,
  FloorSnapshot,
  FloorTeamDto,
} from '@floorwise/contracts';

/** The floor a page holds: the snapshot, kept current by the stream's messages. */
export interface FloorView {
  eventId: number;
  agents: Map<string, FloorAgentDto>;
  teams: Map<string, FloorTeamDto>;
  intervals: Map<string, FloorIntervalDto>;
}

/** One `floor` message of `GET /api/floor/events`. */
export interface FloorMessage {
  eventId: number;
  agent?: FloorAgentDto;
  team?: FloorTeamDto;
  interval?: FloorIntervalDto;
  released?: string;
}

export function viewOf(s: FloorSnapshot): FloorView {
  return {
    eventId: s.eventId,
    agents: new Map(s.agents.map((a) => [a.employeeCode, a])),
    teams: new Map(s.teams.map((t) => [t.teamCode, t])),
    intervals: new Map(s.intervals.map((i) => [i.campaignCode, i])),
  };
}

/**
 * Applies one message. Rows are whole (the server's figures after the event), so a row replaces
 * the held one only when it is newer: a message already reflected in the snapshot changes
 * nothing, and nothing is ever counted twice.
 */
export function applyMessage(v: FloorView, m: FloorMessage): FloorView {
  if (m.eventId <= v.eventId) {
    return v;
  }
  const next: FloorView = { ...v, eventId: m.eventId };
  if (m.agent) {
    const held = v.agents.get(m.agent.employeeCode);
    if (!held || held.asOfEventId < m.agent.asOfEventId) {
      next.agents = new Map(v.agents).set(m.agent.employeeCode, m.agent);
    }
  }
  if (m.released) {
    next.agents = new Map(next.agents);
    next.agents.delete(m.released);
  }
  if (m.team) {
    next.teams = new Map(v.teams).set(m.team.teamCode, m.team);
  }
  if (m.interval) {
    next.intervals = new Map(v.intervals).set(m.interval.campaignCode, m.interval);
  }
  return next;
}

/**
 * A fresh snapshot over the held view (the page reloads it every half minute so pacing follows
 * the clock): it wins where it is at least as new as what the stream brought.
 */
export function mergeSnapshot(v: FloorView | null, s: FloorSnapshot): FloorView {
  const fresh = viewOf(s);
  if (!v || v.eventId <= s.eventId) {
    return fresh;
  }
  for (const [code, a] of v.agents) {
    const f = fresh.agents.get(code);
    if (f && f.asOfEventId < a.asOfEventId) fresh.agents.set(code, a);
  }
  return { ...fresh, eventId: v.eventId };
}

export type SortKey =
  | 'name'
  | 'team'
  | 'calls'
  | 'progress'
  | 'pacing'
  | 'projected'
  | 'aht'
  | 'hostile'
  | 'sinceBreak'
  | 'alerts';

const PACE_ORDER = { behind: 0, on_pace: 1, ahead: 2 } as const;

/** The headline quota of a row: its first count quota (calls, sales, saves, resolved). */
export function headline(a: FloorAgentDto) {
  return (
    a.quotas.find((q) => ['calls_handled', 'sales', 'saves', 'resolved'].includes(q.metric)) ?? null
  );
}

export function sortValue(a: FloorAgentDto, key: SortKey): string | number | null {
  const h = headline(a);
  switch (key) {
    case 'name':
      return a.fullName;
    case 'team':
      return a.teamCode;
    case 'calls':
      return a.shiftSums.callsHandled;
    case 'progress':
      return h?.progress ?? null;
    case 'pacing':
      return a.pacing === null ? null : PACE_ORDER[a.pacing];
    case 'projected':
      return h?.projected ?? null;
    case 'aht':
      return a.ahtSeconds;
    case 'hostile':
      return a.hostileToday;
    case 'sinceBreak':
      return a.sinceBreakSeconds;
    case 'alerts':
      return a.alerts.length;
  }
}

/** Filtered and sorted rows (empty values last in either direction). */
export function floorRows(
  v: FloorView,
  filter: { team: string; campaign: string; onlyAlerts: boolean },
  sort: { key: SortKey; dir: 'asc' | 'desc' },
): FloorAgentDto[] {
  const rows = [...v.agents.values()].filter(
    (a) =>
      (!filter.team || a.teamCode === filter.team) &&
      (!filter.campaign || a.campaignCodes.includes(filter.campaign)) &&
      (!filter.onlyAlerts || a.alerts.length > 0),
  );
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows.sort((x, y) => {
    const a = sortValue(x, sort.key);
    const b = sortValue(y, sort.key);
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    const c =
      typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
    return c * sign || x.fullName.localeCompare(y.fullName);
  });
}
