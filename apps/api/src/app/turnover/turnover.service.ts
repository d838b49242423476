import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  addMonths,
  GroupedTurnoverAgent,
  kaplanMeier,
  monthsOfRange,
  monthStart,
  RetentionCurve,
  summarizeTurnover,
  tenureBand,
  turnoverCost,
  TurnoverGroupSummary,
  daysBetween,
} from '@floorwise/analytics';
import type {
  RetentionCurveDto,
  RetentionCurvesDto,
  TurnoverCostAssumptionsDto,
  TurnoverCostDto,
  TurnoverCostGroup,
  TurnoverGroupBy,
  TurnoverSummary,
  TurnoverSummaryGroup,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { BurnoutService } from '../burnout/burnout.service';
import { forbidden, invalid, notFound } from '../common/domain-error';
import type {
  CostAssumptionsBody,
  CostQueryParams,
  RetentionCurvesQueryParams,
  RetentionQueryParams,
  SummaryQueryParams,
} from './dto';
import {
  cohortKey,
  costAssumptionsBySite,
  endOfMonthOf,
  resolveRange,
  teamScope,
  todayUtc,
} from './turnover-context';
import { lastDayIn } from './turnover-exposure';
import { AgentRecord, TeamScope, TurnoverSql } from './turnover.sql';

type AgentWithCampaign = AgentRecord & { campaign_code?: string | null };

/**
 * Headcount, attrition, 90-day attrition, retention and cost of turnover (metrics.md §6). One
 * query reads the agents in scope; libs/analytics computes every figure.
 */
@Injectable()
export class TurnoverService {
  private readonly sql: TurnoverSql;

  constructor(
    db: DataSource,
    private readonly burnout: BurnoutService,
  ) {
    this.sql = new TurnoverSql(db);
  }

  /** interfaces.md `GET /api/turnover/summary`. */
  async summary(user: AuthUser, q: SummaryQueryParams): Promise<TurnoverSummary> {
    const { from, to } = resolveRange(q.from, q.to);
    const teamIds = teamScope(user, q.scope, q.groupBy ? `groupBy=${q.groupBy}` : null);
    const months = monthsOfRange(from, to);
    const last = months[months.length - 1];
    const first = addMonths(last, -11) < months[0] ? addMonths(last, -11) : months[0];
    const keyed = await this.summaryAgents(
      teamIds,
      q.groupBy,
      q.cohort ?? 'quarter',
      endOfMonthOf(to),
      monthStart(first),
      to,
    );
    const groups = summarizeTurnover(keyed, {
      from,
      to,
      asOf: q.asOf ?? to,
      grouping: q.groupBy === 'tenure_band' ? 'tenure_band' : 'key',
      keys: q.groupBy === undefined ? ['all'] : undefined,
    });
    return { groups: groups.map(mapGroup) };
  }

  /** interfaces.md `GET /api/turnover/retention`. */
  async retention(user: AuthUser, q: RetentionQueryParams): Promise<RetentionCurveDto> {
    const asOf = q.asOf ?? todayUtc();
    checkHireRange(q.hiredFrom, q.hiredTo);
    const filters = [
      q.siteCode && 'siteCode',
      q.teamCode && 'teamCode',
      q.campaignCode && 'campaignCode',
      q.workMode && 'workMode',
    ].filter(Boolean);
    const teamIds = teamScope(user, q.scope, filters.length > 0 ? filters.join(', ') : null);
    await this.checkCodes(teamIds, q);
    const agents = await this.sql.agents({
      teamIds,
      hiredBy: asOf,
      hiredFrom: q.hiredFrom,
      hiredTo: q.hiredTo,
      siteCode: q.siteCode,
      teamCode: q.teamCode,
      workMode: q.workMode,
      campaignCode: q.campaignCode,
    });
    return mapCurve(kaplanMeier(agents.map(toTurnoverAgent), asOf));
  }

  /** Several Kaplan–Meier curves, one per hire cohort or group, for one chart. */
  async retentionCurves(
    user: AuthUser,
    q: RetentionCurvesQueryParams,
  ): Promise<RetentionCurvesDto> {
    const asOf = q.asOf ?? todayUtc();
    checkHireRange(q.hiredFrom, q.hiredTo);
    const groupBy = q.groupBy ?? 'hire_cohort';
    const agents = await this.sql.agents(
      { teamIds: user.teamIds, hiredBy: asOf, hiredFrom: q.hiredFrom, hiredTo: q.hiredTo },
      groupBy === 'campaign',
    );
    const keyed = await this.keyed(agents, groupBy, q.cohort ?? 'year', asOf);
    const byKey = new Map<string, GroupedTurnoverAgent[]>();
    for (const a of keyed) {
      byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
    }
    return {
      asOf,
      groups: [...byKey.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, members]) => ({
          key,
          agents: members.length,
          separations: members.filter(
            (m) => m.terminationDate !== null && m.terminationDate <= asOf,
          ).length,
          followUpDays: members.reduce(
            (max, m) =>
              Math.max(
                max,
                daysBetween(
                  m.hireDate,
                  m.terminationDate !== null && m.terminationDate < asOf ? m.terminationDate : asOf,
                ),
              ),
            0,
          ),
          ...mapCurve(kaplanMeier(members, asOf)),
        })),
    };
  }

  /** The cost of the range's separations, each at its agent's pay and its site's assumptions. */
  async cost(user: AuthUser, q: CostQueryParams): Promise<TurnoverCostDto> {
    const { from, to } = resolveRange(q.from, q.to);
    const [agents, settings] = await Promise.all([
      this.sql.agents(
        { teamIds: user.teamIds, hiredBy: to, employedSince: from },
        q.groupBy === 'campaign',
      ),
      this.sql.costSettings(),
    ]);
    const leavers = agents.filter(
      (a) => a.termination_date !== null && a.termination_date >= from && a.termination_date <= to,
    );
    const assumptions = costAssumptionsBySite(settings);
    const keyed =
      q.groupBy === undefined
        ? leavers.map((a) => ({ a, key: 'all' }))
        : q.groupBy === 'tenure_band'
          ? leavers.map((a) => ({
              a,
              key: tenureBand(daysBetween(a.hire_date, a.termination_date as string)),
            }))
          : (await this.keyed(leavers, q.groupBy, q.cohort ?? 'quarter', to)).map((k, i) => ({
              a: leavers[i],
              key: k.key,
            }));
    const groups = new Map<string, TurnoverCostGroup>();
    const total = emptyCost('all');
    for (const { a, key } of keyed) {
      const s = assumptions.get(a.site_code);
      const c = turnoverCost({
        baseRateCents: a.hourly_rate_cents,
        contractHours: a.contract_hours,
        recruitingCents: s?.recruitingCents,
        trainingWeeks: s?.trainingWeeks,
        rampWeeks: s?.rampWeeks,
        rampProductivity: s?.rampProductivity,
      });
      const g = groups.get(key) ?? emptyCost(key);
      groups.set(key, g);
      for (const target of [g, total]) {
        target.separations++;
        target.recruitingCents += c.recruitingCents;
        target.trainingCents += c.trainingCents;
        target.rampLossCents += c.rampLossCents;
        target.totalCents += c.totalCents;
      }
    }
    const finish = (g: TurnoverCostGroup): TurnoverCostGroup => ({
      ...g,
      perSeparationCents: g.separations === 0 ? null : Math.round(g.totalCents / g.separations),
    });
    return {
      from,
      to,
      groups: [...groups.values()].sort((a, b) => a.key.localeCompare(b.key)).map(finish),
      total: finish(total),
      assumptions: [...assumptions.entries()].map(([siteCode, s]) => ({ siteCode, ...s })),
    };
  }

  async costAssumptions(): Promise<TurnoverCostAssumptionsDto[]> {
    const rows = costAssumptionsBySite(await this.sql.costSettings());
    return [...rows.entries()].map(([siteCode, s]) => ({ siteCode, ...s }));
  }

  async saveCostAssumptions(
    user: AuthUser,
    siteCode: string,
    body: CostAssumptionsBody,
  ): Promise<TurnoverCostAssumptionsDto> {
    if (!(await this.sql.saveCostSetting(siteCode, body, user.id))) {
      throw notFound(`Site ${siteCode} does not exist`);
    }
    return { siteCode, ...body, customised: true };
  }

  // ------------------------------------------------------------------ helpers

  /** The agents of a summary with their group keys (narrow rows unless the BRI is needed). */
  private async summaryAgents(
    teamIds: TeamScope,
    groupBy: TurnoverGroupBy | undefined,
    cohort: 'month' | 'quarter' | 'year',
    hiredBy: string,
    employedSince: string,
    to: string,
  ): Promise<GroupedTurnoverAgent[]> {
    if (groupBy === 'burnout_band') {
      const agents = await this.sql.agents({ teamIds, hiredBy, employedSince });
      return this.keyed(agents, groupBy, cohort, to);
    }
    const column =
      groupBy === undefined || groupBy === 'tenure_band' || groupBy === 'hire_cohort'
        ? null
        : groupBy;
    const rows = await this.sql.summaryRows(teamIds, hiredBy, employedSince, column);
    return rows.map((r) => ({
      hireDate: r.h,
      terminationDate: r.t,
      terminationType: r.y,
      key:
        groupBy === 'hire_cohort'
          ? cohortKey(r.h, cohort)
          : column === null
            ? 'all'
            : (r.k ?? 'none'),
    }));
  }

  /** Each agent with its group key for a fixed-key grouping (tenure_band is grouped by the library). */
  private async keyed(
    agents: readonly AgentWithCampaign[],
    groupBy: TurnoverGroupBy | undefined,
    cohort: 'month' | 'quarter' | 'year',
    to: string,
  ): Promise<GroupedTurnoverAgent[]> {
    let keyOf: (a: AgentWithCampaign) => string;
    switch (groupBy) {
      case undefined:
      case 'tenure_band':
        keyOf = () => 'all';
        break;
      case 'site':
        keyOf = (a) => a.site_code;
        break;
      case 'team':
        keyOf = (a) => a.team_code;
        break;
      case 'campaign':
        keyOf = (a) => a.campaign_code ?? 'none';
        break;
      case 'work_mode':
        keyOf = (a) => a.work_mode;
        break;
      case 'title':
        keyOf = (a) => a.title;
        break;
      case 'hire_cohort':
        keyOf = (a) => cohortKey(a.hire_date, cohort);
        break;
      case 'burnout_band': {
        const bands = await this.burnoutBandsAtEnd(agents, to);
        keyOf = (a) => bands.get(a.id) ?? 'none';
        break;
      }
    }
    return agents.map((a) => ({ ...toTurnoverAgent(a), key: keyOf(a) }));
  }

  /**
   * BRI band on each agent's last day employed (or on `to` if still employed then), as the
   * burnout feature reads it: its stored snapshot of that day, or its own computation for a
   * date without one (docs/turnover.md).
   */
  private async burnoutBandsAtEnd(
    agents: readonly AgentRecord[],
    to: string,
  ): Promise<Map<number, string>> {
    const wanted = agents
      .map((a) => ({ agentId: a.id, asOf: lastDayIn(a, to), hireDate: a.hire_date }))
      .filter((w) => w.asOf >= w.hireDate);
    const readings = await this.burnout.indicesAt(wanted);
    const out = new Map<number, string>();
    for (const w of wanted) {
      const band = readings.get(w.agentId)?.get(w.asOf)?.band;
      if (band) {
        out.set(w.agentId, band);
      }
    }
    return out;
  }

  /** 400 for a code that does not exist, 403 for a team outside a manager's scope. */
  private async checkCodes(teamIds: TeamScope, q: RetentionQueryParams): Promise<void> {
    for (const [kind, code] of [
      ['site', q.siteCode],
      ['team', q.teamCode],
      ['campaign', q.campaignCode],
    ] as const) {
      if (!code) {
        continue;
      }
      const row = await this.sql.exists(kind, code);
      if (!row) {
        throw invalid(`${kind}Code ${code} is not a known ${kind}`);
      }
      if (kind === 'team' && teamIds !== 'all' && !teamIds.includes(row.id)) {
        throw forbidden(`Team ${code} is not one of your teams`);
      }
    }
  }
}

