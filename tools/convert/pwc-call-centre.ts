import { DateTime } from 'luxon';

/**
 * Converts PwC's "Call Centre Trends" teaching file (columns `Call Id, Agent, Date, Time, Topic,
 * Answered (Y/N), Resolved, Speed of answer in seconds, AvgTalkDuration, Satisfaction rating`)
 * into Floorwise's import files (interfaces.md), so a file nobody here made can be tried on the
 * product. What the file does not say is an explicit, documented assumption (docs/imports.md,
 * "Trying a third-party file"), never a silent guess.
 */
export const PWC_COLUMNS = [
  'Call Id',
  'Agent',
  'Date',
  'Time',
  'Topic',
  'Answered (Y/N)',
  'Resolved',
  'Speed of answer in seconds',
  'AvgTalkDuration',
  'Satisfaction rating',
] as const;

export interface PwcOptions {
  /** IANA zone the file's local dates and times are in (the file does not say). */
  timeZone: string;
  /** Seconds an unanswered caller is assumed to have waited (the file leaves it blank). */
  abandonWaitSeconds: number;
  /** Hourly rate of the agents, dollars (the file has no pay). */
  hourlyRate: string;
}

export const DEFAULT_PWC_OPTIONS: PwcOptions = {
  timeZone: 'UTC',
  abandonWaitSeconds: 0,
  hourlyRate: '15.81',
};

export type Table = { header: string[]; rows: string[][] };

export interface PwcImportFiles {
  sites: Table;
  teams: Table;
  campaigns: Table;
  agents: Table;
  calls: Table;
}

/** A row of the source file that cannot be converted: its line (1 = header) and why. */
export class PwcRowError extends Error {
  constructor(
    readonly line: number,
    readonly column: string,
    reason: string,
  ) {
    super(`line ${line}, ${column}: ${reason}`);
  }
}

const SITE = 'PWC';
const TEAM = 'PWC-T1';

/** `Technical Support` → `PWC-TECHNICAL-SUPPORT`. */
export function campaignCodeOf(topic: string): string {
  return `PWC-${topic
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

export function employeeCodeOf(agent: string): string {
  return `PWC-${agent
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')}`;
}

/** `0:02:23` → 143. */
export function durationSeconds(text: string): number {
  const m = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(text.trim());
  if (!m) {
    throw new Error(`"${text}" is not a duration H:MM:SS`);
  }
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

function yesNo(text: string, column: string, line: number): boolean {
  const v = text.trim().toUpperCase();
  if (v === 'Y') return true;
  if (v === 'N') return false;
  throw new PwcRowError(line, column, `"${text}" is not Y or N`);
}

function wholeNumber(text: string, column: string, line: number, lo: number, hi: number): number {
  const v = text.trim();
  if (!/^\d+$/.test(v) || Number(v) < lo || Number(v) > hi) {
    throw new PwcRowError(line, column, `"${text}" is not a whole number from ${lo} to ${hi}`);
  }
  return Number(v);
}

/**
 * Converts the records of the file (objects keyed by its header, in file order; record `i` is on
 * line `i + 2`). Throws a {@link PwcRowError} on the first record it cannot convert.
 */
export function convertPwc(
  records: readonly Record<string, string>[],
  options: PwcOptions = DEFAULT_PWC_OPTIONS,
): PwcImportFiles {
  if (!DateTime.now().setZone(options.timeZone).isValid) {
    throw new Error(`time zone "${options.timeZone}" is not an IANA zone`);
  }
  const topics = new Map<string, string>();
  const agents = new Map<string, { name: string; firstDate: string }>();
  const calls: string[][] = [];
  records.forEach((r, i) => {
    const line = i + 2;
    const cell = (c: (typeof PWC_COLUMNS)[number]) => {
      const v = r[c];
      if (v === undefined) throw new PwcRowError(line, c, 'column is missing');
      return v;
    };
    const start = DateTime.fromFormat(`${cell('Date')} ${cell('Time')}`, 'yyyy-MM-dd H:mm:ss', {
      zone: options.timeZone,
    });
    if (!start.isValid) {
      throw new PwcRowError(line, 'Date/Time', `"${cell('Date')} ${cell('Time')}" is not a time`);
    }
    const topic = cell('Topic').trim();
    if (topic === '') throw new PwcRowError(line, 'Topic', 'is empty');
    topics.set(campaignCodeOf(topic), topic);
    const answered = yesNo(cell('Answered (Y/N)'), 'Answered (Y/N)', line);
    const agentName = cell('Agent').trim();
    const date = start.toISODate() as string;
    if (answered) {
      if (agentName === '') throw new PwcRowError(line, 'Agent', 'an answered call needs one');
      const known = agents.get(agentName);
      if (!known || date < known.firstDate)
        agents.set(agentName, { name: agentName, firstDate: date });
    }
    let talk = 0;
    let queue = options.abandonWaitSeconds;
    let outcome = 'abandoned';
    let csat = '';
    if (answered) {
      queue = wholeNumber(
        cell('Speed of answer in seconds'),
        'Speed of answer in seconds',
        line,
        0,
        86_400,
      );
      try {
        talk = durationSeconds(cell('AvgTalkDuration'));
      } catch (e) {
        throw new PwcRowError(line, 'AvgTalkDuration', (e as Error).message);
      }
      outcome = yesNo(cell('Resolved'), 'Resolved', line) ? 'resolved' : 'unresolved';
      const rating = cell('Satisfaction rating').trim();
      csat = rating === '' ? '' : String(wholeNumber(rating, 'Satisfaction rating', line, 1, 5));
    }
    calls.push([
      `PWC-${cell('Call Id').trim()}`,
      answered ? employeeCodeOf(agentName) : '',
      campaignCodeOf(topic),
      'phone',
      'inbound',
      start.toISO({ suppressMilliseconds: true }) as string,
      String(queue),
      String(talk),
      '0',
      '0',
      outcome,
      csat,
    ]);
  });
  const kindOf = (topic: string) => (/technical/i.test(topic) ? 'tech_support' : 'inbound_support');
  return {
    sites: {
      header: ['site_code', 'name', 'time_zone'],
      rows: [[SITE, 'PwC Call Centre Trends (teaching data)', options.timeZone]],
    },
    teams: { header: ['team_code', 'name', 'site_code'], rows: [[TEAM, 'PwC agents', SITE]] },
    campaigns: {
      header: ['campaign_code', 'name', 'kind', 'site_code'],
      rows: [...topics].sort().map(([code, topic]) => [code, topic, kindOf(topic), SITE]),
    },
    agents: {
      header: [
        'employee_code',
        'full_name',
        'email',
        'team_code',
        'title',
        'work_mode',
        'hire_date',
        'hourly_rate',
      ],
      rows: [...agents.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((a) => [
          employeeCodeOf(a.name),
          a.name,
          `${employeeCodeOf(a.name).toLowerCase()}@pwc.example`,
          TEAM,
          'Agent',
          'onsite',
          a.firstDate,
          options.hourlyRate,
        ]),
    },
    calls: {
      header: [
        'call_id',
        'employee_code',
        'campaign_code',
        'channel',
        'direction',
        'started_at',
        'queue_seconds',
        'talk_seconds',
        'hold_seconds',
        'wrap_seconds',
        'outcome',
        'csat',
      ],
      rows: calls,
    },
  };
}
