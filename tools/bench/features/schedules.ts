import { ApiServer, http } from '../api-server';
import { withClient } from '../bench-db';
import { Figure, median, ms, num, statusOf } from '../figures';
import { log } from '../log';
import type { BenchContext, FeatureBench } from './feature-bench';

/** The roster target is for a week of 500 agents (issue 4). */
export const ROSTER_AGENTS = 500;

interface TeamCount {
  team_code: string;
  agents: number;
}

/** The last Monday–Sunday week that ends on or before `end` (the data's last day). */
export function lastWeekEndingBy(end: string): { from: string; to: string } {
  const d = new Date(`${end}T00:00:00Z`);
  const back = d.getUTCDay(); // Sunday = 0: the week ends on `end` itself
  const to = new Date(d.getTime() - back * 86_400_000);
  const from = new Date(to.getTime() - 6 * 86_400_000);
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/**
 * Teams, in code order, until they hold at least `want` agents employed in the week — the roster
 * of a manager (or an HR analyst) with that many people. Fewer when the scale has fewer.
 */
async function teamsFor(
  databaseUrl: string,
  week: { from: string; to: string },
  want: number,
): Promise<{ teams: string[]; agents: number }> {
  const rows = await withClient(
    databaseUrl,
    async (c) =>
      (
        await c.query<TeamCount>(
          `SELECT t.team_code, count(a.id)::int AS agents FROM team t JOIN agent a ON a.team_id = t.id
         WHERE a.hire_date <= $2 AND (a.termination_date IS NULL OR a.termination_date >= $1)
         GROUP BY t.team_code ORDER BY t.team_code`,
          [week.from, week.to],
        )
      ).rows,
  );
  const teams: string[] = [];
  let agents = 0;
  for (const r of rows) {
    if (agents >= want) {
      break;
    }
    teams.push(r.team_code);
    agents += r.agents;
  }
  return { teams, agents };
}

async function timed(
  api: ApiServer,
  token: string,
  path: string,
  runs: number,
): Promise<{ samples: number[]; body: string }> {
  const get = async () => {
    const r = await http('GET', `${api.url}${path}`, { token });
    if (r.status !== 200) {
      throw new Error(`GET ${path} answered ${r.status}: ${r.body.slice(0, 300)}`);
    }
    return r;
  };
  const warm = await get();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    samples.push((await get()).ms);
  }
  return { samples, body: warm.body };
}

/**
 * The two figures of issue 4: a week's roster for 500 agents (≤ 100 ms) and a pay period's
 * estimates for every agent (≤ 1 s at 2,000 agents), each a median of `runs` timed requests
 * after one warm-up, over HTTP against the built API.
 */
export async function measureSchedules(
  api: ApiServer,
  token: string,
  databaseUrl: string,
  end: string,
  runs: number,
): Promise<Figure[]> {
  const week = lastWeekEndingBy(end);
  const picked = await teamsFor(databaseUrl, week, ROSTER_AGENTS);
  const rosterPath = `/api/schedules/roster?from=${week.from}&to=${week.to}&teamCode=${picked.teams.join(',')}`;
  const roster = await timed(api, token, rosterPath, runs);
  const rosterBody = JSON.parse(roster.body) as { agents: { shifts: unknown[] }[] };
  const rosterAgents = rosterBody.agents.length;
  const rosterShifts = rosterBody.agents.reduce((n, a) => n + a.shifts.length, 0);
  const rosterMedian = median(roster.samples);
  log(
    `  roster ${week.from} → ${week.to}: ${ms(rosterMedian)} for ${rosterAgents} agents, ` +
      `${rosterShifts} shifts (${picked.teams.length} teams)`,
  );
  const rosterChecks = [
    {
      // a fixed label: tools/bench/shortfalls.ts refers to it
      label: 'roster week, ~500 agents',
      value: rosterMedian,
      target: 100,
      better: 'lower' as const,
      unit: 'ms',
    },
  ];

  // a pay period that is over: the one holding the week before the data's last week
  const payDate = new Date(Date.parse(`${week.from}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  const payPath = `/api/pay/estimates?date=${payDate}`;
  const pay = await timed(api, token, payPath, runs);
  const payBody = JSON.parse(pay.body) as {
    rows: { from: string; to: string }[];
    totals: { agents: number };
  };
  const payMedian = median(pay.samples);
  const periods = [...new Set(payBody.rows.map((r) => `${r.from} → ${r.to}`))].join(', ');
  log(`  pay estimates (${periods}): ${ms(payMedian)} for ${payBody.totals.agents} agents`);
  const payChecks = [
    {
      label: `pay period estimates, ${payBody.totals.agents} agents`,
      value: payMedian,
      target: 1000,
      better: 'lower' as const,
      unit: 'ms',
    },
  ];
  const scaleNote = (n: number, want: number) =>
    n < want ? `only ${num(n)} agents at this scale (the target is for ${num(want)})` : undefined;
  return [
    {
      id: 'roster-week',
      label: `roster: a week (${week.from} → ${week.to}) for ${num(rosterAgents)} agents, ${num(rosterShifts)} shifts`,
      target: '≤ 100 ms',
      median: ms(rosterMedian),
      ratio: null,
      runs: roster.samples.length,
      status: statusOf(rosterChecks),
      note: scaleNote(rosterAgents, ROSTER_AGENTS),
      checks: rosterChecks,
      data: {
        samples: roster.samples,
        agents: rosterAgents,
        shifts: rosterShifts,
        teams: picked.teams,
      },
    },
    {
      id: 'pay-period',
      label: `pay: a pay period's estimates (${periods}) for ${num(payBody.totals.agents)} agents`,
      target: '≤ 1 s',
      median: ms(payMedian),
      ratio: null,
      runs: pay.samples.length,
      status: statusOf(payChecks),
      note: scaleNote(payBody.totals.agents, 2000),
      checks: payChecks,
      data: { samples: pay.samples, agents: payBody.totals.agents, periods },
    },
  ];
}

export const schedulesBench: FeatureBench = {
  name: 'schedules: roster week and pay period',
  measure: (ctx: BenchContext) =>
    measureSchedules(ctx.api, ctx.adminToken, ctx.databaseUrl, ctx.scale.end, ctx.runs),
};
