import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const e2e = globalThis.__FLOORWISE_E2E__;
  if (e2e && e2e.proc.exitCode === null) {
    e2e.proc.kill('SIGTERM');
    await new Promise((r) => e2e.proc.once('exit', r));
  }
  if (e2e && !process.env['E2E_KEEP_DATA']) {
    rmSync(e2e.dir, { recursive: true, force: true });
  }
}
