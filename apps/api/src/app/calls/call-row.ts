import { hash } from 'node:crypto';
import type { RowProblems } from '../imports/import-problems';
import { MAX_OFFSET_HOURS } from './iso-instant';

/** What the calls file and `POST /api/calls` carry (interfaces.md), parsed and resolved. */
export interface CallRow {
  line: number;
  callId: string;
  agentId: number | null;
  teamId: number | null;
  campaignId: number;
  /** The IANA zone whose clock dates the call: the agent's site, else the campaign's, else UTC. */
  tz: string;
  channel: string;
  direction: string;
  /** ISO 8601 with offset, as given (validated). */
  startedAt: string;
  queueSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
  outcome: string;
  saleAmountCents: number | null;
  hostile: boolean;
  qaScore: number | null;
  csat: number | null;
  /** Hex of the keyed hash of customer_ref (see `customerHash`); the reference is never kept. */
  customerHash: string | null;
  customerLast4: string | null;
}

export const CALL_COLUMNS = [
  { name: 'call_id', required: true },
  { name: 'employee_code', required: false },
  { name: 'campaign_code', required: true },
  { name: 'channel', required: true },
  { name: 'direction', required: true },
  { name: 'started_at', required: true },
  { name: 'queue_seconds', required: true },
  { name: 'talk_seconds', required: true },
  { name: 'hold_seconds', required: true },
  { name: 'wrap_seconds', required: true },
  { name: 'outcome', required: true },
  { name: 'sale_amount', required: false },
  { name: 'hostile', required: false },
  { name: 'qa_score', required: false },
  { name: 'csat', required: false },
  { name: 'customer_ref', required: false },
] as const;

const CHANNELS = new Set(['phone', 'chat', 'email']);
const DIRECTIONS = new Set(['inbound', 'outbound']);
const OUTCOMES = new Set([
  'resolved',
  'unresolved',
  'sale',
  'save',
  'escalated',
  'transferred',
  'abandoned',
]);
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;
const UINT = /^\d{1,9}$/;
const MONEY = /^(\d{1,9})(?:\.(\d{1,2}))?$/;
const CALL_ID = /^[^\t\n\r\\]{1,100}$/;
/** A day longer than this is not a call duration (and would overflow nothing, but is a typo). */
const MAX_SECONDS = 86_400;
/** The most a sale can be, in cents: what the integer column `sale_amount_cents` holds. */
const MAX_CENTS = 2_147_483_647;

/** Lookups a calls file is checked against, loaded once per import. */
export interface CallLookups {
  agents: Map<string, { id: number; teamId: number; tz: string }>;
  campaigns: Map<string, { id: number; tz: string }>;
  customerRefKey: string;
}

/**
 * The keyed hash of a customer reference: SHA3-256(key ‖ 0x00 ‖ ref). SHA-3 has no
 * length-extension weakness, so key-prefixing makes it a sound keyed hash (the construction KMAC
 * builds on), at half the cost of an HMAC object per row — which mattered at a million rows.
 */
export function customerRefHash(key: string, ref: string): string {
  return hash('sha3-256', `${key}\u0000${ref}`, 'hex');
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Validates an ISO instant with an offset quickly (no library call per row). */
export function checkInstant(v: string): string | null {
  const m = ISO.exec(v);
  if (!m) {
    return `"${v}" is not an ISO 8601 date-time with an offset (e.g. 2026-03-02T09:15:00-06:00)`;
  }
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    return `"${v}" is a date-time that does not exist`;
  }
  const zone = m[7];
  if (zone !== 'Z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetMinutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
    if (offsetHours > MAX_OFFSET_HOURS || offsetMinutes > 59) {
      return `"${v}" has a UTC offset outside ±${MAX_OFFSET_HOURS}:59`;
    }
  }
  return null;
}

function seconds(values: Record<string, string>, name: string, p: RowProblems): number {
  const v = (values[name] ?? '').trim();
  if (v === '') {
    p.add(name, `${name} is required`);
    return 0;
  }
  if (!UINT.test(v)) {
    p.add(
      name,
      v.startsWith('-')
        ? `${name} ${v} is negative`
        : `${name} "${v}" is not a whole number of seconds`,
    );
    return 0;
  }
  const n = Number(v);
  if (n > MAX_SECONDS) {
    p.add(name, `${name} ${n} is longer than a day`);
  }
  return n;
}

function optionalInt(
  values: Record<string, string>,
  name: string,
  lo: number,
  hi: number,
  p: RowProblems,
): number | null {
  const v = (values[name] ?? '').trim();
  if (v === '') {
    return null;
  }
  if (!/^-?\d+$/.test(v)) {
    p.add(name, `${name} "${v}" is not a whole number`);
    return null;
  }
  const n = Number(v);
  if (n < lo || n > hi) {
    p.add(name, `${name} ${n} is outside ${lo}–${hi}`);
    return null;
  }
  return n;
}

