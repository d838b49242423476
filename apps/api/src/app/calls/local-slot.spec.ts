import fc from 'fast-check';
import { ZoneClock } from '@floorwise/analytics';
import { DateTime } from 'luxon';
import { localSlot, PG_EPOCH_MS, pgDayToIso } from './local-slot';

const ZONES = [
  'America/Chicago',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'UTC',
];

/** The reference: luxon's local date and 15-minute slot of the instant in the zone. */
function reference(ms: number, zone: string) {
  const d = DateTime.fromMillis(ms, { zone });
  return { date: d.toISODate(), minute: d.hour * 60 + d.minute - (d.minute % 15) };
}

// The zone clock itself is tested against luxon in libs/analytics (dates/zone-clock.spec.ts);
// this checks the PostgreSQL-epoch day and the 15-minute slot built on it.
describe('localSlot', () => {
  it('gives the local date and 15-minute slot luxon gives', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }),
        (zone, ms) => {
          const out = localSlot(ZoneClock.of(zone), ms, { localDay: 0, localMinute: 0 });
          expect({ date: pgDayToIso(out.localDay), minute: out.localMinute }).toEqual(
            reference(ms, zone),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts local days from 2000-01-01, PostgreSQL’s date epoch', () => {
    const out = localSlot(ZoneClock.of('UTC'), PG_EPOCH_MS, { localDay: -1, localMinute: -1 });
    expect(out).toEqual({ localDay: 0, localMinute: 0 });
    expect(pgDayToIso(0)).toBe('2000-01-01');
    const chicago = localSlot(ZoneClock.of('America/Chicago'), PG_EPOCH_MS, {
      localDay: 0,
      localMinute: 0,
    });
    expect(chicago).toEqual({ localDay: -1, localMinute: 18 * 60 });
  });
});
