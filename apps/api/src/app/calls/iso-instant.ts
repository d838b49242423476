import { daysFromCivil as civil } from '@floorwise/analytics';
import { PG_EPOCH_MS } from './local-slot';

// A module-local copy for the per-row code (imported bindings are getters once bundled).
const daysFromCivil = civil;

/** An instant as PostgreSQL stores a timestamptz, and as ms for zone and bucket arithmetic. */
export interface ParsedInstant {
  /** Microseconds since 2000-01-01T00:00:00Z (an integer, exact in a double until year 2255). */
  pgMicros: number;
  /** Milliseconds since 1970-01-01T00:00:00Z, floored. */
  ms: number;
}

/** The largest UTC offset PostgreSQL accepts (±15:59). */
export const MAX_OFFSET_HOURS = 15;

/** Characters by index: a string's char codes or a buffer's bytes. */
interface Chars {
  [i: number]: number;
}

function digit(s: Chars, i: number): number {
  const c = s[i] - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function two(s: Chars, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * PostgreSQL's rounding of a fraction of a second finer than a microsecond:
 * `rint(strtod("0.<digits>") * 1e6)`, i.e. to the nearest, ties to even.
 */
function pgRoundMicros(s: Chars, from: number, to: number): number {
  let digits = '';
  for (let k = from; k < to; k++) {
    digits += String.fromCharCode(s[k]);
  }
  const x = Number(`0.${digits}`) * 1e6;
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) {
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  }
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with `Z`, `±HH`, `±HHMM` or `±HH:MM` — exactly the
 * shape `checkInstant` of call-row.ts accepts, for a date and time that exist and an offset
 * PostgreSQL accepts — without a regular expression or a Date per call. Fractions round to the
 * microsecond as PostgreSQL rounds them. Returns false for anything else (the caller then asks
 * `checkInstant` for the message).
 */
export function parseIsoInstant(text: string, out: ParsedInstant): boolean {
  const n = text.length;
  if (n > 64) {
    return false;
  }
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) {
      return false;
    }
    codes[i] = c;
  }
  return parseIsoInstantBytes(codes, 0, n, out);
}

/** {@link parseIsoInstant} on the bytes `[from, to)` of a buffer (ASCII). */
export function parseIsoInstantBytes(
  b: Uint8Array,
  from: number,
  to: number,
  out: ParsedInstant,
): boolean {
  const n = to - from;
  const o = from;
  if (n < 17 || b[o + 4] !== 45 || b[o + 7] !== 45 || b[o + 10] !== 84 || b[o + 13] !== 58) {
    return false;
  }
  const y1 = two(b, o);
  const y2 = two(b, o + 2);
  const mo = two(b, o + 5);
  const d = two(b, o + 8);
  const h = two(b, o + 11);
  const mi = two(b, o + 14);
  if (y1 < 0 || y2 < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) {
    return false;
  }
  const y = y1 * 100 + y2;
  if (d > daysInMonth(y, mo)) {
    return false;
  }
  let i = 16;
  let sec = 0;
  let fracMicros = 0;
  if (i < n && b[o + i] === 58) {
    if (i + 3 > n) {
      return false;
    }
    sec = two(b, o + i + 1);
    if (sec < 0 || sec > 59) {
      return false;
    }
    i += 3;
    if (i < n && b[o + i] === 46) {
      i += 1;
      const start = i;
      let frac = 0;
      while (i < n && i - start < 10 && digit(b, o + i) >= 0) {
        frac = frac * 10 + digit(b, o + i);
        i += 1;
      }
      const digits = i - start;
      if (digits < 1 || digits > 9) {
        return false;
      }
      fracMicros = digits <= 6 ? frac * 10 ** (6 - digits) : pgRoundMicros(b, o + start, o + i);
    }
  }
  if (i >= n) {
    return false;
  }
  let offsetMinutes = 0;
  const z = b[o + i];
  if (z === 90) {
    i += 1;
  } else if (z === 43 || z === 45) {
    if (i + 3 > n) {
      return false;
    }
    const oh = two(b, o + i + 1);
    if (oh < 0 || oh > MAX_OFFSET_HOURS) {
      return false;
    }
    i += 3;
    let om = 0;
    if (i < n) {
      if (b[o + i] === 58) {
        i += 1;
      }
      if (i + 2 > n) {
        return false;
      }
      om = two(b, o + i);
      if (om < 0 || om > 59) {
        return false;
      }
      i += 2;
    }
    offsetMinutes = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return false;
  }
  if (i !== n) {
    return false;
  }
  const wholeMs =
    ((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi - offsetMinutes) * 60_000 + sec * 1000;
  out.pgMicros = (wholeMs - PG_EPOCH_MS) * 1000 + fracMicros;
  out.ms = PG_EPOCH_MS + Math.floor(out.pgMicros / 1000);
  return true;
}
