import type {
  SpiffCampaignDto,
  SpiffCampaignInput,
  SpiffMetricName,
  SpiffRuleDto,
  SpiffRuleName,
} from '@floorwise/contracts';

/** The builder's form, in the units a manager types (dollars, whole units). */
export interface BuilderModel {
  name: string;
  description: string;
  metric: SpiffMetricName;
  budget: string;
  periodFrom: string;
  periodTo: string;
  ruleType: SpiffRuleName;
  amount: string;
  cap: string;
  perUnits: number;
  tiers: { threshold: number; amount: string }[];
  prizes: string[];
  scope: 'agent' | 'team';
  minUnits: number;
  unitsPerDraw: number;
  slices: { amount: string; weight: number }[];
  teamCodes: string[];
  siteCodes: string[];
  campaignCodes: string[];
  gateOn: boolean;
  qaMin: number | null;
  csatMin: number | null;
  unscored: 'count' | 'exclude';
  handicapOn: boolean;
  tenureDays: number;
  targetPercent: number;
}

const MONEY = /^\s*\$?\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/;

/**
 * Dollars as typed ("12", "12.5", "$1,234"? no — "1234.56") to integer cents, exactly (no float
 * arithmetic); NaN when it is not an amount, so the API names the field.
 */
export function dollarsToCents(text: string): number {
  const m = MONEY.exec(text ?? '');
  if (!m) {
    return Number.NaN;
  }
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function centsToDollars(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) {
    return '';
  }
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function emptyModel(today: string, inAMonth: string): BuilderModel {
  return {
    name: '',
    description: '',
    metric: 'sales',
    budget: '1000.00',
    periodFrom: today,
    periodTo: inAMonth,
    ruleType: 'tiered',
    amount: '5.00',
    cap: '',
    perUnits: 1,
    tiers: [
      { threshold: 10, amount: '25.00' },
      { threshold: 20, amount: '60.00' },
      { threshold: 30, amount: '100.00' },
    ],
    prizes: ['250.00', '150.00', '100.00'],
    scope: 'agent',
    minUnits: 5,
    unitsPerDraw: 10,
    slices: [
      { amount: '0.00', weight: 3 },
      { amount: '5.00', weight: 6 },
      { amount: '20.00', weight: 2 },
      { amount: '100.00', weight: 1 },
    ],
    teamCodes: [],
    siteCodes: [],
    campaignCodes: [],
    gateOn: false,
    qaMin: 80,
    csatMin: null,
    unscored: 'count',
    handicapOn: false,
    tenureDays: 90,
    targetPercent: 70,
  };
}

function ruleOf(m: BuilderModel): SpiffRuleDto {
  switch (m.ruleType) {
    case 'per_unit':
      return {
        type: 'per_unit',
        amountCents: dollarsToCents(m.amount),
        capCents: m.cap.trim() === '' ? null : dollarsToCents(m.cap),
        perUnits: m.perUnits,
      };
    case 'tiered':
      return {
        type: 'tiered',
        tiers: m.tiers.map((t) => ({
          threshold: t.threshold,
          amountCents: dollarsToCents(t.amount),
        })),
      };
    case 'contest':
      return {
        type: 'contest',
        scope: m.scope,
        minUnits: m.minUnits,
        prizes: m.prizes.map(dollarsToCents),
      };
    case 'prize_wheel':
      return {
        type: 'prize_wheel',
        unitsPerSpin: m.unitsPerDraw,
        slices: m.slices.map((s) => ({ amountCents: dollarsToCents(s.amount), weight: s.weight })),
      };
    case 'mystery_envelope':
      return {
        type: 'mystery_envelope',
        unitsPerEnvelope: m.unitsPerDraw,
        amounts: m.slices.map((s) => ({ amountCents: dollarsToCents(s.amount), weight: s.weight })),
      };
    case 'lottery':
      return {
        type: 'lottery',
        unitsPerTicket: m.unitsPerDraw,
        prizes: m.prizes.map(dollarsToCents),
      };
  }
}

/** The API's campaign definition from the form (money in cents; only the chosen rule's fields). */
export function toInput(m: BuilderModel): SpiffCampaignInput {
  return {
    name: m.name.trim(),
    description: m.description.trim() || null,
    metric: m.metric,
    budgetCents: dollarsToCents(m.budget),
    periodFrom: m.periodFrom,
    periodTo: m.periodTo,
    rule: ruleOf(m),
    eligibility: { teamCodes: m.teamCodes, siteCodes: m.siteCodes, campaignCodes: m.campaignCodes },
    qualityGate: m.gateOn
      ? { qaMin: m.qaMin ?? null, csatMin: m.csatMin ?? null, unscored: m.unscored }
      : null,
    handicap: m.handicapOn ? { tenureDays: m.tenureDays, targetPercent: m.targetPercent } : null,
  };
}

/** The form of a stored draft, to edit it. */
export function fromCampaign(c: SpiffCampaignDto, base: BuilderModel): BuilderModel {
  const m: BuilderModel = {
    ...base,
    name: c.name,
    description: c.description ?? '',
    metric: c.metric,
    budget: centsToDollars(c.budget.budgetCents),
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    ruleType: c.rule.type,
    teamCodes: [...c.eligibility.teamCodes],
    siteCodes: [...c.eligibility.siteCodes],
    campaignCodes: [...c.eligibility.campaignCodes],
    gateOn: c.qualityGate !== null,
    qaMin: c.qualityGate?.qaMin ?? base.qaMin,
    csatMin: c.qualityGate?.csatMin ?? null,
    unscored: c.qualityGate?.unscored ?? 'count',
    handicapOn: c.handicap !== null,
    tenureDays: c.handicap?.tenureDays ?? base.tenureDays,
    targetPercent: c.handicap?.targetPercent ?? base.targetPercent,
  };
  const r = c.rule;
  switch (r.type) {
    case 'per_unit':
      return {
        ...m,
        amount: centsToDollars(r.amountCents),
        cap: centsToDollars(r.capCents ?? null),
        perUnits: r.perUnits ?? 1,
      };
    case 'tiered':
      return {
        ...m,
        tiers: r.tiers.map((t) => ({
          threshold: t.threshold,
          amount: centsToDollars(t.amountCents),
        })),
      };
    case 'contest':
      return {
        ...m,
        scope: r.scope,
        minUnits: r.minUnits,
        prizes: r.prizes.map((p) => centsToDollars(p)),
      };
    case 'prize_wheel':
      return {
        ...m,
        unitsPerDraw: r.unitsPerSpin,
        slices: r.slices.map((s) => ({ amount: centsToDollars(s.amountCents), weight: s.weight })),
      };
    case 'mystery_envelope':
      return {
        ...m,
        unitsPerDraw: r.unitsPerEnvelope,
        slices: r.amounts.map((s) => ({ amount: centsToDollars(s.amountCents), weight: s.weight })),
      };
    case 'lottery':
      return {
        ...m,
        unitsPerDraw: r.unitsPerTicket,
        prizes: r.prizes.map((p) => centsToDollars(p)),
      };
  }
}

/**
 * The API's problems (`errors: [{path, message}]`) grouped by the form section they belong to —
 * the first segment of the path (`rule.tiers[1].threshold` → `rule`) — each as "path message".
 */
export function problemsByField(
  errors: { path: string; message: string }[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of errors) {
    const field = e.path.split(/[.[]/)[0];
    out.set(field, [...(out.get(field) ?? []), `${e.path} ${e.message}`]);
  }
  return out;
}
