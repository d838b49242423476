import fc from 'fast-check';
import { DateTime } from 'luxon';
import { splitAtLocalHours } from './local-hours';
import { TimeSpan } from './shift.types';
import { ZoneOffsets } from './zone-offsets';

/**
 * The plain luxon way, minute by minute (every offset change and local hour boundary of these
 * zones falls on a whole minute): consecutive minutes with the same local date, hour and offset
 * form one piece. Slow and obviously right — the reference of the fast split.
 */
function luxonSplit(spans: readonly TimeSpan[], zone: string) {
  const pieces: { startMs: number; endMs: number; date: string; weekday: number; hour: number }[] =
    [];
  let key = '';
  for (const span of spans) {
    let t = span.startMs;
    while (t < span.endMs) {
      const local = DateTime.fromMillis(t, { zone });
      const end = Math.min((Math.floor(t / 60_000) + 1) * 60_000, span.endMs);
      const k = `${local.toISODate()} ${local.hour} ${local.offset}`;
      const last = pieces[pieces.length - 1];
      if (k === key && last && last.endMs === t) {
        last.endMs = end;
      } else {
        pieces.push({
          startMs: t,
          endMs: end,
          date: local.toISODate() as string,
          weekday: local.weekday,
          hour: local.hour,
        });
        key = k;
      }
      t = end;
    }
  }
  return pieces;
}

const ZONES = [
  'America/Chicago',
  'Europe/Berlin',
  'Europe/London',
  'Africa/Cairo',
  'Asia/Dhaka',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
];

describe('ZoneOffsets', () => {
  it('finds both 2026 transitions of America/Chicago to the millisecond', () => {
    const z = ZoneOffsets.of('America/Chicago');
    const spring = Date.parse('2026-03-08T08:00:00Z'); // 02:00 CST → 03:00 CDT
    const fall = Date.parse('2026-11-01T07:00:00Z'); // 02:00 CDT → 01:00 CST
    expect(z.offsetMinutes(spring - 1)).toBe(-360);
    expect(z.offsetMinutes(spring)).toBe(-300);
    expect(z.offsetMinutes(fall - 1)).toBe(-300);
    expect(z.offsetMinutes(fall)).toBe(-360);
    expect(z.nextTransitionAfter(Date.parse('2026-01-15T00:00:00Z'))).toBe(spring);
    expect(z.nextTransitionAfter(spring)).toBe(fall);
  });

  it('knows Egypt has DST again (last Friday of April, last Thursday of October 2026)', () => {
    const z = ZoneOffsets.of('Africa/Cairo');
    expect(z.offsetMinutes(Date.parse('2026-04-23T21:59:59Z'))).toBe(120);
    expect(z.offsetMinutes(Date.parse('2026-04-23T22:00:00Z'))).toBe(180);
    expect(z.offsetMinutes(Date.parse('2026-10-29T20:59:59Z'))).toBe(180);
    expect(z.offsetMinutes(Date.parse('2026-10-29T21:00:00Z'))).toBe(120);
  });

  it('has no transition in Asia/Dhaka and gives local dates of the site, not of UTC', () => {
    const z = ZoneOffsets.of('Asia/Dhaka');
    const t = Date.parse('2026-03-25T19:30:00Z');
    expect(z.nextTransitionAfter(t)).toBe(Number.POSITIVE_INFINITY);
    expect(z.offsetMinutes(t)).toBe(360);
    expect(z.localDate(t)).toBe('2026-03-26');
  });

  it('rejects a zone luxon does not know', () => {
    expect(() => ZoneOffsets.of('Mars/Olympus_Mons')).toThrow(/unknown IANA time zone/);
  });
});

describe('splitAtLocalHours against a luxon minute-by-minute walk', () => {
  it('agrees on random spans in zones with DST, half-hour and 45-minute offsets', () => {
    const from = Date.parse('2025-12-20T00:00:00Z');
    const to = Date.parse('2027-01-10T00:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: from, max: to }),
        fc.integer({ min: 1, max: 20 * 3_600_000 }),
        (zone, start, length) => {
          const span = [{ startMs: start, endMs: start + length }];
          const fast = splitAtLocalHours(span, zone).map(
            ({ startMs, endMs, date, weekday, hour }) => ({ startMs, endMs, date, weekday, hour }),
          );
          expect(fast).toEqual(luxonSplit(span, zone));
        },
      ),
      { numRuns: 150, seed: 20261201 },
    );
  });

  it('agrees across every 2026 transition of each zone', () => {
    for (const zone of ZONES) {
      const z = ZoneOffsets.of(zone);
      let t = Date.parse('2026-01-01T00:00:00Z');
      for (;;) {
        const next = z.nextTransitionAfter(t);
        if (next > Date.parse('2027-01-01T00:00:00Z')) {
          break;
        }
        const span = [{ startMs: next - 3 * 3_600_000 + 123_456, endMs: next + 3 * 3_600_000 }];
        const fast = splitAtLocalHours(span, zone).map(
          ({ startMs, endMs, date, weekday, hour }) => ({ startMs, endMs, date, weekday, hour }),
        );
        expect({ zone, pieces: fast }).toEqual({ zone, pieces: luxonSplit(span, zone) });
        t = next;
      }
    }
  });
});
