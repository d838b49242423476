import { callHandleSeconds, isAnswered, ServiceCall } from '../service';
import { InstantInput, localDateOf, toEpochMillis } from '../schedule/instant';

/** A call of the agent, as the BRI reads it: the §1 service fields plus time, QA and CSAT. */
export interface BurnoutCall extends ServiceCall {
  startedAt: InstantInput;
  qaScore?: number | null;
  csat?: number | null;
}

/** One local day of an agent's calls, summed (all fields additive). */
export interface BurnoutDailyCalls {
  /** Local date `YYYY-MM-DD` in the site zone. */
  date: string;
  /** Answered (handled) calls, metrics.md §1. */
  answered: number;
  /** Σ(talk + hold + wrap) of the answered calls. */
  handleSeconds: number;
  /** Answered calls flagged hostile. */
  hostile: number;
  qaSum: number;
  qaCount: number;
  csatSum: number;
  csatCount: number;
}

/**
 * Sums an agent's calls per local date of `started_at` in the site zone (interfaces.md: "local
 * dates of a call follow its agent's site time zone"). Only answered calls count (§1 answered,
 * as `../service` classifies them); QA and CSAT are summed over the answered calls that have one.
 */
export function burnoutDailyCalls(
  calls: readonly BurnoutCall[],
  zone: string,
): BurnoutDailyCalls[] {
  const byDate = new Map<string, BurnoutDailyCalls>();
  for (const call of calls) {
    if (!isAnswered(call)) {
      continue;
    }
    const date = localDateOf(toEpochMillis(call.startedAt, 'startedAt'), zone);
    let day = byDate.get(date);
    if (!day) {
      day = {
        date,
        answered: 0,
        handleSeconds: 0,
        hostile: 0,
        qaSum: 0,
        qaCount: 0,
        csatSum: 0,
        csatCount: 0,
      };
      byDate.set(date, day);
    }
    day.answered += 1;
    day.handleSeconds += callHandleSeconds(call);
    day.hostile += call.hostile ? 1 : 0;
    if (call.qaScore != null) {
      day.qaSum += call.qaScore;
      day.qaCount += 1;
    }
    if (call.csat != null) {
      day.csatSum += call.csat;
      day.csatCount += 1;
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
