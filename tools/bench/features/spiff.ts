import * as argon2 from 'argon2';
import { http, login, sleep } from '../api-server';
import { withClient } from '../bench-db';
import { Figure, median, ms, num } from '../figures';
import { log } from '../log';
import type { BenchContext, FeatureBench } from './feature-bench';

const AGENT_EMAIL = 'bench.spiff.agent@floorwise.local';
const AGENT_PASSWORD = 'bench-spiff-agent-password';

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

function day(iso: string, offset: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * SPIFF (issue 6) names no target; these figures are reported:
 * - live evaluation cost per call event: after `POST /api/calls` answers, the time until every
 *   active campaign has counted the batch's calls (polled in `spiff_unit` every 2 ms), for
 *   batches of 1 and of 50 calls, four campaigns active (per-unit, tiers, wheel, team contest);
 * - `GET /api/me/bonus` latency for an agent in those four campaigns;
 * - the launch sweep: counting a campaign's period so far when it is launched.
 * Earlier bench campaigns are closed first, so each run evaluates exactly the four of its own.
 */
export const spiffBench: FeatureBench = {
  name: 'spiff',
  async measure(ctx: BenchContext): Promise<Figure[]> {
    const api = ctx.api.url;
    const token = ctx.adminToken;
    const runs = Math.max(ctx.runs, 20);
    const { windowEnd, agents, teams, line } = await withClient(ctx.databaseUrl, async (c) => {
      await c.query(
        `UPDATE spiff_campaign SET status = 'closed', closed_at = now() WHERE name LIKE 'bench:%' AND status = 'active'`,
      );
      const end = await c.query<{ d: string }>(
        `SELECT max(local_date)::text AS d FROM call_rollup_day`,
      );
      const a = await c.query<{ employee_code: string; id: number }>(
        `SELECT a.employee_code, a.id FROM agent a WHERE a.termination_date IS NULL ORDER BY a.employee_code`,
      );
      const t = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM team`);
      const l = await c.query<{ code: string }>(
        `SELECT campaign_code AS code FROM campaign ORDER BY campaign_code LIMIT 1`,
      );
      return { windowEnd: end.rows[0].d, agents: a.rows, teams: t.rows[0].n, line: l.rows[0].code };
    });
    const from = day(windowEnd, -13);
    const to = day(new Date().toISOString().slice(0, 10), 60);
    const stamp = Date.now().toString(36);
    const definitions = [
      { rule: { type: 'per_unit', amountCents: 10 }, budgetCents: 100_000_000 },
      {
        rule: {
          type: 'tiered',
          tiers: [
            { threshold: 50, amountCents: 1_000 },
            { threshold: 150, amountCents: 3_000 },
            { threshold: 400, amountCents: 8_000 },
          ],
        },
        budgetCents: 100_000_000,
      },
      {
        rule: {
          type: 'prize_wheel',
          unitsPerSpin: 2,
          slices: [
            { amountCents: 0, weight: 3 },
            { amountCents: 100, weight: 5 },
            { amountCents: 500, weight: 2 },
          ],
        },
        budgetCents: 100_000_000,
      },
      ...(teams >= 2
        ? [
            {
              rule: { type: 'contest', scope: 'team', prizes: [50_000, 20_000], minUnits: 1 },
              budgetCents: 100_000,
            },
          ]
        : []),
    ];
    const sweeps: number[] = [];
    for (const [i, d] of definitions.entries()) {
      const created = await http('POST', `${api}/api/spiff/campaigns`, {
        token,
        contentType: 'application/json',
        body: JSON.stringify({
          name: `bench: ${d.rule.type} ${stamp}-${i}`,
          metric: 'resolved',
          periodFrom: from,
          periodTo: to,
          ...d,
        }),
      });
      if (created.status !== 201) {
        throw new Error(`create bench campaign: ${created.status} ${created.body}`);
      }
      const id = (JSON.parse(created.body) as { id: number }).id;
      const t0 = performance.now();
      const launched = await http('POST', `${api}/api/spiff/campaigns/${id}/launch`, { token });
      sweeps.push(performance.now() - t0);
      if (launched.status !== 200) {
        throw new Error(`launch bench campaign: ${launched.status} ${launched.body}`);
      }
    }
    const campaigns = definitions.length;
    const counted = await withClient(
      ctx.databaseUrl,
      async (c) =>
        (
          await c.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM spiff_unit u JOIN spiff_campaign s ON s.id = u.campaign_id
           WHERE s.name LIKE $1`,
            [`bench: %${stamp}-%`],
          )
        ).rows[0].n,
    );
    log(`  spiff: ${campaigns} campaigns launched, ${num(counted)} units counted by their sweeps`);

    // ---- live evaluation per call event
    let seq = 0;
    const event = async (size: number): Promise<{ post: number; evaluate: number }> => {
      const ids: string[] = [];
      const calls = Array.from({ length: size }, (_, i) => {
        const agent = agents[(seq * 7 + i) % agents.length];
        seq += 1;
        const id = `bench-spiff-${stamp}-${seq}`;
        ids.push(id);
        return {
          call_id: id,
          employee_code: agent.employee_code,
          campaign_code: line,
          channel: 'phone',
          direction: 'inbound',
          started_at: `${windowEnd}T12:00:${String(seq % 60).padStart(2, '0')}Z`,
          queue_seconds: 10,
          talk_seconds: 240,
          hold_seconds: 0,
          wrap_seconds: 30,
          outcome: 'resolved',
        };
      });
      return withClient(ctx.databaseUrl, async (db) => {
        const t0 = performance.now();
        const r = await http('POST', `${api}/api/calls`, {
          token,
          contentType: 'application/json',
          body: JSON.stringify(calls),
        });
        const t1 = performance.now();
        if (r.status !== 200) {
          throw new Error(`POST /api/calls: ${r.status} ${r.body}`);
        }
        const want = size * campaigns;
        for (;;) {
          const { rows } = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM spiff_unit WHERE call_id = ANY($1)`,
            [ids],
          );
          if (rows[0].n >= want) {
            break;
          }
          if (performance.now() - t1 > 30_000) {
            throw new Error(
              `SPIFF evaluation of ${size} calls did not finish in 30 s (${rows[0].n} of ${want})`,
            );
          }
          await sleep(2);
        }
        return { post: t1 - t0, evaluate: performance.now() - t1 };
      });
    };
    const figures: Figure[] = [];
    for (const size of [1, 50]) {
      await event(size);
      const samples: { post: number; evaluate: number }[] = [];
      for (let i = 0; i < runs; i++) {
        samples.push(await event(size));
      }
      const evaluate = samples.map((s) => s.evaluate);
      figures.push({
        id: `spiff-live-eval-${size}`,
        label: `SPIFF live evaluation after POST /api/calls of ${size} call${size === 1 ? '' : 's'}, ${campaigns} campaigns active`,
        target: 'none named (reported)',
        median: `${ms(median(evaluate))} (p95 ${ms(p95(evaluate))}; ${ms(median(evaluate) / size)} per call)`,
        ratio: null,
        runs,
        status: 'reported',
        note: `time from the POST's answer until every campaign counted the batch (polled every 2 ms); the POST itself took ${ms(median(samples.map((s) => s.post)))}`,
        checks: [],
        data: { evaluateMs: evaluate, postMs: samples.map((s) => s.post) },
      });
    }

    // ---- GET /api/me/bonus for the busiest agent of the bench campaigns
    const busiest = await withClient(ctx.databaseUrl, async (c) => {
      const top = await c.query<{ id: number }>(
        `SELECT e.agent_id AS id FROM spiff_entrant e JOIN spiff_campaign s ON s.id = e.campaign_id
         WHERE s.name LIKE $1 GROUP BY e.agent_id ORDER BY sum(e.units) DESC LIMIT 1`,
        [`bench: %${stamp}-%`],
      );
      const hash = await argon2.hash(AGENT_PASSWORD, { type: argon2.argon2id });
      await c.query(`DELETE FROM app_user WHERE lower(email) = $1`, [AGENT_EMAIL]);
      await c.query(`UPDATE app_user SET agent_id = NULL WHERE agent_id = $1 AND role <> 'agent'`, [
        top.rows[0].id,
      ]);
      await c.query(`DELETE FROM app_user WHERE agent_id = $1`, [top.rows[0].id]);
      await c.query(
        `INSERT INTO app_user (email, password_hash, role, agent_id) VALUES ($1, $2, 'agent', $3)`,
        [AGENT_EMAIL, hash, top.rows[0].id],
      );
      const awards = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM spiff_award WHERE agent_id = $1`,
        [top.rows[0].id],
      );
      return { awards: awards.rows[0].n };
    });
    const agentToken = await login(ctx.api, AGENT_EMAIL, AGENT_PASSWORD);
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const t0 = performance.now();
      const r = await http('GET', `${api}/api/me/bonus`, { token: agentToken });
      const t = performance.now() - t0;
      if (r.status !== 200) {
        throw new Error(`GET /api/me/bonus: ${r.status} ${r.body}`);
      }
      if (i >= 3) {
        times.push(t);
      }
    }
    figures.push({
      id: 'spiff-me-bonus',
      label: `GET /api/me/bonus, an agent in ${campaigns} running campaigns with ${num(busiest.awards)} awards`,
      target: 'none named (reported)',
      median: `${ms(median(times))} (p95 ${ms(p95(times))})`,
      ratio: null,
      runs,
      status: 'reported',
      checks: [],
      data: { ms: times },
    });
    figures.push({
      id: 'spiff-launch-sweep',
      label: `SPIFF launch: counting a campaign's period so far (${from} → ${windowEnd}, ${num(Math.round(counted / campaigns))} units each)`,
      target: 'none named (reported)',
      median: ms(median(sweeps)),
      ratio: null,
      runs: sweeps.length,
      status: 'reported',
      checks: [],
      data: { ms: sweeps },
    });
    return figures;
  },
};
