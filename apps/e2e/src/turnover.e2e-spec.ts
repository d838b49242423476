import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { BASE_URL, csvLinesOf, screenshot, signIn, useBrowser, watchErrors } from './browser';

/**
 * The Turnover page as HR, a manager and an admin (screenshots of every tab), the agent kept out,
 * and the exports: every chart panel downloads a PNG, every table a CSV.
 */
describe('the Turnover page', () => {
  const { browser, login } = useBrowser();

  async function openTab(page: Page, tab: string, ready: string): Promise<void> {
    await page.goto(`${BASE_URL()}/turnover?tab=${tab}`);
    await page.waitForLoadState('networkidle');
    await page.locator(ready).first().waitFor({ timeout: 30_000 });
    // the charts draw after their lazy echarts chunk arrives
    await page.waitForTimeout(800);
  }

  for (const role of ['hr', 'admin', 'manager'] as const) {
    it(`shows every tab to ${role}, with figures`, async () => {
      const context = await browser().newContext({ viewport: { width: 1440, height: 1000 } });
      const page = await signIn(context, login(role));
      const errors = watchErrors(page);
      await openTab(page, 'overview', '[data-testid="turnover-cards"]');
      expect(
        await page.locator('[data-testid="turnover-cards"] fw-stat-card').count(),
      ).toBeGreaterThanOrEqual(5);
      expect(await page.locator('[data-testid="turnover-monthly"] canvas').count()).toBeGreaterThan(
        0,
      );
      await screenshot(page, `${role}-turnover-overview`);
      await openTab(page, 'retention', '[data-testid="turnover-retention"] canvas');
      await screenshot(page, `${role}-turnover-retention`);
      await openTab(page, 'drivers', '[data-testid="driver-overtime"] canvas');
      expect(await page.locator('[data-testid^="driver-"]').count()).toBe(5);
      await screenshot(page, `${role}-turnover-drivers`);
      await openTab(page, 'what-if', '[data-testid="what-if-cards"]');
      await screenshot(page, `${role}-turnover-what-if`);
      await openTab(page, 'flight-risk', '[data-testid="turnover-flight-risk"] tbody tr');
      expect(
        await page.locator('[data-testid="turnover-flight-risk"] tbody tr').count(),
      ).toBeGreaterThan(0);
      await screenshot(page, `${role}-turnover-flight-risk`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("shows a manager only their own teams, and the organisation's rates on request", async () => {
    const context = await browser().newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await signIn(context, login('manager'));
    const mine = await page.request.get(`${BASE_URL()}/api/turnover/summary?groupBy=team`);
    expect(mine.status()).toBe(200);
    const teams = ((await mine.json()) as { groups: { key: string }[] }).groups.map((g) => g.key);
    const hrContext = await browser().newContext();
    const hr = await signIn(hrContext, login('hr'));
    const everyTeam = await hr.request.get(`${BASE_URL()}/api/turnover/summary?groupBy=team`);
    const allTeams = ((await everyTeam.json()) as { groups: unknown[] }).groups.length;
    await hrContext.close();
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.length).toBeLessThan(allTeams);
    await openTab(page, 'overview', '[data-testid="turnover-groups"] tbody tr');
    const shown = await page
      .locator('[data-testid="turnover-groups"] tbody td.fw-code')
      .allTextContents();
    expect(shown.map((s) => s.trim())).toEqual(teams);
    await page
      .locator('mat-button-toggle', { hasText: 'Whole organisation' })
      .locator('button')
      .click();
    await page.waitForLoadState('networkidle');
    await page.getByText('Cards and the monthly chart show the whole organisation').waitFor();
    await screenshot(page, 'manager-turnover-overview-org');
    expect(
      (
        await page.request.get(`${BASE_URL()}/api/turnover/summary?scope=org&groupBy=team`)
      ).status(),
    ).toBe(403);
    await context.close();
  });

  it('downloads a table as CSV and a chart as PNG', async () => {
    const context = await browser().newContext({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const page = await signIn(context, login('hr'));
    await openTab(page, 'overview', '[data-testid="turnover-monthly"] canvas');
    const panel = page.locator('[data-testid="turnover-groups"]');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /as CSV/ }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(
      /^floorwise-turnover-attrition-by-team-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const [header, ...rows] = await csvLinesOf(csv);
    expect(header).toBe(
      'team,headcount_start,headcount_end,separations,voluntary,involuntary,mean_monthly_attrition,trailing_12_month_attrition,hires_90_days_in,gone_before_day_90,attrition_90_day,cost_of_turnover_usd',
    );
    expect(rows.length).toBe(await panel.locator('tbody tr').count());
    const monthly = page.locator('[data-testid="turnover-monthly"]');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      monthly.getByRole('button', { name: /as PNG/ }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path()) as string);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(5_000);
    await context.close();
  });

  it('keeps an agent out of the page and every turnover endpoint', async () => {
    const context = await browser().newContext();
    const page = await signIn(context, login('agent'));
    expect((await page.locator('nav').first().textContent()) ?? '').not.toContain('Turnover');
    await page.goto(`${BASE_URL()}/turnover`);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).not.toBe('/turnover');
    for (const path of [
      'summary',
      'retention',
      'retention/curves',
      'drivers',
      'flight-risk',
      'cost',
      'cost-assumptions',
    ]) {
      expect({
        path,
        status: (await page.request.get(`${BASE_URL()}/api/turnover/${path}`)).status(),
      }).toEqual({
        path,
        status: 403,
      });
    }
    await context.close();
  });

  it('fits a phone screen', async () => {
    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await signIn(context, login('hr'));
    await openTab(page, 'overview', '[data-testid="turnover-cards"]');
    await screenshot(page, 'hr-phone-turnover');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(391);
    await context.close();
  });
});
