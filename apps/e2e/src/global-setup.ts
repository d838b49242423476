import { ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

declare global {
  var __FLOORWISE_E2E__: { proc: ChildProcess; dir: string } | undefined;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/**
 * Starts the real product as `npm start` does (already built), on a fresh data folder with a
 * smaller simulated center, and waits until it answers.
 */
export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '../../..');
  const dir = mkdtempSync(join(tmpdir(), 'floorwise-e2e-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const log = openSync(join(dir, 'app.log'), 'a');
  const proc = spawn(process.execPath, [join(root, 'tools/scripts/start.mjs'), '--no-build'], {
    cwd: root,
    env: {
      ...process.env,
      FLOORWISE_DATA_DIR: dir,
      PORT: String(port),
      EMBEDDED_PG_PORT: '0',
      DEMO_AGENTS: process.env['E2E_DEMO_AGENTS'] ?? '60',
      DEMO_MONTHS: process.env['E2E_DEMO_MONTHS'] ?? '3',
      LOG_LEVEL: 'warn',
      // Every spec signs in as several roles from one address, well past the 10 a minute a real
      // client gets; the limit itself is tested in auth.int-spec.ts.
      LOGIN_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', log, log],
  });
  globalThis.__FLOORWISE_E2E__ = { proc, dir };
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (proc.exitCode !== null) {
      throw new Error(`the app exited early (${proc.exitCode}); see ${join(dir, 'app.log')}`);
    }
    try {
      const r = await fetch(`${base}/api/auth/demo-logins`);
      if (r.status === 200) {
        break;
      }
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      throw new Error(`the app did not answer within 180 s; see ${join(dir, 'app.log')}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  process.env['E2E_BASE_URL'] = base;
  process.env['E2E_DATA_DIR'] = dir;
}
