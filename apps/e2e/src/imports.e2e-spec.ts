import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  demoLogins,
  DemoLogin,
  launch,
  screenshot,
  signIn,
  watchErrors,
  BASE_URL,
} from './browser';

const HEADER =
  'employee_code,full_name,email,team_code,title,work_mode,hire_date,termination_date,termination_type,termination_reason,hourly_rate,contract_hours';

/**
 * An admin uploads agents files through Admin → Imports: a bad file is rejected whole with its
 * row errors listed and nothing written; a good one reports what it imported.
 */
describe('Admin → Imports in the browser', () => {
  let browser: Browser;
  let admin: DemoLogin;
  const dir = mkdtempSync(join(tmpdir(), 'fw-e2e-files-'));

  beforeAll(async () => {
    browser = await launch();
    admin = (await demoLogins()).find((l) => l.role === 'admin') as DemoLogin;
  });
  afterAll(() => browser.close());

  async function teamCode(token: string): Promise<string> {
    const r = await fetch(`${BASE_URL()}/api/teams`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const teams = (await r.json()) as { teamCode: string }[];
    return teams[0].teamCode;
  }

  async function adminToken(): Promise<string> {
    const r = await fetch(`${BASE_URL()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: admin.email, password: admin.password }),
    });
    return ((await r.json()) as { accessToken: string }).accessToken;
  }

  it('rejects a bad agents file whole, lists every row error, then imports a good one', async () => {
    const token = await adminToken();
    const team = await teamCode(token);
    const bad = join(dir, 'agents-bad.csv');
    writeFileSync(
      bad,
      [
        HEADER,
        `E2E001,Ada Lovelace,e2e001@floorwise.local,${team},Agent I,onsite,2026-01-05,,,,15.81,40`,
        `E2E002,Bad Date,e2e002@floorwise.local,${team},Agent I,onsite,2026-02-30,,,,15.81,40`,
        `E2E003,No Team,e2e003@floorwise.local,NOPE,Agent I,office,2026-01-05,,,,-1,40`,
      ].join('\n'),
    );
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, admin);
    const errors = watchErrors(page);
    await page.goto(`${BASE_URL()}/admin/imports`);
    await page.locator('[data-kind="agents"]').click();
    await page.locator('[data-testid="file-input"]').setInputFiles(bad);
    await page.locator('[data-testid="upload"]').click();
    await page.getByRole('heading', { name: 'Row errors' }).waitFor({ timeout: 20_000 });
    const rows = await page.locator('table.fw-table tr.mat-mdc-row').allTextContents();
    expect(rows.length).toBe(4);
    const text = rows.join('\n');
    expect(text).toMatch(/hire_date/);
    expect(text).toMatch(/team_code/);
    expect(text).toMatch(/work_mode/);
    expect(text).toMatch(/hourly_rate/);
    expect(await page.getByText(/nothing was written/i).count()).toBeGreaterThan(0);
    await screenshot(page, 'admin-imports-rejected');
    const check = await fetch(`${BASE_URL()}/api/agents?search=E2E00&status=all`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await check.json()) as { total: number }).total).toBe(0);

    const good = join(dir, 'agents-good.csv');
    writeFileSync(
      good,
      [
        HEADER,
        `E2E001,Ada Lovelace,e2e001@floorwise.local,${team},Agent I,onsite,2026-01-05,,,,15.81,40`,
      ].join('\n'),
    );
    await page.locator('[data-testid="file-input"]').setInputFiles(good);
    await page.locator('[data-testid="upload"]').click();
    await page.getByText('Import complete').waitFor({ timeout: 20_000 });
    await screenshot(page, 'admin-imports-done');
    const after = await fetch(`${BASE_URL()}/api/agents?search=E2E001&status=all`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await after.json()) as { total: number }).total).toBe(1);
    expect(errors.filter((e) => !/422/.test(e))).toEqual([]);
    await context.close();
  });
});
