import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  backtestForecast,
  erlangC,
  forecastOfferedCalls,
  OfferedCallsObservation,
} from '@floorwise/analytics';
import type { ForecastSlot, StaffingForecast } from '@floorwise/contracts';
import { invalid, notFound } from '../common/domain-error';

export interface ForecastParams {
  campaignCode: string;
  intervalMinutes: 15 | 30 | 60;
  targetServiceLevel: number;
  targetAnswerSeconds: number;
  maxOccupancy: number;
  shrinkage: number;
}

/** Weeks of history read: k = 6 for the forecast, one more held out for the back-test. */
const HISTORY_WEEKS = 7;

/**
 * The staffing forecast of metrics.md §2 for one campaign: offered calls per interval for the
 * 7 days from today (the campaign site's local date), each turned into required agents by
 * Erlang C with the interval-of-day's recent AHT; and the method's error on the last complete
 * week, held out.
 */
@Injectable()
export class StaffingService {
  constructor(private readonly db: DataSource) {}

  async forecast(p: ForecastParams): Promise<StaffingForecast> {
    const camp: { id: number; tz: string | null; today: string }[] = await this.db.query(
      `SELECT c.id, s.time_zone AS tz,
              to_char((now() AT TIME ZONE coalesce(s.time_zone, 'UTC'))::date, 'YYYY-MM-DD') AS today
       FROM campaign c LEFT JOIN site s ON s.id = c.site_id WHERE c.campaign_code = $1`,
      [p.campaignCode],
    );
    if (camp.length === 0) {
      throw notFound(`Campaign ${p.campaignCode} does not exist`);
    }
    const { id, today } = camp[0];
    const m = p.intervalMinutes;
    // One query: offered and handle sums per local date × interval over the history window.
    const rows: { d: string; slot: number; offered: string; answered: string; handle: string }[] =
      await this.db.query(
        `SELECT to_char(local_date, 'YYYY-MM-DD') AS d, (local_minute / $3)::int AS slot,
                sum(offered) AS offered, sum(answered) AS answered, sum(handle_seconds) AS handle
         FROM call_rollup_campaign_15m
         WHERE campaign_id = $1 AND local_date >= $2::date - $4::int AND local_date < $2::date
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [id, today, m, HISTORY_WEEKS * 7],
      );
    if (rows.length === 0) {
      throw invalid(
        `Campaign ${p.campaignCode} has no calls in the last ${HISTORY_WEEKS} weeks to forecast from`,
      );
    }
    const slotsPerDay = (24 * 60) / m;
    const history: OfferedCallsObservation[] = rows.map((r) => ({
      date: r.d,
      slot: r.slot,
      offered: Number(r.offered),
    }));
    // Include the day before today so the forecast starts today even after a quiet day.
    const yesterday = shiftDate(today, -1);
    if (!history.some((h) => h.date === yesterday)) {
      history.push({ date: yesterday, slot: 0, offered: 0 });
    }
    const recentFrom = shiftDate(today, -28);
    const ahtBySlot = new Array<{ handle: number; answered: number }>(slotsPerDay)
      .fill({ handle: 0, answered: 0 })
      .map(() => ({ handle: 0, answered: 0 }));
    let handleAll = 0;
    let answeredAll = 0;
    for (const r of rows) {
      if (r.d >= recentFrom) {
        ahtBySlot[r.slot].handle += Number(r.handle);
        ahtBySlot[r.slot].answered += Number(r.answered);
      }
      handleAll += Number(r.handle);
      answeredAll += Number(r.answered);
    }
    const overallAht = answeredAll > 0 ? handleAll / answeredAll : 300;
    const f = forecastOfferedCalls(history, { slotsPerDay, startDate: today });
    const slots: ForecastSlot[] = f.slots.map((s) => {
      const a = ahtBySlot[s.slot];
      const aht = a.answered >= 10 ? a.handle / a.answered : overallAht;
      const e = erlangC({
        calls: s.offered,
        intervalMinutes: m,
        ahtSeconds: aht,
        targetServiceLevel: p.targetServiceLevel,
        targetAnswerSeconds: p.targetAnswerSeconds,
        maxOccupancy: p.maxOccupancy,
        shrinkage: p.shrinkage,
      });
      return {
        date: s.date,
        start: `${String(Math.floor((s.slot * m) / 60)).padStart(2, '0')}:${String((s.slot * m) % 60).padStart(2, '0')}`,
        offered: s.offered,
        ahtSeconds: aht,
        rawAgents: e.rawAgents,
        agents: e.agents,
      };
    });
    let backtest: StaffingForecast['backtest'] = null;
    try {
      const b = backtestForecast(history, { slotsPerDay });
      backtest = {
        heldOutStart: b.heldOutStart,
        heldOutEnd: b.heldOutEnd,
        mape: b.mape,
        wape: b.wape,
        scoredSlots: b.scoredSlots,
      };
    } catch {
      backtest = null; // fewer than two weeks of history: nothing to hold out
    }
    return {
      campaignCode: p.campaignCode,
      timeZone: camp[0].tz ?? 'UTC',
      intervalMinutes: m,
      startDate: f.startDate,
      endDate: f.endDate,
      weeksUsed: f.weeksUsed,
      scale: f.scale,
      targetServiceLevel: p.targetServiceLevel,
      targetAnswerSeconds: p.targetAnswerSeconds,
      maxOccupancy: p.maxOccupancy,
      shrinkage: p.shrinkage,
      slots,
      backtest,
    };
  }
}

function shiftDate(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
