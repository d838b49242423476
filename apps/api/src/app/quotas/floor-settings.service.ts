import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_FLOOR_SETTINGS, FloorSettings, mergeFloorSettings } from '@floorwise/analytics';
import type { FloorSettingsDto } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { FLOOR_RELOAD_CHANNEL } from './floor.sql';
import { badRequest } from './quota-rules';

export const FLOOR_SETTINGS_KEY = 'floor_settings';

/** The floor's thresholds and the new-hire ramp, one document in `app_setting`. */
@Injectable()
export class FloorSettingsService {
  constructor(private readonly db: DataSource) {}

  async get(): Promise<FloorSettings> {
    const rows: { value: unknown }[] = await this.db.query(
      `SELECT value FROM app_setting WHERE key = $1`,
      [FLOOR_SETTINGS_KEY],
    );
    if (rows.length === 0) {
      return { ...DEFAULT_FLOOR_SETTINGS, ramp: { ...DEFAULT_FLOOR_SETTINGS.ramp } };
    }
    // stored documents were checked when written; defaults fill keys added since
    return mergeFloorSettings(DEFAULT_FLOOR_SETTINGS, rows[0].value).settings;
  }

  async update(user: AuthUser, patch: unknown): Promise<FloorSettingsDto> {
    const current = await this.get();
    const { settings, problems } = mergeFloorSettings(current, patch);
    if (problems.length > 0) {
      throw badRequest(problems);
    }
    await this.db.transaction(async (m) => {
      await m.query(
        `INSERT INTO app_setting (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
        [FLOOR_SETTINGS_KEY, JSON.stringify(settings)],
      );
      await m.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail) VALUES ($1, 'floor_settings.update', 'floor_settings', NULL, $2)`,
        [user.id, JSON.stringify({ before: current, after: settings })],
      );
      await m.query(`SELECT pg_notify('${FLOOR_RELOAD_CHANNEL}', '')`);
    });
    return settings;
  }
}
