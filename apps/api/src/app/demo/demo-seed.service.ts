import { Inject, Injectable, Logger } from '@nestjs/common';
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { IMPORT_KINDS, ImportKind, Role } from '@floorwise/contracts';
import { Env, ENV } from '../../config/env';
import { ImportService } from '../imports/import.service';
import { UsersService } from '../users/users.service';
import { DEMO_LOGINS_KEY } from './demo-logins.service';

export interface SeedReport {
  seeded: boolean;
  files: { kind: ImportKind; imported: number; updated: number; duplicates: number; ms: number }[];
}

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
    for (const kind of IMPORT_KINDS) {
      const path = join(dir, `${kind}.csv`);
      if (!existsSync(path) || !this.imports.supports(kind)) {
        continue;
      }
      const t0 = Date.now();
      const r = await this.imports.run(kind, {
        body: createReadStream(path, { highWaterMark: 1 << 20 }),
        format: 'csv',
        actorId: null,
      });
      files.push({ kind, ...r, ms: Date.now() - t0 });
      this.logger.log(`demo ${kind}: ${r.imported} rows in ${Date.now() - t0} ms`);
    }
    await this.createDemoUsers();
    return { seeded: true, files };
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
