import { DEFAULT_RAMP, RampConfig } from './ramped-target';

/**
 * The configurable rules of the live floor and of quota targets (one set per organisation; an
 * admin changes them). Every value has a default; see docs/floor.md.
 */
export interface FloorSettings {
  /** New-hire ramp of agent targets: `startFraction` in week one rising to 1 by week `weeks`. */
  ramp: RampConfig;
  /** Alert when an agent's last N handled calls in a row were all hostile. */
  hostileStreakAlert: number;
  /** "Far behind pace": a count quota whose actual is under this share of what is expected… */
  farBehindRatio: number;
  /** …once at least this share of the period has gone (early in a shift, one call decides). */
  farBehindMinElapsed: number;
  /** Alert this many minutes before an agent's week crosses their contract hours (0: when past). */
  overtimeWarnMinutes: number;
  /** An idle gap between calls at least this long is taken as a break. */
  breakGapMinutes: number;
  /** Alert when an agent has worked this long without a break (0: never). */
  noBreakAlertMinutes: number;
  /** AHT limit for agents with no `aht_seconds` quota (null: no limit shown). */
  defaultAhtLimitSeconds: number | null;
  /** Answer-time threshold T of the floor's interval service level (seconds). */
  slaSeconds: number;
  /** The service level target the Erlang C requirement is computed for. */
  targetServiceLevel: number;
}

export const DEFAULT_FLOOR_SETTINGS: FloorSettings = Object.freeze({
  ramp: DEFAULT_RAMP,
  hostileStreakAlert: 3,
  farBehindRatio: 0.7,
  farBehindMinElapsed: 0.25,
  overtimeWarnMinutes: 0,
  breakGapMinutes: 10,
  noBreakAlertMinutes: 180,
  defaultAhtLimitSeconds: 420,
  slaSeconds: 20,
  targetServiceLevel: 0.8,
});

/** A problem with a settings document: the field (dotted path) and what is wrong. */
export interface SettingsProblem {
  field: string;
  message: string;
}

const SLA_CHOICES = [10, 15, 20, 30, 45, 60, 90, 120, 180, 300];

/**
 * Merges a partial settings document over `base` and checks every value; unknown keys are
 * problems too, so a typo never silently does nothing.
 */
export function mergeFloorSettings(
  base: FloorSettings,
  patch: unknown,
): { settings: FloorSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    return { settings: base, problems: [{ field: '', message: 'settings must be an object' }] };
  }
  const p = patch as Record<string, unknown>;
  const out: FloorSettings = { ...base, ramp: { ...base.ramp } };
  const known = new Set(Object.keys(DEFAULT_FLOOR_SETTINGS));
  for (const key of Object.keys(p)) {
    if (!known.has(key)) {
      problems.push({ field: key, message: `unknown setting "${key}"` });
    }
  }
  const num = (
    field: string,
    v: unknown,
    ok: (n: number) => boolean,
    rule: string,
  ): number | undefined => {
    if (v === undefined) {
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) {
      problems.push({ field, message: `${field} must be ${rule}, got ${JSON.stringify(v)}` });
      return undefined;
    }
    return v;
  };
  const int = (n: number) => Number.isInteger(n);
  if (p['ramp'] !== undefined) {
    const r = p['ramp'];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) {
      problems.push({ field: 'ramp', message: 'ramp must be an object {startFraction, weeks}' });
    } else {
      const rr = r as Record<string, unknown>;
      for (const k of Object.keys(rr)) {
        if (k !== 'startFraction' && k !== 'weeks') {
          problems.push({ field: `ramp.${k}`, message: `unknown ramp setting "${k}"` });
        }
      }
      const sf = num(
        'ramp.startFraction',
        rr['startFraction'],
        (n) => n > 0 && n <= 1,
        'in (0, 1]',
      );
      const w = num(
        'ramp.weeks',
        rr['weeks'],
        (n) => int(n) && n >= 1 && n <= 52,
        'a whole number 1–52',
      );
      if (sf !== undefined) out.ramp.startFraction = sf;
      if (w !== undefined) out.ramp.weeks = w;
    }
  }
  const set = <K extends keyof FloorSettings>(k: K, v: FloorSettings[K] | undefined) => {
    if (v !== undefined) out[k] = v;
  };
  set(
    'hostileStreakAlert',
    num(
      'hostileStreakAlert',
      p['hostileStreakAlert'],
      (n) => int(n) && n >= 2 && n <= 50,
      'a whole number 2–50',
    ),
  );
  set(
    'farBehindRatio',
    num('farBehindRatio', p['farBehindRatio'], (n) => n > 0 && n < 1, 'in (0, 1)'),
  );
  set(
    'farBehindMinElapsed',
    num('farBehindMinElapsed', p['farBehindMinElapsed'], (n) => n >= 0 && n < 1, 'in [0, 1)'),
  );
  set(
    'overtimeWarnMinutes',
    num(
      'overtimeWarnMinutes',
      p['overtimeWarnMinutes'],
      (n) => int(n) && n >= 0 && n <= 600,
      'a whole number of minutes 0–600',
    ),
  );
  set(
    'breakGapMinutes',
    num(
      'breakGapMinutes',
      p['breakGapMinutes'],
      (n) => int(n) && n >= 3 && n <= 120,
      'a whole number of minutes 3–120',
    ),
  );
  set(
    'noBreakAlertMinutes',
    num(
      'noBreakAlertMinutes',
      p['noBreakAlertMinutes'],
      (n) => int(n) && n >= 0 && n <= 960,
      'a whole number of minutes 0–960',
    ),
  );
  if (p['defaultAhtLimitSeconds'] === null) {
    out.defaultAhtLimitSeconds = null;
  } else {
    set(
      'defaultAhtLimitSeconds',
      num(
        'defaultAhtLimitSeconds',
        p['defaultAhtLimitSeconds'],
        (n) => int(n) && n >= 10 && n <= 7200,
        'null or whole seconds 10–7200',
      ),
    );
  }
  set(
    'slaSeconds',
    num(
      'slaSeconds',
      p['slaSeconds'],
      (n) => SLA_CHOICES.includes(n),
      `one of ${SLA_CHOICES.join(', ')}`,
    ),
  );
  set(
    'targetServiceLevel',
    num('targetServiceLevel', p['targetServiceLevel'], (n) => n > 0 && n < 1, 'in (0, 1)'),
  );
  return { settings: out, problems };
}
