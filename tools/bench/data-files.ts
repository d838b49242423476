import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { dataDirOf, derivedDirOf, ROOT, Scale } from './bench-config';
import { log } from './log';

export interface Manifest {
  parameters: { windowStart: string; windowEnd: string; agents?: number; months?: number };
  files: Record<string, { file: string; rows: number }>;
}

/** Generates a scale's files with the project's generator, unless they are already there. */
export async function ensureGenerated(
  scale: Scale,
): Promise<{ dir: string; manifest: Manifest; seconds: number | null }> {
  const dir = dataDirOf(scale);
  const manifestFile = join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    return { dir, manifest: readManifest(manifestFile), seconds: null };
  }
  const cli = join(ROOT, 'tools/generator/cli.ts');
  if (!existsSync(cli)) {
    throw new Error(`the demo-data generator (${cli}) is not there yet`);
  }
  log(
    `generating ${scale.agents} agents × ${scale.months} months (seed ${scale.seed}) into ${dir}…`,
  );
  const started = Date.now();
  const args = [
    join(ROOT, 'node_modules/.bin/tsx'),
    cli,
    '--out',
    dir,
    '--agents',
    String(scale.agents),
    '--months',
    String(scale.months),
    '--seed',
    String(scale.seed),
    '--end',
    scale.end,
    '--quiet',
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0 || !existsSync(manifestFile)) {
    throw new Error(`the generator failed (exit code ${code})`);
  }
  return { dir, manifest: readManifest(manifestFile), seconds: (Date.now() - started) / 1000 };
}

function readManifest(file: string): Manifest {
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

export interface RowIndex {
  /** Bytes of the header line, its newline included (= where data row 0 starts). */
  headerBytes: number;
  rows: number;
  size: number;
  /** Byte offset where data row k × every starts, for k = 0, 1, … (the last may equal size). */
  offsets: number[];
}

/** One pass over a CSV file counting its rows and noting where every `every`-th row starts. */
export async function indexRows(file: string, every: number): Promise<RowIndex> {
  let pos = 0;
  let lines = 0;
  let headerBytes = -1;
  let lastNewline = -1;
  const offsets: number[] = [];
  for await (const chunk of createReadStream(file, {
    highWaterMark: 1 << 21,
  }) as AsyncIterable<Buffer>) {
    let i = chunk.indexOf(10);
    while (i !== -1) {
      lines += 1;
      const next = pos + i + 1;
      lastNewline = pos + i;
      if (lines === 1) {
        headerBytes = next;
        offsets.push(next);
      } else if ((lines - 1) % every === 0) {
        offsets.push(next);
      }
      i = chunk.indexOf(10, i + 1);
    }
    pos += chunk.length;
  }
  if (headerBytes < 0) {
    throw new Error(`${file} has no header line`);
  }
  const rows = lines - 1 + (pos > lastNewline + 1 ? 1 : 0);
  return { headerBytes, rows, size: pos, offsets };
}

/** The header line plus the bytes [start, end) of a file, streamed (the file is never read whole). */
export function sliceBody(file: string, headerBytes: number, start: number, end: number): Readable {
  async function* parts(): AsyncGenerator<Buffer> {
    yield* createReadStream(file, { start: 0, end: headerBytes - 1 }) as AsyncIterable<Buffer>;
    if (end > start) {
      yield* createReadStream(file, { start, end: end - 1 }) as AsyncIterable<Buffer>;
    }
  }
  return Readable.from(parts(), { objectMode: false });
}

/**
 * A calls file of exactly `rows` rows (header included), cached: the first rows of `calls.csv`, or,
 * when the file is shorter, the file again and again with `-r<pass>` appended to each call id, so
 * every call stays new (same times and agents: the work per row is the same).
 */
export async function callsFileOf(scale: Scale, rows: number, index: RowIndex): Promise<string> {
  const src = join(dataDirOf(scale), 'calls.csv');
  if (rows === index.rows) {
    return src;
  }
  const dir = derivedDirOf(scale);
  mkdirSync(dir, { recursive: true });
  const dest = join(dir, `calls-${rows}.csv`);
  if (existsSync(dest)) {
    return dest;
  }
  log(`writing a ${rows.toLocaleString('en-US')}-row calls file ${dest}…`);
  const tmp = `${dest}.part`;
  if (rows < index.rows) {
    const cut = await indexRows(src, rows);
    await pipeline(
      createReadStream(src, { start: 0, end: cut.offsets[1] - 1 }),
      createWriteStream(tmp),
    );
  } else {
    await pipeline(Readable.from(repeatedRows(src, rows)), createWriteStream(tmp));
  }
  renameSync(tmp, dest);
  return dest;
}

async function* repeatedRows(src: string, rows: number): AsyncGenerator<string> {
  let written = 0;
  for (let pass = 0; written < rows; pass++) {
    const lines = createInterface({ input: createReadStream(src), crlfDelay: Infinity });
    let header = true;
    let buffer = '';
    for await (const line of lines) {
      if (header) {
        header = false;
        if (pass === 0) {
          buffer += `${line}\n`;
        }
        continue;
      }
      if (line === '' || written >= rows) {
        continue;
      }
      const comma = line.indexOf(',');
      buffer += pass === 0 ? `${line}\n` : `${line.slice(0, comma)}-r${pass}${line.slice(comma)}\n`;
      written += 1;
      if (buffer.length >= 1 << 20) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer.length > 0) {
      yield buffer;
    }
  }
}

/**
 * An agents file of `rows` rows made from the scale's agents.csv (cycled), each with a new code
 * and email unique to `tag`, so every run inserts the same number of new agents.
 */
export async function agentsFileOf(scale: Scale, rows: number, tag: string): Promise<string> {
  const dir = derivedDirOf(scale);
  mkdirSync(dir, { recursive: true });
  const dest = join(dir, `agents-${rows}-${tag}.csv`);
  if (existsSync(dest)) {
    return dest;
  }
  const source = parse(await readFile(join(dataDirOf(scale), 'agents.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  if (source.length === 0) {
    throw new Error('agents.csv has no rows');
  }
  const columns = Object.keys(source[0]);
  const out: Record<string, string>[] = [];
  for (let i = 0; i < rows; i++) {
    const n = String(i + 1).padStart(5, '0');
    out.push({
      ...source[i % source.length],
      employee_code: `B${tag}-${n}`,
      email: `bench.${tag}.${n}@floorwise.local`.toLowerCase(),
    });
  }
  await writeFile(dest, stringify(out, { header: true, columns }));
  return dest;
}

/** The first team's manager email (the landing page is measured as that manager). */
export async function managerEmailOf(scale: Scale): Promise<string | null> {
  const teams = parse(await readFile(join(dataDirOf(scale), 'teams.csv')), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  return teams.find((t) => (t['manager_email'] ?? '') !== '')?.['manager_email'] ?? null;
}
