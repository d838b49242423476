import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import {
  addDays,
  agentScheduleSummary,
  daysBetween,
  isoWeekday,
  PayEstimate,
  payEstimate,
  PayPeriod,
  payPeriodDataFrom,
  payPeriodOf,
  recentPayPeriods,
  staffingGap,
  ZoneClock,
} from '@floorwise/analytics';
import type {
  AgentScheduleDto,
  PayEstimateDto,
  PayEstimateRowDto,
  PayEstimatesDto,
  PayLinesDto,
  RosterAgentDto,
  RosterDto,
  StaffingGapDto,
} from '@floorwise/contracts';
import { AuthUser, teamFilter } from '../auth/auth-user';
import { forbidden, invalid, notFound } from '../common/domain-error';
import {
  payWindowKey,
  SpiffPayableSums,
  SpiffPayService,
  SpiffSum,
} from '../spiff/spiff-awards.service';
import { StaffingService } from '../staffing/staffing.service';
import {
  AgentRow,
  AgentShiftRow,
  AgentWithShifts,
  groupByAgent,
  payConfigOf,
  payPeriodRuleOf,
  StoredShift,
  toShiftDto,
} from './schedule-rows';
import {
  AGENT_SCHEDULE_SQL,
  GAP_SQL,
  PAY_ESTIMATES_SQL,
  PAY_RULES_SQL,
  ROSTER_SQL,
} from './schedules.sql';

/** A roster shows at most two weeks. */
export const MAX_ROSTER_DAYS = 14;
/** Past pay periods shown to an agent besides the current one. */
export const PAST_PERIODS = 5;
const UPCOMING_DAYS = 14;

function today(zone: string): string {
  return ZoneClock.of(zone).localDate(Date.now());
}

/**
 * The figure sets of schedules and pay: each reads its rows with one query (schedules.sql.ts)
 * and computes every figure with libs/analytics.
 */
@Injectable()
export class ScheduleFiguresService {
  constructor(
    private readonly db: DataSource,
    private readonly staffing: StaffingService,
    private readonly spiff: SpiffPayService,
  ) {}

  // ------------------------------------------------------------ roster

  async roster(user: AuthUser, from: string, to: string, teamCode?: string): Promise<RosterDto> {
    const days = daysBetween(from, to) + 1;
    if (days < 1) {
      throw invalid(`to ${to} is before from ${from}`);
    }
    if (days > MAX_ROSTER_DAYS) {
      throw invalid(`A roster shows at most ${MAX_ROSTER_DAYS} days; asked for ${days}`);
    }
    const teams = teamCode ? await this.pickTeams(user, teamCode) : teamFilter(user);
    const rows: AgentShiftRow[] = await this.db.query(ROSTER_SQL, [from, to, teams]);
    const agents = groupByAgent(rows).map((a) => this.rosterAgent(a, from, to));
    return {
      from,
      to,
      days: Array.from({ length: days }, (_, i) => addDays(from, i)),
      agents,
    };
  }

  /** Team codes (comma-separated) to team ids, each one the caller may see. */
  private async pickTeams(user: AuthUser, teamCodes: string): Promise<number[]> {
    const codes = [...new Set(teamCodes.split(','))];
    const found: { id: number; team_code: string }[] = await this.db.query(
      `SELECT id, team_code FROM team WHERE team_code = ANY($1::text[])`,
      [codes],
    );
    const missing = codes.filter((c) => !found.some((t) => t.team_code === c));
    if (missing.length > 0) {
      throw notFound(`Team ${missing.join(', ')} does not exist`);
    }
    const visible = teamFilter(user);
    const foreign = found.filter((t) => visible !== null && !visible.includes(t.id));
    if (foreign.length > 0) {
      throw forbidden(
        `Team ${foreign.map((t) => t.team_code).join(', ')} is not one of your teams`,
      );
    }
    return found.map((t) => t.id);
  }

