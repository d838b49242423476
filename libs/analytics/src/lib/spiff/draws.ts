/// <reference types="node" />
import { createHmac } from 'node:crypto';
import {
  LotteryRule,
  MysteryEnvelopeRule,
  PrizeWheelRule,
  SpiffEntrant,
  WeightedAmount,
} from './spiff.types';
import { scaleTarget } from './spiff-rules';

/** The campaign secret: a UTF-8 string or raw bytes. */
export type DrawSecret = string | Uint8Array;

const TWO_POW_64 = 1n << 64n;
const TWO_POW_53 = 2 ** 53;

/**
 * The 64-bit draw integer `x` of metrics.md §7: the first 8 bytes of
 * `HMAC-SHA256(secret, message)` read as an unsigned **big-endian** integer (byte 0 is the most
 * significant — the order the digest is printed in hex, so an auditor can take the first 16 hex
 * digits of the HMAC as `x`). The message is UTF-8.
 */
export function drawInteger(secret: DrawSecret, message: string): bigint {
  if (secret.length === 0) {
    throw new RangeError('the campaign secret must not be empty');
  }
  const digest = createHmac('sha256', secret).update(message, 'utf8').digest();
  return digest.readBigUInt64BE(0);
}

/**
 * metrics.md §7 `u = x ÷ 2⁶⁴` as a double. A double cannot hold 64 bits, and `Number(x) / 2⁶⁴`
 * can round up to exactly 1, so u is `floor(x ÷ 2¹¹) ÷ 2⁵³` — x ÷ 2⁶⁴ truncated to 53 bits,
 * always in [0, 1). It is for display and audit; selections use the exact integer x.
 */
export function uniformOf(x: bigint): number {
  return Number(x >> 11n) / TWO_POW_53;
}

/** metrics.md §7 draw `u = HMAC-SHA256(secret, message) … ÷ 2⁶⁴`, as {@link uniformOf}. */
export function drawUniform(secret: DrawSecret, message: string): number {
  return uniformOf(drawInteger(secret, message));
}

/** metrics.md §7 message `"<a>:<i>"` of draw `i` for agent `a`; 1-based (the first spin is 1). */
export function agentDrawMessage(agentCode: string, i: number): string {
  return `${agentCode}:${i}`;
}

/** metrics.md §7 lottery message `"draw:<k>"` of the k-th draw (1-based, for prize k). */
export function lotteryDrawMessage(k: number): string {
  return `draw:${k}`;
}

/**
 * metrics.md §7 weighted draw (wheel slices, envelopes, lottery tickets): maps a draw integer to
 * one of `weights` (positive integers): slot `t = floor(x × W ÷ 2⁶⁴)` with W = Σ weights — exact in
 * BigInt, equal to `floor(u × W)` for the exact u — and the index is the first j whose cumulative
 * weight exceeds t. Item j is chosen with probability wⱼ ÷ W.
 */
export function weightedIndex(
  x: bigint,
  weights: readonly number[],
): { index: number; slot: number } {
  if (weights.length === 0) {
    throw new RangeError('nothing to draw from');
  }
  let total = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 1) {
      throw new RangeError(`draw weights must be positive integers, got ${w}`);
    }
    total += BigInt(w);
  }
  const slot = (x * total) / TWO_POW_64;
  let cumulative = 0n;
  for (let j = 0; j < weights.length; j += 1) {
    cumulative += BigInt(weights[j]);
    if (slot < cumulative) {
      return { index: j, slot: Number(slot) };
    }
  }
  throw new RangeError('draw slot out of range');
}

/** One spin or envelope. */
export interface SpiffDraw {
  /** 1-based draw number i. */
  draw: number;
  message: string;
  /** x ÷ 2⁶⁴ truncated to 53 bits (display). */
  u: number;
  /** Index of the slice / envelope amount drawn. */
  index: number;
  amountCents: number;
}

/**
 * Draws `first..last` (1-based, inclusive) of one agent over weighted amounts: draw i takes
 * `x = HMAC(secret, "<agent>:<i>")` and {@link weightedIndex}. Live evaluation issues draws a few
 * at a time with this; the result is the same as drawing 1..n at once.
 */
export function weightedDrawRange(
  secret: DrawSecret,
  agentCode: string,
  first: number,
  last: number,
  items: readonly WeightedAmount[],
): SpiffDraw[] {
  const weights = items.map((s) => s.weight);
  const draws: SpiffDraw[] = [];
  for (let i = first; i <= last; i += 1) {
    const message = agentDrawMessage(agentCode, i);
    const x = drawInteger(secret, message);
    const { index } = weightedIndex(x, weights);
    draws.push({ draw: i, message, u: uniformOf(x), index, amountCents: items[index].amountCents });
  }
  return draws;
}

