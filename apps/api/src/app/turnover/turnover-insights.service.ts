import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  addDays,
  addMonths,
  bottomXWhatIf,
  BottomXWhatIfResult,
  daysBetween,
  DRIVER_WINDOW_DAYS,
  DriverAgent,
  driverRates,
  DriverRates,
  exitReasons,
  exposureWindow,
  FLIGHT_RISK_HORIZON_DAYS,
  flightRisk,
  kaplanMeier,
  median,
  monthStart,
  recentActivity,
  summarizeTurnover,
  TURNOVER_COST_DEFAULTS,
  wilsonInterval,
  WhatIfScenario,
  WorkforceSnapshot,
  yearMonthOf,
} from '@floorwise/analytics';
import type {
  DriverKey,
  FlightRiskDto,
  TurnoverDriversDto,
  WhatIfAssumptionsDto,
  WhatIfMetric,
  WhatIfResultDto,
  WhatIfScenarioDto,
  WorkforceSnapshotDto,
} from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { BurnoutService } from '../burnout/burnout.service';
import { ImportService } from '../imports/import.service';
import { forbidden, invalid } from '../common/domain-error';
import type { DriversQueryParams, FlightRiskQueryParams, WhatIfBody } from './dto';
import { costAssumptionsBySite, resolveRange, todayUtc } from './turnover-context';
import { ActivityLoader, exposureOf } from './turnover-exposure';
import { AgentRecord, MetricRecord, TeamScope, TurnoverSql } from './turnover.sql';

export const DRIVER_LABELS: Record<DriverKey, string> = {
  overtime: 'Overtime (hours per week)',
  unsocial: 'Night, weekend and holiday share of worked time',
  hostile: 'Hostile calls (share of answered)',
  send_home: 'Hours lost to unpaid send-homes (per 4 weeks)',
  burnout: 'Burnout band (BRI on the last day)',
};

const EXPOSURE_TTL_MS = 5 * 60_000;
const EXPOSURE_CACHE_MAX = 32;

interface DriverPopulation {
  rates: DriverRates[];
  population: DriverAgent[];
}

/** Which end of each what-if metric is "bottom". */
const LOWER_IS_BETTER: ReadonlySet<WhatIfMetric> = new Set(['aht_seconds']);

/**
 * Drivers of exits, the flight-risk list and the bottom-X % what-if: they read shifts and call
 * rollups beside the agents, and every figure comes from libs/analytics.
 */
@Injectable()
export class TurnoverInsightsService {
  private readonly sql: TurnoverSql;
  private readonly activity: ActivityLoader;

  /**
   * Exposures of a population over a range, kept for {@link EXPOSURE_TTL_MS}: measuring them reads
   * every shift of the range, and the flight-risk list asks for the same year on every view. Any
   * import empties it; a shift edited by hand shows after at most the TTL.
   */
  private readonly exposures = new Map<string, { at: number; value: Promise<DriverPopulation> }>();

  constructor(
    db: DataSource,
    imports: ImportService,
    private readonly burnout: BurnoutService,
  ) {
    this.sql = new TurnoverSql(db);
    this.activity = new ActivityLoader(this.sql);
    imports.onImported(() => this.exposures.clear());
  }

