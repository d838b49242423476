import fc from 'fast-check';
import { DateTime } from 'luxon';
import { checkInstant } from './call-row';
import { daysFromCivil } from '@floorwise/analytics';
import { ParsedInstant, parseIsoInstant } from './iso-instant';
import { PG_EPOCH_MS } from './local-slot';

const parsed = (v: string): ParsedInstant | null => {
  const out = { pgMicros: 0, ms: 0 };
  return parseIsoInstant(v, out) ? out : null;
};

describe('parseIsoInstant', () => {
  it('gives the instant luxon parses, in µs since 2000 and ms since 1970', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -15 * 60 - 59, max: 15 * 60 + 59 }),
        fc.constantFrom('colon', 'compact', 'hours'),
        (date, offset, style) => {
          const off = style === 'hours' ? Math.trunc(offset / 60) * 60 : offset;
          const local = DateTime.fromJSDate(date).setZone(
            off === 0
              ? 'UTC'
              : `UTC${off < 0 ? '-' : '+'}${Math.floor(Math.abs(off) / 60)}:${String(Math.abs(off) % 60).padStart(2, '0')}`,
          );
          const sign = off < 0 ? '-' : '+';
          const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
          const mm = String(Math.abs(off) % 60).padStart(2, '0');
          const zone =
            style === 'colon'
              ? `${sign}${hh}:${mm}`
              : style === 'compact'
                ? `${sign}${hh}${mm}`
                : `${sign}${hh}`;
          const text = `${local.toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}${zone}`;
          const p = parsed(text);
          expect(checkInstant(text)).toBeNull();
          expect(p).not.toBeNull();
          expect(p?.ms).toBe(date.getTime());
          expect(p?.pgMicros).toBe((date.getTime() - PG_EPOCH_MS) * 1000);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rounds a fraction finer than a microsecond as PostgreSQL does (to nearest, ties to even)', () => {
    const base = Date.UTC(2026, 10, 10, 9, 5, 0);
    const us = (v: string) => (parsed(v)?.pgMicros ?? NaN) - (base - PG_EPOCH_MS) * 1000;
    expect(us('2026-11-10T09:05:00.123456789Z')).toBe(123457);
    expect(us('2026-11-10T09:05:00.5Z')).toBe(500000);
    expect(us('2026-11-10T09:05:00.0000005Z')).toBe(0);
    expect(us('2026-11-10T09:05:00.0000015Z')).toBe(2);
    expect(us('2026-11-10T09:05:00.9999996Z')).toBe(1_000_000);
  });

  it('accepts exactly what checkInstant accepts', () => {
    const cases = [
      '2026-11-10T09:05:00-06:00',
      '2026-11-10T09:05-06:00',
      '2026-11-10T09:05:00Z',
      '2026-11-10T09:05:00+0530',
      '2026-11-10T09:05:00+05',
      '2024-02-29T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '2026-11-10T24:00:00Z',
      '2026-11-10T09:60:00Z',
      '2026-11-10T09:05:60Z',
      '2026-13-10T09:05:00Z',
      '2026-11-10 09:05:00Z',
      '2026-11-10T09:05:00',
      '2026-11-10T09:05:00+16:00',
      '2026-11-10T09:05:00+15:59',
      '2026-11-10T09:05:00-05:60',
      '2026-11-10T09:05:00+05:',
      '2026-11-10T09:05:00.Z',
      '2026-11-10T09:05:00.1234567890Z',
      '2026-11-10T09:05:00z',
      ' 2026-11-10T09:05:00Z',
      '2026-11-10T09:05:00Zx',
      '0099-01-01T00:00:00Z',
      '２026-11-10T09:05:00Z',
    ];
    for (const c of cases) {
      expect({ c, accepted: parsed(c) !== null }).toEqual({
        c,
        accepted: checkInstant(c) === null,
      });
    }
  });

  it('counts days like the calendar (daysFromCivil)', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 1, 1)).toBe(PG_EPOCH_MS / 86_400_000);
    expect(daysFromCivil(99, 3, 1)).toBe(
      Math.round(new Date('0099-03-01T00:00:00Z').getTime() / 86_400_000),
    );
  });
});
