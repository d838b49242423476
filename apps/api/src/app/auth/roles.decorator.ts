import { SetMetadata } from '@nestjs/common';
import type { Role } from '@floorwise/contracts';

export const ROLES_KEY = 'floorwise:roles';
export const PUBLIC_KEY = 'floorwise:public';

/**
 * The roles that may call a route. Every route must carry `@Roles(...)` or `@Public()`:
 * the global guard refuses a route with neither (and a test lists every route to prove it).
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without signing in (sign-in itself, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