  async drivers(user: AuthUser, q: DriversQueryParams): Promise<TurnoverDriversDto> {
    const { from, to } = resolveRange(q.from, q.to);
    await this.checkFilters(user, q.teamCode, q.siteCode);
    const agents = await this.sql.agents({
      teamIds: user.teamIds,
      hiredBy: to,
      employedSince: from,
      teamCode: q.teamCode,
      siteCode: q.siteCode,
    });
    const { rates, population } = await this.driverPopulation(agents, from, to);
    const separations = population.filter((p) => p.separated).length;
    const leavers = agents.filter(
      (a) => a.termination_date !== null && a.termination_date >= from && a.termination_date <= to,
    );
    return {
      from,
      to,
      windowDays: DRIVER_WINDOW_DAYS,
      agents: population.length,
      separations,
      overall: {
        rate: population.length === 0 ? null : separations / population.length,
        ci: wilsonInterval(separations, population.length),
      },
      drivers: rates.map((d) => ({
        driver: d.driver,
        label: DRIVER_LABELS[d.driver],
        bands: d.bands.map((b) => ({
          band: b.band,
          agents: b.agents,
          separations: b.separations,
          voluntary: b.voluntary,
          involuntary: b.involuntary,
          rate: b.rate,
          ci: b.ci,
        })),
      })),
      reasons: exitReasons(
        leavers.map((a) => ({ reason: a.termination_reason, terminationType: a.termination_type })),
      ).map((r) => ({ ...r })),
    };
  }

  async flightRisk(user: AuthUser, q: FlightRiskQueryParams): Promise<FlightRiskDto> {
    const asOf = q.asOf ?? todayUtc();
    await this.checkFilters(user, q.teamCode, q.siteCode);
    // The tenure hazard and the burnout relative risk are organisation-wide aggregates (no
    // person's figure); the list itself holds only the caller's teams.
    const everyone = await this.sql.agents({ teamIds: 'all', hiredBy: asOf });
    const curve = kaplanMeier(
      everyone.map((a) => ({
        hireDate: a.hire_date,
        terminationDate: a.termination_date,
        terminationType: a.termination_type,
      })),
      asOf,
    );
    const followUpDays = everyone.reduce(
      (m, a) =>
        Math.max(
          m,
          daysBetween(
            a.hire_date,
            a.termination_date !== null && a.termination_date < asOf ? a.termination_date : asOf,
          ),
        ),
      0,
    );
    const yearFrom = addDays(asOf, -364);
    const lastYear = everyone.filter(
      (a) => a.termination_date === null || a.termination_date >= yearFrom,
    );
    const { rates } = await this.driverPopulation(lastYear, yearFrom, asOf);
    const inScope = (a: AgentRecord) =>
      (user.teamIds === 'all' || user.teamIds.includes(a.team_id)) &&
      (!q.teamCode || a.team_code === q.teamCode) &&
      (!q.siteCode || a.site_code === q.siteCode) &&
      (a.termination_date === null || a.termination_date >= asOf);
    const active = everyone.filter(inScope);
    // the BRI now and 28 days before, from the burnout feature; "now" is the last complete day
    // when asOf is today (an index never counts half a day)
    const lastComplete = await this.burnout.lastCompleteDay();
    const briDay = asOf > lastComplete ? lastComplete : asOf;
    const briBefore = addDays(briDay, -28);
    const [activity, bri] = await Promise.all([
      this.activity.load(active.map((a) => ({ agent: a, from: addDays(asOf, -83), to: asOf }))),
      this.burnout.indicesAt(
        active.flatMap((a) => [
          { agentId: a.id, asOf: briDay },
          { agentId: a.id, asOf: briBefore },
        ]),
      ),
    ]);
    const ranked = flightRisk(
      active.map((a) => {
        const act = activity.get(a.id);
        const now = bri.get(a.id)?.get(briDay);
        const before = bri.get(a.id)?.get(briBefore);
        return {
          ref: a,
          tenureDays: daysBetween(a.hire_date, asOf),
          burnoutBand: now?.band ?? null,
          burnoutIndex: now?.index ?? null,
          burnoutDrivers: now?.drivers ?? [],
          activity: recentActivity({
            asOf,
            hireDate: a.hire_date,
            zone: a.time_zone,
            shifts: act?.shifts ?? [],
            dailyCalls: act?.dailyCalls ?? [],
            burnoutNow: now?.index ?? null,
            burnout28DaysAgo: before?.index ?? null,
            burnoutAsOf: briDay,
          }),
        };
      }),
      { curve, followUpDays, burnout: rates.find((r) => r.driver === 'burnout') },
    );
    return {
      asOf,
      horizonDays: FLIGHT_RISK_HORIZON_DAYS,
      activeAgents: active.length,
      rows: ranked.slice(0, q.limit ?? 100).map((e) => ({
        rank: e.rank,
        employeeCode: e.ref.employee_code,
        fullName: e.ref.full_name,
        teamCode: e.ref.team_code,
        siteCode: e.ref.site_code,
        title: e.ref.title,
        hireDate: e.ref.hire_date,
        tenureDays: e.tenureDays,
        tenureBand: e.tenureBand,
        probability: e.probability,
        tenureHazard: e.tenureHazard,
        burnoutIndex: e.burnoutIndex,
        burnoutBand: e.burnoutBand,
        burnoutDrivers: e.burnoutDrivers,
        burnoutRelativeRisk: e.burnoutRelativeRisk,
        changes: e.changes.map((c) => ({ kind: c.kind, text: c.text })),
        reasons: e.reasons,
      })),
    };
  }

