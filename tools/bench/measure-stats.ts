import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiServer, http } from './api-server';
import { BENCH_DIR } from './bench-config';
import { withClient } from './bench-db';
import { Figure, median, ms, num, statusOf } from './figures';
import { log } from './log';

type GroupBy = 'interval' | 'agent';

interface StatsRow {
  key: string;
  offered: number;
  answered: number;
  abandoned: number;
  ahtSeconds: number | null;
}

export interface StatsMeasurements {
  figures: Figure[];
  summary: Record<`${'ours' | 'raw'}-${GroupBy}`, number>;
}

/** The last calendar month wholly inside [windowStart, windowEnd] (local dates, inclusive). */
export function lastCompleteMonth(
  windowStart: string,
  windowEnd: string,
): { from: string; to: string } {
  const end = new Date(`${windowEnd}T00:00:00Z`);
  const lastOfEndMonth = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0));
  const monthStart =
    end.getTime() === lastOfEndMonth.getTime()
      ? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 1))
      : new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1));
  const monthEnd = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0));
  const from = monthStart.toISOString().slice(0, 10);
  if (from < windowStart) {
    throw new Error(`the data (${windowStart} → ${windowEnd}) holds no complete month`);
  }
  return { from, to: monthEnd.toISOString().slice(0, 10) };
}

/**
 * `GET /api/calls/stats` for one month by interval and by agent: ours (the rollups, default SL
 * threshold) against the plain GROUP BY over raw calls (`slaSeconds=25`, not pre-counted), the two
 * alternating within each run, medians after one warm-up. Also checks both return the same figures.
 */
export async function measureStats(
  api: ApiServer,
  token: string,
  databaseUrl: string,
  month: { from: string; to: string },
  runs: number,
  calls: number,
  tag: string,
): Promise<StatsMeasurements> {
  const figures: Figure[] = [];
  const summary = {} as StatsMeasurements['summary'];
  const plans: string[] = [];
  for (const groupBy of ['interval', 'agent'] as const) {
    const base = `${api.url}/api/calls/stats?from=${month.from}&to=${month.to}&groupBy=${groupBy}`;
    const get = async (url: string) => {
      const r = await http('GET', url, { token });
      if (r.status !== 200) {
        throw new Error(`GET ${url} answered ${r.status}: ${r.body.slice(0, 300)}`);
      }
      return { ms: r.ms, rows: JSON.parse(r.body) as StatsRow[] };
    };
    const warmOurs = await get(base);
    const warmRaw = await get(`${base}&slaSeconds=25`);
    const agree = sameFigures(warmOurs.rows, warmRaw.rows);
    const ours: number[] = [];
    const raw: number[] = [];
    const ratios: number[] = [];
    for (let run = 0; run < runs; run++) {
      const o = await get(base);
      const r = await get(`${base}&slaSeconds=25`);
      ours.push(o.ms);
      raw.push(r.ms);
      ratios.push(r.ms / o.ms);
    }
    const oursMedian = median(ours);
    const rawMedian = median(raw);
    const ratio = median(ratios);
    summary[`ours-${groupBy}`] = oursMedian;
    summary[`raw-${groupBy}`] = rawMedian;
    log(
      `  stats by ${groupBy}: ours ${ms(oursMedian)}, raw ${ms(rawMedian)}, ratio ${num(ratio, 1)} ` +
        `(${warmOurs.rows.length} rows, figures ${agree ? 'agree' : 'DIFFER'})`,
    );
    const explained = await explainBoth(databaseUrl, groupBy, month);
    plans.push(explained.text);
    const checks = [
      {
        label: `stats by ${groupBy} latency`,
        value: oursMedian,
        target: 150,
        better: 'lower' as const,
        unit: 'ms',
      },
      {
        label: `stats by ${groupBy}: raw ÷ ours`,
        value: ratio,
        target: 10,
        better: 'higher' as const,
        unit: '×',
      },
    ];
    figures.push({
      id: `stats-${groupBy}`,
      label: `GET /api/calls/stats, one month (${month.from} → ${month.to}) by ${groupBy}, ${num(calls)} calls stored`,
      target: '≤ 150 ms; raw GROUP BY ≥ 10 × slower',
      median: `${ms(oursMedian)} (raw ${ms(rawMedian)})`,
      ratio: `${num(ratio, 1)} × (target ≥ 10)`,
      runs: ours.length,
      status: statusOf(checks),
      note: agree ? undefined : 'the rollup and raw figures differ: see the results file',
      checks,
      data: {
        oursMs: ours,
        rawMs: raw,
        ratios,
        rows: warmOurs.rows.length,
        figuresAgree: agree,
        dbExecutionMs: explained.executionMs,
      },
    });
  }
  const planFile = join(BENCH_DIR, `explain-${tag}.txt`);
  writeFileSync(planFile, plans.join('\n\n'));
  log(`  query plans (EXPLAIN ANALYZE) in ${planFile}`);
  return { figures, summary };
}

