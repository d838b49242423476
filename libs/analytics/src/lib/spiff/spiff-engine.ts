import { contestStandings, ContestStanding, splitTeamPrize, teamContestUnits } from './contest';
import { DrawSecret, drawLottery, LotteryResult, SpiffDraw, weightedDrawRange } from './draws';
import { perUnitAward, reachedTierIndex, ruleForEntrant } from './spiff-rules';
import { ContestRule, LotteryRule, SpiffRule } from './spiff.types';

/**
 * What the evaluation remembers of one entrant between call events (one row of
 * `spiff_entrant`). Counters only grow.
 */
export interface EngineEntrant {
  /** Employee code: the `<a>` of the draw message. */
  code: string;
  /** Handicap, percent of the normal targets (100: none). */
  targetPercent: number;
  /** Counted units so far. */
  units: number;
  /** Spins or envelopes issued so far (draws 1..draws exist). */
  draws: number;
  /** per_unit: the entitlement already turned into award requests (granted or declined). */
  earnedCents: number;
  /** tiered: the highest tier already awarded (granted or declined), or null. */
  tierIndex: number | null;
  /** tiered: the cents of this entrant's tier awards that were granted. */
  tierGrantedCents: number;
}

export function newEngineEntrant(code: string, targetPercent = 100): EngineEntrant {
  return {
    code,
    targetPercent,
    units: 0,
    draws: 0,
    earnedCents: 0,
    tierIndex: null,
    tierGrantedCents: 0,
  };
}

/** Counted units of one call for one entrant, in the order they are evaluated. */
export interface UnitEvent {
  code: string;
  units: number;
  callId: string;
  /** The call's start (ISO 8601): when the qualifying units occurred. */
  occurredAt: string;
  /** The call's local date (the agent's site). */
  localDate: string;
}

export type LiveAwardKind = 'unit' | 'tier' | 'spin' | 'envelope';
export type CloseAwardKind = 'contest' | 'lottery';
export type BudgetStatus = 'granted' | 'declined_budget';

/** One award decided by the engine, in decision order. */
export interface EngineAward<K extends string = LiveAwardKind | CloseAwardKind> {
  code: string;
  kind: K;
  amountCents: number;
  status: BudgetStatus;
  /** The campaign's granted total after this decision. */
  grantedTotalCents: number;
  callId: string | null;
  occurredAt: string | null;
  localDate: string | null;
  /** The entrant's units when the award was earned. */
  unitsAt: number;
  /** What earned it: a tier, a draw, a rank. Stored with the award (JSON). */
  detail: Record<string, unknown>;
}

/** A spin or an envelope, with the index of its award in `awards` (null for a 0-cent draw). */
export interface EngineDraw {
  code: string;
  kind: 'spin' | 'envelope';
  draw: SpiffDraw;
  callId: string;
  occurredAt: string;
  localDate: string;
  awardIndex: number | null;
}

export interface LiveEvaluation {
  awards: EngineAward<LiveAwardKind>[];
  draws: EngineDraw[];
  /** Every entrant of the input, updated (a new object for each one that changed). */
  entrants: Map<string, EngineEntrant>;
  grantedCents: number;
}

function checkBudget(budgetCents: number, grantedCents: number): void {
  for (const [name, v] of [
    ['budgetCents', budgetCents],
    ['grantedCents', grantedCents],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`${name} must be a non-negative integer of cents, got ${v}`);
    }
  }
  if (grantedCents > budgetCents) {
    throw new RangeError(`grantedCents ${grantedCents} already exceeds the budget ${budgetCents}`);
  }
}

/**
 * metrics.md §7 live evaluation: applies counted units, call by call in the given order (the
 * order their units occurred, as the caller serialises them), and decides each award against
 * the budget as it is earned — an award that would take the granted total past the budget is
 * `declined_budget`; a later, smaller one that still fits is granted. Pure and deterministic.
 *
 * - `per_unit`: each call's award is the entitlement it adds, `E(units after) − E(units before)`
 *   with `E = min(floor(units ÷ perUnits) × amount, cap)`; a declined one is not paid later.
 * - `tiered`: reaching a higher tier requests a top-up to that tier's amount,
 *   `tier amount − this entrant's granted tier awards` (not cumulative: a tier-3 agent is paid
 *   the tier-3 amount in all), so a top-up declined for budget is made good at the next tier.
 * - `prize_wheel`, `mystery_envelope`: each whole `unitsPerX` issues the next draw
 *   `HMAC(secret, "<agent>:<i>")`; a draw of 0 cents is recorded without an award.
 * - `contest`, `lottery`: units only; their awards are decided at close ({@link closeAwards}).
 *
 * Handicapped entrants play {@link ruleForEntrant} of the rule.
 */
