import {
  createTestApp,
  seedOrg,
  seedUsers,
  TestApp,
  TEST_PASSWORD,
  createUser,
} from '../../../test/test-app';

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

  it('stops an old token at once when the account is disabled', async () => {
    await createUser(t, 'gone@test.local', 'hr');
    const token = await t.tokenFor('gone@test.local');
    expect(
      (await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(200);
    await t.sql.query(`UPDATE app_user SET disabled = true WHERE email = 'gone@test.local'`);
    expect(
      (await t.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status,
    ).toBe(401);
    const again = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'gone@test.local', password: TEST_PASSWORD });
    expect(again.status).toBe(401);
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
