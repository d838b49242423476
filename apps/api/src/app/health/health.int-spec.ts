import { createTestApp, TestApp } from '../../../test/test-app';

describe('GET /api/health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 {status: ok, db: up} without signing in', async () => {
    const r = await t.http().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('answers 503 while the database is down, and 200 again once it is back', async () => {
    await t.setDatabaseAvailable(false);
    try {
      const down = await t.http().get('/api/health');
      expect(down.status).toBe(503);
      expect(down.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is down',
        status: 'error',
        db: 'down',
      });
    } finally {
      await t.setDatabaseAvailable(true);
    }
    const up = await t.http().get('/api/health');
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: 'ok', db: 'up' });
  });
});