export function evaluateLiveUnits(input: {
  rule: SpiffRule;
  budgetCents: number;
  grantedCents: number;
  secret: DrawSecret;
  entrants: ReadonlyMap<string, EngineEntrant>;
  events: readonly UnitEvent[];
}): LiveEvaluation {
  const { rule, budgetCents, secret } = input;
  checkBudget(budgetCents, input.grantedCents);
  let granted = input.grantedCents;
  const entrants = new Map(input.entrants);
  const awards: EngineAward<LiveAwardKind>[] = [];
  const draws: EngineDraw[] = [];

  const decide = (
    e: EngineEntrant,
    ev: UnitEvent,
    kind: LiveAwardKind,
    amountCents: number,
    detail: Record<string, unknown>,
  ): number => {
    const fits = granted + amountCents <= budgetCents;
    if (fits) {
      granted += amountCents;
    }
    awards.push({
      code: e.code,
      kind,
      amountCents,
      status: fits ? 'granted' : 'declined_budget',
      grantedTotalCents: granted,
      callId: ev.callId,
      occurredAt: ev.occurredAt,
      localDate: ev.localDate,
      unitsAt: e.units,
      detail,
    });
    return awards.length - 1;
  };

  for (const ev of input.events) {
    if (!Number.isSafeInteger(ev.units) || ev.units < 0) {
      throw new RangeError(
        `units of call ${ev.callId} must be a whole number ≥ 0, got ${ev.units}`,
      );
    }
    const before = entrants.get(ev.code);
    if (!before) {
      throw new RangeError(`no entrant ${ev.code} for call ${ev.callId}`);
    }
    if (ev.units === 0) {
      continue;
    }
    const e: EngineEntrant = { ...before, units: before.units + ev.units };
    entrants.set(e.code, e);
    const own = ruleForEntrant(rule, e.targetPercent);
    switch (own.type) {
      case 'per_unit': {
        const entitled = perUnitAward(e.units, own);
        const add = entitled - e.earnedCents;
        if (add > 0) {
          decide(e, ev, 'unit', add, { unitsFrom: before.units + 1, unitsTo: e.units });
          e.earnedCents = entitled;
        }
        break;
      }
      case 'tiered': {
        const tier = reachedTierIndex(e.units, own);
        if (tier !== null && (e.tierIndex === null || tier > e.tierIndex)) {
          const tierAmount = own.tiers[tier].amountCents;
          const add = tierAmount - e.tierGrantedCents;
          if (add > 0) {
            const i = decide(e, ev, 'tier', add, {
              tier: tier + 1,
              threshold: own.tiers[tier].threshold,
              tierAmountCents: tierAmount,
            });
            if (awards[i].status === 'granted') {
              e.tierGrantedCents += add;
            }
          }
          e.tierIndex = tier;
        }
        break;
      }
      case 'prize_wheel':
      case 'mystery_envelope': {
        const per = own.type === 'prize_wheel' ? own.unitsPerSpin : own.unitsPerEnvelope;
        const items = own.type === 'prize_wheel' ? own.slices : own.amounts;
        const kind = own.type === 'prize_wheel' ? 'spin' : 'envelope';
        const due = Math.floor(e.units / per);
        if (due > e.draws) {
          for (const d of weightedDrawRange(secret, e.code, e.draws + 1, due, items)) {
            const awardIndex =
              d.amountCents > 0
                ? decide(e, ev, kind, d.amountCents, {
                    draw: d.draw,
                    message: d.message,
                    u: d.u,
                    index: d.index,
                  })
                : null;
            draws.push({
              code: e.code,
              kind,
              draw: d,
              callId: ev.callId,
              occurredAt: ev.occurredAt,
              localDate: ev.localDate,
              awardIndex,
            });
          }
          e.draws = due;
        }
        break;
      }
      case 'contest':
      case 'lottery':
        break;
    }
  }
  return { awards, draws, entrants, grantedCents: granted };
}

/** An entrant at close: counted units, handicap and (for team contests) team. */
export interface CloseEntrant {
  code: string;
  units: number;
  targetPercent: number;
  teamCode: string;
}

