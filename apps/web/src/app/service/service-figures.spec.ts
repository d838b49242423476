import type { CallStatsRow, HandleTimeRow } from '@floorwise/contracts';
import {
  fillTimeline,
  fullDate,
  summarizeRange,
  timeAxis,
  timelineKeys,
  withHandleTime,
} from './service-figures';

const row = (over: Partial<CallStatsRow> & { key: string }): CallStatsRow => ({
  offered: 0,
  answered: 0,
  abandoned: 0,
  serviceLevel: null,
  asaSeconds: null,
  ahtSeconds: null,
  abandonRate: null,
  ...over,
});

const plain = (text: string) => text.replace(/\s/g, ' ');

describe('summarizeRange', () => {
  // Two queues: INB 1,000 offered (950 answered in, 50 abandoned) and RET 100 offered (80 in,
  // 20 abandoned) plus 40 outbound answered calls, which count in AHT but not in ASA.
  const inb = row({
    key: 'INB',
    offered: 1000,
    answered: 950,
    abandoned: 50,
    serviceLevel: 0.85,
    asaSeconds: 12,
    ahtSeconds: 300,
    abandonRate: 0.05,
  });
  const ret = row({
    key: 'RET',
    offered: 100,
    answered: 120,
    abandoned: 20,
    serviceLevel: 0.6,
    asaSeconds: 40,
    ahtSeconds: 480,
    abandonRate: 0.2,
  });
  const handle: HandleTimeRow[] = [
    { key: 'INB', answered: 950, meanSeconds: 300, medianSeconds: 250, p90Seconds: 600 },
    { key: 'RET', answered: 120, meanSeconds: 480, medianSeconds: 400, p90Seconds: 900 },
  ];

  it('adds the counts and takes the abandon rate of the sums', () => {
    const s = summarizeRange([inb, ret], handle);
    expect(s).toMatchObject({ offered: 1100, answered: 1070, abandoned: 70 });
    expect(s?.abandonRate).toBeCloseTo(70 / 1100, 12);
  });

  it('weights AHT by answered calls and ASA by inbound answered (offered − abandoned)', () => {
    const s = summarizeRange([inb, ret], handle);
    expect(s?.ahtSeconds).toBeCloseTo((300 * 950 + 480 * 120) / 1070, 9);
    // Weighting ASA by answered (950, 120) would give 15.7 s; the inbound calls (950, 80) give 14.2 s.
    expect(s?.asaSeconds).toBeCloseTo((12 * 950 + 40 * 80) / 1030, 9);
  });

  it('does not invent a combined service level or median for several campaigns', () => {
    const s = summarizeRange([ret, inb], handle);
    expect(s?.serviceLevel).toBeNull();
    expect(s?.medianHandleSeconds).toBeNull();
    expect(s?.perCampaign).toEqual([
      { key: 'INB', offered: 1000, serviceLevel: 0.85 },
      { key: 'RET', offered: 100, serviceLevel: 0.6 },
    ]);
  });

  it('gives the exact service level and median of a single campaign', () => {
    const s = summarizeRange([inb], handle);
    expect(s).toMatchObject({
      serviceLevel: 0.85,
      medianHandleSeconds: 250,
      perCampaign: null,
      asaSeconds: 12,
      ahtSeconds: 300,
    });
  });

  it('ignores rows without calls, and has nothing to say for an empty range', () => {
    expect(summarizeRange([inb, row({ key: 'OUT' })], handle)?.perCampaign).toBeNull();
    expect(summarizeRange([], [])).toBeNull();
    expect(summarizeRange([row({ key: 'X' })], [])).toBeNull();
  });

  it('keeps rates null where there is nothing to divide by', () => {
    const outbound = row({ key: 'OUT', answered: 30, ahtSeconds: 200 });
    const s = summarizeRange([outbound], []);
    expect(s).toMatchObject({ offered: 0, abandonRate: null, asaSeconds: null, ahtSeconds: 200 });
  });
});

describe('withHandleTime', () => {
  it('puts median and p90 beside each row, null where a group has no answered calls', () => {
    const rows = withHandleTime(
      [row({ key: 'T01', answered: 5 }), row({ key: 'T02' })],
      [{ key: 'T01', answered: 5, meanSeconds: 100, medianSeconds: 90, p90Seconds: 150 }],
    );
    expect(rows.map((r) => [r.key, r.medianSeconds, r.p90Seconds])).toEqual([
      ['T01', 90, 150],
      ['T02', null, null],
    ]);
  });
});

describe('the time axis', () => {
  const day = { from: '2025-03-03', to: '2025-03-03' };

  it('lists every interval of every day, as the API keys them', () => {
    const keys = timelineKeys(day, 'i30');
    expect(keys).toHaveLength(48);
    expect(keys.slice(0, 2)).toEqual(['2025-03-03T00:00', '2025-03-03T00:30']);
    expect(keys.at(-1)).toBe('2025-03-03T23:30');
    expect(timelineKeys({ from: '2025-03-03', to: '2025-03-09' }, 'i15')).toHaveLength(7 * 96);
    expect(timelineKeys({ from: '2025-02-27', to: '2025-03-02' }, 'day')).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
  });

  it('keeps quiet slots on the axis as no row', () => {
    const line = fillTimeline(
      [row({ key: '2025-03-03T09:00', offered: 4 }), row({ key: '2025-03-03T11:00', offered: 2 })],
      day,
      'i60',
    );
    expect(line.keys).toHaveLength(24);
    expect(line.rows[9]?.offered).toBe(4);
    expect(line.rows[10]).toBeNull();
    expect(line.rows[11]?.offered).toBe(2);
  });

  it('labels one day every two hours and titles each interval with its span', () => {
    const axis = timeAxis(day, 'i30', 'en-US');
    expect(plain(axis.label('2025-03-03T14:00'))).toBe('2:00 PM');
    expect(axis.show('2025-03-03T14:00', 28)).toBe(true);
    expect(axis.show('2025-03-03T15:00', 30)).toBe(false);
    expect(axis.show('2025-03-03T14:30', 29)).toBe(false);
    expect(plain(axis.title('2025-03-03T09:30'))).toBe('Mon, Mar 3, 9:30 – 10:00 AM');
  });

  it('labels a week at midnight with the date', () => {
    const axis = timeAxis({ from: '2025-03-03', to: '2025-03-09' }, 'i60', 'en-US');
    expect(axis.label('2025-03-04T00:00')).toBe('Tue, Mar 4');
    expect(axis.show('2025-03-04T00:00', 24)).toBe(true);
    expect(axis.show('2025-03-04T06:00', 30)).toBe(false);
  });

  it('labels days, with the weekday on short ranges', () => {
    expect(
      timeAxis({ from: '2025-03-01', to: '2025-03-14' }, 'day', 'en-US').label('2025-03-03'),
    ).toBe('Mon, Mar 3');
    expect(
      timeAxis({ from: '2025-03-01', to: '2025-03-28' }, 'day', 'en-US').label('2025-03-03'),
    ).toBe('Mar 3');
    expect(timeAxis(day, 'day', 'en-US').title('2025-03-03')).toBe('Monday, March 3, 2025');
    expect(fullDate('not a date')).toBe('not a date');
  });
});
