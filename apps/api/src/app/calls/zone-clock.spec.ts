import fc from 'fast-check';
import { DateTime } from 'luxon';
import { PG_EPOCH_MS, pgDayToIso, ZoneClock } from './zone-clock';

const ZONES = [
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

/** The reference: luxon's local date and time of the instant in the zone, call by call. */
function reference(ms: number, zone: string) {
  const d = DateTime.fromMillis(ms, { zone });
  return { date: d.toISODate(), minute: d.hour * 60 + d.minute - (d.minute % 15) };
}

describe('ZoneClock', () => {
  it('gives the local date and 15-minute slot luxon gives, around every DST change too', () => {
    const start = Date.UTC(2024, 0, 1);
    const end = Date.UTC(2027, 0, 1);
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: start, max: end }), (zone, ms) => {
        const clock = new ZoneClock(zone);
        const out = clock.slot(ms, { localDay: 0, localMinute: 0 });
        const ref = reference(ms, zone);
        expect({ date: pgDayToIso(out.localDay), minute: out.localMinute }).toEqual(ref);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every minute of the days with a DST change right with one clock reused', () => {
    for (const zone of ['America/Chicago', 'Australia/Lord_Howe', 'Europe/London']) {
      const clock = new ZoneClock(zone);
      for (const day of [
        Date.UTC(2026, 2, 8),
        Date.UTC(2026, 10, 1),
        Date.UTC(2026, 3, 5),
        Date.UTC(2026, 9, 4),
        Date.UTC(2026, 2, 29),
        Date.UTC(2026, 9, 25),
      ]) {
        for (let ms = day - 86_400_000; ms < day + 2 * 86_400_000; ms += 60_000) {
          const out = clock.slot(ms, { localDay: 0, localMinute: 0 });
          expect({ date: pgDayToIso(out.localDay), minute: out.localMinute }).toEqual(
            reference(ms, zone),
          );
        }
      }
    }
  });

  it('counts local days from 2000-01-01, PostgreSQL’s date epoch', () => {
    const out = new ZoneClock('UTC').slot(PG_EPOCH_MS, { localDay: -1, localMinute: -1 });
    expect(out).toEqual({ localDay: 0, localMinute: 0 });
    expect(pgDayToIso(0)).toBe('2000-01-01');
  });

  it('refuses a name that is not an IANA zone', () => {
    expect(() => new ZoneClock('Mars/Olympus')).toThrow(/not an IANA time zone/);
  });
});
