import { scaleTarget } from './spiff-rules';
import { ContestRule, SpiffEntrant } from './spiff.types';

/** One entrant's final place in a contest. */
export interface ContestStanding {
  code: string;
  units: number;
  /** The ranking score: units, or `units × 100 ÷ targetPercent` for a handicapped entrant. */
  score: number;
  targetPercent: number;
  /** Competition rank: tied entrants share the best place of their group (1, 1, 3). */
  rank: number;
  /** The places the entrant's tie group occupies, inclusive. */
  places: { from: number; to: number };
  prizeCents: number;
}

/** Result of {@link contestStandings}. */
export interface ContestResult {
  standings: ContestStanding[];
  /** Codes below `minUnits`, not ranked. */
  ineligible: string[];
  totalCents: number;
}

/**
 * metrics.md §7 `contest`: by final rank at close; entrants below `minUnits` are not ranked;
 * tied entrants share the prizes of the places they occupy equally, each share floored to the
 * cent (the leftover cents are not paid). Places beyond the prize list pay 0. Output is ordered
 * by rank, then code. For a team contest pass team totals (see {@link teamContestUnits}).
 *
 * Handicap (docs/spiff.md): an entrant with `targetPercent` p < 100 qualifies at
 * `scaleTarget(minUnits, p)` units and is ranked by `units × 100 ÷ p`. Scores are compared
 * exactly, by cross-multiplying integers (`a.units × b.p` against `b.units × a.p`), so a new hire
 * with 7 sales at 70 % ties exactly with a veteran on 10.
 */
export function contestStandings(
  entrants: readonly SpiffEntrant[],
  rule: ContestRule,
): ContestResult {
  const seen = new Set<string>();
  for (const e of entrants) {
    if (seen.has(e.code)) {
      throw new RangeError(`entrant ${e.code} appears twice`);
    }
    seen.add(e.code);
    const p = e.targetPercent ?? 100;
    if (!Number.isSafeInteger(p) || p < 1 || p > 100) {
      throw new RangeError(`targetPercent of ${e.code} must be a whole number 1–100, got ${p}`);
    }
  }
  const pct = (e: SpiffEntrant) => e.targetPercent ?? 100;
  const qualifies = (e: SpiffEntrant) => e.units >= scaleTarget(rule.minUnits, pct(e));
  // b before a when b's score is higher: b.units / b.p > a.units / a.p ⇔ b.units·a.p > a.units·b.p
  const compareScore = (a: SpiffEntrant, b: SpiffEntrant) => b.units * pct(a) - a.units * pct(b);
  const eligible = entrants
    .filter(qualifies)
    .sort((a, b) => compareScore(a, b) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const standings: ContestStanding[] = [];
  let i = 0;
  while (i < eligible.length) {
    let j = i;
    while (j + 1 < eligible.length && compareScore(eligible[i], eligible[j + 1]) === 0) {
      j += 1;
    }
    const size = j - i + 1;
    let pool = 0;
    for (let place = i; place <= j; place += 1) {
      pool += rule.prizes[place] ?? 0;
    }
    const share = Math.floor(pool / size);
    for (let k = i; k <= j; k += 1) {
      const e = eligible[k];
      standings.push({
        code: e.code,
        units: e.units,
        score: (e.units * 100) / pct(e),
        targetPercent: pct(e),
        rank: i + 1,
        places: { from: i + 1, to: j + 1 },
        prizeCents: share,
      });
    }
    i = j + 1;
  }
  return {
    standings,
    ineligible: entrants
      .filter((e) => !qualifies(e))
      .map((e) => e.code)
      .sort(),
    totalCents: standings.reduce((sum, s) => sum + s.prizeCents, 0),
  };
}

/** metrics.md §7 contest `scope: team`: sums agents' units per team (teams ordered by code). */
export function teamContestUnits(
  members: readonly { agentCode: string; teamCode: string; units: number }[],
): SpiffEntrant[] {
  const byTeam = new Map<string, number>();
  for (const m of members) {
    byTeam.set(m.teamCode, (byTeam.get(m.teamCode) ?? 0) + m.units);
  }
  return [...byTeam.entries()]
    .map(([code, units]) => ({ code, units }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * metrics.md §7 contest (floor to the cent): splits a team's prize equally among its members,
 * floored to the cent like tied prizes (members ordered by code; leftover cents are not paid).
 */
export function splitTeamPrize(
  prizeCents: number,
  memberCodes: readonly string[],
): { code: string; cents: number }[] {
  if (memberCodes.length === 0) {
    return [];
  }
  const share = Math.floor(prizeCents / memberCodes.length);
  return [...memberCodes].sort().map((code) => ({ code, cents: share }));
}
