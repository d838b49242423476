import { BASE_URL, screenshot, signIn, useBrowser, watchErrors } from './browser';

/**
 * Burnout pages in the browser: the team view and an agent's drill-down as manager, hr and
 * admin; "My wellbeing" as the agent, who sees only their own index.
 */
describe('burnout pages', () => {
  const { browser, login } = useBrowser();

  for (const role of ['manager', 'hr', 'admin'] as const) {
    it(`shows the ${role} the team view and an agent's drill-down`, async () => {
      const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
      const page = await signIn(context, login(role));
      const errors = watchErrors(page);
      await page.goto(`${BASE_URL()}/burnout`);
      await page.locator('h2', { hasText: 'Agents by band' }).waitFor({ timeout: 60_000 });
      await page.locator('table a[href*="/burnout/agents/"]').first().waitFor({ timeout: 60_000 });
      expect(await page.locator('fw-stat-card').count()).toBeGreaterThanOrEqual(3);
      await screenshot(page, `${role}-burnout-team`);
      const href = await page
        .locator('table a[href*="/burnout/agents/"]')
        .first()
        .getAttribute('href');
      await page.goto(`${BASE_URL()}${href}`);
      await page
        .locator('h2', { hasText: 'What the index is made of' })
        .waitFor({ timeout: 60_000 });
      expect(await page.locator('table.components tbody tr').count()).toBe(10); // 9 + total
      await page.waitForLoadState('networkidle');
      await screenshot(page, `${role}-burnout-agent`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("shows the agent their own wellbeing page and refuses everyone else's figures", async () => {
    const agent = login('agent');
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, agent);
    const errors = watchErrors(page);
    await page.goto(`${BASE_URL()}/burnout`);
    await page.locator('h1', { hasText: 'My wellbeing' }).waitFor({ timeout: 60_000 });
    await page.locator('h2', { hasText: 'What the index is made of' }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'agent-burnout-wellbeing');
    const me = await page.request.get(`${BASE_URL()}/api/me/burnout`);
    expect(me.status()).toBe(200);
    const mine = (await me.json()) as { employeeCode: string };
    expect(mine.employeeCode.toLowerCase()).toBe(agent.email.split('@')[0]);
    for (const url of [
      '/api/burnout/agents',
      '/api/burnout/team',
      `/api/burnout/agents/${mine.employeeCode}`,
    ]) {
      expect([url, (await page.request.get(`${BASE_URL()}${url}`)).status()]).toEqual([url, 403]);
    }
    // the drill-down address of another agent shows no figures
    await page.goto(`${BASE_URL()}/burnout/agents/A00001`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('table.components').count()).toBe(0);
    expect(errors.filter((e) => !/403/.test(e))).toEqual([]);
    await context.close();
  });

  it('fits a phone for the manager', async () => {
    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await signIn(context, login('manager'));
    await page.goto(`${BASE_URL()}/burnout`);
    await page.locator('h2', { hasText: 'Agents by band' }).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'manager-phone-burnout');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(400);
    await context.close();
  });
});
