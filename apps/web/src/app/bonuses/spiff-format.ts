import type {
  SpiffAwardKind,
  SpiffAwardStatus,
  SpiffMetricName,
  SpiffRuleDto,
  SpiffRuleName,
} from '@floorwise/contracts';
import { formatCents, formatNumber } from '@floorwise/ui';

/** How a metric's units read: "3 saves", "1 resolved call", "$120.50 in sales". */
export const METRIC_UNITS: Readonly<
  Record<SpiffMetricName, { one: string; many: string; label: string }>
> = {
  sales: { one: 'sale', many: 'sales', label: 'Sales' },
  saves: { one: 'save', many: 'saves', label: 'Saves' },
  resolved: { one: 'resolved call', many: 'resolved calls', label: 'Resolved calls' },
  calls_handled: { one: 'call', many: 'calls', label: 'Calls handled' },
  sale_amount_cents: { one: 'cent of sales', many: 'cents of sales', label: 'Sales amount' },
};

export function unitsText(metric: SpiffMetricName, n: number, locale?: string): string {
  if (metric === 'sale_amount_cents') {
    return `${formatCents(n, locale)} in sales`;
  }
  const u = METRIC_UNITS[metric];
  return `${formatNumber(n, locale)} ${n === 1 ? u.one : u.many}`;
}

/** "every 20 resolved calls", "every sale", "every $100.00 of sales". */
function every(metric: SpiffMetricName, n: number, locale?: string): string {
  if (metric === 'sale_amount_cents') {
    return `every ${formatCents(n, locale)} of sales`;
  }
  const u = METRIC_UNITS[metric];
  return n === 1 ? `every ${u.one}` : `every ${formatNumber(n, locale)} ${u.many}`;
}

export const RULE_LABEL: Readonly<Record<SpiffRuleName, string>> = {
  per_unit: 'Per unit',
  tiered: 'Tiers',
  contest: 'Contest',
  prize_wheel: 'Prize wheel',
  mystery_envelope: 'Mystery envelope',
  lottery: 'Lottery',
};

/** One sentence saying what a rule pays. */
export function ruleSummary(rule: SpiffRuleDto, metric: SpiffMetricName, locale?: string): string {
  const $ = (c: number) => formatCents(c, locale);
  switch (rule.type) {
    case 'per_unit': {
      const per = rule.perUnits ?? 1;
      const cap = rule.capCents != null ? `, up to ${$(rule.capCents)}` : ', no cap';
      return `${$(rule.amountCents)} ${every(metric, per, locale)}${cap}`;
    }
    case 'tiered':
      return `Highest tier reached: ${rule.tiers
        .map((t) => `${unitsText(metric, t.threshold, locale)} → ${$(t.amountCents)}`)
        .join(' · ')}`;
    case 'contest':
      return `${rule.scope === 'team' ? 'Team' : 'Agent'} contest: ${rule.prizes.map($).join(' / ')} by rank, at least ${unitsText(metric, rule.minUnits, locale)}`;
    case 'prize_wheel':
      return `A spin ${every(metric, rule.unitsPerSpin, locale)}, up to ${$(Math.max(...rule.slices.map((s) => s.amountCents)))} a spin`;
    case 'mystery_envelope':
      return `An envelope ${every(metric, rule.unitsPerEnvelope, locale)}, up to ${$(Math.max(...rule.amounts.map((s) => s.amountCents)))} inside`;
    case 'lottery':
      return `A ticket ${every(metric, rule.unitsPerTicket, locale)}; ${rule.prizes.length} prize${rule.prizes.length === 1 ? '' : 's'} drawn at close (${rule.prizes.map($).join(' / ')})`;
  }
}

export const STATUS_LABEL: Readonly<Record<SpiffAwardStatus, string>> = {
  pending: 'Pending',
  approved: 'Approved',
  paid: 'Paid',
  void: 'Void',
  declined_budget: 'Budget ran out',
};

export const STATUS_TONE: Readonly<
  Record<SpiffAwardStatus, '' | 'good' | 'warn' | 'bad' | 'info'>
> = {
  pending: 'warn',
  approved: 'info',
  paid: 'good',
  void: '',
  declined_budget: 'bad',
};

export const KIND_LABEL: Readonly<Record<SpiffAwardKind, string>> = {
  unit: 'Per unit',
  tier: 'Tier',
  spin: 'Spin',
  envelope: 'Envelope',
  contest: 'Contest prize',
  lottery: 'Lottery prize',
  adjustment: 'Adjustment',
};

/** What an award was for, in a few words. */
export function awardReason(kind: SpiffAwardKind, detail: Record<string, unknown>): string {
  switch (kind) {
    case 'tier':
      return `Tier ${detail['tier']}`;
    case 'spin':
      return `Spin ${detail['draw']}`;
    case 'envelope':
      return `Envelope ${detail['draw']}`;
    case 'contest':
      return detail['teamCode']
        ? `Team ${detail['teamCode']}, place ${detail['rank']}`
        : `Place ${detail['rank']}`;
    case 'lottery':
      return `Draw ${detail['draw']}`;
    case 'adjustment':
      return 'Dispute adjustment';
    case 'unit':
      return 'Per unit';
  }
}

/** Tone of a budget burn: calm below 80 %, warning to 100 %, spent at 100 %. */
export function burnTone(burn: number): 'good' | 'warn' | 'bad' {
  return burn >= 0.999 ? 'bad' : burn >= 0.8 ? 'warn' : 'good';
}

/** "3 days left", "Last day", "Starts 2 Dec", "Ended". */
export function daysLeftText(daysLeft: number, status: 'active' | 'closed'): string {
  if (status === 'closed' || daysLeft <= 0) {
    return 'Ended';
  }
  return daysLeft === 1 ? 'Last day' : `${daysLeft} days left`;
}