  private rosterAgent(
    { agent, shifts }: AgentWithShifts,
    from: string,
    to: string,
  ): RosterAgentDto {
    const config = payConfigOf(agent);
    const summary = agentScheduleSummary({
      shifts,
      zone: agent.time_zone,
      contractHours: config.contractHours,
      config,
      window: { from, to },
    });
    const { shifts: figures, ...totals } = summary;
    return {
      employeeCode: agent.employee_code,
      fullName: agent.full_name,
      teamCode: agent.team_code,
      siteCode: agent.site_code,
      timeZone: agent.time_zone,
      contractHours: config.contractHours,
      shifts: figures.map((f) =>
        toShiftDto(shifts[f.index], agent.employee_code, agent.time_zone, f),
      ),
      totals,
    };
  }

  // ------------------------------------------------------------ one agent

  /** The signed-in agent's own schedule and pay. */
  async mySchedule(user: AuthUser): Promise<AgentScheduleDto> {
    if (!user.employeeCode) {
      throw forbidden('Only a sign-in linked to an agent has a schedule of its own');
    }
    return this.agentSchedule(user, user.employeeCode);
  }

  /**
   * An agent's schedule, hours, hours lost and pay estimate for the current and past pay periods:
   * their own (agent), their teams' (manager), anyone's (hr, admin).
   */
  async agentSchedule(user: AuthUser, employeeCode: string): Promise<AgentScheduleDto> {
    if (user.role === 'agent' && user.employeeCode !== employeeCode) {
      throw forbidden('An agent sees only their own schedule and pay');
    }
    const [probe]: AgentRow[] = await this.db.query(
      `SELECT a.id AS agent_id, a.team_id, s.time_zone, r.pay_period,
              to_char(r.pay_period_anchor, 'YYYY-MM-DD') AS pay_period_anchor
       FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id
       LEFT JOIN site_pay_rules r ON r.site_id = s.id WHERE a.employee_code = $1`,
      [employeeCode],
    );
    if (!probe) {
      throw notFound(`Agent ${employeeCode} does not exist`);
    }
    if (user.teamIds !== 'all' && user.role !== 'agent' && !user.teamIds.includes(probe.team_id)) {
      throw forbidden(`${employeeCode} is not in a team you manage`);
    }
    const zone = probe.time_zone;
    const day = today(zone);
    const rule = payPeriodRuleOf(probe);
    const periods = recentPayPeriods(day, PAST_PERIODS + 1, rule);
    const weekStart = addDays(day, -(isoWeekday(day) - 1));
    const dataFrom = [
      payPeriodDataFrom(periods[periods.length - 1]),
      addDays(weekStart, -7),
    ].sort()[0];
    const dataTo = [periods[0].to, addDays(day, UPCOMING_DAYS), addDays(weekStart, 6)].sort()[2];
    const rows: AgentShiftRow[] = await this.db.query(AGENT_SCHEDULE_SQL, [
      employeeCode,
      dataFrom,
      dataTo,
    ]);
    const [{ agent, shifts }] = groupByAgent(rows);
    const spiff = await this.spiff.payableByPeriod(
      periods.map((p) => ({ agentId: agent.agent_id, from: p.from, to: p.to })),
    );
    const config = payConfigOf(agent);
    const week = agentScheduleSummary({
      shifts,
      zone,
      contractHours: config.contractHours,
      config,
      window: { from: weekStart, to: addDays(weekStart, 6) },
    });
    const upcomingWindow = { from: day, to: addDays(day, UPCOMING_DAYS - 1) };
    const upcoming = agentScheduleSummary({
      shifts,
      zone,
      contractHours: config.contractHours,
      config,
      window: upcomingWindow,
    });
    const recent = agentScheduleSummary({
      shifts,
      zone,
      contractHours: config.contractHours,
      config,
      window: { from: periods[Math.min(1, periods.length - 1)].from, to: addDays(day, -1) },
    });
    return {
      employeeCode: agent.employee_code,
      fullName: agent.full_name,
      teamCode: agent.team_code,
      siteCode: agent.site_code,
      timeZone: zone,
      contractHours: config.contractHours,
      hourlyRateCents: agent.hourly_rate_cents,
      today: day,
      payPeriod: rule.kind,
      week: {
        from: weekStart,
        to: addDays(weekStart, 6),
        workedSeconds: week.workedSeconds,
        plannedSeconds: week.plannedSeconds,
        contractSeconds: config.contractHours * 3600,
        overtimeSeconds: week.overtimeSeconds,
        lostSeconds: week.lostSeconds,
        shortRests: week.shortRests,
      },
      upcoming: upcoming.shifts.map((f) => toShiftDto(shifts[f.index], employeeCode, zone, f)),
      recent: recent.shifts
        .map((f) => toShiftDto(shifts[f.index], employeeCode, zone, f))
        .reverse(),
      periods: periods.map((p) => this.estimate(agent, shifts, p, day, spiff)),
    };
  }

