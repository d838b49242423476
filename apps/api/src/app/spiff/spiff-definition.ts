import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import {
  Handicap,
  QualityGate,
  SpiffMetric,
  SpiffRule,
  SpiffValidationError,
  validateSpiffCampaign,
} from '@floorwise/analytics';
import type { SpiffCampaignInput } from '@floorwise/contracts';
import { AuthUser, teamFilter } from '../auth/auth-user';
import { DomainError, DomainErrorCode, forbidden } from '../common/domain-error';

/** A campaign definition checked and resolved to ids, ready to store. */
export interface ResolvedDefinition {
  name: string;
  description: string | null;
  metric: SpiffMetric;
  budgetCents: number;
  periodFrom: string;
  periodTo: string;
  rule: SpiffRule;
  qualityGate: QualityGate | null;
  handicap: Handicap | null;
  teamIds: number[];
  siteIds: number[];
  callCampaignIds: number[];
}

/** The longest period a campaign may run (a SPIFF is a short-term incentive). */
export const MAX_PERIOD_DAYS = 366;

const isDate = (v: unknown): v is string =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v) &&
  DateTime.fromISO(v, { zone: 'UTC' }).isValid;

/** 400 with every problem of a definition, each with its path. */
export function invalidDefinition(errors: SpiffValidationError[]): DomainError {
  const list = errors.map((e) => `${e.path} ${e.message}`).join('; ');
  return new DomainError(
    DomainErrorCode.Invalid,
    `${errors.length} problem${errors.length === 1 ? '' : 's'} in the campaign: ${list}`,
    { errors },
  );
}

/**
 * Checks a campaign definition (metrics.md §7 via `validateSpiffCampaign`, plus name, period
 * and eligibility) and resolves its codes to ids. A manager's campaign runs for their own teams
 * only: no team given means all of them, a team of someone else is refused (403). Every
 * problem is reported at once (400 `errors: [{path, message}]`).
 */
