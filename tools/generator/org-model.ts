import { daysFromCivil, formatDay, isoWeekday } from './civil-date';
import { NameCulture } from './names';
import { Rng } from './prng';

export type CampaignKind = 'inbound_support' | 'outbound_sales' | 'retention' | 'tech_support';
export type StaffingBand = 'understaffed' | 'stretched' | 'well_staffed';
export type Channel = 'phone' | 'chat' | 'email';

export interface ShiftPattern {
  label: 'day' | 'mid' | 'evening' | 'night';
  startMinute: number;
}

export interface SiteDef {
  code: string;
  name: string;
  city: string;
  zone: string;
  culture: NameCulture;
  client: string;
  /** Campaign kinds of the site's 1st, 2nd, 3rd, 4th team. */
  kindOrder: readonly CampaignKind[];
  /** Shift start patterns handed to the positions of a team in turn. */
  patterns: readonly ShiftPattern[];
  /** Fixed-date holidays as [month, day]. */
  fixedHolidays: readonly (readonly [number, number])[];
  /** Whether the two Eids are public holidays (first day, from ISLAMIC_HOLIDAYS). */
  islamicHolidays: boolean;
  /** US-style floating holidays (Memorial Day, Labor Day, Thanksgiving). */
  usFloatingHolidays: boolean;
}

const p = (label: ShiftPattern['label'], hh: number, mm = 0): ShiftPattern => ({
  label,
  startMinute: hh * 60 + mm,
});

/** 24/7 sites: one night position in twelve. */
const PATTERNS_24_7: readonly ShiftPattern[] = [
  p('day', 7),
  p('evening', 15),
  p('night', 22),
  p('day', 8),
  p('mid', 11),
  p('day', 7, 30),
  p('evening', 14),
  p('day', 9),
  p('mid', 10),
  p('day', 8, 30),
  p('evening', 15, 30),
  p('day', 8),
];
/** Day-and-evening sites, open roughly 07:00 to midnight. */
const PATTERNS_EXTENDED: readonly ShiftPattern[] = [
  p('day', 7),
  p('evening', 15),
  p('day', 8),
  p('mid', 11),
  p('day', 9),
  p('evening', 14, 30),
  p('day', 7, 30),
  p('mid', 12),
  p('evening', 15),
  p('day', 8, 30),
  p('day', 9),
  p('mid', 10),
];

export const SITES: readonly SiteDef[] = [
  {
    code: 'CHI',
    name: 'Floorwise Chicago, IL',
    city: 'Chicago',
    zone: 'America/Chicago',
    culture: 'us',
    client: 'Northwind Telecom',
    kindOrder: ['inbound_support', 'retention', 'outbound_sales', 'tech_support'],
    patterns: PATTERNS_24_7,
    fixedHolidays: [
      [1, 1],
      [7, 4],
      [12, 25],
    ],
    islamicHolidays: false,
    usFloatingHolidays: true,
  },
  {
    code: 'IST',
    name: 'Floorwise İstanbul',
    city: 'İstanbul',
    zone: 'Europe/Istanbul',
    culture: 'tr',
    client: 'Boğaziçi Bank',
    kindOrder: ['tech_support', 'inbound_support', 'retention', 'outbound_sales'],
    patterns: PATTERNS_EXTENDED,
    fixedHolidays: [
      [1, 1],
      [4, 23],
      [5, 1],
      [5, 19],
      [7, 15],
      [8, 30],
      [10, 29],
    ],
    islamicHolidays: true,
    usFloatingHolidays: false,
  },
  {
    code: 'CAI',
    name: 'Floorwise Cairo',
    city: 'Cairo',
    zone: 'Africa/Cairo',
    culture: 'eg',
    client: 'Nile Mobile',
    kindOrder: ['inbound_support', 'outbound_sales', 'tech_support', 'retention'],
    patterns: PATTERNS_EXTENDED,
    fixedHolidays: [
      [1, 7],
      [1, 25],
      [4, 25],
      [5, 1],
      [6, 30],
      [7, 23],
      [10, 6],
    ],
    islamicHolidays: true,
    usFloatingHolidays: false,
  },
  {
    code: 'DAC',
    name: 'Floorwise Dhaka',
    city: 'Dhaka',
    zone: 'Asia/Dhaka',
    culture: 'bd',
    client: 'Padma Power & Gas',
    kindOrder: ['retention', 'tech_support', 'inbound_support', 'outbound_sales'],
    patterns: PATTERNS_24_7,
    fixedHolidays: [
      [2, 21],
      [3, 26],
      [4, 14],
      [5, 1],
      [12, 16],
    ],
    islamicHolidays: true,
    usFloatingHolidays: false,
  },
];

/** First days of Eid al-Fitr and Eid al-Adha (as observed in Türkiye and Egypt). */
const ISLAMIC_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2023: ['2023-04-21', '2023-06-28'],
  2024: ['2024-04-10', '2024-06-16'],
  2025: ['2025-03-30', '2025-06-06'],
  2026: ['2026-03-20', '2026-05-27'],
  2027: ['2027-03-10', '2027-05-16'],
  2028: ['2028-02-27', '2028-05-05'],
};

