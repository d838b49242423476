import fc from 'fast-check';
import { DateTime } from 'luxon';
import { splitAtLocalHours } from '../schedule/local-hours';
import { TimeSpan } from '../schedule/shift.types';
import { ZoneClock } from './zone-clock';

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

describe('ZoneClock offsets and transitions', () => {
  it('finds both 2026 transitions of America/Chicago to the millisecond', () => {
    const z = ZoneClock.of('America/Chicago');
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
    const z = ZoneClock.of('Africa/Cairo');
    expect(z.offsetMinutes(Date.parse('2026-04-23T21:59:59Z'))).toBe(120);
    expect(z.offsetMinutes(Date.parse('2026-04-23T22:00:00Z'))).toBe(180);
    expect(z.offsetMinutes(Date.parse('2026-10-29T20:59:59Z'))).toBe(180);
    expect(z.offsetMinutes(Date.parse('2026-10-29T21:00:00Z'))).toBe(120);
  });

  it('has no transition in Asia/Dhaka and gives local dates of the site, not of UTC', () => {
    const z = ZoneClock.of('Asia/Dhaka');
    const t = Date.parse('2026-03-25T19:30:00Z');
    expect(z.nextTransitionAfter(t)).toBe(Number.POSITIVE_INFINITY);
    expect(z.offsetMinutes(t)).toBe(360);
    expect(z.localDate(t)).toBe('2026-03-26');
  });

  it('rejects a zone luxon does not know', () => {
    expect(() => ZoneClock.of('Mars/Olympus_Mons')).toThrow(/unknown IANA time zone/);
    expect(() => ZoneClock.of('Mars/Olympus')).toThrow(RangeError);
  });
});

/** Zones of the burnout index's checks: DST, no DST, half-hour offsets, a 30-minute DST shift. */
const WALL_ZONES = [
  'America/Chicago',
  'Europe/Istanbul',
  'Africa/Cairo',
  'Asia/Dhaka',
  'Australia/Adelaide', // half-hour offset with DST
  'Australia/Lord_Howe', // a 30-minute DST shift
  'UTC',
];

describe('ZoneClock local wall time equal to luxon', () => {
  it.each(WALL_ZONES)(
    'gives the same local date and hour as luxon every 47 minutes of 2026 in %s',
    (zone) => {
      const clock = ZoneClock.of(zone);
      const from = Date.UTC(2026, 0, 1);
      const to = Date.UTC(2027, 0, 1);
      let mismatches = 0;
      let checked = 0;
      for (let t = from; t < to; t += 47 * 60_000 + 13_000) {
        const l = DateTime.fromMillis(t, { zone });
        const hour = l.hour + l.minute / 60 + l.second / 3600 + l.millisecond / 3_600_000;
        if (clock.localDate(t) !== l.toISODate() || Math.abs(clock.hourOfDay(t) - hour) > 1e-9) {
          mismatches += 1;
        }
        checked += 1;
      }
      expect(checked).toBeGreaterThan(11_000);
      expect(mismatches).toBe(0);
    },
  );

  it('splits the 30-minute fall-back of Lord Howe at the change, repeating local 01:30–02:00', () => {
    // 2026-04-05 02:00 +11:00 → 01:30 +10:30 (15:00 UTC)
    const clock = ZoneClock.of('Australia/Lord_Howe');
    const start = Date.parse('2026-04-05T01:00:00+11:00');
    const pieces = clock.splitHours(start, start + 2 * 3_600_000);
    expect(pieces.map((p) => [new Date(p.startMs).toISOString(), p.hour])).toEqual([
      ['2026-04-04T14:00:00.000Z', 1],
      ['2026-04-04T15:00:00.000Z', 1],
      ['2026-04-04T15:30:00.000Z', 2],
    ]);
  });
});

/** Zones of the calls import's checks. */
const CALL_ZONES = [
  'America/Chicago',
  'America/New_York',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
];

/** The reference: luxon's local date and minute of day of the instant in the zone. */
function reference(ms: number, zone: string) {
  const d = DateTime.fromMillis(ms, { zone });
  return { date: d.toISODate(), minute: d.hour * 60 + d.minute };
}

function local(clock: ZoneClock, ms: number) {
  const wall = clock.wall(ms);
  const day = clock.localDayNumber(ms);
  return { date: clock.localDate(ms), minute: Math.floor((wall - day * 86_400_000) / 60_000) };
}

describe('ZoneClock local date and minute as the calls import reads them', () => {
  it('gives the local date and minute luxon gives at random instants of 2024–2026', () => {
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    fc.assert(
      fc.property(
        fc.constantFrom(...CALL_ZONES),
        fc.integer({ min: start, max: end }),
        (zone, ms) => {
          expect(local(ZoneClock.of(zone), ms)).toEqual(reference(ms, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps every minute of the days with a DST change right with one clock reused', () => {
    for (const zone of ['America/Chicago', 'Australia/Lord_Howe', 'Europe/London']) {
      const clock = ZoneClock.of(zone);
      for (const day of [
        Date.UTC(2026, 2, 8),
        Date.UTC(2026, 10, 1),
        Date.UTC(2026, 3, 5),
        Date.UTC(2026, 9, 4),
        Date.UTC(2026, 2, 29),
        Date.UTC(2026, 9, 25),
      ]) {
        for (let ms = day - 86_400_000; ms < day + 2 * 86_400_000; ms += 60_000) {
          expect(local(clock, ms)).toEqual(reference(ms, zone));
        }
      }
    }
  });

  it('stays right when lookups jump back and forth across a change and a year end', () => {
    const clock = ZoneClock.of('America/Chicago');
    const spring = Date.parse('2026-03-08T08:00:00Z');
    const newYear = Date.UTC(2026, 0, 1);
    for (const ms of [
      spring,
      spring - 1,
      newYear - 1,
      spring + 1,
      newYear,
      spring - 1,
      newYear - 1,
    ]) {
      expect(local(clock, ms)).toEqual(reference(ms, 'America/Chicago'));
    }
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
      const z = ZoneClock.of(zone);
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
