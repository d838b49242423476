import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  BURNOUT_COMPONENTS,
  BURNOUT_RAMPS,
  BurnoutConfig,
  DEFAULT_BURNOUT_CONFIG,
  validateBurnoutConfig,
} from '@floorwise/analytics';
import type {
  BurnoutConfigBody,
  BurnoutConfigState,
  BurnoutConfigVersion,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { invalid } from '../common/domain-error';

interface ConfigRow {
  version: number;
  config: BurnoutConfig;
  note: string | null;
  created_at: Date;
  created_by: string | null;
}

const SCALARS = [
  'shortRestHours',
  'consecutiveDayLimit',
  'driftMinCalls',
  'driftMinShifts',
  'nightStart',
  'nightEnd',
] as const;

/** The metrics.md §5 defaults as a plain body. */
export function defaultConfigBody(): BurnoutConfigBody {
  return JSON.parse(JSON.stringify(DEFAULT_BURNOUT_CONFIG)) as BurnoutConfigBody;
}

/**
 * Checks the shape of a configuration body (every key present, no unknown key, numbers where
 * numbers belong) and then its values with `validateBurnoutConfig`; returns every problem, each
 * naming the field.
 */
export function configProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return ['config must be an object'];
  }
  const b = body as Record<string, unknown>;
  const allowed = new Set(['weights', 'ramps', ...SCALARS, 'weekendDays']);
  for (const k of Object.keys(b)) {
    if (!allowed.has(k)) {
      problems.push(`config.${k} is not a setting`);
    }
  }
  const objectAt = (k: string) => {
    const v = b[k];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      problems.push(`config.${k} must be an object`);
      return null;
    }
    return v as Record<string, unknown>;
  };
  const weights = objectAt('weights');
  if (weights) {
    for (const k of Object.keys(weights)) {
      if (!(BURNOUT_COMPONENTS as readonly string[]).includes(k)) {
        problems.push(`config.weights.${k} is not a component`);
      }
    }
    for (const n of BURNOUT_COMPONENTS) {
      if (typeof weights[n] !== 'number') {
        problems.push(`config.weights.${n} must be a number`);
      }
    }
  }
  const ramps = objectAt('ramps');
  if (ramps) {
    for (const k of Object.keys(ramps)) {
      if (!(BURNOUT_RAMPS as readonly string[]).includes(k)) {
        problems.push(`config.ramps.${k} is not a ramp`);
      }
    }
    for (const n of BURNOUT_RAMPS) {
      const r = ramps[n] as Record<string, unknown> | undefined;
      if (
        typeof r !== 'object' ||
        r === null ||
        typeof r['lo'] !== 'number' ||
        typeof r['hi'] !== 'number' ||
        Object.keys(r).some((k) => k !== 'lo' && k !== 'hi')
      ) {
        problems.push(`config.ramps.${n} must be {lo: number, hi: number}`);
      }
    }
  }
  for (const k of SCALARS) {
    if (typeof b[k] !== 'number') {
      problems.push(`config.${k} must be a number`);
    }
  }
  const wd = b['weekendDays'];
  if (
    !Array.isArray(wd) ||
    wd.some((d) => !Number.isInteger(d) || d < 1 || d > 7) ||
    new Set(wd).size !== wd.length
  ) {
    problems.push('config.weekendDays must be distinct ISO weekdays 1–7 (1 = Monday)');
  }
  if (problems.length > 0) {
    return problems;
  }
  return validateBurnoutConfig(body as BurnoutConfig).map((p) => `config: ${p}`);
}

/**
 * The admin's BRI configuration (metrics.md §5 "weights and ramps are configurable"), stored as
 * immutable versions: a change adds a version, every snapshot names the version that made it,
 * and snapshots of an older version are recomputed by the job.
 */
@Injectable()
export class BurnoutConfigService {
  constructor(private readonly db: DataSource) {}

  /** The current version (version 1, the defaults, is created on first use). */
  async current(): Promise<{ version: number; config: BurnoutConfig }> {
    let rows: ConfigRow[] = await this.db.query(
      `SELECT version, config FROM burnout_config ORDER BY version DESC LIMIT 1`,
    );
    if (rows.length === 0) {
      await this.db.query(
        `INSERT INTO burnout_config (version, config, note) VALUES (1, $1, 'metrics.md §5 defaults')
         ON CONFLICT (version) DO NOTHING`,
        [JSON.stringify(defaultConfigBody())],
      );
      rows = await this.db.query(
        `SELECT version, config FROM burnout_config ORDER BY version DESC LIMIT 1`,
      );
    }
    return { version: rows[0].version, config: rows[0].config };
  }

  async state(): Promise<BurnoutConfigState> {
    await this.current();
    const rows: ConfigRow[] = await this.db.query(
      `SELECT c.version, c.config, c.note, c.created_at, u.email AS created_by
       FROM burnout_config c LEFT JOIN app_user u ON u.id = c.created_by
       ORDER BY c.version DESC`,
    );
    const versions = rows.map(mapVersion);
    return { current: versions[0], defaults: defaultConfigBody(), versions };
  }

  async update(user: AuthUser, config: unknown, note: unknown): Promise<BurnoutConfigVersion> {
    const problems = configProblems(config);
    if (note !== undefined && (typeof note !== 'string' || note.length > 500)) {
      problems.push('note must be text of at most 500 characters');
    }
    if (problems.length > 0) {
      throw invalid(problems.join('; '));
    }
    await this.current();
    const rows: ConfigRow[] = await this.db.transaction(async (m) => {
      await m.query(`LOCK TABLE burnout_config IN EXCLUSIVE MODE`);
      await m.query(
        `INSERT INTO burnout_config (version, config, note, created_by)
         SELECT coalesce(max(version), 0) + 1, $1, $2, $3 FROM burnout_config`,
        [JSON.stringify(config), note ?? null, user.id],
      );
      const latest: ConfigRow[] = await m.query(
        `SELECT c.version, c.config, c.note, c.created_at, u.email AS created_by
         FROM burnout_config c LEFT JOIN app_user u ON u.id = c.created_by
         ORDER BY c.version DESC LIMIT 1`,
      );
      await m.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail)
         VALUES ($1, 'update', 'burnout_config', $2, $3)`,
        [user.id, String(latest[0].version), JSON.stringify({ note: note ?? null, config })],
      );
      return latest;
    });
    return mapVersion(rows[0]);
  }
}

function mapVersion(r: ConfigRow): BurnoutConfigVersion {
  return {
    version: r.version,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    note: r.note,
    config: r.config as unknown as BurnoutConfigBody,
  };
}
