import { ContestRule, SpiffEntrant } from './spiff.types';

/** One entrant's final place in a contest. */
export interface ContestStanding {
  code: string;
  units: number;
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
  }
  const eligible = entrants
    .filter((e) => e.units >= rule.minUnits)
    .sort((a, b) => b.units - a.units || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const standings: ContestStanding[] = [];
  let i = 0;
  while (i < eligible.length) {
    let j = i;
    while (j + 1 < eligible.length && eligible[j + 1].units === eligible[i].units) {
      j += 1;
    }
    const size = j - i + 1;
    let pool = 0;
    for (let place = i; place <= j; place += 1) {
      pool += rule.prizes[place] ?? 0;
    }
    const share = Math.floor(pool / size);
    for (let k = i; k <= j; k += 1) {
      standings.push({
        code: eligible[k].code,
        units: eligible[k].units,
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
      .filter((e) => !(e.units >= rule.minUnits))
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
