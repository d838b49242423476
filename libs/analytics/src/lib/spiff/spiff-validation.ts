import { parseLocalDate } from '../schedule/instant';
import {
  SPIFF_METRICS,
  SPIFF_RULE_TYPES,
  SpiffCampaign,
  SpiffRule,
  WeightedAmount,
} from './spiff.types';

/** One problem of a campaign definition: where (a JSON-ish path) and what. */
export interface SpiffValidationError {
  path: string;
  message: string;
}

const isCents = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parameters each rule takes (metrics.md §7); anything else is a typo worth naming. */
const RULE_KEYS: Record<SpiffRule['type'], readonly string[]> = {
  per_unit: ['type', 'amountCents', 'capCents', 'perUnits'],
  tiered: ['type', 'tiers'],
  contest: ['type', 'prizes', 'scope', 'minUnits'],
  prize_wheel: ['type', 'unitsPerSpin', 'slices'],
  mystery_envelope: ['type', 'unitsPerEnvelope', 'amounts'],
  lottery: ['type', 'unitsPerTicket', 'prizes'],
};

function unknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  what: string,
  errors: SpiffValidationError[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      errors.push({
        path: path === '' ? key : `${path}.${key}`,
        message: `is not a parameter of ${what} (expected ${allowed.filter((k) => k !== 'type').join(', ')})`,
      });
    }
  }
}

function checkPrizes(prizes: unknown, path: string, errors: SpiffValidationError[]): void {
  if (!Array.isArray(prizes) || prizes.length === 0) {
    errors.push({ path, message: 'needs at least one prize' });
    return;
  }
  prizes.forEach((p: unknown, i) => {
    if (!isCents(p)) {
      errors.push({ path: `${path}[${i}]`, message: 'must be a non-negative integer of cents' });
    } else if (i > 0 && isCents(prizes[i - 1]) && p > prizes[i - 1]) {
      errors.push({
        path: `${path}[${i}]`,
        message: 'must not exceed the prize of the rank above',
      });
    }
  });
  if (prizes.every(isCents) && prizes[0] === 0) {
    errors.push({ path: `${path}[0]`, message: 'the first prize must pay something' });
  }
}

function checkWeighted(
  items: readonly WeightedAmount[] | undefined,
  path: string,
  errors: SpiffValidationError[],
): void {
  if (!Array.isArray(items) || items.length === 0) {
    errors.push({ path, message: 'needs at least one amount' });
    return;
  }
  items.forEach((item, i) => {
    if (!isObject(item)) {
      errors.push({ path: `${path}[${i}]`, message: 'must be {amountCents, weight}' });
      return;
    }
    unknownKeys(item, ['amountCents', 'weight'], `${path}[${i}]`, 'an amount', errors);
    if (!isCents(item.amountCents)) {
      errors.push({
        path: `${path}[${i}].amountCents`,
        message: 'must be a non-negative integer of cents',
      });
    }
    if (!isPositiveInt(item.weight)) {
      errors.push({
        path: `${path}[${i}].weight`,
        message: 'must be a positive integer (weights ≤ 0 never win)',
      });
    }
  });
  if (items.every((i) => isObject(i) && isCents(i.amountCents) && i.amountCents === 0)) {
    errors.push({ path, message: 'at least one amount must pay something' });
  }
}

