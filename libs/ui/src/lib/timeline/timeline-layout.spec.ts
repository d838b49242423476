import { daysAxis, layoutBar, TimelineBar } from './timeline-layout';

const bar = (startMin: number, endMin: number, markerMin?: number): TimelineBar => ({
  id: 'x',
  startMin,
  endMin,
  tone: 'blue',
  style: 'solid',
  label: '',
  title: '',
  markerMin,
});

describe('layoutBar', () => {
  it('places a bar in percent of the axis', () => {
    // a week is 10 080 minutes: Tuesday 09:00–17:00 starts at 1 980
    expect(layoutBar(bar(1980, 2460), 10080)).toEqual({
      leftPct: (1980 / 10080) * 100,
      widthPct: (480 / 10080) * 100,
      clippedStart: false,
      clippedEnd: false,
      markerPct: null,
    });
  });

  it('clips a night shift that runs past the end of the axis, and drops bars outside it', () => {
    const box = layoutBar(bar(1320, 1800), 1440);
    expect(box).toMatchObject({ leftPct: (1320 / 1440) * 100, clippedEnd: true });
    expect(box?.widthPct).toBeCloseTo((120 / 1440) * 100, 10);
    expect(layoutBar(bar(-600, -60), 1440)).toBeNull();
    expect(layoutBar(bar(-120, 300), 1440)).toMatchObject({ leftPct: 0, clippedStart: true });
  });

  it('places a marker inside the bar as a share of its drawn width', () => {
    expect(layoutBar(bar(0, 480, 120), 1440)?.markerPct).toBe(25);
    expect(layoutBar(bar(0, 480, 600), 1440)?.markerPct).toBeNull();
  });
});

describe('daysAxis', () => {
  it('labels the hours of a single day and marks only day starts across a week', () => {
    const day = daysAxis(['Mon 30 Nov']);
    expect(day.totalMin).toBe(1440);
    expect(day.ticks.map((t) => t.label)).toEqual([
      '00:00',
      '02:00',
      '04:00',
      '06:00',
      '08:00',
      '10:00',
      '12:00',
      '14:00',
      '16:00',
      '18:00',
      '20:00',
      '22:00',
    ]);
    const week = daysAxis(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(week.totalMin).toBe(10080);
    expect(week.ticks.filter((t) => t.major).map((t) => t.atMin)).toEqual([
      0, 1440, 2880, 4320, 5760, 7200, 8640,
    ]);
    expect(week.ticks.filter((t) => !t.major)).toHaveLength(21);
  });
});
