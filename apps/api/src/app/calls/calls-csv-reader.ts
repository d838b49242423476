import { ZoneClock } from '@floorwise/analytics';
import { CsvScanner, ScannedRecord, ScanProblem } from '../imports/csv-scanner';
import { ImportProblems, RowProblems } from '../imports/import-problems';
import { checkHeader } from '../imports/record-reader';
import { CallChunk, CHANNELS, ChunkCall, DIRECTIONS, OUTCOMES } from './call-chunk';
import { CALL_COLUMNS, CallLookups, CallRow, customerRefHash, parseCall } from './call-row';
import { ParsedInstant, parseIsoInstant, parseIsoInstantBytes } from './iso-instant';

const LF = 10;
const CR = 13;
const COMMA = 44;
const QUOTE = 34;
const MAX_SECONDS = 86_400;

const CHANNEL_INDEX = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));
const DIRECTION_INDEX = new Map<string, number>(DIRECTIONS.map((c, i) => [c, i]));
const OUTCOME_INDEX = new Map<string, number>(OUTCOMES.map((c, i) => [c, i]));

/**
 * Strings looked up by their bytes, without making a string: an FNV-1a hash of the bytes picks
 * the candidates, whose bytes are then compared. For codes and enum values (ASCII).
 */
export class ByteTable<T> {
  private readonly byHash = new Map<number, { bytes: Buffer; value: T }[]>();
  private readonly small: { bytes: Buffer; value: T }[] = [];
  /** The entry found last: files repeat a code over many consecutive lines. */
  private last: { bytes: Buffer; value: T } | null = null;

  constructor(entries: Iterable<[string, T]>) {
    for (const [key, value] of entries) {
      const bytes = Buffer.from(key, 'utf8');
      const h = ByteTable.hash(bytes, 0, bytes.length);
      const list = this.byHash.get(h) ?? [];
      list.push({ bytes, value });
      this.byHash.set(h, list);
      this.small.push({ bytes, value });
    }
  }

  static hash(b: Uint8Array, from: number, to: number): number {
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) {
      h = Math.imul(h ^ b[k], 0x01000193);
    }
    return h >>> 0;
  }

  private static same(x: Buffer, b: Uint8Array, from: number, to: number): boolean {
    if (x.length !== to - from) {
      return false;
    }
    for (let k = 0; k < x.length; k++) {
      if (x[k] !== b[from + k]) {
        return false;
      }
    }
    return true;
  }

  get(b: Uint8Array, from: number, to: number): T | undefined {
    const last = this.last;
    if (last !== null && ByteTable.same(last.bytes, b, from, to)) {
      return last.value;
    }
    const list = this.small.length <= 8 ? this.small : this.byHash.get(ByteTable.hash(b, from, to));
    if (list === undefined) {
      return undefined;
    }
    for (const e of list) {
      if (ByteTable.same(e.bytes, b, from, to)) {
        this.last = e;
        return e.value;
      }
    }
    return undefined;
  }
}

const CHANNEL_BYTES = new ByteTable(CHANNEL_INDEX);
const DIRECTION_BYTES = new ByteTable(DIRECTION_INDEX);
const OUTCOME_BYTES = new ByteTable(OUTCOME_INDEX);
const HOSTILE_BYTES = new ByteTable<boolean>([
  ['true', true],
  ['false', false],
]);

type Column = (typeof CALL_COLUMNS)[number]['name'];

/** Why `CallsCsvReader.next` returned. */
export type ReadState = 'full' | 'drained' | 'paused';

/** What the fast path resolves a code to: ids and the clock that dates the call. */
export interface CallCodes {
  agents: ByteTable<{ id: number; teamId: number; clock: ZoneClock }>;
  campaigns: ByteTable<{ id: number; clock: ZoneClock }>;
}

export function callCodesOf(lookups: CallLookups): CallCodes {
  return {
    agents: new ByteTable(
      [...lookups.agents].map(([code, a]) => [
        code,
        { id: a.id, teamId: a.teamId, clock: ZoneClock.of(a.tz) },
      ]),
    ),
    campaigns: new ByteTable(
      [...lookups.campaigns].map(([code, c]) => [code, { id: c.id, clock: ZoneClock.of(c.tz) }]),
    ),
  };
}

