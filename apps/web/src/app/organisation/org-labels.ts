import type { CampaignKind, TerminationType, WorkMode } from '@floorwise/contracts';

export const CAMPAIGN_KIND_LABEL: Readonly<Record<CampaignKind, string>> = {
  inbound_support: 'Inbound support',
  outbound_sales: 'Outbound sales',
  retention: 'Retention',
  tech_support: 'Tech support',
  collections: 'Collections',
};

export const WORK_MODE_LABEL: Readonly<Record<WorkMode, string>> = {
  onsite: 'On site',
  remote: 'Remote',
  hybrid: 'Hybrid',
};

export const TERMINATION_TYPE_LABEL: Readonly<Record<TerminationType, string>> = {
  voluntary: 'Voluntary',
  involuntary: 'Involuntary',
};

/** Codes are external ids (from HR and telephony systems): letters, digits, `-`, `_`, `.`. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Tenure as a person says it: "2 y 3 mo", "5 mo", "12 d". From the hire date to the
 * termination date, or to `today` for someone still employed. Dates are `YYYY-MM-DD`.
 */
export function tenure(hireDate: string, endDate: string | null, today: string): string {
  const end = endDate ?? today;
  const [hy, hm, hd] = hireDate.split('-').map(Number);
  const [ey, em, ed] = end.split('-').map(Number);
  if ([hy, hm, hd, ey, em, ed].some((n) => !Number.isFinite(n))) {
    return '—';
  }
  let months = (ey - hy) * 12 + (em - hm);
  if (ed < hd) {
    months -= 1;
  }
  if (months < 0) {
    return '—';
  }
  if (months === 0) {
    const days = Math.round((Date.UTC(ey, em - 1, ed) - Date.UTC(hy, hm - 1, hd)) / 86_400_000);
    return `${Math.max(days, 0)} d`;
  }
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) {
    return `${rest} mo`;
  }
  return rest === 0 ? `${years} y` : `${years} y ${rest} mo`;
}

/** Today's local date as `YYYY-MM-DD`. */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The current UTC offset of a time zone, e.g. "GMT-5", or null when the zone is unknown. */
export function zoneOffset(timeZone: string, at: Date = new Date()): string | null {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      timeZoneName: 'shortOffset',
    }).formatToParts(at);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? null;
  } catch {
    return null;
  }
}

/** Every IANA time zone the browser knows, for the site form. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}
