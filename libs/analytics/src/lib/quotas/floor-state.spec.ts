import { applyCallToState, breakFigures, EMPTY_LIVE_STATE } from './floor-state';
import { callQuotaSums, LiveCall, quotaActual } from './quota-sums';

const t0 = Date.parse('2026-05-04T14:00:00Z');
const call = (minute: number, over: Partial<LiveCall> = {}): LiveCall => ({
  startedAtMs: t0 + minute * 60_000,
  answered: true,
  queueSeconds: 0,
  handleSeconds: 240,
  outcome: 'resolved',
  hostile: false,
  qaScore: null,
  csat: null,
  ...over,
});

describe('applyCallToState', () => {
  it('counts hostile calls in a row and resets on a calm one', () => {
    let s = EMPTY_LIVE_STATE;
    s = applyCallToState(s, call(0, { hostile: true }), 600);
    s = applyCallToState(s, call(5, { hostile: true }), 600);
    expect(s.hostileStreak).toBe(2);
    s = applyCallToState(s, call(10, { answered: false, hostile: true }), 600);
    expect(s.hostileStreak).toBe(2); // an abandoned call never reached the agent
    s = applyCallToState(s, call(11), 600);
    expect(s.hostileStreak).toBe(0);
  });

  it('takes a gap of the break length between calls as a break ending when the next call starts', () => {
    let s = applyCallToState(EMPTY_LIVE_STATE, call(0), 600); // busy 0–4 min
    s = applyCallToState(s, call(13, { queueSeconds: 60 }), 600); // busy from 14: gap of 10 min
    expect(s.lastBreakEndMs).toBe(t0 + 14 * 60_000);
    expect(s.lastCallEndMs).toBe(t0 + 18 * 60_000);
    const short = applyCallToState(s, call(27), 600); // 9 min gap: not a break
    expect(short.lastBreakEndMs).toBe(t0 + 14 * 60_000);
  });

  it('shows an agent idle for the break length as on a break', () => {
    const s = applyCallToState(EMPTY_LIVE_STATE, call(0), 600);
    expect(breakFigures(s, t0, t0 + 10 * 60_000, 600)).toEqual({
      sinceBreakSeconds: 600,
      onBreak: false,
      idleSeconds: 360,
    });
    expect(breakFigures(s, t0, t0 + 14 * 60_000, 600)).toEqual({
      sinceBreakSeconds: 0,
      onBreak: true,
      idleSeconds: 600,
    });
  });
});

describe('callQuotaSums', () => {
  it('adds what one call contributes to each quota metric', () => {
    const s = callQuotaSums(call(0, { outcome: 'sale', hostile: true, qaScore: 90, csat: 4 }));
    expect(s).toMatchObject({
      callsHandled: 1,
      handleSeconds: 240,
      hostile: 1,
      sales: 1,
      qaSum: 90,
      csatCount: 1,
    });
    expect(quotaActual(s, 'aht_seconds')).toBe(240);
    expect(callQuotaSums(call(0, { answered: false, outcome: 'abandoned' }))).toMatchObject({
      callsHandled: 0,
      handleSeconds: 0,
    });
  });
});
