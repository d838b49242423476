import { addCallToRollup, ROLLUP_MEASURE_COUNT as MEASURE_COUNT } from '@floorwise/analytics';
import type { CallDirection, CallOutcome, RollupCall, ZoneClock } from '@floorwise/analytics';
import { CopyBinaryWriter } from './copy-binary';
import { BUCKET_MS, LocalSlot, localSlot, PG_EPOCH_MS } from './local-slot';
import { yieldToServer } from '../common/yield-to-server';

// Module-local copies for the per-call code (imported bindings are getters once bundled).
const ROLLUP_MEASURE_COUNT = MEASURE_COUNT;
const addToRollup = addCallToRollup;
const slotOf = localSlot;

export const CHANNELS = ['phone', 'chat', 'email'] as const;
export const DIRECTIONS: readonly CallDirection[] = ['inbound', 'outbound'];
export const OUTCOMES: readonly CallOutcome[] = [
  'resolved',
  'unresolved',
  'sale',
  'save',
  'escalated',
  'transferred',
  'abandoned',
];

/** One call as the fast import holds it: codes resolved to ids, enums to indexes, NULL as −1. */
export interface ChunkCall {
  line: number;
  callId: string;
  /** 0: no agent. */
  agentId: number;
  /** 0: no team (no agent). */
  teamId: number;
  campaignId: number;
  clock: ZoneClock;
  channel: number;
  direction: number;
  /** started_at: µs since 2000-01-01 UTC and ms since 1970 (see `parseIsoInstant`). */
  pgMicros: number;
  ms: number;
  queueSeconds: number;
  talkSeconds: number;
  holdSeconds: number;
  wrapSeconds: number;
  outcome: number;
  /** −1: none. */
  saleAmountCents: number;
  hostile: boolean;
  /** −1: none. */
  qaScore: number;
  /** −1: none. */
  csat: number;
  customerHash: string | null;
  customerLast4: string | null;
}

/** The columns of `calls` in the order the chunk's binary COPY writes them. */
export const CALLS_COPY_COLUMNS = [
  'call_id',
  'started_at',
  'agent_id',
  'team_id',
  'campaign_id',
  'local_date',
  'local_minute',
  'channel',
  'direction',
  'queue_seconds',
  'talk_seconds',
  'hold_seconds',
  'wrap_seconds',
  'outcome',
  'sale_amount_cents',
  'hostile',
  'qa_score',
  'csat',
  'customer_hash',
  'customer_last4',
] as const;