  async whatIf(user: AuthUser, body: WhatIfBody): Promise<WhatIfResultDto> {
    const asOf = body.asOf ?? todayUtc();
    const metricTo = body.metricTo ?? asOf;
    const metricFrom = body.metricFrom ?? addDays(metricTo, -89);
    if (metricFrom > metricTo) {
      throw invalid(`metricFrom (${metricFrom}) must not be after metricTo (${metricTo})`);
    }
    if (body.periods * body.periodMonths > 60) {
      throw invalid(
        `periods × periodMonths is ${body.periods * body.periodMonths} months; at most 60 are simulated`,
      );
    }
    await this.checkFilters(user, body.teamCode, body.siteCode);
    const trendFrom = monthStart(addMonths(yearMonthOf(asOf), -11));
    const agents = await this.sql.agents({
      teamIds: user.teamIds,
      hiredBy: asOf,
      employedSince: trendFrom,
      teamCode: body.teamCode,
      siteCode: body.siteCode,
    });
    const roster = agents.filter((a) => a.termination_date === null || a.termination_date >= asOf);
    if (roster.length === 0) {
      throw invalid('No active agents in the chosen scope on asOf');
    }
    const [sums, settings] = await Promise.all([
      this.sql.metricSums(
        roster.map((a) => a.id),
        metricFrom,
        metricTo,
      ),
      this.sql.costSettings(),
    ]);
    const byAgent = new Map(sums.map((s) => [s.agent_id, s]));
    const values = roster.map((a) => metricValue(body.metric, byAgent.get(a.id)));
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) {
      throw invalid(
        `No active agent has a value of ${body.metric} between ${metricFrom} and ${metricTo}` +
          (body.metric === 'calls_per_hour' ? ' (it needs worked shifts as well as calls)' : '') +
          '; pick another metric or period',
      );
    }
    const fallback = median(known) as number;

