import { ApiServer, http } from './api-server';
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
  /** The requests measured (paths with their query), for `capturePlans`. */
  urls: string[];
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
  month: { from: string; to: string },
  runs: number,
  calls: number,
): Promise<StatsMeasurements> {
  const figures: Figure[] = [];
  const summary = {} as StatsMeasurements['summary'];
  const urls: string[] = [];
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
    const path = base.slice(api.url.length);
    urls.push(path, `${path}&slaSeconds=25`);
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
      },
    });
  }
  return { figures, summary, urls };
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
