import { localDateOf } from '../schedule/instant';
import { localDateOfInstant } from './local-day';

describe('localDateOfInstant', () => {
  it('agrees with luxon around midnight and across DST changes', () => {
    const zones = ['America/Chicago', 'Europe/Istanbul', 'Asia/Dhaka', 'Africa/Cairo', 'UTC'];
    const start = Date.UTC(2025, 0, 1);
    for (const zone of zones) {
      for (let h = 0; h < 24 * 400; h += 7) {
        const ms = start + h * 3_600_000 + 59 * 60_000;
        expect({ zone, ms, date: localDateOfInstant(ms, zone) }).toEqual({
          zone,
          ms,
          date: localDateOf(ms, zone),
        });
      }
    }
  });
});
