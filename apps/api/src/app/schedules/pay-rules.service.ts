import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_PAY_CONFIG,
  DEFAULT_PAY_PERIOD_RULE,
  isoWeekday,
  PayConfig,
  validatePayConfig,
} from '@floorwise/analytics';
import type { PayPeriodKind, PayRulesDto, PayRulesInput } from '@floorwise/contracts';
import type { AuthUser } from '../auth/auth-user';
import { invalid, notFound } from '../common/domain-error';
import { PAY_RULES_SQL } from './schedules.sql';

interface RulesRow {
  site_id: number;
  site_code: string;
  site_name: string;
  time_zone: string;
  holidays: string[];
  has_rules: boolean;
  rules_contract_hours: number | null;
  overtime_multiplier: number | null;
  night_start: number | null;
  night_end: number | null;
  night_pct: number | null;
  weekend_pct: number | null;
  holiday_pct: number | null;
  weekend_days: number[] | null;
  min_reporting_pay_hours: number | null;
  pay_period: PayPeriodKind | null;
  pay_period_anchor: string | null;
  updated_at: Date | null;
}

/** Per-site pay rules (metrics.md §4): read by every signed-in role, changed by an admin. */
@Injectable()
export class PayRulesService {
  constructor(private readonly db: DataSource) {}

  /** Every site's rules; an agent gets their own site's only. */
  async list(user: AuthUser): Promise<PayRulesDto[]> {
    const rows: RulesRow[] = await this.db.query(PAY_RULES_SQL);
    if (user.role !== 'agent') {
      return rows.map(map);
    }
    const [own]: { site_code: string }[] = await this.db.query(
      `SELECT s.site_code FROM agent a JOIN team t ON t.id = a.team_id JOIN site s ON s.id = t.site_id
       WHERE a.id = $1`,
      [user.agentId],
    );
    return rows.filter((r) => r.site_code === own?.site_code).map(map);
  }

  async update(user: AuthUser, siteCode: string, body: PayRulesInput): Promise<PayRulesDto> {
    const config: PayConfig = {
      contractHours: body.contractHours,
      overtimeMultiplier: body.overtimeMultiplier,
      nightStart: body.nightStart,
      nightEnd: body.nightEnd,
      nightPct: body.nightPct,
      weekendPct: body.weekendPct,
      holidayPct: body.holidayPct,
      weekendDays: body.weekendDays,
      minReportingPayHours: body.minReportingPayHours,
      holidays: [],
    };
    const problems = validatePayConfig(config);
    if (body.contractHours <= 0 || body.contractHours > 80) {
      problems.push('contractHours must be more than 0 and at most 80');
    }
    if (body.overtimeMultiplier > 4) {
      problems.push('overtimeMultiplier must be at most 4');
    }
    for (const k of ['nightPct', 'weekendPct', 'holidayPct'] as const) {
      if (body[k] > 2) {
        problems.push(`${k} must be at most 2 (200 %)`);
      }
    }
    if (body.minReportingPayHours > 24) {
      problems.push('minReportingPayHours must be at most 24');
    }
    if (new Set(body.weekendDays).size !== body.weekendDays.length) {
      problems.push('weekendDays lists a day twice');
    }
    if (isoWeekday(body.payPeriodAnchor) !== 1) {
      problems.push(`payPeriodAnchor ${body.payPeriodAnchor} is not a Monday`);
    }
    if (problems.length > 0) {
      throw invalid(`The pay rules are not valid: ${problems.join('; ')}`);
    }
    await this.db.transaction(async (m) => {
      const [site]: { id: number }[] = await m.query(`SELECT id FROM site WHERE site_code = $1`, [
        siteCode,
      ]);
      if (!site) {
        throw notFound(`Site ${siteCode} does not exist`);
      }
      const [before]: RulesRow[] = await m.query(
        `SELECT * FROM site_pay_rules WHERE site_id = $1`,
        [site.id],
      );
      await m.query(
        `INSERT INTO site_pay_rules (site_id, contract_hours, overtime_multiplier, night_start,
           night_end, night_pct, weekend_pct, holiday_pct, weekend_days, min_reporting_pay_hours,
           pay_period, pay_period_anchor, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::smallint[], $10, $11, $12, $13)
         ON CONFLICT (site_id) DO UPDATE SET contract_hours = EXCLUDED.contract_hours,
           overtime_multiplier = EXCLUDED.overtime_multiplier, night_start = EXCLUDED.night_start,
           night_end = EXCLUDED.night_end, night_pct = EXCLUDED.night_pct,
           weekend_pct = EXCLUDED.weekend_pct, holiday_pct = EXCLUDED.holiday_pct,
           weekend_days = EXCLUDED.weekend_days,
           min_reporting_pay_hours = EXCLUDED.min_reporting_pay_hours,
           pay_period = EXCLUDED.pay_period, pay_period_anchor = EXCLUDED.pay_period_anchor,
           updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [
          site.id,
          body.contractHours,
          body.overtimeMultiplier,
          body.nightStart,
          body.nightEnd,
          body.nightPct,
          body.weekendPct,
          body.holidayPct,
          [...body.weekendDays].sort(),
          body.minReportingPayHours,
          body.payPeriod,
          body.payPeriodAnchor,
          user.id,
        ],
      );
      await m.query(
        `INSERT INTO audit_log (actor_id, action, entity, entity_key, detail)
         VALUES ($1, 'pay_rules.update', 'pay_rules', $2, $3)`,
        [user.id, siteCode, JSON.stringify({ before: before ?? null, after: body })],
      );
    });
    const rows: RulesRow[] = await this.db.query(PAY_RULES_SQL);
    return map(rows.find((r) => r.site_code === siteCode) as RulesRow);
  }
}

function map(r: RulesRow): PayRulesDto {
  const d = DEFAULT_PAY_CONFIG;
  const has = r.has_rules;
  return {
    siteCode: r.site_code,
    siteName: r.site_name,
    timeZone: r.time_zone,
    holidays: r.holidays ?? [],
    contractHours: has ? Number(r.rules_contract_hours) : d.contractHours,
    overtimeMultiplier: has ? Number(r.overtime_multiplier) : d.overtimeMultiplier,
    nightStart: has ? Number(r.night_start) : d.nightStart,
    nightEnd: has ? Number(r.night_end) : d.nightEnd,
    nightPct: has ? Number(r.night_pct) : d.nightPct,
    weekendPct: has ? Number(r.weekend_pct) : d.weekendPct,
    holidayPct: has ? Number(r.holiday_pct) : d.holidayPct,
    weekendDays: has ? (r.weekend_days ?? []).map(Number) : [6, 7],
    minReportingPayHours: has ? Number(r.min_reporting_pay_hours) : d.minReportingPayHours,
    payPeriod: has ? (r.pay_period as PayPeriodKind) : DEFAULT_PAY_PERIOD_RULE.kind,
    payPeriodAnchor: has ? (r.pay_period_anchor as string) : DEFAULT_PAY_PERIOD_RULE.anchor,
    isDefault: !has,
    updatedAt: r.updated_at ? r.updated_at.toISOString() : null,
  };
}
