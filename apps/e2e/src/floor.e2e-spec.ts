import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CutProxy } from './cut-proxy';
import {
  BASE_URL,
  demoLogins,
  DemoLogin,
  launch,
  screenshot,
  signIn,
  watchErrors,
} from './browser';

/** The calls count shown in an agent's row of the floor table. */
async function callsOf(page: Page, code: string): Promise<number> {
  const text = await page.locator(`tr[data-agent="${code}"] [data-testid="calls"]`).textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

/** Waits until the agent's row shows at least `n` calls; returns when it did (epoch ms). */
async function seenCalls(page: Page, code: string, n: number, timeout: number): Promise<number> {
  await page.waitForFunction(
    ([c, k]) => {
      const cell = document.querySelector(`tr[data-agent="${c}"] [data-testid="calls"]`);
      return Number((cell?.textContent ?? '').replace(/[^\d]/g, '')) >= Number(k);
    },
    [code, n] as const,
    { timeout, polling: 'raf' },
  );
  return Date.now();
}

function calls(code: string, campaign: string, n: number, tag: string) {
  return Array.from({ length: n }, (_, i) => ({
    call_id: `E2E-${tag}-${Date.now()}-${i}`,
    employee_code: code,
    campaign_code: campaign,
    channel: 'phone',
    direction: 'inbound',
    started_at: new Date(Date.now() - 120_000).toISOString(),
    queue_seconds: 4,
    talk_seconds: 150,
    hold_seconds: 0,
    wrap_seconds: 20,
    outcome: 'resolved',
  }));
}

/**
 * The demo loads its older calls in the background after the server answers, in one import
 * transaction that live calls wait behind (the calls import's partition lock). The live
 * figures are measured after it, as a floor would run.
 */
async function demoHistoryLoaded(): Promise<void> {
  const log = join(process.env['E2E_DATA_DIR'] ?? '', 'app.log');
  const deadline = Date.now() + 240_000;
  for (;;) {
    const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
    if (!/loading in the background/.test(text) || /demo history (before|did not)/.test(text)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`the demo history did not finish loading in 240 s; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Signs in through the sign-in page at `base` (the app, or a proxy in front of it). */
async function signInAt(context: BrowserContext, base: string, who: DemoLogin): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel(/email/i).fill(who.email);
  await page.getByLabel(/password/i).fill(who.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 20_000 });
  return page;
}

/** The API straight (not through the page), with a bearer token. */
async function apiAs(who: DemoLogin) {
  const r = await fetch(`${BASE_URL()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  const { accessToken } = (await r.json()) as { accessToken: string };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${BASE_URL()}${path}`, {
      method,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
  };
}

describe('the live floor in a real browser', () => {
  let browser: Browser;
  let logins: DemoLogin[];
  const login = (role: DemoLogin['role']) => logins.find((l) => l.role === role) as DemoLogin;

  beforeAll(async () => {
    browser = await launch();
    logins = await demoLogins();
    await demoHistoryLoaded();
  }, 300_000);
  afterAll(() => browser.close());

  it('shows a posted call on an open floor page within a second, and resumes a dropped stream without losing or repeating an event', async () => {
    // the admin sees every site, so someone is on shift whatever the hour the test runs
    const admin = login('admin');
    const proxy = new CutProxy(Number(new URL(BASE_URL()).port));
    await proxy.start();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      const page = await signInAt(context, proxy.url, admin);
      const errors = watchErrors(page);
      const snapshots: number[] = [];
      const streams: { at: number; from: number; how: string }[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/floor') snapshots.push(Date.now());
      });
      // the stream connections that opened, with the cursor each resumed from
      page.on('response', (r) => {
        const url = new URL(r.url());
        if (url.pathname !== '/api/floor/events' || r.status() !== 200) return;
        const at = Date.now();
        void r
          .request()
          .allHeaders()
          .then((h) =>
            streams.push({
              at,
              from: Number(h['last-event-id'] ?? url.searchParams.get('after')),
              how: h['last-event-id'] ? 'Last-Event-ID' : 'after',
            }),
          );
      });
      await page.goto(`${proxy.url}/floor`);
      await page.locator('tr[data-agent]').first().waitFor({ timeout: 30_000 });
      await page.locator('.live.on').waitFor({ timeout: 10_000 });
      await screenshot(page, 'admin-floor-live');
      const api = await apiAs(admin);
      const snap = await api.get('/api/floor');
      // an agent on the page whose shift began a while ago: the test's calls start 2 minutes
      // back, and a call from before the shift (first minutes of a shift, as at 09:00 Chicago
      // = 15:00 UTC) rightly does not count on it
      type SnapAgent = { employeeCode: string; campaignCodes: string[]; shift: { start: string } };
      let agent: SnapAgent | undefined;
      for (const a of snap.agents as SnapAgent[]) {
        if (Date.parse(a.shift.start) > Date.now() - 10 * 60_000) continue;
        if ((await page.locator(`tr[data-agent="${a.employeeCode}"]`).count()) > 0) {
          agent = a;
          break;
        }
      }
      if (!agent) throw new Error('no agent on the floor page whose shift began 10 minutes ago');
      const code = agent.employeeCode;
      const campaign = (agent.campaignCodes[0] ?? snap.intervals[0]?.campaignCode) as string;
      const before = await callsOf(page, code);

      // one call, timed from sending the POST to the row on screen showing it
      const t0 = Date.now();
      const posted = await api.post('/api/calls', calls(code, campaign, 1, 'live'));
      const answered = Date.now();
      expect(posted.imported).toBe(1);
      const shown = await seenCalls(page, code, before + 1, 2000);
      process.stdout.write(
        `[floor e2e] POST answered in ${answered - t0} ms, on screen ${shown - t0} ms after sending\n`,
      );
      expect(shown - t0).toBeLessThan(1000);

      // the network drops: the stream's connection is cut and calls land meanwhile
      proxy.cut();
      const cutAt = Date.now();
      await page.locator('.live:not(.on)').waitFor({ timeout: 15_000 });
      expect((await api.post('/api/calls', calls(code, campaign, 3, 'dropped'))).imported).toBe(3);
      await page.waitForTimeout(1500);
      expect(await callsOf(page, code)).toBe(before + 1); // nothing can reach the page now
      await screenshot(page, 'admin-floor-reconnecting');
      proxy.restore();
      const restoredAt = Date.now();
      await page.locator('.live.on').waitFor({ timeout: 20_000 });
      await seenCalls(page, code, before + 4, 10_000);
      const seenAt = Date.now();

      // the update came through the resumed stream, from where it was, not a snapshot reload
      const opened = streams[0].from;
      const resumed = streams.filter((s) => s.at > cutAt);
      expect(resumed.length).toBeGreaterThan(0);
      process.stdout.write(
        `[floor e2e] stream resumed ${resumed[0].at - cutAt} ms after the cut (${resumed[0].at - restoredAt} ms after the network came back) with ${resumed[0].how} ${resumed[0].from} (opened after ${opened})\n`,
      );
      expect(resumed[0].from).toBeGreaterThan(opened);
      expect(snapshots.filter((t) => t > cutAt && t <= seenAt)).toEqual([]);

      // the page agrees with the server exactly: nothing lost, nothing counted twice (the demo
      // replay may add this agent's own calls meanwhile; the server counts those too)
      await page.waitForTimeout(1500);
      const server = (await api.get('/api/floor')).agents.find(
        (a: { employeeCode: string }) => a.employeeCode === code,
      );
      expect(server.shiftSums.callsHandled).toBeGreaterThanOrEqual(before + 4);
      expect(await callsOf(page, code)).toBe(server.shiftSums.callsHandled);
      await screenshot(page, 'admin-floor-after-resume');
      expect(errors.filter((e) => !/net::|EventSource|Failed to load resource/.test(e))).toEqual(
        [],
      );
    } finally {
      await context.close();
      await proxy.stop();
    }
  });

  it("shows a manager only their own teams' floor", async () => {
    const manager = login('manager');
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, manager);
    const errors = watchErrors(page);
    await page.goto(`${BASE_URL()}/floor`);
    await page.locator('.live.on').waitFor({ timeout: 30_000 });
    const snap = await (await page.request.get(`${BASE_URL()}/api/floor`)).json();
    const mine = new Set(
      (
        (await (await page.request.get(`${BASE_URL()}/api/teams`)).json()) as { teamCode: string }[]
      ).map((t) => t.teamCode),
    );
    const adminApi = await apiAs(login('admin'));
    const allTeams = (await adminApi.get('/api/teams')) as unknown[];
    expect(mine.size).toBeGreaterThan(0);
    expect(mine.size).toBeLessThan(allTeams.length); // the manager has a part of the center
    for (const t of snap.teams as { teamCode: string }[]) expect(mine.has(t.teamCode)).toBe(true);
    for (const a of snap.agents as { teamCode: string }[]) expect(mine.has(a.teamCode)).toBe(true);
    expect(await page.locator('tr[data-agent]').count()).toBe(snap.agents.length);
    if (snap.agents.length === 0) {
      // the manager's teams may all be off shift at this hour: the page says so
      await page.getByText('Nobody in your teams is on shift right now.').waitFor();
    }
    await screenshot(page, 'manager-floor');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps hr off the floor', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await signIn(context, login('hr'));
    for (const url of ['/api/floor', '/api/floor/events', '/api/quotas', '/api/me/day']) {
      expect((await page.request.get(`${BASE_URL()}${url}`)).status()).toBe(403);
    }
    expect((await page.locator('nav').first().textContent()) ?? '').not.toMatch(/Floor/);
    await page.goto(`${BASE_URL()}/floor`);
    await page.locator('h1').first().waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/floor');
    await context.close();
  });

  it("keeps an agent off the floor and shows only the agent's own day", async () => {
    const agent = login('agent');
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await signIn(context, agent);
    const errors = watchErrors(page);
    for (const url of ['/api/floor', '/api/quotas', '/api/floor/settings']) {
      expect((await page.request.get(`${BASE_URL()}${url}`)).status()).toBe(403);
    }
    expect(
      (
        await page.request.post(`${BASE_URL()}/api/floor/release`, {
          data: { employeeCodes: ['X'] },
        })
      ).status(),
    ).toBe(403);
    await page.goto(`${BASE_URL()}/floor`);
    await page.locator('h1').first().waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/floor');
    await page.goto(`${BASE_URL()}/my-day`);
    await page.locator('h1').first().waitFor();
    expect(await page.locator('h1').first().textContent()).toContain('My day');
    const day = await (await page.request.get(`${BASE_URL()}/api/me/day`)).json();
    expect(day.employeeCode).toBe(
      (await (await page.request.get(`${BASE_URL()}/api/auth/me`)).json()).employeeCode,
    );
    await screenshot(page, 'agent-my-day');
    expect(errors).toEqual([]);
    await context.close();
  });
});
