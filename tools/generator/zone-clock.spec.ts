import { DateTime } from 'luxon';

import { daysFromCivil, formatDay, isoWeekday, parseDay } from './civil-date';
import { ZoneClock } from './zone-clock';

const ZONES = ['America/Chicago', 'Europe/Istanbul', 'Africa/Cairo', 'Asia/Dhaka'];
const FROM = Date.UTC(2024, 0, 1) / 1000;
const TO = Date.UTC(2026, 11, 31) / 1000;

function luxonIso(epochSeconds: number, zone: string): string {
  return DateTime.fromSeconds(epochSeconds, { zone }).toISO({
    suppressMilliseconds: true,
  }) as string;
}

describe('ZoneClock', () => {
  it.each(ZONES)(
    'formats instants in %s exactly as luxon does, every 13 minutes of 2025',
    (zone) => {
      const clock = new ZoneClock(zone, FROM, TO);
      const from = Date.UTC(2025, 0, 1) / 1000;
      const mismatches: string[] = [];
      for (let t = from; t < from + 365 * 86400; t += 13 * 60 + 7) {
        const ours = clock.formatIso(t);
        if (ours !== luxonIso(t, zone) && mismatches.length < 5) mismatches.push(ours);
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('finds the 2025 DST changes of Chicago and Cairo, and none for Istanbul or Dhaka', () => {
    const at = (zone: string) =>
      new ZoneClock(zone, FROM, TO)
        .transitions()
        .filter((t) => t.at >= Date.UTC(2025, 0, 1) / 1000 && t.at < Date.UTC(2026, 0, 1) / 1000)
        .map((t) => `${new Date(t.at * 1000).toISOString()} ${t.offsetMinutes}`);
    expect(at('America/Chicago')).toEqual([
      '2025-03-09T08:00:00.000Z -300',
      '2025-11-02T07:00:00.000Z -360',
    ]);
    expect(at('Africa/Cairo')).toEqual([
      '2025-04-24T22:00:00.000Z 180',
      '2025-10-30T21:00:00.000Z 120',
    ]);
    expect(at('Europe/Istanbul')).toEqual([]);
    expect(at('Asia/Dhaka')).toEqual([]);
  });

  it('switches offset on the exact second of a change, in the middle of a night shift', () => {
    const clock = new ZoneClock('America/Chicago', FROM, TO);
    const start = clock.wallTime(parseDay('2025-03-08'), 22 * 60);
    expect(clock.formatIso(start)).toBe('2025-03-08T22:00:00-06:00');
    const change = Date.UTC(2025, 2, 9, 8) / 1000;
    expect(clock.formatIso(change - 1)).toBe('2025-03-09T01:59:59-06:00');
    expect(clock.formatIso(change)).toBe('2025-03-09T03:00:00-05:00');
    // 8.5 h of elapsed time end at 07:30 on the wall clock, not 06:30.
    expect(clock.formatIso(start + 510 * 60)).toBe('2025-03-09T07:30:00-05:00');
  });

  it('maps local wall times to instants like luxon, including times that do not exist', () => {
    const clock = new ZoneClock('America/Chicago', FROM, TO);
    const cairo = new ZoneClock('Africa/Cairo', FROM, TO);
    for (const [c, zone, day, minute] of [
      [clock, 'America/Chicago', '2025-03-09', 150],
      [clock, 'America/Chicago', '2025-11-02', 90],
      [clock, 'America/Chicago', '2025-07-01', 540],
      [cairo, 'Africa/Cairo', '2025-04-25', 0],
      [cairo, 'Africa/Cairo', '2025-10-30', 23 * 60 + 30],
    ] as const) {
      const [y, m, d] = day.split('-').map(Number);
      const expected = DateTime.fromObject(
        { year: y, month: m, day: d, hour: Math.floor(minute / 60), minute: minute % 60 },
        { zone },
      ).toSeconds();
      expect(c.wallTime(parseDay(day), minute)).toBe(expected);
    }
    // Cairo's clocks jump from 00:00 to 01:00 on 2025-04-25: the local day starts at 01:00.
    expect(cairo.formatIso(cairo.localMidnight(parseDay('2025-04-25')))).toBe(
      '2025-04-25T01:00:00+03:00',
    );
  });
});

describe('civil dates', () => {
  it('round-trips day numbers and knows weekdays', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(formatDay(parseDay('2024-02-29'))).toBe('2024-02-29');
    expect(isoWeekday(parseDay('2025-11-20'))).toBe(4);
    expect(() => parseDay('2025-02-29')).toThrow('does not exist');
    expect(() => parseDay('20250101')).toThrow('YYYY-MM-DD');
  });
});
