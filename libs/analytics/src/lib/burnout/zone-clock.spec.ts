import { DateTime } from 'luxon';
import { splitAtLocalHours } from '../schedule/local-hours';
import { isoDate, mondayOfDate, plusDays, ZoneClock } from './zone-clock';

const ZONES = [
  'America/Chicago',
  'Europe/Istanbul',
  'Africa/Cairo',
  'Asia/Dhaka',
  'Australia/Adelaide', // half-hour offset with DST
  'Australia/Lord_Howe', // a 30-minute DST shift
  'UTC',
];

describe('ZoneClock — local wall time equal to luxon', () => {
  it.each(ZONES)(
    'gives the same local date and hour as luxon every 47 minutes of 2026 in %s',
    (zone) => {
      const clock = ZoneClock.of(zone);
      const from = Date.UTC(2026, 0, 1);
      const to = Date.UTC(2027, 0, 1);
      let mismatches = 0;
      for (let t = from; t < to; t += 47 * 60_000 + 13_000) {
        const l = DateTime.fromMillis(t, { zone });
        const hour = l.hour + l.minute / 60 + l.second / 3600 + l.millisecond / 3_600_000;
        if (clock.localDate(t) !== l.toISODate() || Math.abs(clock.hourOfDay(t) - hour) > 1e-9) {
          mismatches += 1;
        }
      }
      expect(mismatches).toBe(0);
    },
  );

  it.each(ZONES)('splits spans at local hours exactly as splitAtLocalHours in %s', (zone) => {
    const clock = ZoneClock.of(zone);
    // 36-hour spans starting every 5 h 7 min through 2026 cross every DST change
    const spans: { startMs: number; endMs: number }[] = [];
    for (
      let t = Date.UTC(2026, 0, 1, 0, 7);
      t < Date.UTC(2027, 0, 1);
      t += (23 * 60 + 7) * 60_000
    ) {
      spans.push({ startMs: t, endMs: t + 36 * 3_600_000 + 1234 });
    }
    const expected = splitAtLocalHours(spans, zone).map((p) => ({
      startMs: p.startMs,
      endMs: p.endMs,
      date: p.date,
      weekday: p.weekday,
      hour: p.hour,
    }));
    const actual = spans.flatMap((s) => clock.splitHours(s.startMs, s.endMs));
    expect(actual.length).toBe(expected.length);
    expect(actual.filter((p, i) => JSON.stringify(p) !== JSON.stringify(expected[i]))).toEqual([]);
  });

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

  it('rejects an unknown zone', () => {
    expect(() => ZoneClock.of('Mars/Olympus')).toThrow(/unknown IANA time zone/);
  });
});

describe('calendar helpers', () => {
  it('adds days across month and leap-year ends and finds the Monday of a week', () => {
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(plusDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(mondayOfDate('2026-03-01')).toBe('2026-02-23'); // a Sunday
    expect(mondayOfDate('2026-03-02')).toBe('2026-03-02');
    expect(isoDate(Date.UTC(1999, 11, 31, 23, 59))).toBe('1999-12-31');
  });
});
