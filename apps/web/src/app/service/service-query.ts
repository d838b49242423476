import type { CallListQuery, CallStatsQuery, StatsGroupBy } from '@floorwise/contracts';
import { isValidRange, LocalDateRange, rangeDays, rangePreset } from '@floorwise/ui';

/** How the time chart groups calls: by an interval of the day, or by day. */
export type Grouping = 'i15' | 'i30' | 'i60' | 'day';

export const GROUPINGS: readonly { id: Grouping; label: string }[] = [
  { id: 'i15', label: '15 minutes' },
  { id: 'i30', label: '30 minutes' },
  { id: 'i60', label: '60 minutes' },
  { id: 'day', label: 'Day' },
];

/** Intervals are offered for ranges up to a week; longer ranges are grouped by day. */
export const MAX_INTERVAL_DAYS = 7;

/** The service level threshold T of metrics.md §1 (the API default). */
export const SLA_SECONDS = 20;

/** Everything the Service page shows depends on this, and it lives in the URL. */
export interface ServiceState extends LocalDateRange {
  grouping: Grouping;
  campaignCode: string;
  teamCode: string;
}

/** The tables below the chart, one per grouping of the same figures. */
export type Breakdown = 'team' | 'campaign' | 'agent';

/** What a drill-down opens: the calls behind one bar or one table row. */
export interface DrillTarget {
  groupBy: StatsGroupBy;
  key: string;
  title: string;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const GROUPING_IDS = GROUPINGS.map((g) => g.id);

export function defaultServiceState(today: string): ServiceState {
  return { ...rangePreset('last7', today), grouping: 'i60', campaignCode: '', teamCode: '' };
}

/** Reads the page state from query parameters; anything missing or malformed takes its default. */
export function stateFromParams(
  params: { get(name: string): string | null },
  today: string,
): ServiceState {
  const fallback = defaultServiceState(today);
  const range = { from: params.get('from') ?? '', to: params.get('to') ?? '' };
  const grouping = params.get('group') as Grouping | null;
  const code = (name: string) => {
    const value = params.get(name) ?? '';
    return CODE.test(value) ? value : '';
  };
  return {
    ...(isValidRange(range) ? range : { from: fallback.from, to: fallback.to }),
    grouping: grouping && GROUPING_IDS.includes(grouping) ? grouping : fallback.grouping,
    campaignCode: code('campaign'),
    teamCode: code('team'),
  };
}

export function paramsFromState(state: ServiceState): Record<string, string | null> {
  return {
    from: state.from,
    to: state.to,
    group: state.grouping,
    campaign: state.campaignCode || null,
    team: state.teamCode || null,
  };
}

/** The grouping the chart really uses: intervals only for ranges of a week or less. */
export function effectiveGrouping(state: ServiceState): Grouping {
  return rangeDays(state) > MAX_INTERVAL_DAYS ? 'day' : state.grouping;
}

export function intervalMinutesOf(grouping: Grouping): 15 | 30 | 60 | undefined {
  switch (grouping) {
    case 'i15':
      return 15;
    case 'i30':
      return 30;
    case 'i60':
      return 60;
    default:
      return undefined;
  }
}

function filters(state: ServiceState): Pick<CallStatsQuery, 'teamCode' | 'campaignCode'> {
  return {
    ...(state.teamCode ? { teamCode: state.teamCode } : {}),
    ...(state.campaignCode ? { campaignCode: state.campaignCode } : {}),
  };
}

/** The query of the time chart: by interval (with its length) or by day. */
export function timelineQuery(state: ServiceState): CallStatsQuery {
  const grouping = effectiveGrouping(state);
  const minutes = intervalMinutesOf(grouping);
  return {
    from: state.from,
    to: state.to,
    groupBy: minutes ? 'interval' : 'day',
    ...(minutes ? { intervalMinutes: minutes } : {}),
    slaSeconds: SLA_SECONDS,
    ...filters(state),
  };
}

/** The query of a table: the same range and filters, grouped by team, campaign or agent. */
export function breakdownQuery(state: ServiceState, groupBy: Breakdown): CallStatsQuery {
  return { from: state.from, to: state.to, groupBy, slaSeconds: SLA_SECONDS, ...filters(state) };
}

/** The page size of the drill-down list. */
export const DRILL_PAGE_SIZE = 200;

/** The calls behind a bar or row: the page's range and filters plus the group and its key. */
export function drillQuery(
  state: ServiceState,
  target: Pick<DrillTarget, 'groupBy' | 'key'>,
  offset = 0,
  limit = DRILL_PAGE_SIZE,
): CallListQuery {
  const minutes =
    target.groupBy === 'interval' ? intervalMinutesOf(effectiveGrouping(state)) : undefined;
  return {
    from: state.from,
    to: state.to,
    groupBy: target.groupBy,
    key: target.key,
    ...(minutes ? { intervalMinutes: minutes } : {}),
    ...filters(state),
    limit,
    offset,
  };
}
