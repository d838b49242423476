import type { ParamMap, Params } from '@angular/router';
import type { TurnoverGroupBy, TurnoverScope } from '@floorwise/contracts';
import { addMonth, monthBounds } from './turnover-figures';

export const TABS = ['overview', 'retention', 'drivers', 'what-if', 'flight-risk'] as const;
export type TurnoverTab = (typeof TABS)[number];

export const GROUPS: readonly { id: TurnoverGroupBy; label: string }[] = [
  { id: 'team', label: 'Team' },
  { id: 'site', label: 'Site' },
  { id: 'campaign', label: 'Campaign' },
  { id: 'work_mode', label: 'Work mode' },
  { id: 'title', label: 'Title' },
  { id: 'hire_cohort', label: 'Hire quarter' },
  { id: 'tenure_band', label: 'Tenure band' },
  { id: 'burnout_band', label: 'Burnout band at exit' },
];

/** What the page shows, kept in the URL so a view can be bookmarked and shared. */
export interface TurnoverState {
  tab: TurnoverTab;
  /** First and last month of the range, `YYYY-MM`. */
  fromMonth: string;
  toMonth: string;
  groupBy: TurnoverGroupBy;
  /** A manager's benchmark: the organisation's ungrouped figures beside their own. */
  scope: TurnoverScope;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function stateFromParams(params: ParamMap, today: string): TurnoverState {
  // Default: the last 12 complete months (the current month is still running).
  const toMonth = valid(params.get('to'), addMonth(today.slice(0, 7), -1));
  const fromMonth = valid(params.get('from'), addMonth(toMonth, -11));
  const tab = params.get('tab') as TurnoverTab | null;
  const groupBy = params.get('groupBy') as TurnoverGroupBy | null;
  return {
    tab: tab && (TABS as readonly string[]).includes(tab) ? tab : 'overview',
    fromMonth: fromMonth <= toMonth ? fromMonth : toMonth,
    toMonth,
    groupBy: groupBy && GROUPS.some((g) => g.id === groupBy) ? groupBy : 'team',
    scope: params.get('scope') === 'org' ? 'org' : 'mine',
  };
}

function valid(value: string | null, fallback: string): string {
  return value && MONTH.test(value) ? value : fallback;
}

export function paramsFromState(state: TurnoverState): Params {
  return {
    tab: state.tab,
    from: state.fromMonth,
    to: state.toMonth,
    groupBy: state.groupBy,
    scope: state.scope === 'org' ? 'org' : null,
  };
}

/** The local dates of the range: the last one is today when the range ends this month. */
export function rangeOf(state: TurnoverState, today: string): { from: string; to: string } {
  const to = monthBounds(state.toMonth).last;
  return { from: monthBounds(state.fromMonth).first, to: to > today ? today : to };
}