/** `YYYY-MM` (UTC) of an instant in ms: the calls partition it belongs to. */
export function utcMonthOf(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** utcMonthOf with the last month's bounds remembered (calls of a file come month by month). */
class MonthCache {
  private from = 0;
  private to = -1;
  private month = '';

  of(ms: number): string {
    if (ms < this.from || ms >= this.to) {
      const d = new Date(ms);
      this.from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      this.to = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      if (d.getUTCFullYear() < 100) {
        this.to = this.from; // Date.UTC maps years 0–99 to 1900–1999: never cache those
      }
      this.month = utcMonthOf(ms);
    }
    return this.month;
  }
}

/**
 * Groups of a rollup: a key of three integers, descriptive columns and ROLLUP_MEASURE_COUNT sums
 * per group, found through an open-addressing hash table on the key (no object or boxed number
 * per lookup: a chunk makes a lookup per call).
 */
export class RollupGroups {
  size = 0;
  private capacity: number;
  private table: Int32Array;
  /** `order()` of the current groups (dropped when a group is added or the groups cleared). */
  private sorted: Int32Array | null = null;
  private mask: number;
  k1: Int32Array;
  k2: Int32Array;
  k3: Int32Array;
  /** max(team_id) (0: none) — agent rollups; unused elsewhere. */
  team: Int32Array;
  /** min(local_date), min(local_minute) of the group's calls. */
  day: Int32Array;
  minute: Int32Array;
  sums: Float64Array;

  /** `capacity`: a power of two (the table's probe wraps by mask). */
  constructor(capacity = 1024) {
    if ((capacity & (capacity - 1)) !== 0 || capacity < 1) {
      throw new Error(`RollupGroups capacity ${capacity} is not a power of two`);
    }
    this.capacity = capacity;
    this.table = new Int32Array(capacity * 2);
    this.mask = capacity * 2 - 1;
    this.k1 = new Int32Array(capacity);
    this.k2 = new Int32Array(capacity);
    this.k3 = new Int32Array(capacity);
    this.team = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.minute = new Int32Array(capacity);
    this.sums = new Float64Array(capacity * ROLLUP_MEASURE_COUNT);
  }

  clear(): void {
    this.sorted = null;
    this.table.fill(0);
    this.sums.fill(0, 0, this.size * ROLLUP_MEASURE_COUNT);
    this.size = 0;
  }

  private static hash(k1: number, k2: number, k3: number): number {
    let h = Math.imul(k1, 0x9e3779b1) ^ Math.imul(k2, 0x85ebca77) ^ Math.imul(k3, 0xc2b2ae3d);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 13);
  }

  /**
   * The slot of group (k1, k2, k3), made on first use with its descriptive columns; later calls
   * keep the largest team and the smallest local date and slot.
   */
  slot(k1: number, k2: number, k3: number, team: number, day: number, minute: number): number {
    let i = RollupGroups.hash(k1, k2, k3) & this.mask;
    for (;;) {
      const t = this.table[i];
      if (t === 0) {
        break;
      }
      const s = t - 1;
      if (this.k1[s] === k1 && this.k2[s] === k2 && this.k3[s] === k3) {
        if (team > this.team[s]) {
          this.team[s] = team;
        }
        if (day < this.day[s]) {
          this.day[s] = day;
        }
        if (minute < this.minute[s]) {
          this.minute[s] = minute;
        }
        return s;
      }
      i = (i + 1) & this.mask;
    }
    if (this.size === this.capacity) {
      this.grow();
      return this.slot(k1, k2, k3, team, day, minute);
    }
    const s = this.size++;
    this.sorted = null;
    this.table[i] = s + 1;
    this.k1[s] = k1;
    this.k2[s] = k2;
    this.k3[s] = k3;
    this.team[s] = team;
    this.day[s] = day;
    this.minute[s] = minute;
    return s;
  }

  /** Adds every group of `other` (same keys) into this one. */
  merge(other: RollupGroups): void {
    for (let g = 0; g < other.size; g++) {
      const s = this.slot(
        other.k1[g],
        other.k2[g],
        other.k3[g],
        other.team[g],
        other.day[g],
        other.minute[g],
      );
      this.addFrom(s, other, g);
    }
  }

  /** Adds group `from` of `other` into slot `s` of this one. */
  addFrom(s: number, other: RollupGroups, from: number): void {
    const a = s * ROLLUP_MEASURE_COUNT;
    const b = from * ROLLUP_MEASURE_COUNT;
    const to = this.sums;
    const src = other.sums;
    for (let m = 0; m < ROLLUP_MEASURE_COUNT; m++) {
      to[a + m] += src[b + m];
    }
  }

  /** Slot indexes ordered by (k1, k2, k3): the order of the target's primary key. */
  order(): Int32Array {
    if (this.sorted !== null && this.sorted.length === this.size) {
      return this.sorted;
    }
    const idx = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) {
      idx[i] = i;
    }
    const { k1, k2, k3 } = this;
    this.sorted = idx.sort((a, b) => k1[a] - k1[b] || k2[a] - k2[b] || k3[a] - k3[b]);
    return this.sorted;
  }

  /** Twice the room; the table is rebuilt from the keys. */
  private grow(): void {
    const cap = this.capacity * 2;
    const more = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.k1 = more(this.k1);
    this.k2 = more(this.k2);
    this.k3 = more(this.k3);
    this.team = more(this.team);
    this.day = more(this.day);
    this.minute = more(this.minute);
    const sums = new Float64Array(cap * ROLLUP_MEASURE_COUNT);
    sums.set(this.sums);
    this.sums = sums;
    this.capacity = cap;
    this.table = new Int32Array(cap * 2);
    this.mask = cap * 2 - 1;
    for (let s = 0; s < this.size; s++) {
      let i = RollupGroups.hash(this.k1[s], this.k2[s], this.k3[s]) & this.mask;
      while (this.table[i] !== 0) {
        i = (i + 1) & this.mask;
      }
      this.table[i] = s + 1;
    }
  }
}

