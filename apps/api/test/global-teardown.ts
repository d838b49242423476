import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__FLOORWISE_TEST_DB__;
  if (db) {
    await db.stop();
    rmSync(db.dir, { recursive: true, force: true });
  }
}