/** Offered, answered, abandoned and handle time must be equal whatever the SL threshold. */
function sameFigures(a: StatsRow[], b: StatsRow[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  const close = (x: number | null, y: number | null) =>
    x === y || (x !== null && y !== null && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)));
  return a.every(
    (row, i) =>
      row.key === b[i].key &&
      row.offered === b[i].offered &&
      row.answered === b[i].answered &&
      row.abandoned === b[i].abandoned &&
      close(row.ahtSeconds, b[i].ahtSeconds),
  );
}

/*
 * The statements CallStatsService issues for an admin (apps/api/src/app/calls/call-stats.service.ts),
 * repeated here only to EXPLAIN ANALYZE them: the benchmark's figures come from HTTP.
 */
const slot = `((r.local_minute / 30) * 30)`;
const KEY: Record<GroupBy, string> = {
  interval: `to_char(r.local_date, 'YYYY-MM-DD') || 'T' || lpad((${slot} / 60)::text, 2, '0') || ':' || lpad((${slot} % 60)::text, 2, '0')`,
  agent: 'g.employee_code',
};
const JOIN: Record<GroupBy, string> = { interval: '', agent: 'JOIN agent g ON g.id = r.agent_id' };

function oursSql(groupBy: GroupBy): string {
  const table = groupBy === 'interval' ? 'call_rollup_team_15m' : 'call_rollup_day';
  return `SELECT ${KEY[groupBy]} AS key,
    sum(r.offered) AS offered, sum(r.answered) AS answered, sum(r.abandoned) AS abandoned,
    sum(r.inbound_answered) AS inbound_answered, sum(r.queue_answered) AS queue_answered,
    sum(r.handle_seconds) AS handle_seconds, sum(r.hostile) AS hostile,
    sum(r.ans_le_20) AS ans_le, sum(r.abn_gt_20) AS abn_gt
  FROM ${table} r ${JOIN[groupBy]}
  WHERE r.local_date BETWEEN $1::date AND $2::date
  GROUP BY 1 ORDER BY 1`;
}

function rawSql(groupBy: GroupBy): string {
  const answered = `(r.agent_id IS NOT NULL AND r.outcome <> 'abandoned')`;
  const inbound = `(${answered} AND r.direction = 'inbound')`;
  const abandoned = `(r.direction = 'inbound' AND r.outcome = 'abandoned')`;
  return `SELECT ${KEY[groupBy]} AS key,
    count(*) FILTER (WHERE ${inbound} OR ${abandoned}) AS offered,
    count(*) FILTER (WHERE ${answered}) AS answered,
    count(*) FILTER (WHERE ${abandoned}) AS abandoned,
    count(*) FILTER (WHERE ${inbound}) AS inbound_answered,
    coalesce(sum(r.queue_seconds) FILTER (WHERE ${inbound}), 0) AS queue_answered,
    coalesce(sum(r.talk_seconds + r.hold_seconds + r.wrap_seconds) FILTER (WHERE ${answered}), 0) AS handle_seconds,
    count(*) FILTER (WHERE ${answered} AND r.hostile) AS hostile,
    count(*) FILTER (WHERE ${inbound} AND r.queue_seconds <= 25) AS ans_le,
    count(*) FILTER (WHERE ${abandoned} AND r.queue_seconds > 25) AS abn_gt
  FROM calls r ${JOIN[groupBy]}
  WHERE r.local_date BETWEEN $1::date AND $2::date
    AND r.started_at >= ($1::date - 1)::timestamp AT TIME ZONE 'UTC'
    AND r.started_at < ($2::date + 2)::timestamp AT TIME ZONE 'UTC'
  GROUP BY 1 ORDER BY 1`;
}

async function explainBoth(
  url: string,
  groupBy: GroupBy,
  month: { from: string; to: string },
): Promise<{ text: string; executionMs: { ours: number; raw: number } }> {
  return withClient(url, async (c) => {
    const parts: string[] = [];
    const executionMs = { ours: Number.NaN, raw: Number.NaN };
    for (const [which, sql] of [
      ['ours', oursSql(groupBy)],
      ['raw', rawSql(groupBy)],
    ] as const) {
      const r = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [
        month.from,
        month.to,
      ]);
      const lines = r.rows.map((row) => row['QUERY PLAN']);
      const exec = lines.map((l) => /Execution Time: ([\d.]+) ms/.exec(l)).find((m) => m !== null);
      executionMs[which] = exec ? Number(exec[1]) : Number.NaN;
      parts.push(
        `-- ${which}, by ${groupBy}, ${month.from} → ${month.to}\n${sql}\n\n${lines.join('\n')}`,
      );
    }
    return { text: parts.join('\n\n'), executionMs };
  });
}
