import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  BASE_URL,
  demoLogins,
  DemoLogin,
  launch,
  screenshot,
  signIn,
  watchErrors,
} from './browser';

/**
 * Bonuses (SPIFF) in the browser, as each role, over the demo campaigns: the agent's progress,
 * spins and envelopes; the manager's campaigns, budget burn, leaderboard, builder with its cost
 * preview, approval queue and disputes; HR read-only; payroll for the admin.
 */
describe('Bonuses', () => {
  let browser: Browser;
  let logins: DemoLogin[];

  beforeAll(async () => {
    browser = await launch();
    logins = await demoLogins();
  });
  afterAll(() => browser.close());

  const as = (role: DemoLogin['role']) => logins.find((l) => l.role === role) as DemoLogin;

  async function open(
    role: DemoLogin['role'],
    options: Parameters<Browser['newContext']>[0] = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      ...options,
    });
    const page = await signIn(context, as(role));
    const errors = watchErrors(page);
    await page.goto(`${BASE_URL()}/bonuses`);
    await page.waitForLoadState('networkidle');
    return { context, page, errors };
  }

  it('shows an agent their campaigns, progress and awards, and lets them spin or open one', async () => {
    const { context, page, errors } = await open('agent', { reducedMotion: 'reduce' });
    await page.getByRole('heading', { name: 'My bonuses' }).waitFor();
    const cards = page.getByTestId('bonus-campaign');
    expect(await cards.count()).toBeGreaterThan(0);
    await page.getByTestId('bonus-totals').waitFor();
    // every running campaign has its progress line and its "up to" or rule sentence
    expect(await page.getByRole('progressbar').count()).toBeGreaterThan(0);
    await screenshot(page, 'agent-bonuses');
    const draw = page.getByRole('button', { name: /^(Spin|Open envelope) \d+/ }).first();
    if ((await draw.count()) > 0) {
      await draw.click();
      const result = page.getByTestId('draw-result');
      await result.filter({ hasText: /You won|No prize/ }).waitFor({ timeout: 10_000 });
      await screenshot(page, 'agent-bonuses-draw');
      await page.getByRole('button', { name: 'Done' }).click();
    }
    // the agent's own API answers; the staff ledger refuses them
    expect((await page.request.get(`${BASE_URL()}/api/me/bonus`)).status()).toBe(200);
    expect((await page.request.get(`${BASE_URL()}/api/spiff/awards`)).status()).toBe(403);
    expect(
      (
        await page.request.post(`${BASE_URL()}/api/spiff/awards/approve`, { data: { ids: [1] } })
      ).status(),
    ).toBe(403);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('plays the spin animation when motion is allowed', async () => {
    const { context, page } = await open('agent', { reducedMotion: 'no-preference' });
    const spin = page.getByRole('button', { name: /^(Spin|Open envelope) \d+/ }).first();
    if ((await spin.count()) > 0) {
      await spin.click();
      await page.waitForTimeout(600);
      await screenshot(page, 'agent-bonuses-animating');
      await page
        .getByTestId('draw-result')
        .filter({ hasText: /You won|No prize/ })
        .waitFor({ timeout: 10_000 });
      await page.getByRole('button', { name: 'Done' }).click();
    }
    await context.close();
  });

  it('fits a phone screen for the agent', async () => {
    const { context, page } = await open('agent', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    await page.getByRole('heading', { name: 'My bonuses' }).waitFor();
    await screenshot(page, 'agent-bonuses-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(391);
    await context.close();
  });

  it('gives a manager campaigns with budget burn and leaderboards, the builder, approvals and disputes', async () => {
    const { context, page, errors } = await open('manager');
    await page.getByTestId('campaign-list').waitFor();
    await page.locator('fw-bar-chart canvas').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('leaderboard').waitFor();
    await page.waitForTimeout(800);
    await screenshot(page, 'manager-bonuses');

    // the builder refuses a bad definition with the field named, then previews a good one
    await page.getByTestId('new-campaign').click();
    const dialog = page.locator('mat-dialog-container');
    await dialog.getByLabel('Name').fill('E2E tiers');
    await dialog.getByLabel('Budget').fill('lots');
    await dialog.getByRole('button', { name: 'Preview the cost' }).click();
    await dialog.getByTestId('builder-error').filter({ hasText: 'budgetCents' }).waitFor();
    await dialog.getByLabel('Budget').fill('2500');
    await dialog.getByRole('button', { name: 'Preview the cost' }).click();
    await dialog.getByTestId('cost-preview').waitFor({ timeout: 15_000 });
    await dialog.getByTestId('cost-preview').scrollIntoViewIfNeeded();
    await screenshot(page, 'manager-bonuses-builder');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Approvals' }).click();
    const queue = page.getByTestId('approval-queue');
    await queue.waitFor();
    await page.waitForLoadState('networkidle');
    const boxes = queue.locator('tr mat-checkbox');
    if ((await boxes.count()) > 1) {
      await boxes.nth(1).click();
      await page.getByRole('button', { name: 'Approve selected' }).click();
      await page.getByText(/1 award approved/).waitFor();
    }
    await screenshot(page, 'manager-bonuses-approvals');

    await page.getByRole('tab', { name: 'Disputes' }).click();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'manager-bonuses-disputes');
    // the one 400 is the bad definition this test sent on purpose
    expect(errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    expect(errors.filter((e) => /status of 400/.test(e))).toHaveLength(1);
    await context.close();
  });

  it('lets HR read campaigns without acting on them', async () => {
    const { context, page, errors } = await open('hr');
    await page.getByTestId('campaign-list').waitFor();
    expect(await page.getByTestId('new-campaign').count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Approvals' }).count()).toBe(0);
    await page.locator('fw-bar-chart canvas').first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(800);
    await screenshot(page, 'hr-bonuses');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives the admin the payroll of a pay period with its export', async () => {
    const { context, page, errors } = await open('admin');
    await page.getByRole('tab', { name: 'Payroll' }).click();
    await page.getByTestId('payroll-totals').waitFor();
    await page.waitForLoadState('networkidle');
    const href = await page.getByTestId('payroll-export').getAttribute('href');
    const csv = await page.request.get(`${BASE_URL()}${href}`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\n')[0]).toBe(
      'employee_code,full_name,team_code,award_id,spiff_campaign_id,spiff_campaign,kind,earned_on,approved_on,approved_by,status,paid_at,amount_cents,amount',
    );
    await screenshot(page, 'admin-bonuses-payroll');
    expect(errors).toEqual([]);
    await context.close();
  });
});