  /**
   * metrics.md §4 pay estimate of one agent for one period, its SPIFF line the awards payable in
   * the period (`SpiffPayService.payableByPeriod`); the awards still pending are reported beside
   * the current period only (they join the period in which they are approved).
   */
  private estimate(
    agent: AgentRow,
    shifts: readonly StoredShift[],
    period: PayPeriod,
    day: string,
    spiff: SpiffPayableSums,
  ): PayEstimateDto {
    const dataFrom = payPeriodDataFrom(period);
    const current = day >= period.from && day <= period.to;
    const none: SpiffSum = { awards: 0, cents: 0 };
    const payable = spiff.periods.get(payWindowKey(agent.agent_id, period.from, period.to)) ?? none;
    const pending = current ? (spiff.pending.get(agent.agent_id) ?? none) : none;
    const r: PayEstimate = payEstimate({
      shifts: shifts.filter((s) => s.localDate >= dataFrom && s.localDate <= period.to),
      zone: agent.time_zone,
      hourlyRateCents: agent.hourly_rate_cents,
      config: payConfigOf(agent),
      period,
      spiffAwardsCents: [payable.cents],
      spiffPendingCents: [pending.cents],
    });
    return {
      from: period.from,
      to: period.to,
      current,
      hourlyRateCents: agent.hourly_rate_cents,
      lines: r.lines,
      totalCents: r.totalCents,
      paidSeconds: r.paidSeconds,
      workedSeconds: r.workedSeconds,
      scheduledSeconds: r.scheduledSeconds,
      overtimeSeconds: r.overtimeSeconds,
      differentialSeconds: r.differentialSeconds,
      lostSeconds: r.lostSeconds,
      lostSecondsByReason: r.lostSecondsByReason,
      lostCents: r.lostCents,
      spiffAwards: payable.awards,
      spiffPendingCents: r.spiffPendingCents,
      spiffPendingAwards: pending.awards,
    };
  }

  // ------------------------------------------------------------ many agents

