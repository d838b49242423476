import {
  createTestApp,
  seedOrg,
  seedUsers,
  TestApp,
  TEST_PASSWORD,
  createUser,
} from '../../../test/test-app';
import { CALLER_TTL_MS } from './caller-cache';

describe('sign-in', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    await createUser(t, 'm1@test.local', 'manager');
    await createUser(t, 'a1@test.local', 'agent', 'A1');
  });
  afterAll(() => t.close());

  it('returns a token and the user, and sets an httpOnly SameSite=Strict cookie', async () => {
    const r = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'A1@test.local', password: TEST_PASSWORD });
    expect(r.status).toBe(200);
    expect(typeof r.body.accessToken).toBe('string');
    expect(r.body.user).toEqual(
      expect.objectContaining({ email: 'a1@test.local', role: 'agent', employeeCode: 'A1' }),
    );
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/fw_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('accepts the cookie and the bearer token alike', async () => {
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'm1@test.local', password: TEST_PASSWORD });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const byCookie = await t.http().get('/api/auth/me').set('Cookie', cookie);
    expect(byCookie.status).toBe(200);
    expect(byCookie.body).toEqual(expect.objectContaining({ role: 'manager', teamCodes: ['T1'] }));
    const byBearer = await t
      .http()
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(byBearer.status).toBe(200);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'm1@test.local', password: 'nope-nope' });
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'x@test.local', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Wrong email or password',
    });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('rejects a malformed body with 400 naming the field', async () => {
    const r = await t.http().post('/api/auth/login').send({ email: 'not-an-email' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/email/);
    expect(r.body.message).toMatch(/password/);
  });

  it('refuses a tampered or missing token with 401', async () => {
    expect((await t.http().get('/api/auth/me')).status).toBe(401);
    const r = await t.http().get('/api/auth/me').set('Authorization', 'Bearer abc.def.ghi');
    expect(r.status).toBe(401);
  });

  it('stops an old token when the account is disabled outside the API, on its notification', async () => {
    await createUser(t, 'gone@test.local', 'hr');
    const token = await t.tokenFor('gone@test.local');
    const me = async () =>
      (await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status;
    expect(await me()).toBe(200); // the caller is now cached
    await t.sql.query(`UPDATE app_user SET disabled = true WHERE email = 'gone@test.local'`);
    // the trigger's NOTIFY empties the API's caller cache: refused within moments, not a TTL later
    const t0 = Date.now();
    let status = await me();
    while (status !== 401 && Date.now() - t0 < CALLER_TTL_MS / 4) {
      await new Promise((r) => setTimeout(r, 20));
      status = await me();
    }
    expect(status).toBe(401);
    expect(Date.now() - t0).toBeLessThan(CALLER_TTL_MS / 4);
    const again = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'gone@test.local', password: TEST_PASSWORD });
    expect(again.status).toBe(401);
  });

  it('answers a recent token from memory, and forgets it when a user, agent or team changes', async () => {
    await createUser(t, 'cached@test.local', 'hr');
    const token = await t.tokenFor('cached@test.local');
    const me = async () =>
      (await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status;
    expect(await me()).toBe(200);
    // with the notification silenced, a change in the database goes unseen: the caller came
    // from the cache, not from a query
    await t.sql.query(`ALTER TABLE app_user DISABLE TRIGGER app_user_auth_changed`);
    try {
      await t.sql.query(`UPDATE app_user SET disabled = true WHERE email = 'cached@test.local'`);
      expect(await me()).toBe(200);
    } finally {
      await t.sql.query(`ALTER TABLE app_user ENABLE TRIGGER app_user_auth_changed`);
    }
    // a change to any team (here: a manager's e-mail written back unchanged) notifies: forgotten
    await t.sql.query(`UPDATE team SET manager_email = manager_email`);
    const t0 = Date.now();
    let status = await me();
    while (status !== 401 && Date.now() - t0 < 2_000) {
      await new Promise((r) => setTimeout(r, 20));
      status = await me();
    }
    expect(status).toBe(401);
  });

  it('refuses a token at once after its user is disabled through the API', async () => {
    await createUser(t, 'fired@test.local', 'hr');
    const token = await t.tokenFor('fired@test.local');
    await createUser(t, 'boss@test.local', 'admin');
    const admin = await t.tokenFor('boss@test.local');
    expect(
      (await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(200);
    const [{ id }] = (await t.sql.query(`SELECT id FROM app_user WHERE email = 'fired@test.local'`))
      .rows as { id: number }[];
    // the notification silenced: only the API's own clear after its commit can refuse it
    await t.sql.query(`ALTER TABLE app_user DISABLE TRIGGER app_user_auth_changed`);
    try {
      const r = await t
        .http()
        .patch(`/api/users/${id}`)
        .set('Authorization', `Bearer ${admin}`)
        .send({ disabled: true });
      expect(r.status).toBe(200);
      expect(
        (await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status,
      ).toBe(401);
    } finally {
      await t.sql.query(`ALTER TABLE app_user ENABLE TRIGGER app_user_auth_changed`);
    }
  });

  it('clears the cookie on sign-out', async () => {
    const r = await t.http().post('/api/auth/logout');
    expect(r.status).toBe(204);
    expect(String(r.headers['set-cookie'])).toMatch(/fw_session=;/);
  });

  it('sends the security headers and a strict script policy', async () => {
    const r = await t.http().get('/api/health');
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 after too many attempts in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t
        .http()
        .post('/api/auth/login')
        .send({ email: 'x@test.local', password: 'wrong-wrong' });
      statuses.push(r.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('seedUsers helper', () => {
  it('signs in the whole cast', async () => {
    const t = await createTestApp();
    try {
      await seedOrg(t);
      const tokens = await seedUsers(t);
      expect(Object.keys(tokens).sort()).toEqual(['a1', 'admin', 'b1', 'hr', 'm1', 'm2']);
    } finally {
      await t.close();
    }
  });
});