/** Parses and resolves one call; records each problem under its field and returns null then. */
export function parseCall(
  values: Record<string, string>,
  p: RowProblems,
  lk: CallLookups,
): CallRow | null {
  const callId = (values['call_id'] ?? '').trim();
  if (callId === '') {
    p.add('call_id', 'call_id is required');
  } else if (!CALL_ID.test(callId)) {
    p.add('call_id', 'call_id must be 1–100 characters without tabs, line breaks or backslashes');
  }
  const employeeCode = (values['employee_code'] ?? '').trim();
  const agent = employeeCode === '' ? null : lk.agents.get(employeeCode);
  if (employeeCode !== '' && !agent) {
    p.add('employee_code', `employee_code "${employeeCode}" is not a known agent`);
  }
  const campaignCode = (values['campaign_code'] ?? '').trim();
  const campaign = lk.campaigns.get(campaignCode);
  if (campaignCode === '') {
    p.add('campaign_code', 'campaign_code is required');
  } else if (!campaign) {
    p.add('campaign_code', `campaign_code "${campaignCode}" is not a known campaign`);
  }
  const channel = (values['channel'] ?? '').trim();
  if (!CHANNELS.has(channel)) {
    p.add('channel', `channel "${channel}" is not one of phone, chat, email`);
  }
  const direction = (values['direction'] ?? '').trim();
  if (!DIRECTIONS.has(direction)) {
    p.add('direction', `direction "${direction}" is not one of inbound, outbound`);
  }
  const startedAt = (values['started_at'] ?? '').trim();
  const instantProblem = startedAt === '' ? 'started_at is required' : checkInstant(startedAt);
  if (instantProblem) {
    p.add(
      'started_at',
      instantProblem.startsWith('"') ? `started_at ${instantProblem}` : instantProblem,
    );
  }
  const queueSeconds = seconds(values, 'queue_seconds', p);
  const talkSeconds = seconds(values, 'talk_seconds', p);
  const holdSeconds = seconds(values, 'hold_seconds', p);
  const wrapSeconds = seconds(values, 'wrap_seconds', p);
  const outcome = (values['outcome'] ?? '').trim();
  if (!OUTCOMES.has(outcome)) {
    p.add('outcome', `outcome "${outcome}" is not one of ${[...OUTCOMES].join(', ')}`);
  }
  // No cross-check of agent and outcome: metrics.md §1 decides from both (answered = an agent and
  // outcome ≠ abandoned), so an abandoned call that names the agent it was routed to is kept as is.
  let saleAmountCents: number | null = null;
  const sale = (values['sale_amount'] ?? '').trim();
  if (sale !== '') {
    const m = MONEY.exec(sale);
    if (!m) {
      p.add(
        'sale_amount',
        sale.startsWith('-')
          ? `sale_amount ${sale} is negative`
          : `sale_amount "${sale}" is not an amount in dollars with at most 2 decimals`,
      );
    } else {
      saleAmountCents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
      if (saleAmountCents > MAX_CENTS) {
        p.add('sale_amount', `sale_amount ${sale} is larger than ${MAX_CENTS / 100} dollars`);
        saleAmountCents = null;
      }
    }
  }
  let hostile = false;
  const h = (values['hostile'] ?? '').trim().toLowerCase();
  if (h === 'true') {
    hostile = true;
  } else if (h !== '' && h !== 'false') {
    p.add('hostile', `hostile "${values['hostile']}" is not true or false`);
  }
  const qaScore = optionalInt(values, 'qa_score', 0, 100, p);
  const csat = optionalInt(values, 'csat', 1, 5, p);
  let customerHash: string | null = null;
  let customerLast4: string | null = null;
  const ref = (values['customer_ref'] ?? '').trim();
  if (ref !== '') {
    // Keyed hash for repeat-caller analysis; only the last four digits are kept in the clear.
    customerHash = customerRefHash(lk.customerRefKey, ref);
    const digits = ref.replace(/\D/g, '');
    customerLast4 = digits.length > 0 ? digits.slice(-4) : null;
  }
  if (p.any || !campaign) {
    return null;
  }
  return {
    line: p.line,
    callId,
    agentId: agent?.id ?? null,
    teamId: agent?.teamId ?? null,
    campaignId: campaign.id,
    tz: agent?.tz ?? campaign.tz,
    channel,
    direction,
    startedAt,
    queueSeconds,
    talkSeconds,
    holdSeconds,
    wrapSeconds,
    outcome,
    saleAmountCents,
    hostile,
    qaScore,
    csat,
    customerHash,
    customerLast4,
  };
}

const N = '\\N';

/** One line of PostgreSQL COPY text format, in STAGE_COLUMNS order. No field needs escaping:
 * codes, numbers and zone names are validated, and the call id excludes tabs, newlines and `\`. */
export function copyLine(r: CallRow): string {
  return `${r.line}\t${r.callId}\t${r.agentId ?? N}\t${r.teamId ?? N}\t${r.campaignId}\t${r.tz}\t${r.channel}\t${r.direction}\t${r.startedAt}\t${r.queueSeconds}\t${r.talkSeconds}\t${r.holdSeconds}\t${r.wrapSeconds}\t${r.outcome}\t${r.saleAmountCents ?? N}\t${r.hostile ? 't' : 'f'}\t${r.qaScore ?? N}\t${r.csat ?? N}\t${r.customerHash === null ? N : `\\\\x${r.customerHash}`}\t${r.customerLast4 ?? N}\n`;
}
