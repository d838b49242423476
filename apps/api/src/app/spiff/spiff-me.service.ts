import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import {
  contestStandings,
  lotteryTickets,
  QualityGate,
  ruleForEntrant,
  SpiffProgress,
  spiffProgress,
  SpiffRule,
  upToCents,
} from '@floorwise/analytics';
import {
  MyBonusCampaign,
  MyBonusDto,
  MyBonusProgress,
  MyDrawDto,
  SPIFF_AWARD_STATUSES,
  SpiffAwardDto,
  SpiffAwardStatus,
  SpiffMetricName,
  SpiffStatusCents,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { conflict, forbidden, invalid, notFound } from '../common/domain-error';
import { AWARD_SELECT, AwardRow, mapAward } from './spiff-award-rows';
import { INSERT_AUDIT } from './spiff.sql';

/** The unit of a metric in words, singular and plural. */
export const METRIC_UNIT: Record<SpiffMetricName, [string, string]> = {
  sales: ['sale', 'sales'],
  saves: ['save', 'saves'],
  resolved: ['resolved call', 'resolved calls'],
  calls_handled: ['call', 'calls'],
  sale_amount_cents: ['cent of sales', 'cents of sales'],
};

/** "12 resolved calls", "1 sale", "$12.50 in sales". */
function count(metric: SpiffMetricName, n: number): string {
  if (metric === 'sale_amount_cents') {
    return `$${(n / 100).toFixed(2)} in sales`;
  }
  const [one, many] = METRIC_UNIT[metric];
  return `${n} ${n === 1 ? one : many}`;
}

/** "12 more resolved calls", "1 more sale", "$12.50 more in sales". */
function more(metric: SpiffMetricName, n: number): string {
  if (metric === 'sale_amount_cents') {
    return `$${(n / 100).toFixed(2)} more in sales`;
  }
  const [one, many] = METRIC_UNIT[metric];
  return `${n} more ${n === 1 ? one : many}`;
}

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

interface MyCampaignRow {
  id: number;
  name: string;
  description: string | null;
  status: 'active' | 'closed';
  metric: SpiffMetricName;
  rule: SpiffRule;
  period_from: string;
  period_to: string;
  quality_gate: QualityGate | null;
  today: string;
  target_percent: number | null;
  units: string | null;
  counted_calls: number | null;
  gated_calls: number | null;
  gated_units: string | null;
  /** Contests and lotteries: every entrant's [employee code, team code, units, target percent]. */
  field: [string, string, number, number][] | null;
  close_result: Record<string, unknown> | null;
}

/**
 * `GET /api/me/bonus` (interfaces.md) and the agent's own actions: the signed-in agent's SPIFF
 * campaigns with progress (metrics.md §7 `spiffProgress` on the agent's own, possibly
 * handicapped, rule), awards by status, spins and envelopes to open, and "up to". Only their
 * own rows are ever read; contests show their own place, team contests team totals, lotteries
 * the tickets in the drum — never another agent's figures.
 */
@Injectable()
export class SpiffMeService {
  constructor(private readonly db: DataSource) {}

  private agentId(user: AuthUser): number {
    if (user.role !== 'agent' || user.agentId === null) {
      throw forbidden('Only an agent has SPIFF bonuses of their own');
    }
    return user.agentId;
  }

  async bonus(user: AuthUser): Promise<MyBonusDto> {
    const agentId = this.agentId(user);
    const campaigns: MyCampaignRow[] = await this.db.query(
      `WITH me AS (
         SELECT a.id, a.team_id, t.site_id, (now() AT TIME ZONE st.time_zone)::date AS today
         FROM agent a JOIN team t ON t.id = a.team_id JOIN site st ON st.id = t.site_id WHERE a.id = $1)
       SELECT s.id, s.name, s.description, s.status, s.metric, s.rule, s.period_from::text AS period_from,
         s.period_to::text AS period_to, s.quality_gate, me.today::text AS today, s.close_result,
         e.target_percent, e.units::text AS units, e.counted_calls, e.gated_calls, e.gated_units::text AS gated_units,
         CASE WHEN s.rule_type IN ('contest', 'lottery') THEN
           (SELECT json_agg(json_build_array(a2.employee_code, t2.team_code, e2.units, e2.target_percent))
            FROM spiff_entrant e2 JOIN agent a2 ON a2.id = e2.agent_id JOIN team t2 ON t2.id = a2.team_id
            WHERE e2.campaign_id = s.id AND e2.units > 0) END AS field
       FROM spiff_campaign s CROSS JOIN me
       LEFT JOIN spiff_entrant e ON e.campaign_id = s.id AND e.agent_id = me.id
       WHERE s.status IN ('active', 'closed')
         AND (e.agent_id IS NOT NULL OR (
               s.status = 'active'
           AND (cardinality(s.team_ids) = 0 OR me.team_id = ANY(s.team_ids))
           AND (cardinality(s.site_ids) = 0 OR me.site_id = ANY(s.site_ids))
           AND (cardinality(s.call_campaign_ids) = 0 OR EXISTS (
                 SELECT 1 FROM call_rollup_day r WHERE r.agent_id = me.id
                   AND r.campaign_id = ANY(s.call_campaign_ids)
                   AND r.local_date BETWEEN s.period_from - 28 AND s.period_to))))
       ORDER BY s.status = 'active' DESC, s.period_to DESC, s.id DESC`,
      [agentId],
    );
    const awards: AwardRow[] = await this.db.query(
      `${AWARD_SELECT} WHERE w.agent_id = $1 ORDER BY w.seq`,
      [agentId],
    );
    const draws: {
      campaign_id: number;
      draw_no: number;
      kind: 'spin' | 'envelope';
      earned_on: string;
      revealed: boolean;
      amount_cents: string;
      slot_index: number;
      award_id: string | null;
      status: SpiffAwardStatus | null;
    }[] = await this.db.query(
      `SELECT d.campaign_id, d.draw_no, d.kind, d.earned_on::text AS earned_on, d.revealed_at IS NOT NULL AS revealed,
         d.amount_cents::text AS amount_cents, d.slot_index, d.award_id::text AS award_id, w.status
       FROM spiff_draw d LEFT JOIN spiff_award w ON w.id = d.award_id
       WHERE d.agent_id = $1 ORDER BY d.campaign_id, d.draw_no`,
      [agentId],
    );
    const employeeCode = user.employeeCode ?? '';
    const total = zeroCents();
    const list = campaigns.map((c) => {
      const mine = awards.filter((w) => w.campaign_id === c.id).map((w) => mapAward(w, true));
      const cents = zeroCents();
      // A spin or envelope not opened yet keeps its amount a surprise: no sum includes it.
      for (const w of awards.filter((x) => x.campaign_id === c.id && !x.hidden)) {
        cents[w.status] += Number(w.amount_cents);
        total[w.status] += Number(w.amount_cents);
      }
      return this.campaign(
        employeeCode,
        c,
        mine,
        cents,
        draws
          .filter((d) => d.campaign_id === c.id)
          .map((d) => ({
            draw: d.draw_no,
            kind: d.kind,
            earnedOn: d.earned_on,
            revealed: d.revealed,
            amountCents: d.revealed ? Number(d.amount_cents) : null,
            awardId: d.award_id === null ? null : Number(d.award_id),
            index: d.revealed ? d.slot_index : null,
            status: d.status,
          })),
      );
    });
    return { employeeCode, asOf: new Date().toISOString(), cents: total, campaigns: list };
  }

  private campaign(
    employeeCode: string,
    c: MyCampaignRow,
    awards: SpiffAwardDto[],
    cents: SpiffStatusCents,
    draws: MyDrawDto[],
  ): MyBonusCampaign {
    const pct = c.target_percent ?? 100;
    const rule = ruleForEntrant(c.rule, pct);
    const u = Number(c.units ?? 0);
    const byStatus = Object.fromEntries(
      SPIFF_AWARD_STATUSES.map((s) => [s, [] as SpiffAwardDto[]]),
    ) as Record<SpiffAwardStatus, SpiffAwardDto[]>;
    for (const a of awards) {
      byStatus[a.status].push(a);
    }
    const today = c.today;
    const daysLeft =
      today > c.period_to
        ? 0
        : Math.round(
            DateTime.fromISO(c.period_to, { zone: 'UTC' }).diff(
              DateTime.fromISO(today < c.period_from ? c.period_from : today, { zone: 'UTC' }),
              'days',
            ).days,
          ) + 1;
    const field = (c.field ?? []).map(([code, teamCode, n, p]) => ({
      code,
      teamCode,
      units: Number(n),
      targetPercent: p,
    }));
    let standing: MyBonusCampaign['standing'] = null;
    let teams: MyBonusCampaign['teams'] = null;
    let lottery: MyBonusCampaign['lottery'] = null;
    if (rule.type === 'contest' && rule.scope === 'agent') {
      const result = contestStandings(field, c.rule as Extract<SpiffRule, { type: 'contest' }>);
      const me = result.standings.find((s) => s.code === employeeCode);
      standing = {
        rank: me?.rank ?? null,
        of: result.standings.length,
        prizeCents: me?.prizeCents ?? 0,
        final: c.status === 'closed',
      };
    } else if (rule.type === 'contest') {
      const myTeam = field.find((f) => f.code === employeeCode)?.teamCode ?? null;
      const sums = new Map<string, number>();
      for (const f of field) {
        sums.set(f.teamCode, (sums.get(f.teamCode) ?? 0) + f.units);
      }
      const result = contestStandings(
        [...sums.entries()].map(([code, n]) => ({ code, units: n })),
        rule,
      );
      teams = result.standings.map((s) => ({
        teamCode: s.code,
        units: s.units,
        rank: s.rank,
        prizeCents: s.prizeCents,
        mine: s.code === myTeam,
      }));
    } else if (rule.type === 'lottery') {
      const base = c.rule as Extract<SpiffRule, { type: 'lottery' }>;
      const tickets = field.map((f) => lotteryTickets(f.units, base, f.targetPercent));
      lottery = {
        tickets: lotteryTickets(u, base, pct),
        totalTickets: tickets.reduce((s, t) => s + t, 0),
        holders: tickets.filter((t) => t > 0).length,
        prizes: base.prizes,
      };
    }
    return {
      id: c.id,
      name: c.name,
      description: c.description,
      status: c.status,
      metric: c.metric,
      rule,
      targetPercent: pct,
      periodFrom: c.period_from,
      periodTo: c.period_to,
      daysLeft,
      upToCents: upToCents(c.rule),
      units: u,
      countedCalls: c.counted_calls ?? 0,
      gatedCalls: c.gated_calls ?? 0,
      gatedUnits: Number(c.gated_units ?? 0),
      qualityGate: c.quality_gate,
      progress: closedLabel(
        c.status,
        teams
          ? teamProgress(c.metric, teams)
          : progressBar(c.metric, u, spiffProgress(u, rule), standing),
      ),
      awards: byStatus,
      cents,
      draws,
      standing,
      teams,
      lottery,
    };
  }

  /** Opens a spin or an envelope: its amount is shown from now on (the draw was made when earned). */
  async reveal(user: AuthUser, campaignId: number, drawNo: number): Promise<MyDrawDto> {
    const agentId = this.agentId(user);
    const [rows]: [
      {
        draw_no: number;
        kind: 'spin' | 'envelope';
        earned_on: string;
        amount_cents: string;
        slot_index: number;
        award_id: string | null;
        first: boolean;
      }[],
      number,
    ] = await this.db.query(
      `UPDATE spiff_draw SET revealed_at = coalesce(revealed_at, now())
       WHERE campaign_id = $1 AND agent_id = $2 AND draw_no = $3
       RETURNING draw_no, kind, earned_on::text AS earned_on, amount_cents::text AS amount_cents, slot_index,
         award_id::text AS award_id, revealed_at = now() AS first`,
      [campaignId, agentId, drawNo],
    );
    const d = rows[0];
    if (!d) {
      throw notFound(`You have no draw ${drawNo} in SPIFF campaign ${campaignId}`);
    }
    if (d.first) {
      await this.db.query(INSERT_AUDIT, [
        user.id,
        ['spiff.draw.revealed'],
        ['spiff_draw'],
        [`${campaignId}:${user.employeeCode}:${drawNo}`],
        [JSON.stringify({ amountCents: Number(d.amount_cents), awardId: d.award_id })],
      ]);
    }
    const [status]: { status: SpiffAwardStatus }[] =
      d.award_id === null
        ? []
        : await this.db.query(`SELECT status FROM spiff_award WHERE id = $1`, [d.award_id]);
    return {
      draw: d.draw_no,
      kind: d.kind,
      earnedOn: d.earned_on,
      revealed: true,
      amountCents: Number(d.amount_cents),
      awardId: d.award_id === null ? null : Number(d.award_id),
      index: d.slot_index,
      status: status?.status ?? null,
    };
  }

  /** An agent disputes one of their awards with a comment; their manager resolves it. */
  async dispute(user: AuthUser, awardId: number, commentIn: string): Promise<SpiffAwardDto> {
    const agentId = this.agentId(user);
    const comment = (commentIn ?? '').trim();
    if (comment.length === 0 || comment.length > 2000) {
      throw invalid('comment must say what is wrong, in 1–2,000 characters');
    }
    const rows: AwardRow[] = await this.db.query(
      `${AWARD_SELECT} WHERE w.id = $1 AND w.agent_id = $2`,
      [awardId, agentId],
    );
    const award = rows[0];
    if (!award) {
      throw notFound(`You have no award ${awardId}`);
    }
    if (award.hidden) {
      throw conflict(`Award ${awardId} is still to be opened: open it first`);
    }
    if (award.dispute?.status === 'open') {
      throw conflict(`Award ${awardId} already has an open dispute; your manager will answer it`);
    }
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO spiff_dispute (award_id, agent_id, comment, created_by) VALUES ($1, $2, $3, $4)
       RETURNING id::text AS id`,
      [awardId, agentId, comment, user.id],
    );
    await this.db.query(INSERT_AUDIT, [
      user.id,
      ['spiff.dispute.opened'],
      ['spiff_dispute'],
      [inserted[0].id],
      [JSON.stringify({ awardId, comment })],
    ]);
    const after: AwardRow[] = await this.db.query(`${AWARD_SELECT} WHERE w.id = $1`, [awardId]);
    return mapAward(after[0], true);
  }
}

function zeroCents(): SpiffStatusCents {
  return Object.fromEntries(SPIFF_AWARD_STATUSES.map((s) => [s, 0])) as SpiffStatusCents;
}

/**
 * The progress bar of metrics.md §7 "progress to the next tier or spin", from `spiffProgress`:
 * start, position and end in units, and a sentence. Plain arithmetic on the library's figures.
 */
export function progressBar(
  metric: SpiffMetricName,
  have: number,
  p: SpiffProgress,
  standing: MyBonusCampaign['standing'],
): MyBonusProgress {
  const bar = (from: number, current: number, to: number | null) =>
    to === null || to <= from ? 1 : Math.min(1, Math.max(0, (current - from) / (to - from)));
  switch (p.kind) {
    case 'per_unit': {
      if (p.capCents !== null && p.unitsToCap !== null) {
        const to = have + p.unitsToCap;
        return {
          kind: 'per_unit',
          label:
            p.unitsToCap === 0
              ? `Cap of ${money(p.capCents)} reached`
              : `${more(metric, p.unitsToCap)} to the cap of ${money(p.capCents)}`,
          from: 0,
          current: have,
          to,
          fraction: bar(0, have, to),
          unitsToNext: p.unitsToNext,
          nextAmountCents: null,
          earnedCents: p.earnedCents,
          earned: null,
        };
      }
      if (p.perUnits > 1 && p.unitsToNext !== null) {
        const from = have - (p.perUnits - p.unitsToNext);
        return {
          kind: 'per_unit',
          label: `${more(metric, p.unitsToNext)} to the next payment`,
          from,
          current: have,
          to: from + p.perUnits,
          fraction: bar(from, have, from + p.perUnits),
          unitsToNext: p.unitsToNext,
          nextAmountCents: null,
          earnedCents: p.earnedCents,
          earned: null,
        };
      }
      return {
        kind: 'per_unit',
        label: `${money(p.earnedCents)} earned so far, no cap`,
        from: 0,
        current: have,
        to: null,
        fraction: 1,
        unitsToNext: p.unitsToNext,
        nextAmountCents: null,
        earnedCents: p.earnedCents,
        earned: null,
      };
    }
    case 'tier': {
      const current =
        p.nextThreshold === null ? p.fromThreshold : p.nextThreshold - (p.unitsToNext ?? 0);
      return {
        kind: 'tier',
        label:
          p.nextThreshold === null
            ? `Top tier reached: ${money(p.earnedCents)}`
            : `${more(metric, p.unitsToNext ?? 0)} to tier ${(p.tier ?? -1) + 2} (${money(p.nextAmountCents ?? 0)})`,
        from: p.fromThreshold,
        current,
        to: p.nextThreshold,
        fraction: bar(p.fromThreshold, current, p.nextThreshold),
        unitsToNext: p.unitsToNext,
        nextAmountCents: p.nextAmountCents,
        earnedCents: p.earnedCents,
        earned: null,
      };
    }
    case 'spins':
    case 'envelopes':
    case 'tickets': {
      const from = p.earned * p.unitsPerDraw;
      const to = from + p.unitsPerDraw;
      const current = to - p.unitsToNext;
      const what = p.kind === 'spins' ? 'spin' : p.kind === 'envelopes' ? 'envelope' : 'ticket';
      return {
        kind: p.kind,
        label: `${more(metric, p.unitsToNext)} to your next ${what}`,
        from,
        current,
        to,
        fraction: bar(from, current, to),
        unitsToNext: p.unitsToNext,
        nextAmountCents: null,
        earnedCents: null,
        earned: p.earned,
      };
    }
    case 'contest':
      return {
        kind: 'contest',
        label:
          p.unitsToQualify > 0
            ? `${more(metric, p.unitsToQualify)} to qualify`
            : standing?.rank
              ? `Qualified: place ${standing.rank} of ${standing.of}${standing.final ? ' (final)' : ' so far'}`
              : 'Qualified',
        from: 0,
        current: p.units,
        to: p.minUnits,
        fraction: bar(0, p.units, p.minUnits),
        unitsToNext: p.unitsToQualify > 0 ? p.unitsToQualify : null,
        nextAmountCents: null,
        earnedCents: null,
        earned: null,
      };
  }
}

/** A closed campaign's bar says where it ended rather than what is next. */
function closedLabel(status: 'active' | 'closed', p: MyBonusProgress): MyBonusProgress {
  if (status === 'active') {
    return p;
  }
  const what =
    p.kind === 'tickets'
      ? `${p.earned} ticket${p.earned === 1 ? '' : 's'}`
      : p.kind === 'spins'
        ? `${p.earned} spin${p.earned === 1 ? '' : 's'}`
        : p.kind === 'envelopes'
          ? `${p.earned} envelope${p.earned === 1 ? '' : 's'}`
          : p.earnedCents !== null
            ? money(p.earnedCents)
            : `${p.current} units`;
  return { ...p, label: `Closed: you finished with ${what}`, unitsToNext: null };
}

/**
 * A team contest's bar: the agent's team against the team placed above it (team totals are
 * team-level aggregates, never one agent's figures).
 */
export function teamProgress(
  metric: SpiffMetricName,
  teams: NonNullable<MyBonusCampaign['teams']>,
): MyBonusProgress {
  const mine = teams.find((t) => t.mine);
  const base: MyBonusProgress = {
    kind: 'contest',
    label: 'Your team has no counted units yet',
    from: 0,
    current: 0,
    to: teams[0]?.units ?? null,
    fraction: 0,
    unitsToNext: null,
    nextAmountCents: null,
    earnedCents: null,
    earned: null,
  };
  if (!mine) {
    return base;
  }
  const above = teams.filter((t) => t.units > mine.units).at(-1);
  if (!above) {
    const next = teams.find((t) => t.units < mine.units);
    return {
      ...base,
      label: next
        ? `Your team ${mine.teamCode} leads by ${count(metric, mine.units - next.units)}`
        : `Your team ${mine.teamCode} is in front`,
      current: mine.units,
      to: mine.units,
      fraction: 1,
    };
  }
  const gap = above.units - mine.units;
  return {
    ...base,
    label: `Your team ${mine.teamCode} is placed ${mine.rank} of ${teams.length}: ${more(metric, gap)} to draw level with ${above.teamCode}`,
    current: mine.units,
    to: above.units,
    fraction: above.units === 0 ? 0 : mine.units / above.units,
    unitsToNext: gap,
  };
}
