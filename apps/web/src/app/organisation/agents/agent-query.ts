import { ParamMap } from '@angular/router';
import { AgentQuery, WORK_MODES, WorkMode } from '@floorwise/contracts';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

export type AgentStatus = NonNullable<AgentQuery['status']>;
const STATUSES: readonly AgentStatus[] = ['active', 'separated', 'all'];

/** The agents list state, as kept in the URL so a filtered list can be shared and survives reload. */
export interface AgentListState {
  teamCode: string;
  siteCode: string;
  workMode: WorkMode | '';
  status: AgentStatus;
  search: string;
  /** 1-based page number. */
  page: number;
  pageSize: number;
}

/** Reads the list state from the query string, ignoring values that are not allowed. */
export function stateFromParams(params: ParamMap): AgentListState {
  const workMode = params.get('workMode') ?? '';
  const status = params.get('status') ?? 'active';
  const page = Number(params.get('page') ?? '1');
  const pageSize = Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE);
  return {
    teamCode: params.get('teamCode') ?? '',
    siteCode: params.get('siteCode') ?? '',
    workMode: (WORK_MODES as readonly string[]).includes(workMode) ? (workMode as WorkMode) : '',
    status: (STATUSES as readonly string[]).includes(status) ? (status as AgentStatus) : 'active',
    search: params.get('search') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The query string of a state: defaults are left out to keep URLs short. */
export function paramsFromState(state: AgentListState): Record<string, string | null> {
  return {
    teamCode: state.teamCode || null,
    siteCode: state.siteCode || null,
    workMode: state.workMode || null,
    status: state.status === 'active' ? null : state.status,
    search: state.search.trim() || null,
    page: state.page > 1 ? String(state.page) : null,
    pageSize: state.pageSize === DEFAULT_PAGE_SIZE ? null : String(state.pageSize),
  };
}

/** The API query of a state: empty filters are left out. */
export function apiQuery(state: AgentListState): AgentQuery {
  return {
    teamCode: state.teamCode || undefined,
    siteCode: state.siteCode || undefined,
    workMode: state.workMode || undefined,
    status: state.status,
    search: state.search.trim() || undefined,
    page: state.page,
    pageSize: state.pageSize,
  };
}
