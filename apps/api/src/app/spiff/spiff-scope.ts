import type { AuthUser } from '../auth/auth-user';

/**
 * Who sees which SPIFF campaign and award, as SQL predicates (one place).
 *
 * - admin and hr: every campaign (hr reads, never writes); drafts only to admins and their author.
 * - manager: campaigns that include one of their teams — by team, or org-wide (no team filter)
 *   at a site where they have a team — and their own drafts; awards of their teams' agents only.
 * - agent: `/api/me/bonus` only (their own entrant rows and awards).
 */
export function campaignVisible(user: AuthUser, alias: string, params: unknown[]): string {
  if (user.role === 'admin') {
    return 'TRUE';
  }
  params.push(user.id);
  const me = `$${params.length}`;
  const drafts = `(${alias}.status <> 'draft' OR ${alias}.created_by = ${me})`;
  if (user.teamIds === 'all') {
    return drafts;
  }
  params.push(user.teamIds);
  const teams = `$${params.length}::int[]`;
  return `${drafts} AND (
    ${alias}.created_by = ${me}
    OR ${alias}.team_ids && ${teams}
    OR (cardinality(${alias}.team_ids) = 0 AND (cardinality(${alias}.site_ids) = 0
        OR EXISTS (SELECT 1 FROM team vt WHERE vt.id = ANY(${teams}) AND vt.site_id = ANY(${alias}.site_ids)))))`;
}

/** Awards whose agent (`agentAlias` joined to `agent`) the caller may see or act on. */
export function awardVisible(user: AuthUser, agentAlias: string, params: unknown[]): string {
  if (user.teamIds === 'all') {
    return 'TRUE';
  }
  params.push(user.teamIds);
  return `${agentAlias}.team_id = ANY($${params.length}::int[])`;
}

/** Whether the caller may edit, launch, close or re-budget a campaign. */
export function canManageCampaign(user: AuthUser, createdBy: number | null): boolean {
  return user.role === 'admin' || (user.role === 'manager' && createdBy === user.id);
}
