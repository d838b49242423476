import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Browser, BrowserContext, chromium, Download, Page } from 'playwright-core';

export const BASE_URL = (): string => {
  const base = process.env['E2E_BASE_URL'];
  if (!base) {
    throw new Error('E2E_BASE_URL is not set: the e2e global setup did not run');
  }
  return base;
};

export const SCREENSHOTS = resolve(__dirname, '../../../test-output/screenshots');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface DemoLogin {
  email: string;
  role: 'admin' | 'manager' | 'hr' | 'agent';
  password: string;
}

export async function demoLogins(): Promise<DemoLogin[]> {
  const r = await fetch(`${BASE_URL()}/api/auth/demo-logins`);
  return (await r.json()) as DemoLogin[];
}

/** Every console error and CSP violation of a page, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') {
      errors.push(m.text());
    }
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(context: BrowserContext, login: DemoLogin): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${BASE_URL()}/login`);
  await page.getByLabel(/email/i).fill(login.email);
  await page.getByLabel(/password/i).fill(login.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  // Generous: right after start-up the demo's older calls and the burnout backfill load in the
  // background on these 2-core machines, and one sign-in took over 20 s once in CI.
  await page
    .waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 45_000 })
    .catch(async (e: unknown) => {
      const shown = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      throw new Error(`sign-in as ${login.email} did not leave /login: ${String(e)}\n${shown}`);
    });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * One browser and the demo sign-ins for a `describe` block (launched before its tests, closed
 * after them); `login(role)` is that role's demo sign-in.
 */
export function useBrowser(): {
  browser: () => Browser;
  login: (role: DemoLogin['role']) => DemoLogin;
} {
  let browser: Browser | undefined;
  let logins: DemoLogin[] = [];
  beforeAll(async () => {
    browser = await launch();
    logins = await demoLogins();
  });
  afterAll(() => browser?.close());
  return {
    browser: () => {
      if (!browser) {
        throw new Error('the browser is launched in beforeAll');
      }
      return browser;
    },
    login: (role) => logins.find((l) => l.role === role) as DemoLogin,
  };
}

/** The lines of a downloaded CSV (byte-order mark dropped), split at CRLF as RFC 4180 ends them. */
export async function csvLinesOf(download: Download): Promise<string[]> {
  const text = readFileSync((await download.path()) as string, 'utf8');
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
}
