import { pacing } from './quota-pacing';

const shift = { start: '2026-05-04T09:00:00-05:00', end: '2026-05-04T17:00:00-05:00' };

describe('pacing of a count quota', () => {
  const at = (now: string, actual: number) =>
    pacing({ ...shift, now, actual, target: 80, comparator: 'at_least', metric: 'calls_handled' });

  it('expects target × f and projects actual ÷ f at half time', () => {
    expect(at('2026-05-04T13:00:00-05:00', 42)).toEqual({
      measure: 'count',
      elapsedFraction: 0.5,
      expected: 40,
      status: 'ahead',
      projected: 84,
      progress: 0.525,
    });
  });

  it('puts the 1.05 and 0.90 boundaries exactly where the spec does', () => {
    const now = '2026-05-04T13:00:00-05:00';
    // expected 40: ahead from 42 (= 1.05 × 40), behind below 36 (= 0.90 × 40)
    expect(at(now, 42).status).toBe('ahead');
    expect(at(now, 41).status).toBe('on_pace');
    expect(at(now, 36).status).toBe('on_pace');
    expect(at(now, 35).status).toBe('behind');
  });

  it('has no projection before 10 % of the shift and one from exactly 10 %', () => {
    // 45 min of 480 = 0.09375
    expect(at('2026-05-04T09:45:00-05:00', 2).projected).toBeNull();
    // 48 min of 480 = 0.10 → 2 ÷ 0.1 = 20
    const tenth = at('2026-05-04T09:48:00-05:00', 2);
    expect(tenth.elapsedFraction).toBe(0.1);
    expect(tenth.projected).toBe(20);
    expect(tenth.expected).toBe(8);
    expect(tenth.status).toBe('behind');
  });

  it('clamps before the start and after the end of the shift', () => {
    expect(at('2026-05-04T08:00:00-05:00', 0)).toMatchObject({
      elapsedFraction: 0,
      expected: 0,
      status: 'on_pace',
      projected: null,
    });
    expect(at('2026-05-04T08:59:00-05:00', 1).status).toBe('ahead');
    expect(at('2026-05-04T18:00:00-05:00', 76)).toMatchObject({
      elapsedFraction: 1,
      expected: 80,
      status: 'on_pace',
      projected: 76,
      progress: 0.95,
    });
  });

  it('treats an at-least quota without a metric as a count', () => {
    expect(
      pacing({
        ...shift,
        now: '2026-05-04T11:00:00-05:00',
        actual: 5,
        target: 20,
        comparator: 'at_least',
      }),
    ).toEqual({
      measure: 'count',
      elapsedFraction: 0.25,
      expected: 5,
      status: 'on_pace',
      projected: 20,
      progress: 0.25,
    });
  });

  it('rejects a shift that does not end after it starts', () => {
    expect(() =>
      pacing({
        start: shift.end,
        end: shift.start,
        now: shift.start,
        actual: 0,
        target: 1,
        comparator: 'at_least',
      }),
    ).toThrow(/ends after it starts/);
  });
});

describe('pacing of a rate quota', () => {
  const now = '2026-05-04T13:00:00-05:00';

  it('compares the current AHT with an at-most target through target ÷ actual', () => {
    const aht = (actual: number | null) =>
      pacing({ ...shift, now, actual, target: 300, comparator: 'at_most' });
    // ahead when 300 ÷ actual ≥ 1.05 (actual ≤ 285.71), behind when < 0.90 (actual > 333.33)
    expect(aht(285)).toEqual({
      measure: 'rate',
      elapsedFraction: 0.5,
      expected: 300,
      status: 'ahead',
      projected: 285,
      progress: 1,
    });
    expect(aht(286).status).toBe('on_pace');
    expect(aht(333).status).toBe('on_pace');
    expect(aht(334).status).toBe('behind');
    expect(aht(400).progress).toBe(0.75);
    expect(aht(null)).toMatchObject({ status: null, projected: null, progress: null });
  });

  it('compares the current QA score with an at-least target', () => {
    const qa = (actual: number) =>
      pacing({ ...shift, now, actual, target: 80, comparator: 'at_least', metric: 'qa_score' });
    expect(qa(84).status).toBe('ahead');
    expect(qa(83).status).toBe('on_pace');
    expect(qa(72).status).toBe('on_pace');
    expect(qa(71).status).toBe('behind');
    expect(qa(72).expected).toBe(80);
  });

  it('does not project a rate before 10 % of the shift', () => {
    expect(
      pacing({
        ...shift,
        now: '2026-05-04T09:30:00-05:00',
        actual: 250,
        target: 300,
        comparator: 'at_most',
      }).projected,
    ).toBeNull();
  });
});
