import { isDailyGoalQuota } from './daily-goal';
import { localDaysBetween } from '../schedule/instant';
import {
  AgentQuotaCandidate,
  agentQuotasOn,
  AppliedQuota,
  QuotaVersion,
  versionOn,
} from './effective-quota';
import { quotaMet } from './quota-progress';
import { emptyQuotaSums, quotaActual, QuotaSums } from './quota-sums';
import { QuotaComparator, QuotaMetric, QuotaPeriod } from './quota.types';
import { RampConfig } from './ramped-target';

/**
 * A quota that may apply to one agent, with all its stored versions: the agent's own quota, or
 * a per-member quota of their team (a team total or a campaign quota is not the agent's).
 */
export interface AgentQuotaDefinition {
  quotaId: number;
  scope: 'agent' | 'team';
  metric: QuotaMetric;
  period: QuotaPeriod;
  comparator: QuotaComparator;
  /** Whether the new-hire ramp applies to this quota. */
  ramp: boolean;
  versions: readonly QuotaVersion[];
}

/** The count sums a day or shift count quota reads (the rest of {@link QuotaSums} is unused). */
export type QuotaCountSums = Pick<QuotaSums, 'callsHandled' | 'sales' | 'saves' | 'resolved'>;

/** One worked shift with its own counts (the floor's shift period: see docs/floor.md). */
export interface QuotaShiftCounts {
  /** Local date of the scheduled start: the date whose targets the shift is measured against. */
  date: string;
  /**
   * Whether the shift is judged: false for a shift the floor cut short without the goal met
   * (sent home for low volume, an outage, or no reason), whose count says nothing of the agent.
   */
  judged: boolean;
  counts: QuotaCountSums;
}

/** Input of {@link missedCountQuotaDays}. */
export interface MissedCountQuotaInput {
  hireDate: string;
  ramp: RampConfig;
  quotas: readonly AgentQuotaDefinition[];
  /** The local days to judge (worked days), each with the day's counts (zeros when none). */
  days: readonly { date: string; counts: QuotaCountSums }[];
  /** The agent's worked shifts with their counts (needed when shift-period quotas exist). */
  shifts?: readonly QuotaShiftCounts[];
}

/** One judged local day. */
export interface CountQuotaDay {
  date: string;
  /** A day or shift count quota was in force for the agent on this date. */
  hasQuota: boolean;
  /** A day count quota was not reached that day, or a judged shift of that date missed its own. */
  missed: boolean;
}

/**
 * metrics.md §5 quota pressure's input: for each given local day, whether the agent missed a day
 * or shift count quota (the "daily goal" quotas of §3: `calls_handled`, `sales`, `saves`,
 * `resolved`, at least, period day or shift). The quotas in force are exactly those the floor
 * applies: the version in force on the date (`versionOn`), the agent's own quota over their
 * team's per-member one, new-hire ramp (`agentQuotasOn`). A day quota is missed when the day's
 * count is below its target (`quotaMet`: a ramped 45.71 needs 46); a shift quota when a judged
 * shift starting that date is below it. Rate quotas (AHT, CSAT, QA) and week quotas are ignored;
 * a day with no such quota in force is not missed.
 */
export function missedCountQuotaDays(input: MissedCountQuotaInput): CountQuotaDay[] {
  const shiftsByDate = new Map<string, QuotaShiftCounts[]>();
  for (const s of input.shifts ?? []) {
    const list = shiftsByDate.get(s.date) ?? [];
    list.push(s);
    shiftsByDate.set(s.date, list);
  }
  // consecutive days mostly share their versions and tenure week: apply the quotas once per
  // (versions in force, tenure week) — the daily job judges every agent's every day
  const applied = new Map<string, AppliedQuota[]>();
  const appliedOn = (date: string): AppliedQuota[] => {
    const candidates = candidatesOn(input.quotas, date);
    const tenureDays = localDaysBetween(input.hireDate, date);
    const week = tenureDays < 0 ? -1 : Math.min(Math.floor(tenureDays / 7), input.ramp.weeks);
    const key = `${week}|${candidates.map((c) => `${c.quotaId}:${c.target}`).join(',')}`;
    let got = applied.get(key);
    if (!got) {
      got = agentQuotasOn(candidates, input.hireDate, date, input.ramp).filter(isDailyGoalQuota);
      applied.set(key, got);
    }
    return got;
  };
  return input.days.map(({ date, counts }) => {
    const quotas = appliedOn(date);
    let missed = false;
    for (const q of quotas) {
      if (q.period === 'day') {
        missed ||= !quotaMet(actualOf(counts, q.metric), q.target, q.comparator);
      } else {
        for (const s of shiftsByDate.get(date) ?? []) {
          if (s.judged) {
            missed ||= !quotaMet(actualOf(s.counts, q.metric), q.target, q.comparator);
          }
        }
      }
    }
    return { date, hasQuota: quotas.length > 0, missed };
  });
}

/** The definitions' targets in force on `date`, as candidates of `agentQuotasOn`. */
export function candidatesOn(
  quotas: readonly AgentQuotaDefinition[],
  date: string,
): AgentQuotaCandidate[] {
  const out: AgentQuotaCandidate[] = [];
  for (const q of quotas) {
    const v = versionOn(q.versions, date);
    if (v !== null && v.target !== null) {
      out.push({
        quotaId: q.quotaId,
        scope: q.scope,
        metric: q.metric,
        period: q.period,
        comparator: q.comparator,
        target: Number(v.target),
        ramp: q.ramp,
      });
    }
  }
  return out;
}

function actualOf(counts: QuotaCountSums, metric: QuotaMetric): number | null {
  return quotaActual({ ...emptyQuotaSums(), ...counts }, metric);
}
