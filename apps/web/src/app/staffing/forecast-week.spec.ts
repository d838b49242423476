import type { ForecastSlot, StaffingForecast } from '@floorwise/contracts';
import {
  defaultForecastCampaign,
  forecastHeatmap,
  onTheHour,
  shortDayLabel,
  trimIdleEdges,
  weekPeak,
} from './forecast-week';

const plain = (text: string) => text.replace(/\s/g, ' ');

/** A week of half-hours; `need(date, start)` gives the scheduled agents of a slot. */
function week(dates: string[], need: (date: string, start: string) => number): ForecastSlot[] {
  const starts = Array.from({ length: 48 }, (_, i) => {
    const m = i * 30;
    return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  });
  return dates.flatMap((date) =>
    starts.map((start) => {
      const agents = need(date, start);
      return {
        date,
        start,
        offered: agents * 5,
        ahtSeconds: 185,
        rawAgents: Math.floor(agents * 0.7),
        agents,
      };
    }),
  );
}

const DATES = [
  '2025-03-10',
  '2025-03-11',
  '2025-03-12',
  '2025-03-13',
  '2025-03-14',
  '2025-03-15',
  '2025-03-16',
];

describe('trimIdleEdges', () => {
  it('drops the night at both ends but keeps an idle half-hour inside the day', () => {
    const slots = week(DATES, (date, start) => {
      if (start < '08:00' || start >= '20:00') {
        return 0;
      }
      if (start === '12:30') {
        return 0;
      }
      // One day opens earlier: its first half-hour widens the window for every day.
      return date === '2025-03-15' || start >= '09:00' ? 6 : 0;
    });
    const trimmed = trimIdleEdges(slots);
    expect(trimmed.starts[0]).toBe('08:00');
    expect(trimmed.starts.at(-1)).toBe('19:30');
    expect(trimmed.starts).toContain('12:30');
    expect(trimmed.starts).toHaveLength(24);
    expect(trimmed.slots).toHaveLength(24 * 7);
  });

  it('keeps all 48 half-hours of a 24/7 campaign', () => {
    const slots = week(DATES, (_d, start) => (start === '03:00' ? 0 : 3));
    expect(trimIdleEdges(slots).starts).toHaveLength(48);
  });

  it('keeps nothing of a week that needs nobody', () => {
    expect(trimIdleEdges(week(DATES, () => 0))).toEqual({ starts: [], slots: [] });
  });
});

describe('forecastHeatmap', () => {
  const slots = week(DATES.slice(0, 2), (_d, start) =>
    start >= '09:00' && start < '10:00' ? 12 : 0,
  );
  const forecast: StaffingForecast = {
    campaignCode: 'INB',
    timeZone: 'America/Chicago',
    intervalMinutes: 30,
    startDate: '2025-03-10',
    endDate: '2025-03-11',
    weeksUsed: 6,
    scale: 1.02,
    targetServiceLevel: 0.8,
    targetAnswerSeconds: 20,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    slots,
    backtest: null,
  };

  it('lays intervals across and dates (with weekday) down, coloured by scheduled agents', () => {
    const h = forecastHeatmap(forecast, 'en-US');
    expect(h.columns.map(plain)).toEqual(['9:00 AM', '9:30 AM']);
    expect(h.rows).toEqual(['Mon, Mar 10', 'Tue, Mar 11']);
    expect(h.cells).toHaveLength(4);
    expect(h.cells[0]).toMatchObject({ x: 0, y: 0, value: 12 });
    expect(h.cells[3]).toMatchObject({ x: 1, y: 1, value: 12 });
  });

  it('tells offered calls, AHT and raw agents in the tooltip', () => {
    const details = forecastHeatmap(forecast, 'en-US').cells[1].details ?? [];
    expect(details.map((d) => [d.label, plain(d.value)])).toEqual([
      ['Interval', '9:30 – 10:00 AM'],
      ['Offered calls (forecast)', '60'],
      ['AHT', '3:05'],
      ['Raw agents (on the phones)', '8'],
    ]);
  });
});

describe('week helpers', () => {
  it('labels columns on the hour only', () => {
    const show = onTheHour(['08:00', '08:30', '09:00']);
    expect([0, 1, 2].map((i) => show('', i))).toEqual([true, false, true]);
  });

  it('finds the peak and totals the offered calls', () => {
    const slots = week(DATES.slice(0, 1), (_d, start) =>
      start === '10:00' ? 9 : start === '11:00' ? 4 : 0,
    );
    const peak = weekPeak(slots);
    expect(peak.peakAgents).toBe(9);
    expect(peak.peakSlot?.start).toBe('10:00');
    expect(peak.offered).toBe(65);
    expect(weekPeak([])).toEqual({ peakAgents: 0, peakSlot: null, offered: 0 });
  });

  it('writes a date in two short lines for a narrow column', () => {
    expect(shortDayLabel('2025-03-10', 'en-US')).toBe('Mon\n10');
    expect(shortDayLabel('bad', 'en-US')).toBe('bad');
  });

  it('forecasts an inbound campaign first', () => {
    expect(
      defaultForecastCampaign([
        { campaignCode: 'OUT', kind: 'outbound_sales' },
        { campaignCode: 'INB', kind: 'inbound_support' },
      ]),
    ).toBe('INB');
    expect(defaultForecastCampaign([{ campaignCode: 'OUT', kind: 'outbound_sales' }])).toBe('OUT');
    expect(defaultForecastCampaign([])).toBeNull();
  });
});