function toTurnoverAgent(a: AgentRecord) {
  return {
    hireDate: a.hire_date,
    terminationDate: a.termination_date,
    terminationType: a.termination_type,
  };
}

function checkHireRange(from?: string, to?: string): void {
  if (from && to && from > to) {
    throw invalid(`hiredFrom (${from}) must not be after hiredTo (${to})`);
  }
}

function emptyCost(key: string): TurnoverCostGroup {
  return {
    key,
    separations: 0,
    recruitingCents: 0,
    trainingCents: 0,
    rampLossCents: 0,
    totalCents: 0,
    perSeparationCents: null,
  };
}

function mapGroup(g: TurnoverGroupSummary): TurnoverSummaryGroup {
  return {
    key: g.key,
    months: g.months.map((m) => ({
      month: m.month,
      headcountStart: m.headcountStart,
      headcountEnd: m.headcountEnd,
      separations: m.separations,
      voluntary: m.voluntary,
      involuntary: m.involuntary,
      rate: m.rate,
    })),
    trailing12: { separations: g.trailing12.separations, rate: g.trailing12.rate },
    earlyAttrition90: {
      cohortSize: g.earlyAttrition90.cohortSize,
      separated: g.earlyAttrition90.separated,
      rate: g.earlyAttrition90.rate,
    },
  };
}

function mapCurve(c: RetentionCurve): RetentionCurveDto {
  return {
    points: c.points.map((p) => ({
      day: p.day,
      survival: p.survival,
      atRisk: p.atRisk,
      events: p.events,
    })),
    medianTenureDays: c.medianTenureDays,
  };
}
