import type { TestApp } from './test-app';

/**
 * The vocabulary of the role matrix (`apps/api/src/app/common/role-matrix.int-spec.ts`): every
 * route × every role → the status it must answer. Each feature lists its own routes in
 * `test/role-cases/<feature>.ts`; the matrix joins them and fails on any registered route that
 * no feature lists.
 */
export const WHO = ['anonymous', 'admin', 'manager', 'hr', 'agent'] as const;
export type Who = (typeof WHO)[number];
export type Statuses = Record<Who, number>;

/**
 * Expected statuses in the order anonymous, admin, manager, hr, agent. The signed-in callers are
 * the cast of `seedUsers`: manager = m1 (team T1), agent = a1 (agent A1 in T1).
 */
export function s(
  anonymous: number,
  admin: number,
  manager: number,
  hr: number,
  agent: number,
): Statuses {
  return { anonymous, admin, manager, hr, agent };
}

export interface RoleCase {
  route: string;
  /** The URL called; defaults to the route's path (which then must have no `:param`). */
  url?: string | (() => string);
  body?: unknown;
  contentType?: string;
  expected: Statuses;
  /** Why a status is not the plain 2xx/401/403 of the rule. */
  note?: string;
}

/** One feature's rows of the matrix, and what they need in the database first. */
export interface RoleCases {
  cases: RoleCase[];
  /** Runs once, after `seedOrg` and `seedUsers`, before any case is called. */
  setup?: (t: TestApp) => Promise<void>;
}

export const ADMIN_ONLY_WRITE = (ok: number) => s(401, ok, 403, 403, 403);
export const STAFF_READ = s(401, 200, 200, 200, 403);
export const EVERYONE_SIGNED_IN = s(401, 200, 200, 200, 200);
export const RANGE = 'from=2026-11-01&to=2026-11-30';
