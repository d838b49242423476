import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : value === true || value === 'true' || value === '1';

/**
 * Every environment variable the API reads, validated once at boot (README has the table).
 * `DATABASE_URL` is always set by the time the API starts: `tools/scripts/start.mjs` starts an
 * embedded PostgreSQL and sets it when the user did not.
 */
export class Env {
  @IsString()
  @MinLength(1)
  DATABASE_URL!: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST = '127.0.0.1';

  /** Signs session tokens. At least 32 characters. */
  @IsString()
  @MinLength(32)
  JWT_SECRET!: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  SESSION_TTL_SECONDS = 12 * 3600;

  /** Key of the keyed hash of `customer_ref` (interfaces.md). At least 32 characters. */
  @IsString()
  @MinLength(32)
  CUSTOMER_REF_KEY!: string;

  /** Sign-in attempts allowed per client address per minute. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Directory with the demo import files; when set and the database is empty they are imported at boot. */
  @IsOptional()
  @IsString()
  DEMO_DATA_DIR?: string;

  /** Password given to the demo accounts created with the demo data. */
  @IsOptional()
  @IsString()
  @MinLength(8)
  DEMO_PASSWORD = 'floorwise-demo';

  /** Built dashboard served at `/`; empty to serve the API only. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;

  /** Largest import body accepted, in bytes (413 past it). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  IMPORT_MAX_BYTES = 4 * 1024 * 1024 * 1024;

  /** Calls per chunk of a calls import (one round of COPYs and one rollup statement each). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  CALLS_MERGE_CHUNK_ROWS = 25_000;

  /** Run the burnout snapshot job (every minute, incremental; `false` computes on demand only). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  BURNOUT_JOB = true;

  /** Days of daily burnout snapshots the job keeps complete, ending yesterday. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  BURNOUT_HISTORY_DAYS = 120;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' = 'info';

  /** Set the `Secure` flag on the session cookie (behind HTTPS). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  COOKIE_SECURE = false;
}

/** Reads and validates the environment; throws one error naming every bad key. */
export function loadEnv(source: NodeJS.ProcessEnv | Record<string, string | undefined>): Env {
  const env = plainToInstance(Env, { ...source }, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return env;
}

export const ENV = Symbol('ENV');
