import type { ImportKind, Role } from '@floorwise/contracts';

/** One column of an import file, as interfaces.md defines it. */
export interface ImportColumn {
  name: string;
  optional: boolean;
  note?: string;
}

export interface ImportFormat {
  kind: ImportKind;
  label: string;
  /** What importing the file does to existing rows. */
  onRepeat: string;
  columns: readonly ImportColumn[];
}

const req = (name: string, note?: string): ImportColumn => ({ name, optional: false, note });
const opt = (name: string, note?: string): ImportColumn => ({ name, optional: true, note });

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  {
    kind: 'sites',
    label: 'Sites',
    onRepeat: 'A site code that exists already is updated.',
    columns: [
      req('site_code'),
      req('name'),
      req('time_zone', 'IANA, e.g. America/Chicago'),
      opt('holidays', '“;”-separated YYYY-MM-DD'),
    ],
  },
  {
    kind: 'teams',
    label: 'Teams',
    onRepeat: 'A team code that exists already is updated.',
    columns: [req('team_code'), req('name'), req('site_code'), opt('manager_email')],
  },
  {
    kind: 'campaigns',
    label: 'Campaigns',
    onRepeat: 'A campaign code that exists already is updated.',
    columns: [
      req('campaign_code'),
      req('name'),
      req('kind', 'inbound_support, outbound_sales, retention, tech_support, collections'),
      opt('client'),
      opt('site_code', 'the site whose clock counts the campaign’s unanswered calls'),
    ],
  },
  {
    kind: 'agents',
    label: 'Agents',
    onRepeat: 'An employee code that exists already is updated.',
    columns: [
      req('employee_code'),
      req('full_name'),
      req('email'),
      req('team_code'),
      req('title'),
      req('work_mode', 'onsite, remote, hybrid'),
      req('hire_date', 'YYYY-MM-DD'),
      opt('termination_date', 'YYYY-MM-DD, last day employed'),
      opt('termination_type', 'voluntary, involuntary'),
      opt('termination_reason'),
      req('hourly_rate', 'dollars, e.g. 15.81'),
      opt('contract_hours', 'per week, default 40'),
    ],
  },
  {
    kind: 'shifts',
    label: 'Shifts',
    onRepeat: 'A shift id that exists already is updated.',
    columns: [
      req('shift_id'),
      req('employee_code'),
      req('start', 'ISO 8601 with offset'),
      req('end', 'ISO 8601 with offset'),
      opt('kind', 'regular, overtime, training; default regular'),
      opt('break_minutes', 'default 0'),
      opt(
        'status',
        'scheduled, worked, absent_unplanned, absent_excused, sent_home; default scheduled',
      ),
      opt('actual_start'),
      opt('actual_end'),
      opt('send_home_reason', 'goal_met, outage, low_volume'),
    ],
  },
  {
    kind: 'calls',
    label: 'Calls',
    onRepeat:
      'A call id that exists already is skipped and counted as a duplicate — never a second copy.',
    columns: [
      req('call_id'),
      opt('employee_code', 'empty for abandoned calls'),
      req('campaign_code'),
      req('channel', 'phone, chat, email'),
      req('direction', 'inbound, outbound'),
      req('started_at', 'ISO 8601 with offset'),
      req('queue_seconds'),
      req('talk_seconds'),
      req('hold_seconds'),
      req('wrap_seconds'),
      req('outcome', 'resolved, unresolved, sale, save, escalated, transferred, abandoned'),
      opt('sale_amount', 'dollars'),
      opt('hostile', 'true / false'),
      opt('qa_score', '0–100'),
      opt('csat', '1–5'),
      opt('customer_ref', 'stored only as a keyed hash and its last 4 digits'),
    ],
  },
];

/** Which kinds a role may import: admin all, manager shifts and calls (interfaces.md). */
export function importKindsFor(role: Role): ImportKind[] {
  if (role === 'admin') {
    return IMPORT_FORMATS.map((f) => f.kind);
  }
  if (role === 'manager') {
    return ['shifts', 'calls'];
  }
  return [];
}

export type ImportContentType = 'text/csv' | 'application/x-ndjson';

/** The body type to send, from the file name; null for a file that is neither CSV nor NDJSON. */
export function contentTypeFor(fileName: string): ImportContentType | null {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) {
    return 'text/csv';
  }
  if (name.endsWith('.ndjson') || name.endsWith('.jsonl')) {
    return 'application/x-ndjson';
  }
  return null;
}

/** A file size people can read: 1.2 MB. */
export function formatBytes(bytes: number, locale?: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
