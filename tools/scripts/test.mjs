#!/usr/bin/env node
// `npm test`: every test of the project, in order of cost:
//   1. unit tests of every project (pure functions, components), through Nx;
//   2. API integration tests against a real PostgreSQL (embedded unless DATABASE_URL is set);
//   3. browser tests: the built app started for real, driven by Playwright in Debian's chromium,
//      signing in as each role and saving a screenshot of each page (test-output/screenshots).
// `npm test -- --unit`, `--int` or `--e2e` runs one part.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = new Set(process.argv.slice(2));
const only = ['--unit', '--int', '--e2e'].filter((a) => args.has(a));
const want = (part) => only.length === 0 || only.includes(part);
const env = { ...process.env, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false', TZ: 'UTC' };

function run(label, cmd, cmdArgs, extraEnv = {}) {
  process.stdout.write(`\n[test] ${label}\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    process.stdout.write(`[test] ${label}: FAILED after ${secs} s\n`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`[test] ${label}: passed in ${secs} s\n`);
}

if (want('--unit')) {
  run('unit tests (all projects)', 'npx', [
    'nx',
    'run-many',
    '-t',
    'test',
    '--output-style=static',
    '--parallel=2',
    '--skip-nx-cache',
  ]);
}
if (want('--int')) {
  run('API integration tests (real PostgreSQL)', 'npx', [
    'jest',
    '-c',
    'apps/api/jest.int.config.cts',
    '--ci',
  ]);
}
if (want('--e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    if (process.env.CI) {
      process.stdout.write(`[test] browser tests need ${chromium} (apt-get install -y chromium)\n`);
      process.exit(1);
    }
    process.stdout.write(
      `\n[test] browser tests SKIPPED: ${chromium} is missing (apt-get install -y chromium); CI runs them.\n`,
    );
  } else {
    run('build for the browser tests', 'npx', [
      'nx',
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'web',
      '--output-style=static',
    ]);
    run(
      'browser tests (Playwright + chromium)',
      'npx',
      ['jest', '-c', 'apps/e2e/jest.config.cts', '--ci', '--runInBand'],
      {
        CHROMIUM_PATH: chromium,
      },
    );
  }
}