/** Rows of the COPY data encoded between two turns of the event loop. */
const ENCODE_SLICE_ROWS = 4096;

/**
 * A chunk of a calls file on its way to PostgreSQL. Each call is kept in columns (so the chunk
 * can be rebuilt without its duplicates) and added at once to its agent × campaign × 15-minute
 * rollup group. When the chunk is full, `encode` writes the binary COPY of `calls` in the order of
 * `ix_calls_agent_started` (agent, then start): PostgreSQL then inserts each agent's index
 * entries side by side, which costs it about half as much as the file's time order (tools/bench/
 * copy-costs.ts: 2.5 against 4.6 CPU-ms per 1,000 calls at 1,000 agents), and an agent's calls of
 * a chunk share heap pages, which the floor's and the drill-down's reads by agent like. Memory is
 * fixed by the capacity.
 */
export class CallChunk {
  n = 0;
  /** Calls left out because their call_id appeared earlier in this chunk. */
  duplicates = 0;
  /** True while every call id is ASCII (then JS and PostgreSQL "C" order agree). */
  idsAscii = true;
  minId = '';
  maxId = '';
  readonly months = new Set<string>();
  private readonly copy = new CopyBinaryWriter(1 << 20);
  /** The COPY data of the current calls (null: not encoded since the last change). */
  private encoded: Buffer | null = null;
  readonly r15: RollupGroups;
  private readonly seen = new Set<string>();

  private readonly line: Int32Array;
  readonly callId: string[];
  private readonly agentId: Int32Array;
  private readonly teamId: Int32Array;
  private readonly campaignId: Int32Array;
  private readonly clock: ZoneClock[];
  private readonly channel: Uint8Array;
  private readonly direction: Uint8Array;
  private readonly pgMicros: Float64Array;
  private readonly ms: Float64Array;
  private readonly queue: Int32Array;
  private readonly talk: Int32Array;
  private readonly hold: Int32Array;
  private readonly wrap: Int32Array;
  private readonly outcome: Uint8Array;
  private readonly sale: Int32Array;
  private readonly hostile: Uint8Array;
  private readonly qa: Int16Array;
  private readonly csat: Int16Array;
  private readonly hash: (string | null)[];
  private readonly last4: (string | null)[];
  private readonly localDay: Int32Array;
  private readonly localMinute: Int16Array;
  private readonly monthOf = new MonthCache();
  private readonly slotOut: LocalSlot = { localDay: 0, localMinute: 0 };
  private readonly rollupCall: RollupCall = {
    direction: 'inbound',
    outcome: 'resolved',
    hasAgent: false,
    queueSeconds: 0,
    talkSeconds: 0,
    holdSeconds: 0,
    wrapSeconds: 0,
    hostile: false,
    saleAmountCents: null,
    qaScore: null,
    csat: null,
  };

  constructor(readonly capacity: number) {
    // At most one agent × campaign × 15-minute group per call: room for all without a regrow.
    this.r15 = new RollupGroups(2 ** Math.ceil(Math.log2(Math.max(capacity, 16))));
    this.line = new Int32Array(capacity);
    this.callId = new Array<string>(capacity);
    this.agentId = new Int32Array(capacity);
    this.teamId = new Int32Array(capacity);
    this.campaignId = new Int32Array(capacity);
    this.clock = new Array<ZoneClock>(capacity);
    this.channel = new Uint8Array(capacity);
    this.direction = new Uint8Array(capacity);
    this.pgMicros = new Float64Array(capacity);
    this.ms = new Float64Array(capacity);
    this.queue = new Int32Array(capacity);
    this.talk = new Int32Array(capacity);
    this.hold = new Int32Array(capacity);
    this.wrap = new Int32Array(capacity);
    this.outcome = new Uint8Array(capacity);
    this.sale = new Int32Array(capacity);
    this.hostile = new Uint8Array(capacity);
    this.qa = new Int16Array(capacity);
    this.csat = new Int16Array(capacity);
    this.hash = new Array<string | null>(capacity);
    this.last4 = new Array<string | null>(capacity);
    this.localDay = new Int32Array(capacity);
    this.localMinute = new Int16Array(capacity);
  }