/**
 * A checked call as the chunk takes it. Used for every call that does not take the fast path
 * (NDJSON, `POST /api/calls`-shaped values, CSV lines with quotes or non-ASCII text).
 */
export function chunkCallOf(row: CallRow): ChunkCall {
  const instant: ParsedInstant = { pgMicros: 0, ms: 0 };
  if (!parseIsoInstant(row.startedAt, instant)) {
    throw new Error(`started_at ${row.startedAt} passed checkInstant but not parseIsoInstant`);
  }
  return {
    line: row.line,
    callId: row.callId,
    agentId: row.agentId ?? 0,
    teamId: row.teamId ?? 0,
    campaignId: row.campaignId,
    clock: ZoneClock.of(row.tz),
    channel: CHANNEL_INDEX.get(row.channel) ?? 0,
    direction: DIRECTION_INDEX.get(row.direction) ?? 0,
    pgMicros: instant.pgMicros,
    ms: instant.ms,
    queueSeconds: row.queueSeconds,
    talkSeconds: row.talkSeconds,
    holdSeconds: row.holdSeconds,
    wrapSeconds: row.wrapSeconds,
    outcome: OUTCOME_INDEX.get(row.outcome) ?? 0,
    saleAmountCents: row.saleAmountCents ?? -1,
    hostile: row.hostile,
    qaScore: row.qaScore ?? -1,
    csat: row.csat ?? -1,
    customerHash: row.customerHash,
    customerLast4: row.customerLast4,
  };
}

/**
 * The calls CSV read straight from the request's bytes: records are split at newlines with
 * `indexOf` and at commas in one pass, and every field is checked on its bytes — no string per
 * field, no object per record. A line that is not plain (a quote, non-ASCII text, a field with
 * surrounding spaces, anything the fast checks do not accept) goes the general way instead: the
 * RFC 4180 scanner, a values record and `parseCall`, which also words every problem. So the fast
 * path only ever accepts what `parseCall` accepts, with the same result (a property test checks
 * it), and problems read exactly as for any other import.
 */
export class CallsCsvReader {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Physical line of the next line to read (1 = the header). */
  private lineNo = 1;
  private first = true;
  private header: string[] | null = null;
  private usable = true;
  private cols = new Int32Array(CALL_COLUMNS.length).fill(-1);
  private readonly starts = new Int32Array(64);
  private readonly ends = new Int32Array(64);
  private readonly instant: ParsedInstant = { pgMicros: 0, ms: 0 };
  private readonly call: ChunkCall;
  rowsRead = 0;

  constructor(
    private readonly lookups: CallLookups,
    private readonly codes: CallCodes,
    private readonly problems: ImportProblems,
  ) {
    const anyClock = ZoneClock.of('UTC');
    this.call = {
      line: 0,
      callId: '',
      agentId: 0,
      teamId: 0,
      campaignId: 0,
      clock: anyClock,
      channel: 0,
      direction: 0,
      pgMicros: 0,
      ms: 0,
      queueSeconds: 0,
      talkSeconds: 0,
      holdSeconds: 0,
      wrapSeconds: 0,
      outcome: 0,
      saleAmountCents: -1,
      hostile: false,
      qaScore: -1,
      csat: -1,
      customerHash: null,
      customerLast4: null,
    };
  }