function checkRule(rule: SpiffRule, errors: SpiffValidationError[]): void {
  if (!isObject(rule) || !SPIFF_RULE_TYPES.includes(rule.type)) {
    errors.push({
      path: 'rule.type',
      message: `must be one of ${SPIFF_RULE_TYPES.join(', ')}`,
    });
    return;
  }
  unknownKeys(
    rule as unknown as Record<string, unknown>,
    RULE_KEYS[rule.type],
    'rule',
    rule.type,
    errors,
  );
  switch (rule.type) {
    case 'per_unit':
      if (!isCents(rule.amountCents) || rule.amountCents === 0) {
        errors.push({ path: 'rule.amountCents', message: 'must be a positive integer of cents' });
      }
      if (rule.capCents != null) {
        if (!isCents(rule.capCents)) {
          errors.push({
            path: 'rule.capCents',
            message: 'must be a non-negative integer of cents',
          });
        } else if (isCents(rule.amountCents) && rule.capCents < rule.amountCents) {
          errors.push({
            path: 'rule.capCents',
            message: 'must be at least the amount of one unit',
          });
        }
      }
      if (rule.perUnits !== undefined && !isPositiveInt(rule.perUnits)) {
        errors.push({ path: 'rule.perUnits', message: 'must be a whole number ≥ 1' });
      }
      return;
    case 'tiered':
      if (!Array.isArray(rule.tiers) || rule.tiers.length === 0) {
        errors.push({ path: 'rule.tiers', message: 'needs at least one tier' });
        return;
      }
      rule.tiers.forEach((tier, i) => {
        const prev = i > 0 ? rule.tiers[i - 1] : null;
        if (!isObject(tier)) {
          errors.push({ path: `rule.tiers[${i}]`, message: 'must be {threshold, amountCents}' });
          return;
        }
        unknownKeys(tier, ['threshold', 'amountCents'], `rule.tiers[${i}]`, 'a tier', errors);
        if (!isPositiveInt(tier.threshold)) {
          errors.push({
            path: `rule.tiers[${i}].threshold`,
            message: 'must be a whole number of units ≥ 1',
          });
        } else if (prev && typeof prev.threshold === 'number' && tier.threshold <= prev.threshold) {
          errors.push({
            path: `rule.tiers[${i}].threshold`,
            message: 'thresholds must strictly increase',
          });
        }
        if (!isCents(tier.amountCents)) {
          errors.push({
            path: `rule.tiers[${i}].amountCents`,
            message: 'must be a non-negative integer of cents',
          });
        } else if (prev && isCents(prev.amountCents) && tier.amountCents < prev.amountCents) {
          errors.push({
            path: `rule.tiers[${i}].amountCents`,
            message: 'a higher tier must not pay less',
          });
        }
      });
      {
        const top = rule.tiers[rule.tiers.length - 1];
        if (isObject(top) && isCents(top.amountCents) && top.amountCents === 0) {
          errors.push({
            path: `rule.tiers[${rule.tiers.length - 1}].amountCents`,
            message: 'the top tier must pay something',
          });
        }
      }
      return;
    case 'contest':
      checkPrizes(rule.prizes, 'rule.prizes', errors);
      if (rule.scope !== 'agent' && rule.scope !== 'team') {
        errors.push({ path: 'rule.scope', message: 'must be agent or team' });
      }
      if (!isPositiveInt(rule.minUnits)) {
        errors.push({
          path: 'rule.minUnits',
          message: 'must be a whole number ≥ 1 (nobody wins a prize with no units)',
        });
      }
      return;
    case 'prize_wheel':
      if (!isPositiveInt(rule.unitsPerSpin)) {
        errors.push({ path: 'rule.unitsPerSpin', message: 'must be a whole number ≥ 1' });
      }
      checkWeighted(rule.slices, 'rule.slices', errors);
      return;
    case 'mystery_envelope':
      if (!isPositiveInt(rule.unitsPerEnvelope)) {
        errors.push({ path: 'rule.unitsPerEnvelope', message: 'must be a whole number ≥ 1' });
      }
      checkWeighted(rule.amounts, 'rule.amounts', errors);
      return;
    case 'lottery':
      if (!isPositiveInt(rule.unitsPerTicket)) {
        errors.push({ path: 'rule.unitsPerTicket', message: 'must be a whole number ≥ 1' });
      }
      checkPrizes(rule.prizes, 'rule.prizes', errors);
      return;
  }
}

