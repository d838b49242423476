import {
  createTestApp,
  createUser,
  seedOrg,
  seedUsers,
  TestApp,
  TEST_PASSWORD,
} from '../../../test/test-app';

type Tokens = Awaited<ReturnType<typeof seedUsers>>;

describe('user administration', () => {
  let t: TestApp;
  let tok: Tokens;
  let adminId: number;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const NEW_PASSWORD = 'a-brand-new-passphrase';

  beforeAll(async () => {
    t = await createTestApp();
    await seedOrg(t);
    tok = await seedUsers(t);
    adminId = (await t.sql.query(`SELECT id FROM app_user WHERE email = 'admin@test.local'`))
      .rows[0].id;
  });
  afterAll(() => t.close());

  const userId = async (email: string): Promise<number> =>
    (await t.sql.query(`SELECT id FROM app_user WHERE email = $1`, [email])).rows[0].id;
  const auditOf = async (id: number) =>
    (
      await t.sql.query(
        `SELECT actor_id, action, entity, entity_key, detail FROM audit_log
         WHERE entity = 'user' AND entity_key = $1 ORDER BY id`,
        [String(id)],
      )
    ).rows;
  const meWith = (token: string) => t.http().get('/api/auth/me').set(as(token));
  const login = (email: string, password: string) =>
    t.http().post('/api/auth/login').send({ email, password });

  it('lists the users to admin without password hashes', async () => {
    const r = await t.http().get('/api/users').set(as(tok.admin));
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(6);
    expect(r.body).toContainEqual(
      expect.objectContaining({
        email: 'a1@test.local',
        role: 'agent',
        employeeCode: 'A1',
        disabled: false,
      }),
    );
    expect(JSON.stringify(r.body)).not.toMatch(/argon2|password/i);
  });

  it('creates a user who can then sign in, and audits it without the password', async () => {
    const r = await t
      .http()
      .post('/api/users')
      .set(as(tok.admin))
      .send({ email: 'new.hr@test.local', password: 'long-enough-secret', role: 'hr' });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      id: expect.any(Number),
      email: 'new.hr@test.local',
      role: 'hr',
      employeeCode: null,
      disabled: false,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    expect((await login('new.hr@test.local', 'long-enough-secret')).status).toBe(200);
    expect(await auditOf(r.body.id)).toEqual([
      {
        actor_id: adminId,
        action: 'user.create',
        entity: 'user',
        entity_key: String(r.body.id),
        detail: { email: 'new.hr@test.local', role: 'hr' },
      },
    ]);
  });

  it('creates an agent user linked to an existing agent record', async () => {
    const r = await t.http().post('/api/users').set(as(tok.admin)).send({
      email: 'a2@test.local',
      password: 'long-enough-secret',
      role: 'agent',
      employeeCode: 'A2',
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual(expect.objectContaining({ role: 'agent', employeeCode: 'A2' }));
    const signIn = await login('a2@test.local', 'long-enough-secret');
    expect(signIn.body.user).toEqual(
      expect.objectContaining({ role: 'agent', employeeCode: 'A2' }),
    );
  });

  it('refuses an agent user without an employeeCode, or with one that does not exist, with 400', async () => {
    const before = await countUsers();
    const none = await t
      .http()
      .post('/api/users')
      .set(as(tok.admin))
      .send({ email: 'nobody@test.local', password: 'long-enough-secret', role: 'agent' });
    expect(none.status).toBe(400);
    expect(none.body.message).toBe('An agent user needs the employeeCode of their agent record');
    const unknown = await t.http().post('/api/users').set(as(tok.admin)).send({
      email: 'nobody@test.local',
      password: 'long-enough-secret',
      role: 'agent',
      employeeCode: 'ZZ9',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('Agent ZZ9 does not exist');
    expect(await countUsers()).toBe(before);
  });

  it('refuses a second sign-in for the same agent record with 409', async () => {
    const r = await t.http().post('/api/users').set(as(tok.admin)).send({
      email: 'a1.again@test.local',
      password: 'long-enough-secret',
      role: 'agent',
      employeeCode: 'A1',
    });
    expect(r.status).toBe(409);
    expect(r.body.message).toBe('Agent A1 already has a sign-in');
  });

  it('answers 409 to a duplicate email, whatever its case, and writes no row or audit entry', async () => {
    const users = await countUsers();
    const audits = await countAudit();
    const r = await t
      .http()
      .post('/api/users')
      .set(as(tok.admin))
      .send({ email: 'HR@test.local', password: 'long-enough-secret', role: 'manager' });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'A user with email HR@test.local already exists',
    });
    expect(await countUsers()).toBe(users);
    expect(await countAudit()).toBe(audits);
  });

  it('rejects a short password and an unknown role with 400 naming the fields', async () => {
    const r = await t
      .http()
      .post('/api/users')
      .set(as(tok.admin))
      .send({ email: 'x@test.local', password: 'short', role: 'boss' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/password/);
    expect(r.body.message).toMatch(/role/);
  });

  it('changes a role: the old token stops working (401) and a new sign-in carries the new role', async () => {
    await createUser(t, 'promote@test.local', 'hr');
    const id = await userId('promote@test.local');
    const old = await t.tokenFor('promote@test.local');
    expect((await meWith(old)).status).toBe(200);

    const r = await t.http().patch(`/api/users/${id}`).set(as(tok.admin)).send({ role: 'manager' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual(expect.objectContaining({ id, role: 'manager', disabled: false }));

    expect((await meWith(old)).status).toBe(401);
    const fresh = await t.tokenFor('promote@test.local');
    expect((await meWith(fresh)).body).toEqual(expect.objectContaining({ role: 'manager' }));
    expect(await auditOf(id)).toEqual([
      expect.objectContaining({
        actor_id: adminId,
        action: 'user.update',
        detail: { role: 'manager' },
      }),
    ]);
  });

  it('disables a user: the old token answers 401 and sign-in is refused', async () => {
    await createUser(t, 'leaver@test.local', 'manager');
    const id = await userId('leaver@test.local');
    const old = await t.tokenFor('leaver@test.local');

    const r = await t.http().patch(`/api/users/${id}`).set(as(tok.admin)).send({ disabled: true });
    expect(r.status).toBe(200);
    expect(r.body.disabled).toBe(true);

    expect((await meWith(old)).status).toBe(401);
    const again = await login('leaver@test.local', TEST_PASSWORD);
    expect(again.status).toBe(401);
    expect(again.body.message).toBe('This account is disabled');
    expect(await auditOf(id)).toEqual([
      expect.objectContaining({
        actor_id: adminId,
        action: 'user.update',
        detail: { disabled: true },
      }),
    ]);
  });

  it('resets a password: the old one fails, the new one works, old tokens stop', async () => {
    await createUser(t, 'forgetful@test.local', 'hr');
    const id = await userId('forgetful@test.local');
    const old = await t.tokenFor('forgetful@test.local');

    const r = await t
      .http()
      .post(`/api/users/${id}/password`)
      .set(as(tok.admin))
      .send({ password: NEW_PASSWORD });
    expect(r.status).toBe(204);

    expect((await login('forgetful@test.local', TEST_PASSWORD)).status).toBe(401);
    expect((await login('forgetful@test.local', NEW_PASSWORD)).status).toBe(200);
    expect((await meWith(old)).status).toBe(401);
    const audit = await auditOf(id);
    expect(audit).toEqual([
      {
        actor_id: adminId,
        action: 'user.reset_password',
        entity: 'user',
        entity_key: String(id),
        detail: {},
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('answers 404 for a user that does not exist and 400 for an id that is not a number', async () => {
    expect(
      (await t.http().patch('/api/users/999999').set(as(tok.admin)).send({ role: 'hr' })).status,
    ).toBe(404);
    expect(
      (await t.http().patch('/api/users/abc').set(as(tok.admin)).send({ role: 'hr' })).status,
    ).toBe(400);
    const reset = await t
      .http()
      .post('/api/users/999999/password')
      .set(as(tok.admin))
      .send({ password: NEW_PASSWORD });
    expect(reset.status).toBe(404);
  });

  it('does not let an admin disable themselves or drop their own admin role', async () => {
    const disable = await t
      .http()
      .patch(`/api/users/${adminId}`)
      .set(as(tok.admin))
      .send({ disabled: true });
    expect(disable.status).toBe(400);
    const demote = await t
      .http()
      .patch(`/api/users/${adminId}`)
      .set(as(tok.admin))
      .send({ role: 'hr' });
    expect(demote.status).toBe(400);
    expect((await meWith(tok.admin)).status).toBe(200);
  });

  it('refuses every user call to hr, managers and agents with 403 and changes nothing', async () => {
    const target = await userId('b1@test.local');
    const users = await countUsers();
    const audits = await countAudit();
    for (const token of [tok.hr, tok.m1, tok.a1]) {
      expect((await t.http().get('/api/users').set(as(token))).status).toBe(403);
      const create = await t
        .http()
        .post('/api/users')
        .set(as(token))
        .send({ email: 'sneaky@test.local', password: 'long-enough-secret', role: 'admin' });
      expect(create.status).toBe(403);
      expect(
        (await t.http().patch(`/api/users/${target}`).set(as(token)).send({ role: 'admin' }))
          .status,
      ).toBe(403);
      const reset = await t
        .http()
        .post(`/api/users/${target}/password`)
        .set(as(token))
        .send({ password: NEW_PASSWORD });
      expect(reset.status).toBe(403);
    }
    expect((await t.http().get('/api/users')).status).toBe(401);
    expect(await countUsers()).toBe(users);
    expect(await countAudit()).toBe(audits);
    expect((await login('b1@test.local', TEST_PASSWORD)).status).toBe(200);
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const before = (await t.sql.query(`SELECT id, action FROM audit_log ORDER BY id`)).rows;
    expect(before.length).toBeGreaterThan(0);
    await expect(t.sql.query(`UPDATE audit_log SET action = 'forged'`)).rejects.toThrow(
      'audit_log is append-only',
    );
    await expect(t.sql.query(`DELETE FROM audit_log`)).rejects.toThrow('audit_log is append-only');
    await expect(t.sql.query(`TRUNCATE audit_log`)).rejects.toThrow('audit_log is append-only');
    expect((await t.sql.query(`SELECT id, action FROM audit_log ORDER BY id`)).rows).toEqual(
      before,
    );
  });

  async function countUsers(): Promise<number> {
    return (await t.sql.query(`SELECT count(*)::int AS n FROM app_user`)).rows[0].n;
  }
  async function countAudit(): Promise<number> {
    return (await t.sql.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
  }
});
