import type {
  BurnoutAgentDetail,
  BurnoutBandName,
  BurnoutComponentDetail,
  BurnoutComponentKey,
} from '@floorwise/contracts';
import { formatNumber, formatPercent } from '@floorwise/ui';

/** Display names of the components (metrics.md §5). */
export const COMPONENT_LABEL: Readonly<Record<BurnoutComponentKey, string>> = {
  overtime: 'Overtime',
  occupancy: 'Occupancy',
  hostile: 'Hostile calls',
  recovery: 'Short rests & long runs',
  irregularity: 'Irregular shifts',
  unsocial: 'Nights & weekends',
  quota_pressure: 'Missed quotas',
  drift: 'Performance drift',
  absence: 'Unplanned absences',
};

export const BAND_LABEL: Readonly<Record<BurnoutBandName, string>> = {
  low: 'Low',
  elevated: 'Elevated',
  high: 'High',
  critical: 'Critical',
};

/** Band colours, calm to alarming (also in the band chips' CSS). */
export const BAND_COLOR: Readonly<Record<BurnoutBandName, string>> = {
  low: '#4e9a76',
  elevated: '#d0a032',
  high: '#d0702f',
  critical: '#c0392b',
};

/** A component's raw value in words and units ("12.5 h over contract", "4.1 % of calls"). */
export function describeRaw(name: BurnoutComponentKey, c: BurnoutComponentDetail): string {
  const d = c.detail ?? {};
  if (name === 'quota_pressure' && d['source'] === 'none') {
    return 'not measured: no day or shift count quota applies';
  }
  if (c.raw === null) {
    return name === 'drift' ? 'too few calls or shifts to compare' : 'nothing to measure';
  }
  switch (name) {
    case 'overtime':
      return `${formatNumber(c.raw, undefined, 1)} h beyond 4 contract weeks`;
    case 'occupancy':
      return `${formatPercent(c.raw)} of worked time on calls`;
    case 'hostile':
      return `${formatPercent(c.raw)} of answered calls hostile`;
    case 'recovery':
      return `${d['shortRestGaps'] ?? 0} rests under 11 h, ${d['consecutiveDaysBeyondLimit'] ?? 0} days in a 7+ day run`;
    case 'irregularity':
      return `start times vary by ${formatNumber(c.raw, undefined, 1)} h (σ); ${d['unpaidSendHomes'] ?? 0} unpaid send-homes`;
    case 'unsocial':
      return `${formatPercent(c.raw)} of worked hours at night, weekends or holidays`;
    case 'quota_pressure':
      return `${formatPercent(c.raw)} of worked days with a missed quota`;
    case 'drift': {
      const worst = (['aht', 'qa', 'csat', 'adherence'] as const)
        .filter((k) => typeof d[k] === 'number')
        .sort((a, b) => (d[b] as number) - (d[a] as number))[0];
      const what = { aht: 'handle time', qa: 'QA score', csat: 'CSAT', adherence: 'adherence' };
      return c.raw <= 0
        ? 'no deterioration: the last week is as good as the three before'
        : `${what[worst ?? 'aht']} ${formatPercent(c.raw)} worse in the last 7 days than the 21 before`;
    }
    case 'absence':
      return `${formatNumber(c.raw)} unplanned absences`;
  }
}

/** Plain-language suggestions for an agent's own drivers (the "My wellbeing" page). */
export const SUGGESTION: Readonly<Record<BurnoutComponentKey, string>> = {
  overtime:
    'You have worked well past your contract hours this month. Ask your manager to spread the extra shifts, and say no to another one if you are tired.',
  occupancy:
    'Your calls follow each other with almost no pause. Use your wrap-up and break time fully; tell your manager if the queue never lets you.',
  hostile:
    'You have had more angry or abusive callers than usual. You may end an abusive call; ask your team lead for a debrief after a hard one.',
  recovery:
    'You have had short rests between shifts or a long run of days without a day off. Ask for at least 11 hours between shifts and a day off every week.',
  irregularity:
    'Your start times move around a lot, or you were sent home unpaid. Ask for a steadier pattern; a regular sleep time helps more than anything.',
  unsocial:
    'Much of your time is at night, on weekends or holidays. Ask to balance those shifts with daytime ones over the coming weeks.',
  quota_pressure:
    'You missed your daily targets on several days. Talk with your team lead about what gets in the way — targets are adjusted when calls are long or hard.',
  drift:
    'Your handle time, quality or attendance slipped this week compared with the weeks before. That is a common sign of tiredness, not a failing: take your breaks and talk to your lead.',
  absence:
    'You had unplanned absences. If something is making work hard to face, your manager or HR can help — that is what they are there for.',
};

/** The agent's own page: suggestions for their drivers, or a reassurance when there are none. */
export function suggestionsFor(detail: Pick<BurnoutAgentDetail, 'drivers' | 'index'>): string[] {
  if (detail.index === null) {
    return [];
  }
  return detail.drivers.map((d) => SUGGESTION[d]);
}

/** "7 Jan 2026 09:00"-style local time of an ISO instant with offset, as worked at the site. */
export function siteTime(iso: string | null): string {
  if (!iso) {
    return '—';
  }
  // the string carries the site's offset: show its wall-clock part
  return `${iso.slice(11, 16)}`;
}
