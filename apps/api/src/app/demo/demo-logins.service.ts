import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Env, ENV } from '../../config/env';

export interface DemoLogin {
  email: string;
  role: string;
  password: string;
}

export const DEMO_LOGINS_KEY = 'demo_logins';

/** The demo sign-ins recorded when the demo data was loaded; none outside demo mode. */
@Injectable()
export class DemoLoginsService {
  constructor(
    private readonly db: DataSource,
    @Inject(ENV) private readonly env: Env,
  ) {}

  async logins(): Promise<DemoLogin[]> {
    if (!this.env.DEMO_DATA_DIR) {
      return [];
    }
    const rows: { value: { email: string; role: string }[] }[] = await this.db.query(
      `SELECT value FROM app_setting WHERE key = $1`,
      [DEMO_LOGINS_KEY],
    );
    return (rows[0]?.value ?? []).map((l) => ({ ...l, password: this.env.DEMO_PASSWORD }));
  }
}
