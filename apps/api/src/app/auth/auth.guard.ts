import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@floorwise/contracts';
import { AuthService, SESSION_COOKIE } from './auth.service';
import type { AuthedRequest } from './current-user.decorator';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/**
 * Global guard: every route is closed unless it says who may call it.
 * - `@Public()` routes are open;
 * - otherwise the caller must present a valid token (bearer header or session cookie);
 * - and the route must carry `@Roles(...)` naming the caller's role. A route with no rule is
 *   refused for everyone, so forgetting a rule fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const token = tokenOf(req);
    if (!token) {
      throw new UnauthorizedException('Sign in first: no bearer token or session cookie');
    }
    const user = await this.auth.userFromToken(token);
    if (!user) {
      throw new UnauthorizedException('The session is not valid any more: sign in again');
    }
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new ForbiddenException('This route has no role rule and is closed');
    }
    if (!roles.includes(user.role)) {
      throw new ForbiddenException(`The ${user.role} role may not call this route`);
    }
    return true;
  }
}

function tokenOf(req: AuthedRequest): string | null {
  const header = req.headers.authorization;
  if (header && header.startsWith('Bearer ')) {
    return header.slice('Bearer '.length).trim() || null;
  }
  return sessionCookieOf(req.headers.cookie);
}

/**
 * The session cookie's value from a `Cookie` header (RFC 6265 `name=value` pairs separated by
 * `; `), or null. Only this one cookie is ever read, so no parser runs for every request.
 */
export function sessionCookieOf(header: string | undefined): string | null {
  if (!header) {
    return null;
  }
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== SESSION_COOKIE) {
      continue;
    }
    let value = pair.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
      value = value.slice(1, -1);
    }
    try {
      return decodeURIComponent(value) || null;
    } catch {
      return null; // not a value we ever set
    }
  }
  return null;
}
