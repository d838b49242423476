import type { Role } from '@floorwise/contracts';

/** The signed-in caller, resolved from the token on every request. */
export interface AuthUser {
  id: number;
  email: string;
  role: Role;
  /** The agent record of an `agent` user (and of any user linked to one). */
  agentId: number | null;
  employeeCode: string | null;
  /** Teams whose people this user may see: `all` for admin and hr. */
  teamIds: number[] | 'all';
}

export function seesAllTeams(user: AuthUser): boolean {
  return user.teamIds === 'all';
}

/** Whether the caller may see records of a team (agents see their own team's aggregates only). */
export function canSeeTeam(user: AuthUser, teamId: number): boolean {
  return user.teamIds === 'all' || user.teamIds.includes(teamId);
}

/** The caller's team filter for SQL (`$n::int[] IS NULL OR team_id = ANY($n)`): null for all teams. */
export function teamFilter(user: AuthUser): number[] | null {
  return user.teamIds === 'all' ? null : user.teamIds;
}