function checkOptions(campaign: SpiffCampaign, errors: SpiffValidationError[]): void {
  const gate = campaign.qualityGate;
  if (gate != null) {
    if (!isObject(gate)) {
      errors.push({ path: 'qualityGate', message: 'must be {qaMin?, csatMin?, unscored}' });
    } else {
      unknownKeys(gate, ['qaMin', 'csatMin', 'unscored'], 'qualityGate', 'a quality gate', errors);
      const qa = gate.qaMin;
      const csat = gate.csatMin;
      if (qa == null && csat == null) {
        errors.push({ path: 'qualityGate', message: 'needs qaMin, csatMin or both' });
      }
      if (qa != null && !(Number.isSafeInteger(qa) && qa >= 0 && qa <= 100)) {
        errors.push({ path: 'qualityGate.qaMin', message: 'must be a whole QA score 0–100' });
      }
      if (csat != null && !(Number.isSafeInteger(csat) && csat >= 1 && csat <= 5)) {
        errors.push({ path: 'qualityGate.csatMin', message: 'must be a whole CSAT score 1–5' });
      }
      if (gate.unscored !== 'count' && gate.unscored !== 'exclude') {
        errors.push({ path: 'qualityGate.unscored', message: 'must be count or exclude' });
      }
    }
  }
  const h = campaign.handicap;
  if (h != null) {
    if (!isObject(h)) {
      errors.push({ path: 'handicap', message: 'must be {tenureDays, targetPercent}' });
      return;
    }
    unknownKeys(h, ['tenureDays', 'targetPercent'], 'handicap', 'a handicap', errors);
    if (!(isPositiveInt(h.tenureDays) && h.tenureDays <= 3650)) {
      errors.push({
        path: 'handicap.tenureDays',
        message: 'must be a whole number of days 1–3650',
      });
    }
    if (!(isPositiveInt(h.targetPercent) && h.targetPercent <= 99)) {
      errors.push({
        path: 'handicap.targetPercent',
        message: 'must be a whole percent 1–99 of the normal targets',
      });
    }
    const rule = campaign.rule;
    if (rule?.type === 'per_unit') {
      errors.push({
        path: 'handicap',
        message: 'a per_unit rule has no target to handicap (every unit pays the same)',
      });
    }
    if (rule?.type === 'contest' && rule.scope === 'team') {
      errors.push({
        path: 'handicap',
        message: 'a team contest ranks team totals; handicaps apply to agents only',
      });
    }
  }
}

/**
 * Validates a campaign definition (metrics.md §7) and returns every problem found, or [] when it
 * can run: a known metric; a positive integer budget; a period whose dates exist and are in
 * order; the rule's parameters (and no others) — positive per-unit amount, a cap not below it,
 * whole `perUnits` ≥ 1; tiers present with strictly increasing whole thresholds ≥ 1, amounts that
 * never decrease and a top tier that pays; prizes present, non-negative, non-increasing by rank,
 * a first prize that pays; scope agent/team; whole `minUnits` ≥ 1; units per
 * spin/envelope/ticket whole numbers ≥ 1; wheel slices and envelope amounts present with
 * non-negative amounts (one at least paying) and positive integer weights (integer weights keep
 * draws exact); contest and lottery prizes that fit the budget (their cost is known in
 * advance); and the options — a quality gate with a QA floor 0–100 and/or a CSAT floor 1–5, a
 * handicap of 1–99 % for tenure under 1–3650 days, not on a per-unit rule or a team contest.
 */
export function validateSpiffCampaign(campaign: SpiffCampaign): SpiffValidationError[] {
  const errors: SpiffValidationError[] = [];
  if (!SPIFF_METRICS.includes(campaign.metric)) {
    errors.push({ path: 'metric', message: `must be one of ${SPIFF_METRICS.join(', ')}` });
  }
  if (!isCents(campaign.budgetCents) || campaign.budgetCents === 0) {
    errors.push({ path: 'budgetCents', message: 'must be a positive integer of cents' });
  }
  if (campaign.period) {
    let valid = true;
    for (const key of ['from', 'to'] as const) {
      try {
        parseLocalDate(campaign.period[key]);
      } catch {
        valid = false;
        errors.push({ path: `period.${key}`, message: 'must be a valid YYYY-MM-DD date' });
      }
    }
    if (valid && campaign.period.to < campaign.period.from) {
      errors.push({ path: 'period.to', message: 'must not be before period.from' });
    }
  }
  checkRule(campaign.rule, errors);
  const rule = campaign.rule;
  if (
    (rule?.type === 'contest' || rule?.type === 'lottery') &&
    Array.isArray(rule.prizes) &&
    rule.prizes.every(isCents) &&
    isCents(campaign.budgetCents) &&
    campaign.budgetCents > 0
  ) {
    const total = rule.prizes.reduce((s, p) => s + p, 0);
    if (total > campaign.budgetCents) {
      errors.push({
        path: 'rule.prizes',
        message: `the prizes total ${total} cents, more than the budget of ${campaign.budgetCents} cents`,
      });
    }
  }
  checkOptions(campaign, errors);
  return errors;
}
