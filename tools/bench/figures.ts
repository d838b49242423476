import { gateBound } from './shortfalls';

/** A measured quantity with a target: higher-is-better (rates) or lower-is-better (latencies). */
export interface Check {
  label: string;
  value: number;
  target: number;
  better: 'higher' | 'lower';
  unit: string;
}

export type FigureStatus = 'met' | 'missed' | 'reported' | 'not built yet' | 'skipped';

/** One line of the results table. */
export interface Figure {
  id: string;
  label: string;
  /** The target as the issue states it. */
  target: string;
  /** The measured median, formatted; null when not measured. */
  median: string | null;
  /** The ratio the issue asks for, formatted, with its target; null when none. */
  ratio: string | null;
  runs: number | null;
  status: FigureStatus;
  note?: string;
  checks: Check[];
  /** Raw numbers (samples, parts) for the results file. */
  data?: Record<string, unknown>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) {
    return Number.NaN;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function isMet(c: Check): boolean {
  return c.better === 'higher' ? c.value >= c.target : c.value <= c.target;
}

/**
 * The CI rule: a figure more than 2× behind its target fails the gate; a known shortfall
 * (shortfalls.ts) fails when it is more than 2× behind the value recorded for it.
 */
export function failsGate(c: Check): boolean {
  const { bound } = gateBound(c);
  return c.better === 'higher' ? c.value < bound : c.value > bound;
}

export function statusOf(checks: readonly Check[]): FigureStatus {
  if (checks.length === 0) {
    return 'reported';
  }
  return checks.every(isMet) ? 'met' : 'missed';
}

export function describeCheck(c: Check): string {
  const gate = gateBound(c);
  const op = c.better === 'higher' ? '≥' : '≤';
  return `${c.label}: ${num(c.value, c.value < 10 ? 2 : 0)} ${c.unit} (target ${op} ${num(
    c.target,
    c.target < 10 ? 2 : 0,
  )} ${c.unit}, gate ${op} ${num(gate.bound, 2)} ${c.unit}${
    gate.basis === 'recorded' ? ': known shortfall, held to 2× its recorded value' : ''
  })`;
}

/** A number with thousands separators and a fixed number of decimals. */
export function num(value: number, decimals = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

export function ms(value: number): string {
  return value < 10 ? `${num(value, 1)} ms` : `${num(value, 0)} ms`;
}

export function mb(bytes: number): string {
  return `${num(bytes / (1024 * 1024), 0)} MB`;
}

/** The figures of issue 9 whose features are not built yet: listed, never measured. */
export function notBuiltFigures(): Figure[] {
  const pending = (id: string, label: string, target: string, issue: number): Figure => ({
    id,
    label,
    target,
    median: null,
    ratio: null,
    runs: null,
    status: 'not built yet',
    note: `feature of issue ${issue}, not built yet`,
    checks: [],
  });
  return [
    pending('floor-snapshot-p95', 'floor snapshot p95, 50 concurrent clients', '≤ 50 ms', 5),
    pending(
      'event-to-screen-p95',
      'event-to-screen latency p95 (50 events/s, 2,000 agents)',
      '≤ 250 ms',
      5,
    ),
    pending('roster-week', "roster: a week's roster for 500 agents", '≤ 100 ms', 4),
    pending('pay-period', "pay: a pay period's estimates for 2,000 agents", '≤ 1 s', 4),
    pending('burnout-day', "burnout: a full day's computation for 2,000 agents", '≤ 5 s', 7),
    pending('burnout-team', 'burnout: the team view from snapshots', '≤ 50 ms', 7),
    pending(
      'turnover-summary',
      'turnover: 24-month summary with grouping, 10,000 agents',
      '≤ 100 ms',
      8,
    ),
  ];
}