  get full(): boolean {
    return this.n >= this.capacity;
  }

  clear(): void {
    this.n = 0;
    this.duplicates = 0;
    this.idsAscii = true;
    this.minId = '';
    this.maxId = '';
    this.months.clear();
    this.seen.clear();
    this.encoded = null;
    this.r15.clear();
  }

  /** Adds a call; false when its call_id already appeared in this chunk (the first one wins). */
  add(c: ChunkCall): boolean {
    if (this.seen.has(c.callId)) {
      this.duplicates += 1;
      return false;
    }
    const i = this.n++;
    this.encoded = null;
    this.seen.add(c.callId);
    this.line[i] = c.line;
    this.callId[i] = c.callId;
    this.agentId[i] = c.agentId;
    this.teamId[i] = c.teamId;
    this.campaignId[i] = c.campaignId;
    this.clock[i] = c.clock;
    this.channel[i] = c.channel;
    this.direction[i] = c.direction;
    this.pgMicros[i] = c.pgMicros;
    this.ms[i] = c.ms;
    this.queue[i] = c.queueSeconds;
    this.talk[i] = c.talkSeconds;
    this.hold[i] = c.holdSeconds;
    this.wrap[i] = c.wrapSeconds;
    this.outcome[i] = c.outcome;
    this.sale[i] = c.saleAmountCents;
    this.hostile[i] = c.hostile ? 1 : 0;
    this.qa[i] = c.qaScore;
    this.csat[i] = c.csat;
    this.hash[i] = c.customerHash;
    this.last4[i] = c.customerLast4;
    this.track(c.callId);
    this.addToGroup(i);
    return true;
  }

  /**
   * Drops the calls whose ids are in `existing` (already stored) and rebuilds the rollup groups
   * from the calls kept (the COPY data is encoded anew). Returns how many were dropped.
   */
  drop(existing: ReadonlySet<string>): number {
    const before = this.n;
    this.encoded = null;
    this.r15.clear();
    this.months.clear();
    this.idsAscii = true;
    this.minId = '';
    this.maxId = '';
    let j = 0;
    for (let i = 0; i < before; i++) {
      if (existing.has(this.callId[i])) {
        continue;
      }
      if (j !== i) {
        this.move(i, j);
      }
      this.track(this.callId[j]);
      this.addToGroup(j);
      j += 1;
    }
    this.n = j;
    return before - j;
  }

  /** The call ids, one per line: the text COPY of the call-id registry. */
  idsCopyText(): string {
    return this.n === 0 ? '' : `${this.callId.slice(0, this.n).join('\n')}\n`;
  }

  private track(id: string): void {
    if (this.idsAscii) {
      for (let k = 0; k < id.length; k++) {
        if (id.charCodeAt(k) > 127) {
          this.idsAscii = false;
          break;
        }
      }
    }
    if (this.minId === '' || id < this.minId) {
      this.minId = id;
    }
    if (id > this.maxId) {
      this.maxId = id;
    }
  }

  private move(from: number, to: number): void {
    this.line[to] = this.line[from];
    this.callId[to] = this.callId[from];
    this.agentId[to] = this.agentId[from];
    this.teamId[to] = this.teamId[from];
    this.campaignId[to] = this.campaignId[from];
    this.clock[to] = this.clock[from];
    this.channel[to] = this.channel[from];
    this.direction[to] = this.direction[from];
    this.pgMicros[to] = this.pgMicros[from];
    this.ms[to] = this.ms[from];
    this.queue[to] = this.queue[from];
    this.talk[to] = this.talk[from];
    this.hold[to] = this.hold[from];
    this.wrap[to] = this.wrap[from];
    this.outcome[to] = this.outcome[from];
    this.sale[to] = this.sale[from];
    this.hostile[to] = this.hostile[from];
    this.qa[to] = this.qa[from];
    this.csat[to] = this.csat[from];
    this.hash[to] = this.hash[from];
    this.last4[to] = this.last4[from];
  }