  /** Appends bytes of the body. */
  feed(bytes: Buffer): void {
    if (this.pos < this.buf.length) {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), bytes]);
    } else {
      this.buf = bytes;
    }
    this.pos = 0;
    if (this.first && this.buf.length >= 3) {
      this.first = false;
      if (this.buf[0] === 0xef && this.buf[1] === 0xbb && this.buf[2] === 0xbf) {
        this.pos = 3;
      }
    }
  }

  /**
   * Reads complete lines into `chunk` until it is `full`, the bytes fed so far are `drained`, or
   * `maxLines` lines were read (`paused`: the caller lets other work run, then calls again). With
   * `atEnd`, a last line without a newline is read too.
   */
  next(chunk: CallChunk, atEnd = false, maxLines = Number.POSITIVE_INFINITY): ReadState {
    const buf = this.buf;
    let quoteAt = buf.indexOf(QUOTE, this.pos);
    let lines = 0;
    while (this.pos < buf.length) {
      if (lines >= maxLines) {
        return 'paused';
      }
      lines += 1;
      let nl = buf.indexOf(LF, this.pos);
      if (nl === -1) {
        if (!atEnd) {
          return 'drained';
        }
        nl = buf.length;
      }
      if (quoteAt !== -1 && quoteAt < this.pos) {
        quoteAt = buf.indexOf(QUOTE, this.pos);
      }
      if (quoteAt !== -1 && quoteAt < nl) {
        if (!this.quotedRecord(chunk, atEnd)) {
          return 'drained';
        }
      } else {
        const end = nl > this.pos && buf[nl - 1] === CR ? nl - 1 : nl;
        this.plainLine(chunk, this.pos, end);
        this.pos = nl + 1;
        this.lineNo += 1;
      }
      if (chunk.full) {
        return 'full';
      }
    }
    return 'drained';
  }

  /** Ends the body: reports an empty file. */
  end(): void {
    if (this.header === null) {
      this.problems.add(1, '', 'the file is empty: a header row is required');
    }
  }

  /**
   * A record with quotes: it may run over several lines (a newline inside quotes), so it ends at
   * the first newline after an even number of quotes. Read by the RFC 4180 scanner.
   */
  private quotedRecord(chunk: CallChunk, atEnd: boolean): boolean {
    const buf = this.buf;
    let quotes = 0;
    let k = this.pos;
    let lines = 1;
    let end = -1;
    while (k < buf.length) {
      const c = buf[k];
      if (c === QUOTE) {
        quotes += 1;
      } else if (c === LF) {
        if (quotes % 2 === 0) {
          end = k;
          break;
        }
        lines += 1;
      }
      k += 1;
    }
    if (end === -1) {
      if (!atEnd) {
        return false;
      }
      end = buf.length;
    }
    const text = buf.toString('utf8', this.pos, end);
    const scanner = new CsvScanner();
    const out: ScannedRecord[] = [];
    const scanProblems: ScanProblem[] = [];
    scanner.push(`${text}\n`, out, scanProblems);
    scanner.end(out, scanProblems);
    const line = this.lineNo;
    for (const p of scanProblems) {
      this.problems.add(line + p.line - 1, '', `cannot be read as CSV: the record ${p.message}`);
    }
    for (const r of out) {
      this.record(chunk, line + r.line - 1, r.fields);
    }
    this.pos = end + 1;
    this.lineNo += lines;
    return true;
  }

  /** A record as strings: the header, or a data record that takes the general way. */
  private record(chunk: CallChunk, line: number, fields: string[]): void {
    if (this.header === null) {
      this.header = fields.map((h) => h.trim());
      this.usable = checkHeader(this.header, CALL_COLUMNS, this.problems);
      this.header.forEach((h, i) => {
        const c = CALL_COLUMNS.findIndex((col) => col.name === h);
        if (c >= 0 && this.cols[c] === -1) {
          this.cols[c] = i;
        }
      });
      return;
    }
    if (!this.usable) {
      return;
    }
    if (fields.length !== this.header.length) {
      this.problems.add(
        line,
        '',
        `has ${fields.length} fields; the header has ${this.header.length}`,
      );
      return;
    }
    this.rowsRead += 1;
    const values: Record<string, string> = {};
    for (let i = 0; i < this.header.length; i++) {
      values[this.header[i]] = fields[i];
    }
    const p = new RowProblems(this.problems, line);
    const row = parseCall(values, p, this.lookups);
    if (row && !p.any && this.problems.count === 0) {
      chunk.add(chunkCallOf(row));
    }
  }

  /** A line without quotes: split at commas; fast checks, else the general way. */
  private plainLine(chunk: CallChunk, from: number, to: number): void {
    if (from === to) {
      return; // an empty line is skipped, as the scanner skips it
    }
    const buf = this.buf;
    const starts = this.starts;
    const ends = this.ends;
    let f = 0;
    let high = 0;
    starts[0] = from;
    for (let k = from; k < to; k++) {
      const b = buf[k];
      high |= b;
      if (b === COMMA) {
        if (f < 63) {
          ends[f] = k;
          starts[f + 1] = k + 1;
        }
        f += 1;
      }
    }
    if (f < 64) {
      ends[f] = to;
    }
    const count = f + 1;
    if (this.header === null || !this.usable || high > 127 || count > 64) {
      this.record(chunk, this.lineNo, buf.toString('utf8', from, to).split(','));
      return;
    }
    if (count !== this.header.length) {
      this.problems.add(
        this.lineNo,
        '',
        `has ${count} fields; the header has ${this.header.length}`,
      );
      return;
    }
    if (!this.fast(chunk)) {
      this.record(chunk, this.lineNo, buf.toString('latin1', from, to).split(','));
    } else {
      this.rowsRead += 1;
    }
  }

  /** The field of a column: its byte range, or [0, 0) when the column is not in the file. */
  private s(c: number): number {
    const i = this.cols[c];
    return i < 0 ? 0 : this.starts[i];
  }
  private e(c: number): number {
    const i = this.cols[c];
    return i < 0 ? 0 : this.ends[i];
  }

  /** A whole number of 1–9 digits, or −1. */
  private digits(c: number): number {
    const buf = this.buf;
    const s = this.s(c);
    const e = this.e(c);
    if (e <= s || e - s > 9) {
      return -1;
    }
    let v = 0;
    for (let k = s; k < e; k++) {
      const d = buf[k] - 48;
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private str(c: number): string {
    return this.buf.toString('latin1', this.s(c), this.e(c));
  }

  /** Non-empty, and no space at either end (those are trimmed by the general way). */
  private tight(c: number): boolean {
    const s = this.s(c);
    const e = this.e(c);
    return e > s && this.buf[s] > 32 && this.buf[e - 1] > 32;
  }

  private empty(c: number): boolean {
    return this.e(c) === this.s(c);
  }

  /**
   * Checks the line's fields on their bytes and adds the call; false when any field needs the
   * general way (which then reports what is wrong, or accepts it).
   */
  private fast(chunk: CallChunk): boolean {
    if (this.problems.count > 0) {
      return false; // nothing more is written: let the general way list this line's problems
    }
    const buf = this.buf;
    const c = this.call;
    // 0 call_id
    if (!this.tight(0) || this.e(0) - this.s(0) > 100) {
      return false;
    }
    for (let k = this.s(0); k < this.e(0); k++) {
      const b = buf[k];
      if (b === 9 || b === 92 || b === 13) {
        return false;
      }
    }
    // 1 employee_code (optional)
    let agentId = 0;
    let teamId = 0;
    let clock: ZoneClock | null = null;
    if (!this.empty(1)) {
      if (!this.tight(1)) {
        return false;
      }
      const a = this.codes.agents.get(buf, this.s(1), this.e(1));
      if (!a) {
        return false;
      }
      agentId = a.id;
      teamId = a.teamId;
      clock = a.clock;
    }
    // 2 campaign_code
    if (!this.tight(2)) {
      return false;
    }
    const campaign = this.codes.campaigns.get(buf, this.s(2), this.e(2));
    if (!campaign) {
      return false;
    }
    // 3 channel, 4 direction, 10 outcome
    const channel = CHANNEL_BYTES.get(buf, this.s(3), this.e(3));
    const direction = DIRECTION_BYTES.get(buf, this.s(4), this.e(4));
    const outcome = OUTCOME_BYTES.get(buf, this.s(10), this.e(10));
    if (channel === undefined || direction === undefined || outcome === undefined) {
      return false;
    }
    // 5 started_at
    if (!parseIsoInstantBytes(buf, this.s(5), this.e(5), this.instant)) {
      return false;
    }
    // 6–9 seconds
    const queue = this.digits(6);
    const talk = this.digits(7);
    const hold = this.digits(8);
    const wrap = this.digits(9);
    if (
      queue < 0 ||
      talk < 0 ||
      hold < 0 ||
      wrap < 0 ||
      queue > MAX_SECONDS ||
      talk > MAX_SECONDS ||
      hold > MAX_SECONDS ||
      wrap > MAX_SECONDS
    ) {
      return false;
    }
    // 11 sale_amount: dollars with at most two decimals
    let sale = -1;
    if (!this.empty(11)) {
      sale = this.cents(11);
      if (sale < 0 || sale > 2_147_483_647) {
        return false;
      }
    }
    // 12 hostile
    let hostile = false;
    if (!this.empty(12)) {
      const h = HOSTILE_BYTES.get(buf, this.s(12), this.e(12));
      if (h === undefined) {
        return false;
      }
      hostile = h;
    }
    // 13 qa_score 0–100, 14 csat 1–5
    let qa = -1;
    if (!this.empty(13)) {
      qa = this.e(13) - this.s(13) <= 3 ? this.digits(13) : -1;
      if (qa < 0 || qa > 100) {
        return false;
      }
    }
    let csat = -1;
    if (!this.empty(14)) {
      csat = this.e(14) - this.s(14) === 1 ? this.digits(14) : -1;
      if (csat < 1 || csat > 5) {
        return false;
      }
    }
    // 15 customer_ref: only the keyed hash and the last four digits are kept
    let hash: string | null = null;
    let last4: string | null = null;
    if (!this.empty(15)) {
      if (!this.tight(15)) {
        return false;
      }
      hash = customerRefHash(this.lookups.customerRefKey, this.str(15));
      last4 = this.lastFourDigits(15);
    }
    c.line = this.lineNo;
    c.callId = this.str(0);
    c.agentId = agentId;
    c.teamId = teamId;
    c.campaignId = campaign.id;
    c.clock = clock ?? campaign.clock;
    c.channel = channel;
    c.direction = direction;
    c.pgMicros = this.instant.pgMicros;
    c.ms = this.instant.ms;
    c.queueSeconds = queue;
    c.talkSeconds = talk;
    c.holdSeconds = hold;
    c.wrapSeconds = wrap;
    c.outcome = outcome;
    c.saleAmountCents = sale;
    c.hostile = hostile;
    c.qaScore = qa;
    c.csat = csat;
    c.customerHash = hash;
    c.customerLast4 = last4;
    chunk.add(c);
    return true;
  }

  /** `^(\d{1,9})(\.\d{1,2})?$` as cents, or −1. */
  private cents(c: number): number {
    const buf = this.buf;
    const s = this.s(c);
    const e = this.e(c);
    let k = s;
    let whole = 0;
    while (k < e && buf[k] >= 48 && buf[k] <= 57) {
      whole = whole * 10 + buf[k] - 48;
      k += 1;
    }
    const wholeDigits = k - s;
    if (wholeDigits < 1 || wholeDigits > 9) {
      return -1;
    }
    if (k === e) {
      return whole * 100;
    }
    if (buf[k] !== 46) {
      return -1;
    }
    const d1 = k + 1 < e ? buf[k + 1] - 48 : -1;
    const d2 = k + 2 < e ? buf[k + 2] - 48 : 0;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9 || e - k > 3) {
      return -1;
    }
    return whole * 100 + d1 * 10 + d2;
  }

  private lastFourDigits(c: number): string | null {
    const buf = this.buf;
    let out = '';
    for (let k = this.e(c) - 1; k >= this.s(c) && out.length < 4; k--) {
      const b = buf[k];
      if (b >= 48 && b <= 57) {
        out = String.fromCharCode(b) + out;
      }
    }
    return out === '' ? null : out;
  }
}

/** Columns of the calls file by name, for readers of the index constants above. */
export const CALL_COLUMN_INDEX: Record<Column, number> = Object.fromEntries(
  CALL_COLUMNS.map((c, i) => [c.name, i]),
) as Record<Column, number>;
