import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiServer, importCsv, ImportCounts, login } from './api-server';
import {
  Cluster,
  databaseExists,
  readMarker,
  recreateDatabase,
  upsertUser,
  withClient,
  writeMarker,
} from './bench-db';
import { databaseOf, LOAD_SLICE_ROWS, LOADER_VERSION, Scale, scaleKey } from './bench-config';
import { indexRows, Manifest, RowIndex, sliceBody } from './data-files';
import { log } from './log';
import { startApi } from './api-server';

export const ADMIN = { email: 'bench-admin@floorwise.local', password: 'bench-admin-password' };
export const MANAGER_PASSWORD = 'bench-manager-password';

/** Imports sites, teams, campaigns and agents over HTTP, as a user would. */
export async function importOrganisation(
  api: ApiServer,
  token: string,
  dir: string,
): Promise<Record<string, ImportCounts>> {
  const out: Record<string, ImportCounts> = {};
  for (const kind of ['sites', 'teams', 'campaigns', 'agents']) {
    const file = join(dir, `${kind}.csv`);
    const r = await importCsv(api, token, kind, createReadStream(file), statSync(file).size);
    out[kind] = r.counts;
  }
  return out;
}

/** Imports the scale's shifts file over HTTP (one request, streamed), after the organisation. */
export async function importShifts(
  api: ApiServer,
  token: string,
  dir: string,
): Promise<ImportCounts | null> {
  const file = join(dir, 'shifts.csv');
  if (!existsSync(file)) {
    return null;
  }
  const r = await importCsv(api, token, 'shifts', createReadStream(file), statSync(file).size);
  log(
    `  shifts: ${r.counts.imported.toLocaleString('en-US')} imported in ${(r.ms / 1000).toFixed(1)} s`,
  );
  return r.counts;
}

/** Streams a calls file to the API in slices of `LOAD_SLICE_ROWS` rows; returns calls stored. */
export async function loadCalls(
  api: ApiServer,
  token: string,
  file: string,
  index: RowIndex,
): Promise<number> {
  let imported = 0;
  const started = Date.now();
  for (let k = 0; k < index.offsets.length; k++) {
    const start = index.offsets[k];
    const end = index.offsets[k + 1] ?? index.size;
    if (end <= start) {
      continue;
    }
    const r = await importCsv(api, token, 'calls', sliceBody(file, index.headerBytes, start, end));
    imported += r.counts.imported;
    const rate = imported / ((Date.now() - started) / 1000);
    log(
      `  loaded ${imported.toLocaleString('en-US')} / ${index.rows.toLocaleString('en-US')} calls ` +
        `(${Math.round(rate).toLocaleString('en-US')} rows/s)`,
    );
  }
  return imported;
}

export interface LoadedDatabase {
  url: string;
  api: ApiServer;
  token: string;
  calls: number;
  reused: boolean;
  loadSeconds: number;
}

/**
 * The scale's loaded database: reused when its marker matches, otherwise made anew — organisation,
 * shifts and every call imported over HTTP, then VACUUM ANALYZE. Leaves the API running on it.
 */
export async function openLoadedDatabase(
  cluster: Cluster,
  scale: Scale,
  dir: string,
  manifest: Manifest,
  port: number,
  schema: string,
): Promise<LoadedDatabase> {
  const name = databaseOf(scale).loaded;
  const url = cluster.urlOf(name);
  const key = scaleKey(scale);
  const marker = (await databaseExists(cluster, name)) ? await readMarker(url) : null;
  const expectedCalls = manifest.files['calls']?.rows;
  const reuse =
    marker !== null &&
    marker.key === key &&
    marker.schema === schema &&
    marker.loaderVersion === LOADER_VERSION &&
    (expectedCalls === undefined || marker.calls === expectedCalls);
  if (!reuse) {
    log(`database ${name}: not loaded yet (or from other files, or an older schema): loading it…`);
    await recreateDatabase(cluster, name);
  } else {
    log(
      `database ${name}: reusing (${marker.calls.toLocaleString('en-US')} calls, loaded ${marker.loadedAt})`,
    );
  }
  const api = await startApi(url, port, name);
  await upsertUser(url, ADMIN.email, ADMIN.password, 'admin');
  const token = await login(api, ADMIN.email, ADMIN.password);
  if (reuse) {
    return { url, api, token, calls: marker.calls, reused: true, loadSeconds: marker.loadSeconds };
  }
  const started = Date.now();
  await importOrganisation(api, token, dir);
  await importShifts(api, token, dir);
  const file = join(dir, 'calls.csv');
  const index = await indexRows(file, LOAD_SLICE_ROWS);
  const calls = await loadCalls(api, token, file, index);
  if (calls !== index.rows) {
    throw new Error(`loaded ${calls} calls but the file has ${index.rows} rows`);
  }
  log('VACUUM ANALYZE…');
  await withClient(url, async (c) => {
    await c.query('VACUUM (ANALYZE)');
    await c.query('CHECKPOINT');
  });
  const loadSeconds = (Date.now() - started) / 1000;
  await writeMarker(url, {
    key,
    schema,
    loaderVersion: LOADER_VERSION,
    calls,
    loadSeconds,
    loadedAt: new Date().toISOString(),
  });
  log(`database ${name} loaded in ${loadSeconds.toFixed(0)} s`);
  return { url, api, token, calls, reused: false, loadSeconds };
}
