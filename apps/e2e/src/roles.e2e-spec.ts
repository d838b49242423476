import type { Browser } from 'playwright-core';
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
 * As each demo role: sign in through the form, open every page the navigation offers, check the
 * page rendered (a heading, no console errors — CSP violations included) and keep a screenshot.
 */
describe('the dashboard, as each role', () => {
  let browser: Browser;
  let logins: DemoLogin[];

  beforeAll(async () => {
    browser = await launch();
    logins = await demoLogins();
  });
  afterAll(() => browser.close());

  it('offers one demo sign-in per role', () => {
    expect(logins.map((l) => l.role).sort()).toEqual(['admin', 'agent', 'hr', 'manager']);
  });

  for (const role of ['admin', 'manager', 'hr', 'agent'] as const) {
    it(`shows every page of the ${role}'s navigation`, async () => {
      const login = logins.find((l) => l.role === role) as DemoLogin;
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await signIn(context, login);
      const errors = watchErrors(page);
      const links = await page.locator('nav a[href]').evaluateAll((as) =>
        as.map((a) => ({
          href: a.getAttribute('href') ?? '',
          text: (a.textContent ?? '').trim(),
        })),
      );
      const hrefs = [...new Set(links.map((l) => l.href).filter((h) => h.startsWith('/')))];
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        await page.goto(`${BASE_URL()}${href}`);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('h1').first()).toBeTruthy();
        const h1 = await page.locator('h1').first().textContent({ timeout: 10_000 });
        expect((h1 ?? '').trim().length).toBeGreaterThan(0);
        await screenshot(page, `${role}${href.replace(/\//g, '-')}`);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('keeps an agent out of the admin pages', async () => {
    const agent = logins.find((l) => l.role === 'agent') as DemoLogin;
    const context = await browser.newContext();
    const page = await signIn(context, agent);
    const navText = (await page.locator('nav').first().textContent()) ?? '';
    expect(navText).not.toMatch(/Users|Imports|Turnover/);
    await page.goto(`${BASE_URL()}/admin/users`);
    await page.waitForLoadState('networkidle');
    expect(new URL(page.url()).pathname).not.toBe('/admin/users');
    const r = await page.request.get(`${BASE_URL()}/api/users`);
    expect(r.status()).toBe(403);
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const manager = logins.find((l) => l.role === 'manager') as DemoLogin;
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
    });
    const page = await signIn(context, manager);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'manager-phone-home');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390 + 1);
    await context.close();
  });
});
