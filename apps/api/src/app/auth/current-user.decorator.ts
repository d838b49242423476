import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export type AuthedRequest = Request & { user?: AuthUser };

/** The signed-in caller (set by the global guard). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const req = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!req.user) {
    throw new Error('CurrentUser used on a route without authentication');
  }
  return req.user;
});
