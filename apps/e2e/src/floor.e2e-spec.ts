import type { Browser, Page } from 'playwright-core';
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

function calls(code: string, n: number, tag: string) {
  return Array.from({ length: n }, (_, i) => ({
    call_id: `E2E-${tag}-${Date.now()}-${i}`,
    employee_code: code,
    campaign_code: undefined as string | undefined,
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

describe('the live floor in a real browser', () => {
  let browser: Browser;
  let logins: DemoLogin[];

  beforeAll(async () => {
    browser = await launch();
    logins = await demoLogins();
  });
  afterAll(() => browser.close());

  it('shows a posted call on an open floor page within a second, and resumes after going offline', async () => {
    const manager = logins.find((l) => l.role === 'manager') as DemoLogin;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, manager);
    const errors = watchErrors(page);
    await page.goto(`${BASE_URL()}/floor`);
    await page.locator('tr[data-agent]').first().waitFor({ timeout: 30_000 });
    await page.locator('.live.on').waitFor({ timeout: 10_000 });
    await screenshot(page, 'manager-floor-live');
    const code = (await page
      .locator('tr[data-agent]')
      .first()
      .getAttribute('data-agent')) as string;
    const snap = await (await page.request.get(`${BASE_URL()}/api/floor`)).json();
    const agent = snap.agents.find((a: { employeeCode: string }) => a.employeeCode === code);
    const campaign = agent.campaignCodes[0] ?? snap.intervals[0]?.campaignCode;
    const before = await callsOf(page, code);

    const batch = calls(code, 5, 'live').map((c) => ({ ...c, campaign_code: campaign }));
    const t0 = Date.now();
    const posted = await page.request.post(`${BASE_URL()}/api/calls`, { data: batch });
    expect(posted.status()).toBe(200);
    await page.waitForFunction(
      ([c, n]) => {
        const cell = document.querySelector(`tr[data-agent="${c}"] [data-testid="calls"]`);
        return Number((cell?.textContent ?? '').replace(/[^\d]/g, '')) >= Number(n);
      },
      [code, before + 5] as const,
      { timeout: 1000 },
    );
    expect(Date.now() - t0).toBeLessThan(1000);

    // drop the connection, post while offline, come back: the stream resumes from Last-Event-ID
    await context.setOffline(true);
    await page.waitForSelector('.live:not(.on)', { timeout: 10_000 });
    const token = await (
      await fetch(`${BASE_URL()}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: manager.email, password: manager.password }),
      })
    ).json();
    const offline = calls(code, 3, 'offline').map((c) => ({ ...c, campaign_code: campaign }));
    const r = await fetch(`${BASE_URL()}/api/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.accessToken}` },
      body: JSON.stringify(offline),
    });
    expect(r.status).toBe(200);
    await context.setOffline(false);
    await page.locator('.live.on').waitFor({ timeout: 15_000 });
    await page.waitForFunction(
      ([c, n]) => {
        const cell = document.querySelector(`tr[data-agent="${c}"] [data-testid="calls"]`);
        return Number((cell?.textContent ?? '').replace(/[^\d]/g, '')) >= Number(n);
      },
      [code, before + 8] as const,
      { timeout: 10_000 },
    );
    // the page agrees with the server exactly: nothing lost, nothing counted twice
    await page.waitForTimeout(1500);
    const server = (await (await page.request.get(`${BASE_URL()}/api/floor`)).json()).agents.find(
      (a: { employeeCode: string }) => a.employeeCode === code,
    );
    expect(await callsOf(page, code)).toBe(server.shiftSums.callsHandled);
    await screenshot(page, 'manager-floor-after-resume');
    expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|net::|EventSource/.test(e))).toEqual(
      [],
    );
    await context.close();
  });

  it("keeps an agent off the floor and shows only the agent's own day", async () => {
    const agent = logins.find((l) => l.role === 'agent') as DemoLogin;
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await signIn(context, agent);
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
    await page.waitForLoadState('networkidle');
    expect(page.url()).not.toMatch(/\/floor$/);
    await page.goto(`${BASE_URL()}/my-day`);
    await page.locator('h1').first().waitFor();
    expect(await page.locator('h1').first().textContent()).toContain('My day');
    const day = await (await page.request.get(`${BASE_URL()}/api/me/day`)).json();
    expect(day.employeeCode.length).toBeGreaterThan(0);
    await screenshot(page, 'agent-my-day');
    await context.close();
  });
});
