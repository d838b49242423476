import { Controller, Get, INestApplication, Post, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@floorwise/contracts';
import {
  createTestApp,
  createUser,
  seedOrg,
  seedUsers,
  TestApp,
  TEST_PASSWORD,
} from '../../../test/test-app';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/roles.decorator';

const GLOBAL_PREFIX = 'api';

interface RouteRule {
  /** `METHOD /api/path/:param` */
  route: string;
  isPublic: boolean;
  roles: Role[];
}

/** Every route the app registers, read from the controllers' metadata, with its role rule. */
function registeredRoutes(app: INestApplication): RouteRule[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: RouteRule[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) {
      continue;
    }
    const prefixes = asList(Reflect.getMetadata(PATH_METADATA, metatype));
    const proto = Object.getPrototypeOf(instance) as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) {
        continue; // a plain method, not a route
      }
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      // The same lookup as the global AuthGuard: the handler's rule, else its controller's.
      const targets = [handler, metatype];
      const isPublic =
        reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true;
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
      for (const prefix of prefixes) {
        for (const path of asList(paths)) {
          routes.push({
            route: `${method} ${joinPath(GLOBAL_PREFIX, prefix, path)}`,
            isPublic,
            roles,
          });
        }
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

function asList(v: string | string[] | undefined): string[] {
  return v === undefined ? [''] : Array.isArray(v) ? v : [v];
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p.length > 0)
    .join('/')}`;
}

/** Routes that carry neither `@Public()` nor a non-empty `@Roles(...)`. */
function routesWithoutRule(app: INestApplication): string[] {
  return registeredRoutes(app)
    .filter((r) => !r.isPublic && r.roles.length === 0)
    .map((r) => r.route);
}

// ------------------------------------------------------------------ the matrix

const WHO = ['anonymous', 'admin', 'manager', 'hr', 'agent'] as const;
type Who = (typeof WHO)[number];
type Statuses = Record<Who, number>;

/** Expected statuses in the order anonymous, admin, manager, hr, agent. */
function s(anonymous: number, admin: number, manager: number, hr: number, agent: number): Statuses {
  return { anonymous, admin, manager, hr, agent };
}

interface Case {
  route: string;
  /** The URL called; defaults to the route's path (which then must have no `:param`). */
  url?: string | (() => string);
  body?: unknown;
  contentType?: string;
  expected: Statuses;
  /** Why a status is not the plain 2xx/401/403 of the rule. */
  note?: string;
}

const ADMIN_ONLY_WRITE = (ok: number) => s(401, ok, 403, 403, 403);
const STAFF_READ = s(401, 200, 200, 200, 403);
const EVERYONE_SIGNED_IN = s(401, 200, 200, 200, 200);
const CALL_HEADER =
  'call_id,employee_code,campaign_code,channel,direction,started_at,queue_seconds,talk_seconds,hold_seconds,wrap_seconds,outcome';
const RANGE = 'from=2026-11-01&to=2026-11-30';

let matrixUserId = 0;

/**
 * Every route × every role. A route the app registers that is not here fails the coverage test
 * by name; add it here with the statuses its role rule gives.
 */
const MATRIX: Case[] = [
  // auth
  {
    route: 'POST /api/auth/login',
    body: { email: 'admin@test.local', password: TEST_PASSWORD },
    expected: s(200, 200, 200, 200, 200),
  },
  { route: 'POST /api/auth/logout', expected: s(204, 204, 204, 204, 204) },
  { route: 'GET /api/auth/me', expected: EVERYONE_SIGNED_IN },
  {
    route: 'GET /api/auth/demo-logins',
    expected: s(404, 404, 404, 404, 404),
    note: 'public, but 404 outside demo mode',
  },
  { route: 'GET /api/health', expected: s(200, 200, 200, 200, 200) },
  // users
  { route: 'GET /api/users', expected: s(401, 200, 403, 403, 403) },
  {
    route: 'POST /api/users',
    body: { email: 'matrix.new@test.local', password: 'long-enough-secret', role: 'hr' },
    expected: ADMIN_ONLY_WRITE(201),
  },
  {
    route: 'PATCH /api/users/:id',
    url: () => `/api/users/${matrixUserId}`,
    body: { role: 'hr' },
    expected: ADMIN_ONLY_WRITE(200),
  },
  {
    route: 'POST /api/users/:id/password',
    url: () => `/api/users/${matrixUserId}/password`,
    body: { password: 'another-long-secret' },
    expected: ADMIN_ONLY_WRITE(204),
  },
  // organisation
  { route: 'GET /api/sites', expected: STAFF_READ },
  {
    route: 'POST /api/sites',
    body: { siteCode: 'MX', name: 'Mexico City', timeZone: 'America/Mexico_City' },
    expected: ADMIN_ONLY_WRITE(201),
  },
  {
    route: 'PUT /api/sites/:siteCode',
    url: '/api/sites/CHI',
    body: {
      siteCode: 'CHI',
      name: 'Chicago',
      timeZone: 'America/Chicago',
      holidays: ['2026-12-25'],
    },
    expected: ADMIN_ONLY_WRITE(200),
  },
  { route: 'GET /api/teams', expected: STAFF_READ },
  {
    route: 'POST /api/teams',
    body: { teamCode: 'MX', name: 'Team MX', siteCode: 'CHI' },
    expected: ADMIN_ONLY_WRITE(201),
  },
  {
    route: 'PUT /api/teams/:teamCode',
    url: '/api/teams/T2',
    body: { teamCode: 'T2', name: 'Team Two', siteCode: 'IST', managerEmail: 'm2@test.local' },
    expected: ADMIN_ONLY_WRITE(200),
  },
  { route: 'GET /api/campaigns', expected: STAFF_READ },
  {
    route: 'POST /api/campaigns',
    body: { campaignCode: 'MX', name: 'Campaign MX', kind: 'retention' },
    expected: ADMIN_ONLY_WRITE(201),
  },
  {
    route: 'PUT /api/campaigns/:campaignCode',
    url: '/api/campaigns/SUP',
    body: { campaignCode: 'SUP', name: 'Support', kind: 'inbound_support', siteCode: 'CHI' },
    expected: ADMIN_ONLY_WRITE(200),
  },
  { route: 'GET /api/agents', expected: STAFF_READ },
  {
    route: 'GET /api/agents/:employeeCode',
    url: '/api/agents/A1',
    expected: EVERYONE_SIGNED_IN,
    note: "A1 is in m1's team and is a1's own record",
  },
  {
    route: 'GET /api/agents/:employeeCode',
    url: '/api/agents/B1',
    expected: s(401, 200, 403, 200, 403),
    note: "B1 is outside m1's team and is not a1",
  },
  {
    route: 'POST /api/agents',
    body: {
      employeeCode: 'MX1',
      fullName: 'Mia Matrix',
      email: 'mx1@test.local',
      teamCode: 'T1',
      title: 'Agent',
      workMode: 'onsite',
      hireDate: '2025-02-03',
      hourlyRateCents: 1600,
    },
    expected: ADMIN_ONLY_WRITE(201),
  },
  {
    route: 'PUT /api/agents/:employeeCode',
    url: '/api/agents/A2',
    body: {
      employeeCode: 'A2',
      fullName: 'Ben Two',
      email: 'a2@test.local',
      teamCode: 'T1',
      title: 'Agent',
      workMode: 'remote',
      hireDate: '2025-03-03',
      hourlyRateCents: 1600,
    },
    expected: ADMIN_ONLY_WRITE(200),
  },
  // imports
  {
    route: 'POST /api/imports/:kind',
    url: '/api/imports/sites',
    contentType: 'text/csv',
    body: 'site_code,name,time_zone\nMXI,Monterrey,America/Monterrey\n',
    expected: s(401, 200, 403, 403, 403),
    note: 'a manager may import shifts and calls only',
  },
  {
    route: 'POST /api/imports/:kind',
    url: '/api/imports/calls',
    contentType: 'text/csv',
    body: `${CALL_HEADER}\nMX-1,A1,SUP,phone,inbound,2026-11-10T09:00:00-06:00,12,300,0,30,resolved\n`,
    expected: s(401, 200, 200, 403, 403),
    note: "the manager's import is a re-import: 200 with the call counted as a duplicate",
  },
  // calls
  {
    route: 'POST /api/calls',
    body: {
      call_id: 'MX-LIVE-1',
      employee_code: 'A1',
      campaign_code: 'SUP',
      channel: 'chat',
      direction: 'inbound',
      started_at: '2026-11-10T10:00:00-06:00',
      queue_seconds: 5,
      talk_seconds: 200,
      hold_seconds: 0,
      wrap_seconds: 20,
      outcome: 'resolved',
    },
    expected: s(401, 200, 200, 403, 403),
  },
  { route: 'GET /api/calls', url: `/api/calls?${RANGE}`, expected: EVERYONE_SIGNED_IN },
  {
    route: 'GET /api/calls/stats',
    url: `/api/calls/stats?${RANGE}&groupBy=day`,
    expected: EVERYONE_SIGNED_IN,
  },
  {
    route: 'GET /api/calls/handle-time',
    url: `/api/calls/handle-time?${RANGE}&groupBy=agent`,
    expected: EVERYONE_SIGNED_IN,
  },
  // staffing
  {
    route: 'GET /api/staffing/erlang-c',
    url: '/api/staffing/erlang-c?calls=120&ahtSeconds=300',
    expected: s(401, 200, 200, 200, 403),
  },
  {
    route: 'GET /api/staffing/erlang-a',
    url: '/api/staffing/erlang-a?calls=120&ahtSeconds=300&patienceSeconds=90',
    expected: s(401, 200, 200, 200, 403),
  },
  {
    route: 'GET /api/staffing/erlang-c/curve',
    url: '/api/staffing/erlang-c/curve?calls=120&ahtSeconds=300',
    expected: s(401, 200, 200, 200, 403),
  },
  {
    route: 'GET /api/staffing/forecast',
    url: '/api/staffing/forecast?campaignCode=SUP',
    expected: s(401, 200, 200, 200, 403),
  },
];

describe('role rules', () => {
  let t: TestApp;
  let tokens: Record<Exclude<Who, 'anonymous'>, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    const cast = await seedUsers(t);
    tokens = { admin: cast.admin, manager: cast.m1, hr: cast.hr, agent: cast.a1 };
    await createUser(t, 'matrix.target@test.local', 'manager');
    matrixUserId = (
      await t.sql.query(`SELECT id FROM app_user WHERE email = 'matrix.target@test.local'`)
    ).rows[0].id;
  });
  afterAll(() => t.close());

  it('finds the routes of every controller, under the global prefix', () => {
    const routes = registeredRoutes(t.app).map((r) => r.route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'GET /api/agents/:employeeCode',
      ]),
    );
    expect(routes.every((r) => /^(GET|POST|PUT|PATCH|DELETE) \/api\//.test(r))).toBe(true);
  });

  it('gives every route an explicit rule: @Public() or @Roles(...)', () => {
    expect({ routesWithoutRule: routesWithoutRule(t.app) }).toEqual({ routesWithoutRule: [] });
  });

  it('has a row in the role matrix for every route, and no row for a route that is gone', () => {
    const registered = new Set(registeredRoutes(t.app).map((r) => r.route));
    const inMatrix = new Set(MATRIX.map((c) => c.route));
    const missing = [...registered].filter((r) => !inMatrix.has(r));
    const gone = [...inMatrix].filter((r) => !registered.has(r));
    expect({ routesMissingFromTheRoleMatrix: missing }).toEqual({
      routesMissingFromTheRoleMatrix: [],
    });
    expect({ matrixRowsForRoutesThatDoNotExist: gone }).toEqual({
      matrixRowsForRoutesThatDoNotExist: [],
    });
  });

  it.each(
    MATRIX.map(
      (c) => [`${c.route}${c.url && typeof c.url === 'string' ? ` (${c.url})` : ''}`, c] as const,
    ),
  )('%s answers each role as its rule says', async (_name, c) => {
    const [method, pattern] = c.route.split(' ');
    const url = typeof c.url === 'function' ? c.url() : (c.url ?? pattern);
    expect(url).not.toContain('/:');
    const actual = {} as Statuses;
    for (const who of WHO) {
      let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
      if (who !== 'anonymous') {
        req = req.set('Authorization', `Bearer ${tokens[who]}`);
      }
      if (c.contentType) {
        req = req.set('Content-Type', c.contentType);
      }
      const r = c.body === undefined ? await req : await req.send(c.body as string | object);
      actual[who] = r.status;
    }
    expect({ route: c.route, url, statuses: actual }).toEqual({
      route: c.route,
      url,
      statuses: c.expected,
    });
  });
});

@Controller('forgotten')
class ForgottenRuleController {
  @Get()
  read(): { leaked: boolean } {
    return { leaked: true };
  }

  @Post()
  write(): { leaked: boolean } {
    return { leaked: true };
  }
}

describe('a route without a role rule', () => {
  let t: TestApp;
  let tokens: Awaited<ReturnType<typeof seedUsers>>;

  beforeAll(async () => {
    t = await createTestApp({}, { controllers: [ForgottenRuleController] });
    await seedOrg(t);
    tokens = await seedUsers(t);
  });
  afterAll(() => t.close());

  it('is reported by the route check', () => {
    expect(routesWithoutRule(t.app)).toEqual(['GET /api/forgotten', 'POST /api/forgotten']);
  });

  it('is closed to every role (403) and to anonymous callers (401)', async () => {
    for (const method of ['get', 'post'] as const) {
      for (const token of [tokens.admin, tokens.m1, tokens.hr, tokens.a1]) {
        const r = await t.http()[method]('/api/forgotten').set('Authorization', `Bearer ${token}`);
        expect(r.status).toBe(403);
        expect(r.body).toEqual({
          statusCode: 403,
          error: 'Forbidden',
          message: 'This route has no role rule and is closed',
        });
      }
      expect((await t.http()[method]('/api/forgotten')).status).toBe(401);
    }
  });
});
