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

/**
 * Schedules in the browser, as each role: the manager's roster (adding a shift from it, a weekly
 * pattern that collides with the shifts already planned), the staffing gap and pay; the agent's
 * own schedule and pay; HR's pay estimates; the admin's pay rules. Screenshots of each.
 */
describe('Schedules in the browser', () => {
  let browser: Browser;
  let logins: DemoLogin[];

  beforeAll(async () => {
    browser = await launch();
    logins = await demoLogins();
  });
  afterAll(() => browser.close());

  const login = (role: DemoLogin['role']) => logins.find((l) => l.role === role) as DemoLogin;

  async function open(role: DemoLogin['role'], width = 1440, height = 1200) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await signIn(context, login(role));
    const errors = watchErrors(page);
    return { context, page, errors };
  }

  async function rosterRows(page: Page): Promise<number> {
    await page.locator('fw-timeline .row').first().waitFor({ timeout: 30_000 });
    return page.locator('fw-timeline .row').count();
  }

  it("shows the manager's roster, and adds a shift from it", async () => {
    const { context, page, errors } = await open('manager');
    await page.goto(`${BASE_URL()}/schedules`);
    const rows = await rosterRows(page);
    expect(rows).toBeGreaterThan(0);
    expect(await page.locator('fw-timeline button.bar').count()).toBeGreaterThan(0);
    await screenshot(page, 'manager-schedules-roster');

    // a shift five weeks out, on a day the demo has planned nothing for yet
    const date = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('[data-testid="add-shift"]').click();
    await page.locator('[data-testid="shift-date"]').fill(date);
    await page.locator('[data-testid="shift-start"]').fill('06:00');
    await page.locator('[data-testid="shift-end"]').fill('14:30');
    await screenshot(page, 'manager-schedules-add-shift');
    await page.locator('[data-testid="shift-save"]').click();
    await page.getByText('Shift added').waitFor({ timeout: 20_000 });
    const me = await page.evaluate(async (d) => {
      const r = await fetch(`/api/schedules/roster?from=${d}&to=${d}`);
      const body = (await r.json()) as {
        agents: { shifts: { start: string; source: string }[] }[];
      };
      return body.agents.flatMap((a) => a.shifts).filter((s) => s.source === 'manual').length;
    }, date);
    expect(me).toBe(1);

    // the day view draws a single day with its hours
    await page.locator('mat-button-toggle', { hasText: /^Day$/ }).locator('button').click();
    await rosterRows(page);
    await screenshot(page, 'manager-schedules-roster-day');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('previews a weekly pattern for next week and lists each agent-date that is already planned', async () => {
    const { context, page, errors } = await open('manager');
    await page.goto(`${BASE_URL()}/schedules`);
    await rosterRows(page);
    await page.locator('[data-testid="open-pattern"]').click();
    await page.locator('[data-testid="pattern-check"]').click();
    // the demo plans two weeks ahead: next week's pattern collides with those shifts
    await page.locator('[data-testid="pattern-conflicts"]').waitFor({ timeout: 20_000 });
    const items = await page.locator('[data-testid="pattern-conflicts"] li').count();
    expect(items).toBeGreaterThan(0);
    expect(await page.getByText('Nothing was written.').count()).toBe(1);
    await screenshot(page, 'manager-schedules-pattern-conflicts');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the staffing gap as a heatmap with the overtime filling it, and the pay estimates', async () => {
    const { context, page, errors } = await open('manager');
    await page.goto(`${BASE_URL()}/schedules?view=gap`);
    await page.locator('[data-testid="gap-summary"]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="gap-heatmap"] canvas').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid="gap-summary"]').textContent()).toContain(
      'Overtime filling the gap',
    );
    await screenshot(page, 'manager-schedules-gap');
    await page.goto(`${BASE_URL()}/schedules?view=pay`);
    await page.locator('table.fw-table tr.mat-mdc-row').first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'manager-schedules-pay');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("gives the agent their own schedule and pay, and nobody else's", async () => {
    const { context, page, errors } = await open('agent');
    await page.goto(`${BASE_URL()}/schedules`);
    await page.getByRole('heading', { name: 'My schedule' }).waitFor({ timeout: 20_000 });
    await page.locator('[data-testid="my-pay-lines"]').waitFor({ timeout: 20_000 });
    const lines = await page.locator('[data-testid="my-pay-lines"]').textContent();
    expect(lines).toContain('Base pay');
    expect(lines).toContain('Overtime premium');
    await screenshot(page, 'agent-my-schedule');
    // through the same session, outside the page (the page itself never asks for these)
    const get = async (path: string) => (await page.request.get(`${BASE_URL()}${path}`)).status();
    const own = (await (await page.request.get(`${BASE_URL()}/api/me/schedule`)).json()) as {
      employeeCode: string;
    };
    const statuses = {
      own: own.employeeCode,
      roster: await get('/api/schedules/roster?from=2026-01-05&to=2026-01-11'),
      pay: await get('/api/pay/estimates'),
      other: await get('/api/schedules/agents/A00002'),
    };
    expect(statuses.roster).toBe(403);
    expect(statuses.pay).toBe(403);
    expect(statuses.other).toBe(statuses.own === 'A00002' ? 200 : 403);
    expect(errors).toEqual([]);
    await context.close();

    const phone = await open('agent', 390, 1400);
    await phone.page.goto(`${BASE_URL()}/schedules`);
    await phone.page.locator('[data-testid="my-pay-lines"]').waitFor({ timeout: 20_000 });
    await screenshot(phone.page, 'agent-my-schedule-phone');
    await phone.context.close();
  });

  it('shows HR every team and the admin the pay rules they can change', async () => {
    const hr = await open('hr');
    await hr.page.goto(`${BASE_URL()}/schedules?view=pay`);
    await hr.page.locator('[data-testid="payroll-csv"]').waitFor({ timeout: 30_000 });
    await screenshot(hr.page, 'hr-schedules-pay');
    await hr.page.goto(`${BASE_URL()}/schedules`);
    await rosterRows(hr.page);
    await screenshot(hr.page, 'hr-schedules-roster');
    expect(hr.errors).toEqual([]);
    await hr.context.close();

    const admin = await open('admin');
    await admin.page.goto(`${BASE_URL()}/schedules?view=rules`);
    await admin.page.locator('[data-testid^="edit-rules-"]').first().click();
    await admin.page.getByRole('heading', { name: /Pay rules ·/ }).waitFor({ timeout: 20_000 });
    await screenshot(admin.page, 'admin-schedules-pay-rules');
    expect(admin.errors).toEqual([]);
    await admin.context.close();
  });
});
