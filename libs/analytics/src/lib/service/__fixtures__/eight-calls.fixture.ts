import { ServiceCall } from '../call-service';

/** Factory with overrides: an inbound call answered after 5 s with 150 s of handle time. */
export function makeCall(overrides: Partial<ServiceCall> = {}): ServiceCall {
  return {
    direction: 'inbound',
    outcome: 'resolved',
    hasAgent: true,
    queueSeconds: 5,
    talkSeconds: 100,
    holdSeconds: 20,
    wrapSeconds: 30,
    hostile: false,
    ...overrides,
  };
}

/**
 * Eight calls covering every classification branch of metrics.md §1. Expected figures at T = 20 s,
 * worked out by hand:
 *   offered 5 (calls 1, 2, 3 answered inbound + 4, 5 abandoned inbound)
 *   answered 4 (1, 2, 3, 6), abandoned 2 (4, 5)
 *   SL = within (1, 2) ÷ (inbound answered 3 + abandoned after 20 s (5) 1) = 2 ÷ 4 = 0.5
 *   ASA = (5 + 20 + 21) ÷ 3 = 46 ÷ 3, AHT = (150 + 200 + 250 + 400) ÷ 4 = 250
 *   abandon rate 2 ÷ 5 = 0.4, hostile rate 1 ÷ 4 = 0.25
 */
export const EIGHT_CALLS: readonly ServiceCall[] = [
  // 1. inbound answered in 5 s, handle 150
  makeCall(),
  // 2. inbound answered at exactly 20 s (≤ T counts as within), handle 200, hostile
  makeCall({
    outcome: 'sale',
    queueSeconds: 20,
    talkSeconds: 180,
    holdSeconds: 0,
    wrapSeconds: 20,
    hostile: true,
  }),
  // 3. inbound answered at 21 s, handle 250
  makeCall({ queueSeconds: 21, talkSeconds: 200, holdSeconds: 0, wrapSeconds: 50 }),
  // 4. inbound short abandon at exactly 20 s: not > T, counts neither for nor against
  makeCall({
    outcome: 'abandoned',
    hasAgent: false,
    queueSeconds: 20,
    talkSeconds: 0,
    holdSeconds: 0,
    wrapSeconds: 0,
  }),
  // 5. inbound abandon after 45 s
  makeCall({
    outcome: 'abandoned',
    hasAgent: false,
    queueSeconds: 45,
    talkSeconds: 0,
    holdSeconds: 0,
    wrapSeconds: 0,
  }),
  // 6. outbound sale: answered and in AHT, never offered
  makeCall({
    direction: 'outbound',
    outcome: 'sale',
    queueSeconds: 0,
    talkSeconds: 350,
    holdSeconds: 10,
    wrapSeconds: 40,
  }),
  // 7. outbound abandoned: counts nowhere
  makeCall({
    direction: 'outbound',
    outcome: 'abandoned',
    hasAgent: false,
    queueSeconds: 0,
    talkSeconds: 0,
    holdSeconds: 0,
    wrapSeconds: 0,
  }),
  // 8. inbound finished without an agent (IVR): neither answered nor abandoned, so not offered
  makeCall({ hasAgent: false, queueSeconds: 3, talkSeconds: 0, holdSeconds: 0, wrapSeconds: 0 }),
];
