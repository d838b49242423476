import { Inject, Injectable, Logger } from '@nestjs/common';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import { IMPORT_KINDS, ImportKind, Role } from '@floorwise/contracts';
import { Env, ENV } from '../../config/env';
import { ImportService } from '../imports/import.service';
import { SpiffDemoSeeder } from '../spiff/spiff-demo.seeder';
import { UsersService } from '../users/users.service';
import { SchedulesDemoSeeder } from '../schedules/schedules-demo.seeder';
import { QuotasDemoSeeder } from '../quotas/quotas-demo.seeder';
import { DEMO_LOGINS_KEY } from './demo-logins.service';

export interface SeedReport {
  seeded: boolean;
  files: { kind: ImportKind; imported: number; updated: number; duplicates: number; ms: number }[];
  /** Calls before this local date are still to be loaded (in the background), if any. */
  backfillBefore?: string;
}

/** Days of demo calls loaded before the server answers; older ones follow in the background. */
export const DEMO_RECENT_DAYS = 56;
const BACKFILL_KEY = 'demo_backfill';

/**
 * Loads the simulated call center into an empty database through the same import pipeline users
 * call, then creates one demo sign-in per role.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly db: DataSource,
    private readonly imports: ImportService,
    private readonly users: UsersService,
    @Inject(ENV) private readonly env: Env,
    private readonly schedulesDemo: SchedulesDemoSeeder,
    private readonly spiffDemo: SpiffDemoSeeder,
  ) {}

  async seedIfEmpty(): Promise<SeedReport> {
    const dir = this.env.DEMO_DATA_DIR;
    if (!dir) {
      return { seeded: false, files: [] };
    }
    // Empty means no organisation and no sign-ins: the demo users alone (a folder without data
    // files) must also count, or the next boot would create them again and fail on the conflict.
    const [{ used }]: { used: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM site) OR EXISTS (SELECT 1 FROM app_user) AS used`,
    );
    if (used) {
      return { seeded: false, files: [] };
    }
    const files: SeedReport['files'] = [];
    const cutoff = recentCutoff(dir);
    for (const kind of IMPORT_KINDS) {
      const path = join(dir, `${kind}.csv`);
      if (!existsSync(path) || !this.imports.supports(kind)) {
        continue;
      }
      const t0 = Date.now();
      const split = kind === 'calls' && cutoff !== null;
      const r = await this.imports.run(kind, {
        body: split
          ? callsFrom(path, (d) => d >= cutoff)
          : createReadStream(path, { highWaterMark: 1 << 20 }),
        format: 'csv',
        actorId: null,
      });
      files.push({ kind, ...r, ms: Date.now() - t0 });
      this.logger.log(`demo ${kind}: ${r.imported} rows in ${Date.now() - t0} ms`);
      if (split) {
        await this.setting(BACKFILL_KEY, { before: cutoff, status: 'pending' });
      }
    }
    await new QuotasDemoSeeder(this.db).seed();
    await this.createDemoUsers();
    await this.schedulesDemo.seed();
    await this.spiffDemo.seed();
    return { seeded: true, files, ...(cutoff !== null ? { backfillBefore: cutoff } : {}) };
  }

  /**
   * Loads the older demo calls (before the recent weeks loaded at start-up) through the same
   * import, while the dashboard already answers. Resumable: call ids already stored are skipped,
   * so a run cut short simply goes on at the next start.
   */
  async backfill(): Promise<{ imported: number; before: string } | null> {
    const dir = this.env.DEMO_DATA_DIR;
    const rows: { value: { before: string; status: string } }[] = await this.db.query(
      `SELECT value FROM app_setting WHERE key = $1`,
      [BACKFILL_KEY],
    );
    const state = rows[0]?.value;
    if (!dir || !state || state.status !== 'pending' || !existsSync(join(dir, 'calls.csv'))) {
      return null;
    }
    const r = await this.imports.run('calls', {
      body: callsFrom(join(dir, 'calls.csv'), (d) => d < state.before),
      format: 'csv',
      actorId: null,
    });
    await this.setting(BACKFILL_KEY, { before: state.before, status: 'done' });
    return { imported: r.imported, before: state.before };
  }

  private async setting(key: string, value: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }

  private async createDemoUsers(): Promise<void> {
    const password = this.env.DEMO_PASSWORD;
    const logins: { email: string; role: Role }[] = [
      { email: 'admin@floorwise.local', role: 'admin' },
      { email: 'hr@floorwise.local', role: 'hr' },
    ];
    for (const l of logins) {
      await this.users.create(null, { ...l, password });
    }
    // Every team's manager gets a sign-in; the first team's is the one shown.
    const managers: { email: string }[] = await this.db.query(
      `SELECT DISTINCT ON (lower(manager_email)) manager_email AS email FROM team
       WHERE manager_email IS NOT NULL ORDER BY lower(manager_email), team_code`,
    );
    for (const m of managers) {
      await this.users.create(null, { email: m.email, role: 'manager', password });
    }
    const first: { email: string; team_id: number }[] = await this.db.query(
      `SELECT manager_email AS email, id AS team_id FROM team WHERE manager_email IS NOT NULL
       ORDER BY lower(manager_email) <> 'manager@floorwise.local', team_code LIMIT 1`,
    );
    if (first[0]) {
      logins.push({ email: first[0].email, role: 'manager' });
      const agents: { employee_code: string; email: string }[] = await this.db.query(
        `SELECT a.employee_code, a.email FROM agent a
         WHERE a.team_id = $1 AND a.termination_date IS NULL
         ORDER BY a.hire_date, a.employee_code LIMIT 1`,
        [first[0].team_id],
      );
      if (agents[0]) {
        await this.users.create(null, {
          email: agents[0].email,
          role: 'agent',
          password,
          employeeCode: agents[0].employee_code,
        });
        logins.push({ email: agents[0].email, role: 'agent' });
      }
    }
    await this.db.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [DEMO_LOGINS_KEY, JSON.stringify(logins)],
    );
  }
}

/** The first local date of the recent weeks, from the generator's manifest (null: load it all). */
function recentCutoff(dir: string): string | null {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) {
    return null;
  }
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    parameters?: { windowEnd?: string };
  };
  const end = manifest.parameters?.windowEnd;
  if (!end || !/^\d{4}-\d{2}-\d{2}$/.test(end)) {
    return null;
  }
  const t = Date.parse(`${end}T00:00:00Z`) - DEMO_RECENT_DAYS * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The demo calls file with only the calls whose local date (the date part of `started_at`, the
 * sixth column) passes `keep`; the header always passes. Line-based: the generator's calls file
 * has no quoted fields or embedded newlines.
 */
function callsFrom(path: string, keep: (localDate: string) => boolean): Transform {
  let rest = '';
  let header = true;
  const filter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      done(null, pick(lines));
    },
    flush(done) {
      done(null, rest === '' ? '' : pick([rest]));
    },
  });
  const pick = (lines: string[]): string => {
    let out = '';
    for (const line of lines) {
      if (header) {
        header = false;
        out += `${line}\n`;
        continue;
      }
      let at = -1;
      for (let i = 0; i < 5; i++) {
        at = line.indexOf(',', at + 1);
        if (at < 0) {
          break;
        }
      }
      if (at >= 0 && keep(line.slice(at + 1, at + 11))) {
        out += `${line}\n`;
      }
    }
    return out;
  };
  return createReadStream(path, { highWaterMark: 1 << 20 }).pipe(filter);
}
