import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ApiServer } from './api-server';
import { CHROMIUM, WEB_DIST } from './bench-config';
import { upsertUser } from './bench-db';
import { onCleanup } from './cleanup';
import { Figure, median, ms, num, statusOf } from './figures';
import { MANAGER_PASSWORD } from './load-data';
import { log } from './log';

/** The scripts index.html loads before anything else: `<script src>` and modulepreload links. */
export function measureInitialJs(): Figure {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) {
    return skipped(
      'initial-js',
      'dashboard initial JavaScript (gzip)',
      '≈ 60 kB',
      `${index} is missing: build the web app`,
    );
  }
  const html = readFileSync(index, 'utf8');
  const sources = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) {
    sources.add(m[1]);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/.exec(tag);
    if (/\brel="modulepreload"/.test(tag) && href) {
      sources.add(href[1]);
    }
  }
  const files = [...sources].map((src) => {
    const buf = readFileSync(join(WEB_DIST, src.replace(/^\//, '')));
    return { file: src, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
  });
  const gzip = files.reduce((s, f) => s + f.gzip, 0);
  const raw = files.reduce((s, f) => s + f.bytes, 0);
  const checks = [
    {
      label: 'initial JavaScript (gzip)',
      value: gzip / 1000,
      target: 60,
      better: 'lower' as const,
      unit: 'kB',
    },
  ];
  return {
    id: 'initial-js',
    label: `dashboard initial JavaScript, gzip -9 (${files.length} files index.html loads)`,
    target: 'small, ≈ 60 kB',
    median: `${num(gzip / 1000, 1)} kB (${num(raw / 1000, 0)} kB raw)`,
    ratio: null,
    runs: 1,
    status: statusOf(checks),
    checks,
    data: { files, gzipBytes: gzip, rawBytes: raw },
  };
}

const LCP_OBSERVER = `
  window.__fwLcp = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element;
      window.__fwLcp = {
        startTime: e.startTime,
        size: e.size,
        element: el ? el.tagName.toLowerCase() + ': ' + (el.textContent || '').trim().slice(0, 60) : null,
      };
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

interface LcpEntry {
  startTime: number;
  size: number;
  element: string | null;
}

/**
 * Largest contentful paint of the page a manager lands on after signing in: sign in once through
 * the sign-in page, then open `/` in fresh browser contexts (cold cache, the session cookie kept),
 * which the app sends to the manager's home page.
 */
export async function measureLcp(
  api: ApiServer,
  databaseUrl: string,
  managerEmail: string | null,
  runs: number,
): Promise<Figure> {
  const label =
    "largest contentful paint of the manager's first page after sign-in (headless chromium)";
  if (!existsSync(CHROMIUM)) {
    return skipped(
      'lcp',
      label,
      'report (web-vitals "good" ≤ 2.5 s)',
      `chromium is not installed at ${CHROMIUM}`,
    );
  }
  const email = managerEmail ?? 'bench-manager@floorwise.local';
  await upsertUser(databaseUrl, email, MANAGER_PASSWORD, 'manager');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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
  const close = onCleanup('chromium', () => browser.close());
  try {
    const signIn = await browser.newContext();
    const page = await signIn.newPage();
    await page.goto(`${api.url}/login`);
    await page.getByLabel(/email/i).fill(email);
    await page.getByLabel(/password/i).fill(MANAGER_PASSWORD);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 });
    const state = await signIn.storageState();
    await signIn.close();

    const values: number[] = [];
    let landing = '';
    let element: string | null = null;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ storageState: state });
      await context.addInitScript({ content: LCP_OBSERVER });
      const p = await context.newPage();
      await p.goto(`${api.url}/`, { waitUntil: 'networkidle' });
      await p.waitForTimeout(500);
      const entry = (await p.evaluate('window.__fwLcp')) as LcpEntry | null;
      landing = new URL(p.url()).pathname;
      await context.close();
      if (!entry) {
        throw new Error(`no largest-contentful-paint entry on ${landing}`);
      }
      values.push(entry.startTime);
      element = entry.element;
    }
    const lcp = median(values);
    log(`  LCP of ${landing}: ${ms(lcp)} (element ${element ?? '?'})`);
    const checks = [
      {
        label: 'largest contentful paint',
        value: lcp,
        target: 2500,
        better: 'lower' as const,
        unit: 'ms',
      },
    ];
    const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
    return {
      id: 'lcp',
      label: `${label}: ${landing} as a manager`,
      target: 'report (web-vitals "good" ≤ 2.5 s)',
      median: ms(lcp),
      ratio: null,
      runs: values.length,
      status: statusOf(checks),
      note:
        landing === '/floor'
          ? "the manager's landing page is /floor, whose floor view is not built yet: its placeholder page was measured"
          : `measured the manager's landing page ${landing}`,
      checks,
      data: { values, landing, element, chromium: version },
    };
  } finally {
    await close();
  }
}

function skipped(id: string, label: string, target: string, note: string): Figure {
  log(`  skipped ${id}: ${note}`);
  return {
    id,
    label,
    target,
    median: null,
    ratio: null,
    runs: null,
    status: 'skipped',
    note,
    checks: [],
  };
}
