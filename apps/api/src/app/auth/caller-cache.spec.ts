import type { AuthUser } from './auth-user';
import { CALLER_CACHE_SIZE, CALLER_TTL_MS, CallerCache } from './caller-cache';

const user = (id: number): AuthUser => ({
  id,
  email: `u${id}@test.local`,
  role: 'manager',
  agentId: null,
  employeeCode: null,
  teamIds: [1, 2],
});

/** A cache whose notification connection counts as up (the listener is not started here). */
function upCache(): CallerCache {
  const c = new CallerCache({ DATABASE_URL: 'postgres://unused' } as never);
  Object.defineProperty(c, 'active', { get: () => true });
  return c;
}

describe('CallerCache', () => {
  const now = 1_800_000_000_000;

  it('keeps a caller for the TTL, or until the token expires if that is sooner', () => {
    const c = upCache();
    c.set('a', user(1), now + 60_000, c.generation, now);
    c.set('b', user(2), now + 3_000, c.generation, now);
    expect(c.get('a', now + CALLER_TTL_MS - 1)?.id).toBe(1);
    expect(c.get('a', now + CALLER_TTL_MS)).toBeNull();
    expect(c.get('b', now + 2_999)?.id).toBe(2);
    expect(c.get('b', now + 3_000)).toBeNull();
  });

  it('does not keep a caller read before a change that emptied the cache', () => {
    const c = upCache();
    const before = c.generation;
    c.clear(); // a notification arrived while the caller was being read
    c.set('a', user(1), now + 60_000, before, now);
    expect(c.get('a', now)).toBeNull();
    c.set('a', user(1), now + 60_000, c.generation, now);
    expect(c.get('a', now)?.id).toBe(1);
  });

  it('keeps nothing while the notification connection is down', () => {
    const c = new CallerCache({ DATABASE_URL: 'postgres://unused' } as never);
    expect(c.active).toBe(false);
    c.set('a', user(1), now + 60_000, c.generation, now);
    expect(c.get('a', now)).toBeNull();
  });

  it('holds at most its size, dropping the oldest first, and hands out frozen callers', () => {
    const c = upCache();
    for (let i = 0; i <= CALLER_CACHE_SIZE; i++)
      c.set(`t${i}`, user(i), now + 60_000, c.generation, now);
    expect(c.get('t0', now)).toBeNull();
    expect(c.get('t1', now)?.id).toBe(1);
    expect(c.get(`t${CALLER_CACHE_SIZE}`, now)?.id).toBe(CALLER_CACHE_SIZE);
    const u = c.get('t1', now) as AuthUser;
    expect(Object.isFrozen(u)).toBe(true);
    expect(() => (u.teamIds as number[]).push(3)).toThrow(TypeError);
  });
});