  /**
   * Pay estimates of the pay period that contains `date` (each site has its own period rule),
   * for the caller's teams (manager) or everyone (hr, admin), optionally one site or team.
   */
  async payEstimates(
    user: AuthUser,
    date: string | undefined,
    filter: { siteCode?: string; teamCode?: string },
  ): Promise<PayEstimatesDto> {
    const sites: {
      site_id: number;
      site_code: string;
      time_zone: string;
      pay_period: AgentRow['pay_period'];
      pay_period_anchor: string | null;
    }[] = await this.db.query(PAY_RULES_SQL);
    const chosen = sites.filter((s) => !filter.siteCode || s.site_code === filter.siteCode);
    if (filter.siteCode && chosen.length === 0) {
      throw notFound(`Site ${filter.siteCode} does not exist`);
    }
    const asOf = date ?? today(chosen[0]?.time_zone ?? 'UTC');
    const windows = chosen.map((s) => {
      const p = payPeriodOf(asOf, payPeriodRuleOf(s));
      return { siteId: s.site_id, period: p, dataFrom: payPeriodDataFrom(p) };
    });
    const teams = filter.teamCode ? await this.pickTeams(user, filter.teamCode) : teamFilter(user);
    const rows: AgentShiftRow[] = await this.db.query(PAY_ESTIMATES_SQL, [
      windows.map((w) => w.siteId),
      windows.map((w) => w.dataFrom),
      windows.map((w) => w.period.to),
      teams,
      filter.siteCode ?? null,
    ]);
    const periodBySite = new Map(
      windows.map((w) => [sites.find((s) => s.site_id === w.siteId)?.site_code, w.period]),
    );
    const agents = groupByAgent(rows).map((a) => ({
      ...a,
      period: periodBySite.get(a.agent.site_code) as PayPeriod,
    }));
    const spiff = await this.spiff.payableByPeriod(
      agents.map(({ agent, period }) => ({
        agentId: agent.agent_id,
        from: period.from,
        to: period.to,
      })),
    );
    const out: PayEstimateRowDto[] = agents.map(({ agent, shifts, period }) => ({
      employeeCode: agent.employee_code,
      fullName: agent.full_name,
      teamCode: agent.team_code,
      siteCode: agent.site_code,
      ...this.estimate(agent, shifts, period, today(agent.time_zone), spiff),
    }));
    const lines: PayLinesDto = {
      baseCents: 0,
      overtimePremiumCents: 0,
      nightDifferentialCents: 0,
      weekendDifferentialCents: 0,
      holidayDifferentialCents: 0,
      spiffCents: 0,
    };
    let totalCents = 0;
    let lostSeconds = 0;
    let spiffPendingCents = 0;
    for (const r of out) {
      for (const k of Object.keys(lines) as (keyof PayLinesDto)[]) {
        lines[k] += r.lines[k];
      }
      totalCents += r.totalCents;
      lostSeconds += r.lostSeconds;
      spiffPendingCents += r.spiffPendingCents;
    }
    return {
      date: asOf,
      rows: out,
      totals: { agents: out.length, totalCents, lines, lostSeconds, spiffPendingCents },
    };
  }

  // ------------------------------------------------------------ staffing gap

  /**
   * The staffing gap of a campaign for the forecast week: agents on the floor per interval (from
   * their shifts) against the Erlang C requirement of the staffing forecast, and the overtime
   * filling it.
   */
  async staffingGap(campaignCode: string, intervalMinutes: 15 | 30 | 60): Promise<StaffingGapDto> {
    const forecast = await this.staffing.forecast({
      campaignCode,
      intervalMinutes,
      targetServiceLevel: 0.8,
      targetAnswerSeconds: 20,
      maxOccupancy: 0.85,
      shrinkage: 0.3,
    });
    const zone = forecast.timeZone;
    const [campaign]: { id: number }[] = await this.db.query(
      `SELECT id FROM campaign WHERE campaign_code = $1`,
      [campaignCode],
    );
    // overtime counts from the Monday of the first week; rests and runs need nothing earlier
    const dataFrom = addDays(forecast.startDate, -(isoWeekday(forecast.startDate) - 1) - 1);
    const rows: AgentShiftRow[] = await this.db.query(GAP_SQL, [
      campaign.id,
      forecast.startDate,
      dataFrom,
      forecast.endDate,
    ]);
    const agents = groupByAgent(rows);
    const slots = forecast.slots.map((s) => ({
      startMs: DateTime.fromISO(`${s.date}T${s.start}`, { zone }).toMillis(),
      required: s.rawAgents,
    }));
    const gap = staffingGap(
      agents.map(({ agent, shifts }) => ({
        zone: agent.time_zone,
        contractHours: payConfigOf(agent).contractHours,
        shifts,
      })),
      slots,
      intervalMinutes,
    );
    return {
      campaignCode,
      timeZone: zone,
      intervalMinutes,
      startDate: forecast.startDate,
      endDate: forecast.endDate,
      agents: agents.length,
      slots: forecast.slots.map((s, i) => ({
        date: s.date,
        start: s.start,
        offered: s.offered,
        required: s.rawAgents,
        requiredScheduled: s.agents,
        staffed: gap.slots[i].staffed,
        overtimeStaffed: gap.slots[i].overtimeStaffed,
        gap: gap.slots[i].gap,
        understaffed: gap.slots[i].understaffed,
      })),
      summary: gap.summary,
    };
  }
}
