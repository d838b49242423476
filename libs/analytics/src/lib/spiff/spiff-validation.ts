import { parseLocalDate } from '../schedule/instant';
import { SPIFF_METRICS, SpiffCampaign, SpiffRule, WeightedAmount } from './spiff.types';

/** One problem of a campaign definition: where (a JSON-ish path) and what. */
export interface SpiffValidationError {
  path: string;
  message: string;
}

const isCents = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isPositiveInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

function checkPrizes(
  prizes: readonly number[] | undefined,
  path: string,
  errors: SpiffValidationError[],
): void {
  if (!Array.isArray(prizes) || prizes.length === 0) {
    errors.push({ path, message: 'needs at least one prize' });
    return;
  }
  prizes.forEach((p, i) => {
    if (!isCents(p)) {
      errors.push({ path: `${path}[${i}]`, message: 'must be a non-negative integer of cents' });
    } else if (i > 0 && isCents(prizes[i - 1]) && p > prizes[i - 1]) {
      errors.push({
        path: `${path}[${i}]`,
        message: 'must not exceed the prize of the rank above',
      });
    }
  });
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
    if (!isCents(item?.amountCents)) {
      errors.push({
        path: `${path}[${i}].amountCents`,
        message: 'must be a non-negative integer of cents',
      });
    }
    if (!isPositiveInt(item?.weight)) {
      errors.push({
        path: `${path}[${i}].weight`,
        message: 'must be a positive integer (weights ≤ 0 never win)',
      });
    }
  });
}

function checkRule(rule: SpiffRule, errors: SpiffValidationError[]): void {
  switch (rule?.type) {
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
      return;
    case 'tiered':
      if (!Array.isArray(rule.tiers) || rule.tiers.length === 0) {
        errors.push({ path: 'rule.tiers', message: 'needs at least one tier' });
        return;
      }
      rule.tiers.forEach((tier, i) => {
        const prev = i > 0 ? rule.tiers[i - 1] : null;
        if (
          typeof tier?.threshold !== 'number' ||
          !Number.isFinite(tier.threshold) ||
          tier.threshold <= 0
        ) {
          errors.push({
            path: `rule.tiers[${i}].threshold`,
            message: 'must be a positive number of units',
          });
        } else if (prev && typeof prev.threshold === 'number' && tier.threshold <= prev.threshold) {
          errors.push({
            path: `rule.tiers[${i}].threshold`,
            message: 'thresholds must strictly increase',
          });
        }
        if (!isCents(tier?.amountCents)) {
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
      return;
    case 'contest':
      checkPrizes(rule.prizes, 'rule.prizes', errors);
      if (rule.scope !== 'agent' && rule.scope !== 'team') {
        errors.push({ path: 'rule.scope', message: 'must be agent or team' });
      }
      if (
        typeof rule.minUnits !== 'number' ||
        !Number.isFinite(rule.minUnits) ||
        rule.minUnits < 0
      ) {
        errors.push({ path: 'rule.minUnits', message: 'must be a non-negative number' });
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
    default:
      errors.push({
        path: 'rule.type',
        message: 'must be one of per_unit, tiered, contest, prize_wheel, mystery_envelope, lottery',
      });
  }
}

/**
 * Validates a campaign definition (metrics.md §7) and returns every problem found, or [] when it
 * can run: a known metric; a positive integer budget; a period whose dates exist and are in
 * order; and the rule's parameters — positive per-unit amount and a cap not below it; tiers
 * present with strictly increasing positive thresholds and amounts that never decrease; prizes
 * present, non-negative and non-increasing by rank; scope agent/team; `minUnits ≥ 0`; units per
 * spin/envelope/ticket whole numbers ≥ 1; wheel slices and envelope amounts present with
 * non-negative amounts and positive integer weights (integer weights keep draws exact).
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
  return errors;
}
