import {
  addServiceSums,
  callHandleSeconds,
  callServiceIncrements,
  emptyServiceSums,
  medianHandleSeconds,
  occupancy,
  serviceFigures,
  sumCallService,
} from './call-service';
import { EIGHT_CALLS, makeCall } from './__fixtures__/eight-calls.fixture';

describe('callServiceIncrements', () => {
  it('counts an inbound call answered at exactly T as within SL', () => {
    expect(callServiceIncrements(makeCall({ queueSeconds: 20 }), 20)).toEqual({
      offered: 1,
      answered: 1,
      abandoned: 0,
      answeredWithinSla: 1,
      abandonedAfterSla: 0,
      inboundAnswered: 1,
      queueSecondsInboundAnswered: 20,
      handleSeconds: 150,
      hostile: 0,
    });
    expect(callServiceIncrements(makeCall({ queueSeconds: 21 }), 20).answeredWithinSla).toBe(0);
  });

  it('counts a short abandon neither for nor against SL, but as offered and abandoned', () => {
    const short = makeCall({ outcome: 'abandoned', hasAgent: false, queueSeconds: 20 });
    expect(callServiceIncrements(short, 20)).toEqual({
      ...emptyServiceSums(),
      offered: 1,
      abandoned: 1,
    });
    const late = makeCall({ outcome: 'abandoned', hasAgent: false, queueSeconds: 21 });
    expect(callServiceIncrements(late, 20).abandonedAfterSla).toBe(1);
  });

  it('counts an outbound handled call in answered and AHT but never in offered, SL or ASA', () => {
    const outbound = makeCall({ direction: 'outbound', queueSeconds: 7 });
    expect(callServiceIncrements(outbound, 20)).toEqual({
      ...emptyServiceSums(),
      answered: 1,
      handleSeconds: 150,
    });
  });

  it('counts an abandoned outcome as abandoned even when an agent is recorded', () => {
    const odd = makeCall({ outcome: 'abandoned', hasAgent: true, queueSeconds: 30 });
    const inc = callServiceIncrements(odd, 20);
    expect([inc.answered, inc.abandoned, inc.offered, inc.abandonedAfterSla]).toEqual([0, 1, 1, 1]);
  });

  it('counts a hostile flag only on an answered call', () => {
    expect(callServiceIncrements(makeCall({ hostile: true }), 20).hostile).toBe(1);
    const abandonedHostile = makeCall({ outcome: 'abandoned', hasAgent: false, hostile: true });
    expect(callServiceIncrements(abandonedHostile, 20).hostile).toBe(0);
  });
});

describe('serviceFigures over the eight-call fixture', () => {
  it('gives the hand-computed figures at T = 20 s', () => {
    const f = serviceFigures(sumCallService(EIGHT_CALLS, 20));
    expect(f).toEqual({
      offered: 5,
      answered: 4,
      abandoned: 2,
      serviceLevel: 0.5,
      asaSeconds: 46 / 3,
      ahtSeconds: 250,
      abandonRate: 0.4,
      hostileRate: 0.25,
    });
  });

  it('moves SL with the threshold: 1 ÷ 5 at 10 s, 3 ÷ 3 at 45 s', () => {
    // T = 10: within = call 1 only; abandoned after 10 s = calls 4 and 5.
    expect(serviceFigures(sumCallService(EIGHT_CALLS, 10)).serviceLevel).toBe(0.2);
    // T = 45: all three answered within; call 5 abandoned at exactly 45 s is a short abandon.
    expect(serviceFigures(sumCallService(EIGHT_CALLS, 45)).serviceLevel).toBe(1);
  });

  it('returns null figures for empty denominators instead of zero', () => {
    expect(serviceFigures(emptyServiceSums())).toEqual({
      offered: 0,
      answered: 0,
      abandoned: 0,
      serviceLevel: null,
      asaSeconds: null,
      ahtSeconds: null,
      abandonRate: null,
      hostileRate: null,
    });
    const onlyShortAbandon = sumCallService(
      [makeCall({ outcome: 'abandoned', hasAgent: false, queueSeconds: 3 })],
      20,
    );
    const f = serviceFigures(onlyShortAbandon);
    expect(f.serviceLevel).toBeNull();
    expect(f.abandonRate).toBe(1);
  });

  it('adds sums so that splitting a period and adding back gives the same figures', () => {
    const first = sumCallService(EIGHT_CALLS.slice(0, 3), 20);
    const rest = sumCallService(EIGHT_CALLS.slice(3), 20);
    expect(addServiceSums(first, rest)).toEqual(sumCallService(EIGHT_CALLS, 20));
    expect(addServiceSums(emptyServiceSums(), first)).toEqual(first);
  });
});

describe('handle time and occupancy', () => {
  it('takes talk + hold + wrap as handle time and its median', () => {
    expect(EIGHT_CALLS.map(callHandleSeconds).slice(0, 3)).toEqual([150, 200, 250]);
    expect(medianHandleSeconds([150, 200, 250, 400])).toBe(225);
    expect(medianHandleSeconds([400, 150, 250])).toBe(250);
    expect(medianHandleSeconds([])).toBeNull();
  });

  it('divides handle seconds by worked seconds, null when nothing was worked', () => {
    expect(occupancy(21_600, 27_000)).toBe(0.8);
    expect(occupancy(0, 27_000)).toBe(0);
    expect(occupancy(100, 0)).toBeNull();
    expect(occupancy(30_000, 27_000)).toBeCloseTo(1.1111111, 6);
  });
});
