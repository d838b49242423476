import type { PageId } from '../core/access';

/** What a page not built yet will show, restated from domain.md and metrics.md. */
export interface PendingCopy {
  summary: string;
  willShow: readonly string[];
}

export interface PendingPageCopy {
  staff: PendingCopy;
  /** What an agent's own version of the page will show, where it differs. */
  agent?: PendingCopy;
}

export type PendingPageId = Extract<
  PageId,
  'myday' | 'floor' | 'service' | 'schedules' | 'bonuses' | 'burnout' | 'turnover'
>;

export const PENDING_COPY: Readonly<Record<PendingPageId, PendingPageCopy>> = {
  myday: {
    staff: {
      summary: 'Your day: your quotas, how you are pacing, and whether the daily goal is in reach.',
      willShow: [
        'Calls, sales and saves today against your quotas, with pacing (ahead, on pace, behind)',
        'The projected end-of-shift figure and whether the daily goal (and an early release) is in reach',
        'Your team’s totals beside your own figures — never another agent’s',
      ],
    },
  },
  floor: {
    staff: {
      summary:
        "Today's floor, live: each agent's calls against quota and pacing, who has met the daily goal and may go home early, who is at burnout risk, and whether the floor is staffed for the call volume right now.",
      willShow: [
        'Per-agent progress and pacing against shift and day quotas (ahead, on pace, behind) with the projected end-of-shift figure',
        'Daily goal met and early-release eligibility; an early release is recorded as a paid send-home',
        'Agents on the floor now against the Erlang C requirement for the current interval',
        'Burnout risk band beside each agent, linking to the drivers behind it',
      ],
    },
  },
  service: {
    staff: {
      summary:
        'Service level, speed of answer and abandons by interval, day, team and campaign, set against the agents Erlang C says each interval needed.',
      willShow: [
        'Offered, answered and abandoned calls; service level within 20 s, ASA, AHT and abandon rate',
        'Required versus scheduled agents per interval (Erlang C with occupancy cap and shrinkage)',
        'CSAT and hostile-contact trends beside the staffing gaps that precede them',
      ],
    },
  },
  schedules: {
    staff: {
      summary:
        'Shifts and timesheets in each site’s time zone, with the hours that wear people down: overtime, nights, weekends, holidays, late stays and short rests.',
      willShow: [
        'Scheduled against worked time per agent and team, and adherence',
        'Overtime over 40 hours a week at 1.5×, night / weekend / holiday differentials',
        'Stay-late minutes, consecutive workdays and rest gaps under 11 hours',
        'Send-home events with their cause (goal met: paid; outage or low volume: unpaid) and the hours lost',
      ],
    },
    agent: {
      summary:
        'Your upcoming shifts in your site’s time zone, the hours you worked, and the hours lost to send-homes.',
      willShow: [
        'Your next shifts, with breaks and any overtime or differential hours',
        'Hours worked this week against your contract hours',
        'Send-homes and their cause: a goal-met release is paid, an outage or low-volume one is not',
      ],
    },
  },
  bonuses: {
    staff: {
      summary:
        'SPIFF campaigns: per-unit, tiered, contest, prize-wheel, mystery-envelope and lottery rules, their budgets, leaderboards and payout approval.',
      willShow: [
        'Each campaign’s budget burn and the awards pending, approved, paid or declined for budget',
        'Leaderboards per agent and team, with the “up to” amount agents are shown',
        'Approval of payouts, each step written to the audit log',
      ],
    },
    agent: {
      summary:
        'Your SPIFF campaigns: progress, awards and earnings. You see only your own figures and team totals.',
      willShow: [
        'Each SPIFF you are in: progress to the next tier or spin, awards so far, and the “up to” amount',
        'Your pay estimate: base + differentials + overtime + approved SPIFF awards',
      ],
    },
  },
  burnout: {
    staff: {
      summary:
        'An explainable burnout risk index per agent and team, with the drivers behind each score and the team capacity at risk.',
      willShow: [
        'Index 0–100 and band (low, elevated, high, critical) per agent, with the top three drivers',
        'Components: overtime, occupancy, hostile calls, recovery, irregular shifts, unsocial hours, quota pressure, performance drift, absences',
        'Team mean, count per band, and capacity at risk (up to a third of effectiveness)',
      ],
    },
    agent: {
      summary:
        'Your own wellbeing indicators over the last four weeks and what drives them. No one else’s figures are shown.',
      willShow: [
        'Your hours, overtime and rest between shifts',
        'Your share of hostile calls and of night, weekend and holiday hours',
        'Which of these weigh most right now',
      ],
    },
  },
  turnover: {
    staff: {
      summary:
        'Who leaves and why: attrition, early attrition, voluntary against involuntary exits, retention by hire cohort and the cost of turnover.',
      willShow: [
        'Monthly and trailing-12-month attrition by site, team, campaign, work mode and title',
        '90-day attrition of each hire cohort and Kaplan–Meier retention curves with median tenure',
        'Exit reasons, burnout band at separation, and the cost of each separation',
        'A what-if simulator for a “fire the bottom X%” policy',
      ],
    },
  },
};