function nthWeekday(year: number, month: number, isoDay: number, n: number): number {
  const first = daysFromCivil(year, month, 1);
  const offset = (isoDay - isoWeekday(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, isoDay: number): number {
  const last = daysFromCivil(year, month + 1, 1) - 1;
  return last - ((isoWeekday(last) - isoDay + 7) % 7);
}

/** The site's public holidays (day numbers) between two days, inclusive. */
export function siteHolidays(site: SiteDef, fromDay: number, toDay: number): number[] {
  const days = new Set<number>();
  const fromYear = Number(formatDay(fromDay).slice(0, 4));
  const toYear = Number(formatDay(toDay).slice(0, 4));
  for (let year = fromYear; year <= toYear; year++) {
    for (const [month, day] of site.fixedHolidays) days.add(daysFromCivil(year, month, day));
    if (site.usFloatingHolidays) {
      days.add(lastWeekday(year, 5, 1));
      days.add(nthWeekday(year, 9, 1, 1));
      days.add(nthWeekday(year, 11, 4, 4));
    }
    if (site.islamicHolidays) {
      for (const iso of ISLAMIC_HOLIDAYS[year] ?? []) {
        const [y, m, d] = iso.split('-').map(Number);
        days.add(daysFromCivil(y, m, d));
      }
    }
  }
  return [...days].filter((d) => d >= fromDay && d <= toDay).sort((a, b) => a - b);
}

export interface KindProfile {
  label: string;
  abbreviation: string;
  direction: 'inbound' | 'outbound';
  /** Mean handle seconds (talk + hold + wrap) of a fully ramped, average agent. */
  ahtSeconds: number;
  channels: readonly Channel[];
  channelWeights: readonly number[];
}

export const KIND_PROFILES: Readonly<Record<CampaignKind, KindProfile>> = {
  inbound_support: {
    label: 'Customer Support',
    abbreviation: 'SUP',
    direction: 'inbound',
    ahtSeconds: 450,
    channels: ['phone', 'chat', 'email'],
    channelWeights: [0.86, 0.11, 0.03],
  },
  tech_support: {
    label: 'Tech Support',
    abbreviation: 'TEC',
    direction: 'inbound',
    ahtSeconds: 500,
    channels: ['phone', 'chat', 'email'],
    channelWeights: [0.8, 0.14, 0.06],
  },
  retention: {
    label: '"Save Desk" Retention',
    abbreviation: 'RET',
    direction: 'inbound',
    ahtSeconds: 480,
    channels: ['phone', 'chat'],
    channelWeights: [0.94, 0.06],
  },
  outbound_sales: {
    label: 'Outbound Sales',
    abbreviation: 'SAL',
    direction: 'outbound',
    ahtSeconds: 420,
    channels: ['phone'],
    channelWeights: [1],
  },
};

export interface CampaignDef {
  code: string;
  name: string;
  kind: CampaignKind;
  client: string;
  site: SiteDef;
}

export interface TeamDef {
  index: number;
  code: string;
  name: string;
  site: SiteDef;
  campaign: CampaignDef;
  managerEmail: string;
  band: StaffingBand;
  /** Target headcount ÷ the headcount the team's call volume needs. */
  staffingRatio: number;
  targetHeadcount: number;
}

export interface Org {
  sites: readonly SiteDef[];
  teams: TeamDef[];
  campaigns: CampaignDef[];
}

/** About 12–13 agents per team, spread over the four sites; team 1 of Chicago is understaffed. */
export function buildOrg(agentCount: number, rng: Rng): Org {
  const teamCount = Math.max(2, Math.round(agentCount / 12.5));
  const bands: StaffingBand[] = [];
  const understaffed = Math.max(1, Math.round(teamCount / 3));
  const stretched = teamCount >= 4 ? Math.round(teamCount / 6) : 0;
  for (let i = 1; i < understaffed; i++) bands.push('understaffed');
  for (let i = 0; i < stretched; i++) bands.push('stretched');
  while (bands.length < teamCount - 1) bands.push('well_staffed');
  rng.shuffle(bands);
  bands.unshift('understaffed');

  const campaigns = new Map<string, CampaignDef>();
  const teams: TeamDef[] = [];
  const base = Math.floor(agentCount / teamCount);
  for (let index = 0; index < teamCount; index++) {
    const site = SITES[index % SITES.length];
    const ordinal = Math.floor(index / SITES.length);
    const kind = site.kindOrder[ordinal % site.kindOrder.length];
    const profile = KIND_PROFILES[kind];
    const campaignCode = `${site.code}-${profile.abbreviation}`;
    let campaign = campaigns.get(campaignCode);
    if (!campaign) {
      campaign = {
        code: campaignCode,
        name: `${site.client} – ${profile.label}`,
        kind,
        client: site.client,
        site,
      };
      campaigns.set(campaignCode, campaign);
    }
    const code = `${site.code}-${String(ordinal + 1).padStart(2, '0')}`;
    const band = bands[index];
    const staffingRatio =
      band === 'understaffed'
        ? round2(rng.between(0.75, 0.85))
        : band === 'stretched'
          ? round2(rng.between(0.9, 0.96))
          : round2(rng.between(1.0, 1.1));
    teams.push({
      index,
      code,
      name: `${site.city} ${profile.label} ${ordinal + 1}`,
      site,
      campaign,
      managerEmail:
        index === 0 ? 'manager@floorwise.local' : `manager.${code.toLowerCase()}@floorwise.local`,
      band,
      staffingRatio,
      targetHeadcount: base + (index < agentCount % teamCount ? 1 : 0),
    });
  }
  return { sites: SITES, teams, campaigns: [...campaigns.values()] };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