function weightedDraws(
  secret: DrawSecret,
  agentCode: string,
  count: number,
  items: readonly WeightedAmount[],
): SpiffDraw[] {
  const weights = items.map((s) => s.weight);
  const draws: SpiffDraw[] = [];
  for (let i = 1; i <= count; i += 1) {
    const message = agentDrawMessage(agentCode, i);
    const x = drawInteger(secret, message);
    const { index } = weightedIndex(x, weights);
    draws.push({ draw: i, message, u: uniformOf(x), index, amountCents: items[index].amountCents });
  }
  return draws;
}

/**
 * metrics.md §7 `prize_wheel`: one spin per `unitsPerSpin` units, spin i drawn from
 * `HMAC(secret, "<agent>:<i>")` and weighted by the slices. Always recomputes spins 1..n, so the
 * same units give the same spins and a new unit only ever adds spins.
 */
export function spinPrizeWheel(
  secret: DrawSecret,
  agentCode: string,
  units: number,
  rule: PrizeWheelRule,
): SpiffDraw[] {
  return weightedDraws(secret, agentCode, Math.floor(units / rule.unitsPerSpin), rule.slices);
}

/**
 * metrics.md §7 `mystery_envelope`: as {@link spinPrizeWheel}, one envelope per `unitsPerEnvelope`.
 */
export function openMysteryEnvelopes(
  secret: DrawSecret,
  agentCode: string,
  units: number,
  rule: MysteryEnvelopeRule,
): SpiffDraw[] {
  return weightedDraws(secret, agentCode, Math.floor(units / rule.unitsPerEnvelope), rule.amounts);
}

/** One lottery winner. */
export interface LotteryWinner {
  /** 1-based draw k, also the prize rank. */
  draw: number;
  message: string;
  u: number;
  /** The winning ticket number t among the tickets still in the drum (0-based). */
  ticket: number;
  code: string;
  prizeCents: number;
}

/** Result of {@link drawLottery}. */
export interface LotteryResult {
  /** Tickets per entrant (only entrants with at least one), ordered by code. */
  tickets: { code: string; tickets: number }[];
  winners: LotteryWinner[];
}

/**
 * metrics.md §7 `lottery`: tickets of one entrant, `floor(units ÷ unitsPerTicket)` with the
 * entrant's own (handicapped) units per ticket.
 */
export function lotteryTickets(units: number, rule: LotteryRule, targetPercent = 100): number {
  return Math.floor(Math.floor(units) / scaleTarget(rule.unitsPerTicket, targetPercent));
}

/**
 * metrics.md §7 `lottery`: at close, winners drawn without replacement, weighted by tickets.
 * Tickets = `floor(units ÷ unitsPerTicket)` (the entrant's own, handicapped, units per ticket);
 * entrants with none do not take part. See {@link drawLotteryTickets} for the draw itself.
 */
export function drawLottery(
  secret: DrawSecret,
  entrants: readonly SpiffEntrant[],
  rule: LotteryRule,
): LotteryResult {
  return drawLotteryTickets(
    secret,
    entrants.map((e) => ({
      code: e.code,
      tickets: lotteryTickets(e.units, rule, e.targetPercent ?? 100),
    })),
    rule.prizes,
  );
}

/**
 * The lottery draw of metrics.md §7 over tickets already counted. Holders with no ticket do not
 * take part. Holders are ordered by code (ascending UTF-16 code-unit order, locale-independent)
 * and their tickets laid end to end: holder j holds tickets `[Cⱼ₋₁, Cⱼ)`. Draw k (prize k,
 * k = 1, 2, …) takes `x = HMAC(secret, "draw:<k>")`, ticket `t = floor(x × T ÷ 2⁶⁴)` over the T
 * tickets still in the drum, and the holder of t wins; the winner's tickets then leave the drum
 * (one prize per holder). Prizes beyond the number of holders are not awarded.
 */
export function drawLotteryTickets(
  secret: DrawSecret,
  holdersIn: readonly { code: string; tickets: number }[],
  prizes: readonly number[],
): LotteryResult {
  const seen = new Set<string>();
  const holders = holdersIn
    .map((e) => {
      if (seen.has(e.code)) {
        throw new RangeError(`entrant ${e.code} appears twice`);
      }
      seen.add(e.code);
      if (!Number.isSafeInteger(e.tickets) || e.tickets < 0) {
        throw new RangeError(`tickets of ${e.code} must be a whole number, got ${e.tickets}`);
      }
      return { code: e.code, tickets: e.tickets };
    })
    .filter((e) => e.tickets > 0)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const drum = [...holders];
  const winners: LotteryWinner[] = [];
  for (let k = 1; k <= prizes.length && drum.length > 0; k += 1) {
    const message = lotteryDrawMessage(k);
    const x = drawInteger(secret, message);
    const { index, slot } = weightedIndex(
      x,
      drum.map((d) => d.tickets),
    );
    const [winner] = drum.splice(index, 1);
    winners.push({
      draw: k,
      message,
      u: uniformOf(x),
      ticket: slot,
      code: winner.code,
      prizeCents: prizes[k - 1],
    });
  }
  return { tickets: holders, winners };
}
