import { Controller, Get, INestApplication, Post, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { Role } from '@floorwise/contracts';
import { coreRoleCases } from '../../../test/role-cases/core';
import { burnoutRoleCases } from '../../../test/role-cases/burnout';
import { turnoverRoleCases } from '../../../test/role-cases/turnover';
import { schedulesRoleCases } from '../../../test/role-cases/schedules';
import { quotasRoleCases } from '../../../test/role-cases/quotas';
import { spiffRoleCases } from '../../../test/role-cases/spiff';
import { RoleCase, RoleCases, Statuses, Who, WHO } from '../../../test/role-matrix';
import { createTestApp, seedOrg, seedUsers, TestApp } from '../../../test/test-app';
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

/**
 * Every route × every role, one file per feature under `test/role-cases/`. A route the app
 * registers that no file lists fails the coverage test by name; add it to its feature's file
 * with the statuses its role rule gives.
 */
const FEATURES: RoleCases[] = [
  coreRoleCases,
  burnoutRoleCases,
  turnoverRoleCases,
  schedulesRoleCases,
  quotasRoleCases,
  spiffRoleCases,
];
const MATRIX: RoleCase[] = FEATURES.flatMap((f) => f.cases);

describe('role rules', () => {
  let t: TestApp;
  let tokens: Record<Exclude<Who, 'anonymous'>, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    const cast = await seedUsers(t);
    tokens = { admin: cast.admin, manager: cast.m1, hr: cast.hr, agent: cast.a1 };
    for (const f of FEATURES) {
      await f.setup?.(t);
    }
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