  /**
   * The binary COPY data of the chunk's calls for `calls`, ordered by agent (calls without one
   * first), start and line; encoded in slices between turns of the event loop, and kept until
   * the chunk changes.
   */
  async encode(): Promise<Buffer> {
    if (this.encoded !== null) {
      return this.encoded;
    }
    const order = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) {
      order[i] = i;
    }
    const { agentId, pgMicros, line } = this;
    order.sort((a, b) => agentId[a] - agentId[b] || pgMicros[a] - pgMicros[b] || line[a] - line[b]);
    this.copy.reset();
    for (let k = 0; k < order.length; k++) {
      if (k > 0 && k % ENCODE_SLICE_ROWS === 0) {
        await yieldToServer();
      }
      this.writeRow(order[k]);
    }
    this.encoded = this.copy.finish();
    return this.encoded;
  }

  /** Call i as a row of the COPY data. */
  private writeRow(i: number): void {
    const w = this.copy;
    const agent = this.agentId[i];
    w.row(CALLS_COPY_COLUMNS.length);
    w.text(this.callId[i]);
    w.int8(this.pgMicros[i]);
    if (agent === 0) {
      w.nul();
      w.nul();
    } else {
      w.int4(agent);
      w.int4(this.teamId[i]);
    }
    w.int4(this.campaignId[i]);
    w.int4(this.localDay[i]);
    w.int2(this.localMinute[i]);
    w.text(CHANNELS[this.channel[i]]);
    w.text(DIRECTIONS[this.direction[i]]);
    w.int4(this.queue[i]);
    w.int4(this.talk[i]);
    w.int4(this.hold[i]);
    w.int4(this.wrap[i]);
    w.text(OUTCOMES[this.outcome[i]]);
    if (this.sale[i] < 0) {
      w.nul();
    } else {
      w.int4(this.sale[i]);
    }
    w.bool(this.hostile[i] === 1);
    if (this.qa[i] < 0) {
      w.nul();
    } else {
      w.int2(this.qa[i]);
    }
    if (this.csat[i] < 0) {
      w.nul();
    } else {
      w.int2(this.csat[i]);
    }
    const h = this.hash[i];
    if (h === null) {
      w.nul();
    } else {
      w.hexBytes(h);
    }
    const l4 = this.last4[i];
    if (l4 === null) {
      w.nul();
    } else {
      w.text(l4);
    }
  }

  /** Call i's local date and slot, its month, and its agent × campaign × 15-minute group. */
  private addToGroup(i: number): void {
    const ms = this.ms[i];
    const slot = slotOf(this.clock[i], ms, this.slotOut);
    this.localDay[i] = slot.localDay;
    this.localMinute[i] = slot.localMinute;
    const agent = this.agentId[i];
    const team = this.teamId[i];
    this.months.add(this.monthOf.of(ms));

    const bucket = Math.floor((ms - PG_EPOCH_MS) / BUCKET_MS);
    const campaign = this.campaignId[i];
    const s = this.r15.slot(agent, bucket, campaign, team, slot.localDay, slot.localMinute);
    const rc = this.rollupCall;
    rc.direction = DIRECTIONS[this.direction[i]];
    rc.outcome = OUTCOMES[this.outcome[i]];
    rc.hasAgent = agent !== 0;
    rc.queueSeconds = this.queue[i];
    rc.talkSeconds = this.talk[i];
    rc.holdSeconds = this.hold[i];
    rc.wrapSeconds = this.wrap[i];
    rc.hostile = this.hostile[i] === 1;
    rc.saleAmountCents = this.sale[i] < 0 ? null : this.sale[i];
    rc.qaScore = this.qa[i] < 0 ? null : this.qa[i];
    rc.csat = this.csat[i] < 0 ? null : this.csat[i];
    addToRollup(this.r15.sums, s * ROLLUP_MEASURE_COUNT, rc);
  }
}
