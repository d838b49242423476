import { join, resolve } from 'node:path';

/** The repository root (tools/bench → ../..). */
export const ROOT = resolve(__dirname, '../..');
export const BENCH_DIR = join(ROOT, '.data/bench');
export const PG_DIR = join(BENCH_DIR, 'pg');
export const API_MAIN = join(ROOT, 'dist/apps/api/main.js');
export const WEB_DIST = join(ROOT, 'dist/apps/web/browser');
export const DOC_FILE = join(ROOT, 'docs/benchmarks.md');
export const GROWTH_SVG = join(ROOT, 'docs/benchmarks-growth.svg');
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const PSQL = '/usr/bin/psql';

/** A fixed end date keeps the generated files (and the loaded databases) valid across days. */
export const END_DATE = '2026-11-01';
export const SEED = 42;

/**
 * Bumped when the way a database is loaded changes, so a database loaded the old way is reloaded
 * instead of reused.
 */
export const LOADER_VERSION = 2;

/** Rows per HTTP request when loading a full calls file into a benchmark database. */
export const LOAD_SLICE_ROWS = 1_000_000;

export type Mode = 'quick' | 'full' | 'growth';

export interface Scale {
  agents: number;
  months: number;
  seed: number;
  end: string;
}

export interface ModeSettings {
  /** Rows of the measured calls import (capped by the file: quick imports the whole small file). */
  importRows: number;
  /** Runs of each import measurement (ours and psql alternate within one run). */
  importRuns: number;
  /** Runs of the 10,000-agent import. */
  agentRuns: number;
  /** Timed runs of each stats query, after one warm-up. */
  statsRuns: number;
  /** Largest contentful paint: fresh browser contexts, median taken. */
  lcpRuns: number;
}

export const SCALES: Record<'quick' | 'full', Scale> = {
  quick: { agents: 100, months: 2, seed: SEED, end: END_DATE },
  full: { agents: 2000, months: 12, seed: SEED, end: END_DATE },
};

/**
 * The database the latency figures (stats, the dashboard, every feature bench) run on. The full
 * run uses its own scale. --quick times the imports on its small files but loads 1,000 agents ×
 * one month (October 2026, ~1.1 million calls) for the rest: with ~110,000 calls in the month (100
 * agents), the plain GROUP BY the stats ratio compares with is itself so quick that "raw ≥ 10 ×
 * ours" could not hold at any speed of ours (2–9 × by construction; docs/benchmarks.md).
 */
export const LOADED_SCALES: Record<'quick' | 'full', Scale> = {
  quick: { agents: 1000, months: 1, seed: SEED, end: '2026-10-31' },
  full: SCALES.full,
};

export const GROWTH_AGENTS = [100, 500, 2000] as const;

export const SETTINGS: Record<Mode, ModeSettings> = {
  quick: { importRows: 1_000_000, importRuns: 3, agentRuns: 3, statsRuns: 7, lcpRuns: 3 },
  full: { importRows: 1_000_000, importRuns: 3, agentRuns: 3, statsRuns: 9, lcpRuns: 5 },
  growth: { importRows: 1_000_000, importRuns: 2, agentRuns: 0, statsRuns: 7, lcpRuns: 0 },
};

/** The larger import that shows memory does not grow with file size: this many times the rows. */
export const MEMORY_FACTOR = 4;

/**
 * Flat memory: the 4× file may take at most this much more RSS than the 1× file. Holding the rows
 * would take hundreds of bytes each (≈ 200 MB for the extra 650,000 rows of --quick, ≈ 1 GB for
 * the extra 3,000,000 of the full run); garbage-collector heap sizing moves the peak by tens of MB.
 */
export const MEMORY_GROWTH_MAX_MB = 64;

/** Rows of the agents file of the 10,000-row target (issue 2). */
export const AGENT_FILE_ROWS = 10_000;

export function scaleKey(s: Scale): string {
  return `${s.agents}a-${s.months}m-s${s.seed}`;
}

/** Where the generator writes a scale's files (cached: reused while manifest.json exists). */
export function dataDirOf(s: Scale): string {
  return join(BENCH_DIR, scaleKey(s));
}

/** Files the benchmark derives from the generated ones (slices, the 10,000-agent file). */
export function derivedDirOf(s: Scale): string {
  return join(dataDirOf(s), 'bench');
}

/** The loaded database of a scale (kept and reused), and the throw-away one imports are timed in. */
export function databaseOf(s: Scale): { loaded: string; scratch: string } {
  const base = `fw_${s.agents}a_${s.months}m_s${s.seed}`;
  return { loaded: base, scratch: `${base}_import` };
}
