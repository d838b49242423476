import { BurnoutCall, burnoutDailyCalls } from './burnout-calls';

const call = (overrides: Partial<BurnoutCall>): BurnoutCall => ({
  direction: 'inbound',
  outcome: 'resolved',
  hasAgent: true,
  queueSeconds: 0,
  talkSeconds: 200,
  holdSeconds: 30,
  wrapSeconds: 70,
  startedAt: '2026-03-10T12:00:00-05:00',
  ...overrides,
});

describe('burnoutDailyCalls', () => {
  it('sums answered calls per site-local date with QA and CSAT over the calls that carry them', () => {
    const days = burnoutDailyCalls(
      [
        call({ qaScore: 90, csat: 5 }),
        call({ startedAt: '2026-03-10T23:45:00-05:00', hostile: true, qaScore: 70 }), // 04:45Z on the 11th
        call({
          startedAt: '2026-03-11T00:15:00-05:00',
          outcome: 'sale',
          direction: 'outbound',
          csat: 3,
        }),
        call({ outcome: 'abandoned', hasAgent: false, hostile: true }),
      ],
      'America/Chicago',
    );
    expect(days).toEqual([
      {
        date: '2026-03-10',
        answered: 2,
        handleSeconds: 600,
        hostile: 1,
        qaSum: 160,
        qaCount: 2,
        csatSum: 5,
        csatCount: 1,
      },
      {
        date: '2026-03-11',
        answered: 1,
        handleSeconds: 300,
        hostile: 0,
        qaSum: 0,
        qaCount: 0,
        csatSum: 3,
        csatCount: 1,
      },
    ]);
  });
});
