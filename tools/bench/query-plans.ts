import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, http, login, startApi } from './api-server';
import { BENCH_DIR } from './bench-config';
import { Cluster, withClient } from './bench-db';
import { ADMIN } from './load-data';
import { log } from './log';

const AUTO_EXPLAIN: Record<string, string> = {
  session_preload_libraries: 'auto_explain',
  'auto_explain.log_min_duration': '0',
  'auto_explain.log_analyze': 'on',
  'auto_explain.log_buffers': 'on',
};

/**
 * The plans of the statements the API really runs for `paths`: a separate API process on the
 * database with auto_explain switched on for it (after the timed runs, so the timing costs of
 * EXPLAIN ANALYZE never touch the figures), one request per path; the plans that read calls or
 * rollups are cut from the server log into `.data/bench/explain-<tag>.txt`.
 */
export async function capturePlans(
  cluster: Cluster,
  database: string,
  paths: string[],
  tag: string,
): Promise<string> {
  const pgLog = join(BENCH_DIR, 'postgres.log');
  const from = statSync(pgLog).size;
  const url = cluster.urlOf(database);
  await withClient(cluster.adminUrl, async (c) => {
    for (const [k, v] of Object.entries(AUTO_EXPLAIN)) {
      await c.query(`ALTER DATABASE "${database}" SET ${k} = '${v}'`);
    }
  });
  try {
    const api = await startApi(url, await freePort(), `${database}-plans`);
    try {
      const token = await login(api, ADMIN.email, ADMIN.password);
      for (const path of paths) {
        await http('GET', `${api.url}${path}`, { token });
      }
    } finally {
      await api.stop();
    }
  } finally {
    await withClient(cluster.adminUrl, async (c) => {
      for (const k of Object.keys(AUTO_EXPLAIN)) {
        await c.query(`ALTER DATABASE "${database}" RESET ${k}`);
      }
    });
  }
  const text = readFileSync(pgLog).subarray(from).toString('utf8');
  const blocks = text
    .split(/\n(?=\S)/)
    .filter(
      (b) => /duration: [\d.]+ ms\s+plan:/.test(b) && /(call_rollup|calls r\b|FROM calls)/.test(b),
    );
  const file = join(BENCH_DIR, `explain-${tag}.txt`);
  writeFileSync(file, `${paths.map((p) => `-- GET ${p}`).join('\n')}\n\n${blocks.join('\n\n')}\n`);
  for (const b of blocks) {
    const d = /duration: ([\d.]+) ms/.exec(b);
    const table = /(call_rollup_\w+|calls_y\w+|FROM calls)/.exec(b);
    log(`  plan: ${d ? d[1] : '?'} ms in the database (${table ? table[1] : '?'})`);
  }
  log(`  query plans (auto_explain, EXPLAIN ANALYZE) in ${file}`);
  return file;
}