    // The current trend: the scope's trailing-12-month voluntary and involuntary attrition.
    const [trend] = summarizeTurnover(
      agents.map((a) => ({
        hireDate: a.hire_date,
        terminationDate: a.termination_date,
        terminationType: a.termination_type,
        key: 'all',
      })),
      { from: trendFrom, to: asOf, keys: ['all'] },
    );
    const meanHeadcount =
      trend.months.slice(-12).reduce((s, m) => s + (m.headcountStart + m.headcountEnd) / 2, 0) / 12;
    const voluntary = trend.months.slice(-12).reduce((s, m) => s + m.voluntary, 0);
    const involuntary = trend.months.slice(-12).reduce((s, m) => s + m.involuntary, 0);
    const measured = {
      monthlyVoluntaryAttrition:
        meanHeadcount > 0 ? Math.min(0.99, voluntary / 12 / meanHeadcount) : 0,
      monthlyInvoluntaryAttrition:
        meanHeadcount > 0 ? Math.min(0.99, involuntary / 12 / meanHeadcount) : 0,
      baseRateCents: Math.round(
        roster.reduce((s, a) => s + a.hourly_rate_cents, 0) / roster.length,
      ),
      contractHours: roster.reduce((s, a) => s + a.contract_hours, 0) / roster.length,
    };
    // Cost assumptions: the roster's sites', weighted by their headcount.
    const sites = costAssumptionsBySite(settings);
    const weighted = (
      pick: (s: {
        recruitingCents: number;
        trainingWeeks: number;
        rampWeeks: number;
        rampProductivity: number;
      }) => number,
    ) =>
      roster.reduce((s, a) => s + pick(sites.get(a.site_code) ?? TURNOVER_COST_DEFAULTS), 0) /
      roster.length;
    const o = body.assumptions ?? {};
    const assumptions: WhatIfAssumptionsDto = {
      baseRateCents: o.baseRateCents ?? measured.baseRateCents,
      contractHours: o.contractHours ?? measured.contractHours,
      monthlyVoluntaryAttrition: o.monthlyVoluntaryAttrition ?? measured.monthlyVoluntaryAttrition,
      monthlyInvoluntaryAttrition:
        o.monthlyInvoluntaryAttrition ?? measured.monthlyInvoluntaryAttrition,
      policyKeepsCurrentInvoluntary: o.policyKeepsCurrentInvoluntary ?? false,
      recruitingCents: o.recruitingCents ?? Math.round(weighted((s) => s.recruitingCents)),
      trainingWeeks: o.trainingWeeks ?? weighted((s) => s.trainingWeeks),
      rampWeeks: o.rampWeeks ?? weighted((s) => s.rampWeeks),
      rampProductivity: o.rampProductivity ?? weighted((s) => s.rampProductivity),
      newHireMetric: o.newHireMetric ?? 'roster',
    };
    const direction = LOWER_IS_BETTER.has(body.metric) ? 'lower_is_better' : 'higher_is_better';
    let result: BottomXWhatIfResult;
    try {
      result = bottomXWhatIf({
        roster: roster.map((a, i) => ({
          metric: values[i] ?? fallback,
          tenureDays: daysBetween(a.hire_date, asOf),
        })),
        bottomShare: body.bottomShare,
        periods: body.periods,
        periodMonths: body.periodMonths,
        metricDirection: direction,
        assumptions: {
          ...assumptions,
          newHireMetric:
            assumptions.newHireMetric === 'roster'
              ? { kind: 'roster_distribution' }
              : { kind: 'fixed', value: assumptions.newHireMetric },
        },
      });
    } catch (e) {
      throw invalid((e as Error).message);
    }
    return {
      metric: body.metric,
      metricDirection: direction,
      metricFrom,
      metricTo,
      asOf,
      roster: roster.length,
      agentsWithoutMetric: values.length - known.length,
      assumptions,
      measured,
      start: mapSnapshot(result.start),
      policy: mapScenario(result.policy),
      baseline: mapScenario(result.baseline),
    };
  }

  // ------------------------------------------------------------------ helpers

  private driverPopulation(
    agents: readonly AgentRecord[],
    from: string,
    to: string,
  ): Promise<DriverPopulation> {
    const key = createHash('sha1')
      .update(`${from}|${to}|${agents.map((a) => `${a.id}:${a.termination_date ?? ''}`).join(',')}`)
      .digest('hex');
    const now = Date.now();
    const hit = this.exposures.get(key);
    if (hit && now - hit.at < EXPOSURE_TTL_MS) {
      return hit.value;
    }
    const value = this.measurePopulation(agents, from, to);
    value.catch(() => this.exposures.delete(key));
    if (this.exposures.size >= EXPOSURE_CACHE_MAX) {
      this.exposures.delete(this.exposures.keys().next().value as string);
    }
    this.exposures.set(key, { at: now, value });
    return value;
  }

  private async measurePopulation(
    agents: readonly AgentRecord[],
    from: string,
    to: string,
  ): Promise<DriverPopulation> {
    // each agent's exposure window: their last 90 days employed in the range
    const windows = agents.flatMap((a) => {
      const w = exposureWindow(a.hire_date, a.termination_date, from, to);
      return w === null ? [] : [{ agent: a, from: w.from, to: w.to }];
    });
    const [activity, bri] = await Promise.all([
      this.activity.load(windows),
      // the BRI on the window's last day, from the burnout feature (snapshot or its computation)
      this.burnout.indicesAt(windows.map((w) => ({ agentId: w.agent.id, asOf: w.to }))),
    ]);
    const population: DriverAgent[] = [];
    for (const { agent: a, to: end } of windows) {
      const exposure = exposureOf(a, activity.get(a.id), bri.get(a.id)?.get(end) ?? null, from, to);
      if (exposure === null) {
        continue;
      }
      const separated =
        a.termination_date !== null && a.termination_date >= from && a.termination_date <= to;
      population.push({
        separated,
        terminationType: separated ? a.termination_type : null,
        exposure,
      });
    }
    return { rates: driverRates(population), population };
  }

  /** 400 for an unknown code; 403 for a manager asking for a team that is not theirs. */
  private async checkFilters(user: AuthUser, teamCode?: string, siteCode?: string): Promise<void> {
    if (teamCode) {
      const team = await this.sql.exists('team', teamCode);
      if (!team) {
        throw invalid(`teamCode ${teamCode} is not a known team`);
      }
      const scope: TeamScope = user.teamIds;
      if (scope !== 'all' && !scope.includes(team.id)) {
        throw forbidden(`Team ${teamCode} is not one of your teams`);
      }
    }
    if (siteCode && !(await this.sql.exists('site', siteCode))) {
      throw invalid(`siteCode ${siteCode} is not a known site`);
    }
  }
}

