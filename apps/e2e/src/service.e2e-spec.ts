import type { Locator, Page } from 'playwright-core';
import { BASE_URL, csvLinesOf, screenshot, signIn, useBrowser, watchErrors } from './browser';

interface StatsRow {
  key: string;
  offered: number;
  answered: number;
  abandoned: number;
}

/** "31,232" → 31232. */
const numberOf = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** The stat card labelled exactly `label`. */
const card = (within: Locator, label: string) =>
  within.locator('fw-stat-card').filter({
    has: within.page().locator('.label', { hasText: new RegExp(`^\\s*${label}\\s*$`) }),
  });

/** Waits (up to 15 s) until `check` holds; the caller asserts afterwards. */
async function until(check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 15_000;
  while (Date.now() < end && !(await check())) {
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The Service page (issue 3) as an admin and a manager: the cards show what the rollups give for
 * the range, a campaign opens the calls behind it with customers masked, every table and the
 * calls export as CSV; and the Staffing calculator gives the API's Erlang C answer.
 */
describe('the Service and Staffing pages', () => {
  const { browser, login } = useBrowser();

  /** Opens /service and returns the by-campaign stats the page asked for, with their range. */
  async function openService(page: Page): Promise<{ from: string; to: string; rows: StatsRow[] }> {
    const byCampaign = page.waitForResponse(
      (r) => r.url().includes('/api/calls/stats') && r.url().includes('groupBy=campaign'),
    );
    await page.goto(`${BASE_URL()}/service`);
    const response = await byCampaign;
    expect(response.status()).toBe(200);
    const url = new URL(response.url());
    await page.locator('[data-testid="service-cards"]').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.locator('fw-combo-chart canvas').first().waitFor({ timeout: 30_000 });
    return {
      from: url.searchParams.get('from') as string,
      to: url.searchParams.get('to') as string,
      rows: (await response.json()) as StatsRow[],
    };
  }

  for (const role of ['admin', 'manager'] as const) {
    it(`shows ${role} the range's figures, the calls behind a campaign and every table as CSV`, async () => {
      const context = await browser().newContext({
        viewport: { width: 1440, height: 1000 },
        acceptDownloads: true,
      });
      const page = await signIn(context, login(role));
      const errors = watchErrors(page);
      const { from, to, rows } = await openService(page);
      const offered = rows.reduce((a, r) => a + r.offered, 0);
      const abandoned = rows.reduce((a, r) => a + r.abandoned, 0);
      expect(offered).toBeGreaterThan(0);

      // The cards read the by-campaign rows (day rollup); the same range by interval comes from
      // the campaign × 15-minute rollup: both must count the same calls.
      const cards = page.locator('[data-testid="service-cards"]');
      const offeredCard = card(cards, 'Offered');
      expect(numberOf(await offeredCard.locator('.value').textContent())).toBe(offered);
      expect(await offeredCard.locator('.hint').textContent()).toContain(
        `${abandoned.toLocaleString('en-US')} abandoned`,
      );
      const byInterval = await page.request.get(
        `${BASE_URL()}/api/calls/stats?from=${from}&to=${to}&groupBy=interval&intervalMinutes=60`,
      );
      const intervals = (await byInterval.json()) as StatsRow[];
      expect(intervals.reduce((a, r) => a + r.offered, 0)).toBe(offered);
      expect(intervals.reduce((a, r) => a + r.abandoned, 0)).toBe(abandoned);
      await screenshot(page, `${role}-service`);

      // Drill down: the busiest campaign's calls, customers only as ••••1234.
      const table = page.locator('fw-service-breakdown').first();
      const first = table.locator('tr.mat-mdc-row button.open').first();
      const code = ((await first.locator('.fw-code').textContent()) ?? '').trim();
      const row = rows.find((r) => r.key === code) as StatsRow;
      expect(row).toBeDefined();
      await first.click();
      const dialog = page.locator('mat-dialog-container');
      await dialog.locator('tr.mat-mdc-row td.mat-column-customer').first().waitFor();
      const customers = await dialog.locator('td.mat-column-customer').allTextContents();
      expect(customers.length).toBeGreaterThan(0);
      for (const c of customers) {
        expect(c.trim()).toMatch(/^(••••\d{4}|—)$/);
      }
      await screenshot(page, `${role}-service-calls`);
      const exportButton = dialog.getByRole('button', { name: /^Export [\d,]+ calls$/ });
      const listed = numberOf(await exportButton.textContent());
      const [callsCsv] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
      const [header, ...calls] = await csvLinesOf(callsCsv);
      expect(header.split(',')).toContain('customer');
      // every call of the campaign in the range (offered inbound plus outbound handled)
      expect(calls.length).toBeGreaterThanOrEqual(row.offered);
      expect(calls.length).toBe(listed); // the export holds every call the dialog counts
      const customerAt = header.split(',').indexOf('customer');
      for (const line of calls.slice(0, 200)) {
        expect(line.split(',')[customerAt]).toMatch(/^(••••\d{4})?$/);
      }
      await dialog.locator('mat-dialog-actions').getByRole('button', { name: 'Close' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Each table exports what it shows.
      for (const tab of ['By campaign', 'By team', 'By agent']) {
        await page.getByRole('tab', { name: tab }).click();
        const panel = page.locator('mat-tab-body.mat-mdc-tab-body-active fw-service-breakdown');
        await panel.locator('tr.mat-mdc-row button.open').first().waitFor({ timeout: 30_000 });
        const [csv] = await Promise.all([
          page.waitForEvent('download'),
          panel.getByRole('button', { name: /Export CSV/ }).click(),
        ]);
        const [, ...lines] = await csvLinesOf(csv);
        expect(lines.length).toBe(await panel.locator('tr.mat-mdc-row button.open').count());
      }
      await screenshot(page, `${role}-service-by-agent`);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("shows a manager's team table only their own teams", async () => {
    const teamsOf = async (role: 'admin' | 'manager') => {
      const context = await browser().newContext();
      const page = await signIn(context, login(role));
      const { from, to } = await openService(page);
      const r = await page.request.get(
        `${BASE_URL()}/api/calls/stats?from=${from}&to=${to}&groupBy=team`,
      );
      const keys = ((await r.json()) as StatsRow[]).map((x) => x.key);
      await page.getByRole('tab', { name: 'By team' }).click();
      const panel = page.locator('mat-tab-body.mat-mdc-tab-body-active fw-service-breakdown');
      await panel.locator('tr.mat-mdc-row button.open').first().waitFor({ timeout: 30_000 });
      const shown = (await panel.locator('tr.mat-mdc-row .fw-code').allTextContents()).map((t) =>
        t.trim(),
      );
      await context.close();
      return { keys, shown };
    };
    const manager = await teamsOf('manager');
    const admin = await teamsOf('admin');
    expect(manager.shown.sort()).toEqual([...manager.keys].sort());
    expect(manager.shown.length).toBeGreaterThan(0);
    expect(manager.shown.length).toBeLessThan(admin.shown.length);
  });

  it("gives the API's Erlang C answer in the Staffing calculator and draws the forecast week", async () => {
    const context = await browser().newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await signIn(context, login('manager'));
    const errors = watchErrors(page);
    await page.goto(`${BASE_URL()}/staffing`);
    await page.waitForLoadState('networkidle');
    const field = (label: string) =>
      page.locator('mat-form-field').filter({ hasText: label }).locator('input');
    await field('Calls per interval').fill('412');
    await field('AHT').fill('275');
    await field('Target SL').fill('80');
    await field('Answered within').fill('20');
    await field('Max occupancy').fill('85');
    await field('Shrinkage').fill('30');
    const interval = await page
      .locator('mat-form-field')
      .filter({ hasText: 'Interval' })
      .locator('mat-select')
      .textContent();
    const minutes = Number((interval ?? '').match(/\d+/)?.[0]);
    const expected = await page.request.get(
      `${BASE_URL()}/api/staffing/erlang-c?calls=412&intervalMinutes=${minutes}&ahtSeconds=275&targetServiceLevel=0.8&targetAnswerSeconds=20&maxOccupancy=0.85&shrinkage=0.3`,
    );
    expect(expected.status()).toBe(200);
    const answer = (await expected.json()) as { agents: number; rawAgents: number };
    const result = page.locator('[data-testid="erlang-result"]');
    const scheduled = card(result, 'Scheduled agents');
    await until(
      async () => numberOf(await scheduled.locator('.value').textContent()) === answer.agents,
    );
    expect(numberOf(await scheduled.locator('.value').textContent())).toBe(answer.agents);
    const raw = card(result, 'Agents on the phones');
    expect(numberOf(await raw.locator('.value').textContent())).toBe(answer.rawAgents);
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);

    expect(errors).toEqual([]);

    // Impossible inputs: the API's reason is shown, and no result (the browser logs the 400s).
    await field('Shrinkage').fill('100');
    await page.locator('[data-testid="erlang-error"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="erlang-error"]').textContent()).toMatch(/shrinkage/i);
    expect(await page.locator('[data-testid="erlang-result"]').count()).toBe(0);
    await field('Shrinkage').fill('30');
    await result.waitFor({ timeout: 15_000 });
    expect(errors.every((e) => e.includes('400 (Bad Request)'))).toBe(true);
    errors.length = 0;

    await page.locator('[data-testid="forecast-facts"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="forecast-accuracy"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="forecast-accuracy"]').textContent()).toMatch(
      /MAPE|WAPE/,
    );
    await page.waitForTimeout(800);
    await screenshot(page, 'manager-staffing');
    expect(errors).toEqual([]);
    await context.close();
  });
});
