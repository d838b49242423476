import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { API_MAIN, BENCH_DIR, ROOT, WEB_DIST } from './bench-config';
import { onCleanup } from './cleanup';
import { log } from './log';

export interface ApiServer {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/** CUSTOMER_REF_KEY is kept: the stored calls' customer hashes stay valid across runs. */
function customerRefKey(): string {
  const file = join(BENCH_DIR, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { CUSTOMER_REF_KEY?: string };
    if (stored.CUSTOMER_REF_KEY) {
      return stored.CUSTOMER_REF_KEY;
    }
  }
  const key = randomBytes(32).toString('hex');
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify({ CUSTOMER_REF_KEY: key }, null, 2), { mode: 0o600 });
  return key;
}

/** Starts the built API (`node dist/apps/api/main.js`) on `databaseUrl` and waits for its health. */
export async function startApi(
  databaseUrl: string,
  port: number,
  name: string,
): Promise<ApiServer> {
  if (!existsSync(API_MAIN)) {
    throw new Error(`${API_MAIN} is missing: build the API first (npx nx build api)`);
  }
  const logFile = join(BENCH_DIR, `api-${name}.log`);
  const out = openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['DEMO_DATA_DIR'];
  Object.assign(env, {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    CUSTOMER_REF_KEY: customerRefKey(),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000',
    // the burnout snapshot job would recompute history behind every import and load the machine
    // while other figures are timed; the burnout bench computes what it needs explicitly
    BURNOUT_JOB: 'false',
    WEB_DIST_DIR: WEB_DIST,
  });
  // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API under a bench
  const nodeArgs = (process.env['BENCH_API_NODE_ARGS'] ?? '').split(' ').filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    cwd: ROOT,
    env,
    stdio: ['ignore', out, out],
  });
  const pid = child.pid;
  if (pid === undefined) {
    throw new Error('the API did not start');
  }
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  const stop = onCleanup(`the API (pid ${pid})`, async () => {
    if (exited !== undefined) {
      return;
    }
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== undefined) {
      throw new Error(
        `the API exited (code ${exited}) while starting; see ${logFile}:\n${tail(logFile)}`,
      );
    }
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.status === 200) {
        break;
      }
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the API did not answer /api/health within 180 s; see ${logFile}`);
    }
    await sleep(250);
  }
  log(
    `API up at ${url} (pid ${pid}, database ${databaseUrl.slice(databaseUrl.lastIndexOf('/') + 1)})`,
  );
  return { url, pid, logFile, stop };
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function sleep(msec: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, msec));
}

/** Resident memory of a process, in bytes (VmRSS of /proc/<pid>/status). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/** Samples a process's RSS every `everyMs` until stopped; returns the peak and the samples. */
export function sampleRss(
  pid: number,
  everyMs = 100,
): { stop(): { peak: number; samples: number } } {
  let peak = rssBytes(pid);
  let samples = 1;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssBytes(pid));
      samples += 1;
    } catch {
      /* the process ended */
    }
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      try {
        peak = Math.max(peak, rssBytes(pid));
      } catch {
        /* ended */
      }
      return { peak, samples };
    },
  };
}

/** RSS at rest: the median of 10 samples over a second. */
export async function idleRss(pid: number): Promise<number> {
  const values: number[] = [];
  for (let i = 0; i < 10; i++) {
    values.push(rssBytes(pid));
    await sleep(100);
  }
  values.sort((a, b) => a - b);
  return values[5];
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 4 });

export interface HttpResult {
  status: number;
  body: string;
  ms: number;
}

/** One HTTP request; the body, if any, is streamed. The time is from sending to the last byte. */
export function http(
  method: 'GET' | 'POST',
  url: string,
  options: { token?: string; contentType?: string; body?: Readable | string; length?: number } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) {
      headers['authorization'] = `Bearer ${options.token}`;
    }
    if (options.contentType) {
      headers['content-type'] = options.contentType;
    }
    if (typeof options.body === 'string') {
      headers['content-length'] = String(Buffer.byteLength(options.body));
    } else if (options.length !== undefined) {
      headers['content-length'] = String(options.length);
    }
    const started = performance.now();
    const req = request(url, { method, headers, agent: keepAlive }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body === undefined) {
      req.end();
    } else if (typeof options.body === 'string') {
      req.end(options.body);
    } else {
      const body = options.body;
      body.on('error', (e) => req.destroy(e));
      body.pipe(req);
    }
  });
}

export async function login(api: ApiServer, email: string, password: string): Promise<string> {
  const r = await http('POST', `${api.url}/api/auth/login`, {
    contentType: 'application/json',
    body: JSON.stringify({ email, password }),
  });
  if (r.status !== 200) {
    throw new Error(`sign-in as ${email} failed: ${r.status} ${r.body.slice(0, 300)}`);
  }
  return (JSON.parse(r.body) as { accessToken: string }).accessToken;
}

export interface ImportCounts {
  imported: number;
  updated: number;
  duplicates: number;
}

/** `POST /api/imports/<kind>` with a streamed CSV body; throws on anything but 200. */
export async function importCsv(
  api: ApiServer,
  token: string,
  kind: string,
  body: Readable,
  length?: number,
): Promise<{ counts: ImportCounts; ms: number }> {
  const r = await http('POST', `${api.url}/api/imports/${kind}`, {
    token,
    contentType: 'text/csv',
    body,
    length,
  });
  if (r.status !== 200) {
    throw new Error(`import of ${kind} answered ${r.status}: ${r.body.slice(0, 600)}`);
  }
  return { counts: JSON.parse(r.body) as ImportCounts, ms: r.ms };
}
