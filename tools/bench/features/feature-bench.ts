import type { ApiServer } from '../api-server';
import type { Scale } from '../bench-config';
import type { Cluster } from '../bench-db';
import type { Figure } from '../figures';

/** What a feature's benchmark gets: the loaded database and the built API running on it. */
export interface BenchContext {
  mode: 'quick' | 'full';
  scale: Scale;
  cluster: Cluster;
  /** The loaded database (organisation, shifts and calls of the scale). */
  databaseUrl: string;
  /** The built API on that database; `api.url` is its base URL. */
  api: ApiServer;
  /** A bearer token of the bench admin. */
  adminToken: string;
  /** The generated files of the scale (sites.csv … calls.csv, manifest.json). */
  dataDir: string;
  /** The email of a manager of the first team (password `MANAGER_PASSWORD` of load-data.ts). */
  managerEmail: string | null;
  /** Timed runs per figure (after a warm-up) at this mode. */
  runs: number;
}

/**
 * One feature's benchmark: measures its figures on the loaded database. A figure whose `id` is
 * one of `notBuiltFigures()` replaces that placeholder in the results table. Set up what it
 * needs (quotas, campaigns, snapshots) itself, idempotently: the loaded database is reused
 * across runs.
 */
export interface FeatureBench {
  /** Short name for the log. */
  name: string;
  measure(ctx: BenchContext): Promise<Figure[]>;
}