export type CloseResult =
  | { kind: 'contest'; scope: 'agent'; standings: ContestStanding[]; ineligible: string[] }
  | {
      kind: 'contest';
      scope: 'team';
      standings: ContestStanding[];
      ineligible: string[];
      /** Contributors of each team (entrants with units), who share its prize. */
      members: Record<string, string[]>;
    }
  | ({ kind: 'lottery' } & LotteryResult)
  | { kind: 'none' };

/**
 * metrics.md §7 awards decided at close, in the order they are granted, each against the budget:
 * - agent `contest`: {@link contestStandings} (ties share the prizes of their places, floored);
 *   awards by rank, then code.
 * - team `contest`: team totals of the entrants' units; each team's prize is split equally
 *   among its contributors (entrants of the team with units > 0), floored to the cent
 *   ({@link splitTeamPrize}); teams by rank, members by code.
 * - `lottery`: {@link drawLottery}; awards in draw order (prize 1 first).
 * Other rules award nothing at close (their awards were decided live).
 */
export function closeAwards(input: {
  rule: SpiffRule;
  budgetCents: number;
  grantedCents: number;
  secret: DrawSecret;
  entrants: readonly CloseEntrant[];
}): { awards: EngineAward<CloseAwardKind>[]; result: CloseResult; grantedCents: number } {
  const { rule, budgetCents } = input;
  checkBudget(budgetCents, input.grantedCents);
  let granted = input.grantedCents;
  const awards: EngineAward<CloseAwardKind>[] = [];
  const byCode = new Map(input.entrants.map((e) => [e.code, e]));
  const push = (
    code: string,
    kind: CloseAwardKind,
    amountCents: number,
    detail: Record<string, unknown>,
  ) => {
    if (amountCents <= 0) {
      return;
    }
    const fits = granted + amountCents <= budgetCents;
    if (fits) {
      granted += amountCents;
    }
    awards.push({
      code,
      kind,
      amountCents,
      status: fits ? 'granted' : 'declined_budget',
      grantedTotalCents: granted,
      callId: null,
      occurredAt: null,
      localDate: null,
      unitsAt: byCode.get(code)?.units ?? 0,
      detail,
    });
  };

  if (rule.type === 'contest' && rule.scope === 'agent') {
    const result = contestStandings(
      input.entrants.map((e) => ({ code: e.code, units: e.units, targetPercent: e.targetPercent })),
      rule,
    );
    for (const s of result.standings) {
      push(s.code, 'contest', s.prizeCents, {
        rank: s.rank,
        places: s.places,
        units: s.units,
        score: s.score,
      });
    }
    return {
      awards,
      grantedCents: granted,
      result: {
        kind: 'contest',
        scope: 'agent',
        standings: result.standings,
        ineligible: result.ineligible,
      },
    };
  }
  if (rule.type === 'contest') {
    const contributors = input.entrants.filter((e) => e.units > 0);
    const teams = teamContestUnits(
      contributors.map((e) => ({ agentCode: e.code, teamCode: e.teamCode, units: e.units })),
    );
    const members: Record<string, string[]> = {};
    for (const e of contributors) {
      (members[e.teamCode] ??= []).push(e.code);
    }
    for (const list of Object.values(members)) {
      list.sort();
    }
    const result = contestStandings(teams, rule as ContestRule);
    for (const s of result.standings) {
      for (const share of splitTeamPrize(s.prizeCents, members[s.code] ?? [])) {
        push(share.code, 'contest', share.cents, {
          teamCode: s.code,
          rank: s.rank,
          places: s.places,
          teamUnits: s.units,
          teamPrizeCents: s.prizeCents,
          members: members[s.code]?.length ?? 0,
        });
      }
    }
    return {
      awards,
      grantedCents: granted,
      result: {
        kind: 'contest',
        scope: 'team',
        standings: result.standings,
        ineligible: result.ineligible,
        members,
      },
    };
  }
  if (rule.type === 'lottery') {
    const result = drawLottery(
      input.secret,
      input.entrants.map((e) => ({ code: e.code, units: e.units, targetPercent: e.targetPercent })),
      rule as LotteryRule,
    );
    const tickets = new Map(result.tickets.map((t) => [t.code, t.tickets]));
    for (const w of result.winners) {
      push(w.code, 'lottery', w.prizeCents, {
        draw: w.draw,
        message: w.message,
        u: w.u,
        ticket: w.ticket,
        tickets: tickets.get(w.code) ?? 0,
      });
    }
    return { awards, grantedCents: granted, result: { kind: 'lottery', ...result } };
  }
  return { awards, grantedCents: granted, result: { kind: 'none' } };
}