export async function resolveDefinition(
  db: DataSource,
  user: AuthUser,
  input: SpiffCampaignInput,
): Promise<ResolvedDefinition> {
  const errors: SpiffValidationError[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (name.length === 0 || name.length > 120) {
    errors.push({ path: 'name', message: 'must be 1–120 characters' });
  }
  if (
    input.description != null &&
    (typeof input.description !== 'string' || input.description.length > 2000)
  ) {
    errors.push({ path: 'description', message: 'must be at most 2,000 characters' });
  }
  const periodOk = isDate(input.periodFrom) && isDate(input.periodTo);
  if (!isDate(input.periodFrom)) {
    errors.push({ path: 'periodFrom', message: 'must be a local date YYYY-MM-DD that exists' });
  }
  if (!isDate(input.periodTo)) {
    errors.push({ path: 'periodTo', message: 'must be a local date YYYY-MM-DD that exists' });
  }
  if (periodOk) {
    const days =
      DateTime.fromISO(input.periodTo, { zone: 'UTC' }).diff(
        DateTime.fromISO(input.periodFrom, { zone: 'UTC' }),
        'days',
      ).days + 1;
    if (days < 1) {
      errors.push({ path: 'periodTo', message: 'must not be before periodFrom' });
    } else if (days > MAX_PERIOD_DAYS) {
      errors.push({ path: 'periodTo', message: `a campaign runs at most ${MAX_PERIOD_DAYS} days` });
    }
  }
  const ruleErrors = validateSpiffCampaign({
    metric: input.metric,
    budgetCents: input.budgetCents,
    rule: input.rule as SpiffRule,
    qualityGate: input.qualityGate ?? null,
    handicap: input.handicap ?? null,
  });
  errors.push(...ruleErrors);

  const eligibility = input.eligibility ?? {};
  const codes = {
    teamCodes: listOf(eligibility.teamCodes, 'eligibility.teamCodes', errors),
    siteCodes: listOf(eligibility.siteCodes, 'eligibility.siteCodes', errors),
    campaignCodes: listOf(eligibility.campaignCodes, 'eligibility.campaignCodes', errors),
  };
  for (const key of Object.keys(eligibility)) {
    if (!['teamCodes', 'siteCodes', 'campaignCodes'].includes(key)) {
      errors.push({
        path: `eligibility.${key}`,
        message: 'is not an eligibility filter (expected teamCodes, siteCodes, campaignCodes)',
      });
    }
  }
  const teams = await lookup(
    db,
    'team',
    'team_code',
    codes.teamCodes,
    'eligibility.teamCodes',
    'team',
    errors,
  );
  const sites = await lookup(
    db,
    'site',
    'site_code',
    codes.siteCodes,
    'eligibility.siteCodes',
    'site',
    errors,
  );
  const lines = await lookup(
    db,
    'campaign',
    'campaign_code',
    codes.campaignCodes,
    'eligibility.campaignCodes',
    'campaign',
    errors,
  );

  let teamIds = teams;
  if (user.role === 'manager') {
    const mine = teamFilter(user);
    if (mine !== null) {
      const foreign = codes.teamCodes.filter(
        (_, i) => teams[i] !== undefined && !mine.includes(teams[i]),
      );
      if (foreign.length > 0) {
        throw forbidden(
          `A manager's campaign runs for their own teams only: ${foreign.join(', ')} ${foreign.length === 1 ? 'is' : 'are'} not yours`,
        );
      }
      if (codes.teamCodes.length === 0) {
        if (mine.length === 0) {
          throw forbidden('You manage no team, so there is nobody to run a campaign for');
        }
        teamIds = [...mine].sort((a, b) => a - b);
      }
    }
  }
  const rule = input.rule as SpiffRule;
  if (errors.length === 0 && rule?.type === 'contest' && rule.scope === 'team') {
    const [{ n }]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM team t
       WHERE (cardinality($1::int[]) = 0 OR t.id = ANY($1::int[]))
         AND (cardinality($2::int[]) = 0 OR t.site_id = ANY($2::int[]))`,
      [teamIds, sites],
    );
    if (n < 2) {
      errors.push({
        path: 'rule.scope',
        message: `a team contest needs at least two eligible teams, and ${n === 1 ? 'one is' : 'none are'}`,
      });
    }
  }
  if (errors.length > 0) {
    throw invalidDefinition(errors);
  }
  return {
    name,
    description: input.description?.trim() || null,
    metric: input.metric,
    budgetCents: input.budgetCents,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    rule: normaliseRule(rule),
    qualityGate: input.qualityGate ?? null,
    handicap: input.handicap ?? null,
    teamIds: [...new Set(teamIds)].sort((a, b) => a - b),
    siteIds: [...new Set(sites)].sort((a, b) => a - b),
    callCampaignIds: [...new Set(lines)].sort((a, b) => a - b),
  };
}

/** Stores optional parameters explicitly so the stored rule reads the same everywhere. */
function normaliseRule(rule: SpiffRule): SpiffRule {
  if (rule.type === 'per_unit') {
    return {
      type: 'per_unit',
      amountCents: rule.amountCents,
      capCents: rule.capCents ?? null,
      perUnits: rule.perUnits ?? 1,
    };
  }
  return rule;
}

function listOf(v: unknown, path: string, errors: SpiffValidationError[]): string[] {
  if (v === undefined || v === null) {
    return [];
  }
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
    errors.push({ path, message: 'must be a list of codes' });
    return [];
  }
  return [...new Set(v.map((x: string) => x.trim()))];
}

async function lookup(
  db: DataSource,
  table: 'team' | 'site' | 'campaign',
  column: string,
  codes: string[],
  path: string,
  what: string,
  errors: SpiffValidationError[],
): Promise<number[]> {
  if (codes.length === 0) {
    return [];
  }
  const rows: { id: number; code: string }[] = await db.query(
    `SELECT id, ${column} AS code FROM ${table} WHERE ${column} = ANY($1::text[])`,
    [codes],
  );
  const byCode = new Map(rows.map((r) => [r.code, r.id]));
  const ids: number[] = [];
  codes.forEach((code, i) => {
    const id = byCode.get(code);
    if (id === undefined) {
      errors.push({ path: `${path}[${i}]`, message: `${what} "${code}" does not exist` });
    }
    ids[i] = id as number;
  });
  return ids;
}