/** The what-if metric of one agent over the window, or null when it has no value. */
export function metricValue(metric: WhatIfMetric, s: MetricRecord | undefined): number | null {
  if (!s) {
    return null;
  }
  const answered = Number(s.answered);
  switch (metric) {
    case 'calls_per_hour':
      return Number(s.worked_seconds) > 0 ? answered / (Number(s.worked_seconds) / 3600) : null;
    case 'calls_handled':
      return answered;
    case 'aht_seconds':
      return answered > 0 ? Number(s.handle_seconds) / answered : null;
    case 'qa_score':
      return Number(s.qa_count) > 0 ? Number(s.qa_sum) / Number(s.qa_count) : null;
    case 'csat':
      return Number(s.csat_count) > 0 ? Number(s.csat_sum) / Number(s.csat_count) : null;
    case 'sales':
      return Number(s.sales);
    case 'saves':
      return Number(s.saves);
    case 'resolution_rate':
      return answered > 0 ? Number(s.resolved) / answered : null;
  }
}

function mapSnapshot(s: WorkforceSnapshot): WorkforceSnapshotDto {
  return {
    headcount: s.headcount,
    meanTenureDays: s.meanTenureDays,
    shareUnder90Days: s.shareUnder90Days,
    meanMetric: s.meanMetric,
    tenureMix: { ...s.tenureMix },
  };
}

function mapScenario(s: WhatIfScenario): WhatIfScenarioDto {
  return {
    periods: s.periods.map((p) => ({
      ...mapSnapshot(p),
      period: p.period,
      voluntarySeparations: p.voluntarySeparations,
      involuntarySeparations: p.involuntarySeparations,
      separations: p.separations,
      replacementHires: p.replacementHires,
      recruitingCents: p.recruitingCents,
      trainingCents: p.trainingCents,
      rampLossCents: p.rampLossCents,
      costCents: p.costCents,
    })),
    totals: { ...s.totals },
  };
}
