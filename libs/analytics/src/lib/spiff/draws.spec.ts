import { createHmac } from 'node:crypto';
import {
  agentDrawMessage,
  drawLotteryTickets,
  drawInteger,
  drawLottery,
  drawUniform,
  lotteryDrawMessage,
  openMysteryEnvelopes,
  spinPrizeWheel,
  uniformOf,
  weightedDrawRange,
  weightedIndex,
} from './draws';
import { LotteryRule, PrizeWheelRule } from './spiff.types';

// Reference figures computed independently with Python's hmac/hashlib:
// int.from_bytes(hmac.new(b'floorwise-audit-2026', msg, sha256).digest()[:8], 'big')
const SECRET = 'floorwise-audit-2026';

describe('drawInteger and drawUniform', () => {
  it('reads the first 8 bytes of HMAC-SHA256 big-endian (RFC 4231 test case 2)', () => {
    // HMAC-SHA256("Jefe", "what do ya want for nothing?") = 5bdcc146bf60754e6a04…
    expect(drawInteger('Jefe', 'what do ya want for nothing?')).toBe(0x5bdcc146bf60754en);
  });

  it('gives the audited numbers for agent and lottery messages', () => {
    expect(agentDrawMessage('A1001', 1)).toBe('A1001:1');
    expect(lotteryDrawMessage(2)).toBe('draw:2');
    expect(drawInteger(SECRET, 'A1001:1')).toBe(14001627378883818757n); // c24fc5ead3c0f505
    expect(drawInteger(SECRET, 'draw:1')).toBe(10561746806104052126n); // 9292dcc2f972d19e
    expect(drawUniform(SECRET, 'A1001:1')).toBeCloseTo(0.7590297411259178, 15);
    expect(drawInteger(Buffer.from(SECRET, 'utf8'), 'A1001:1')).toBe(14001627378883818757n);
  });

  it('keeps u below 1 even for the largest 64-bit value', () => {
    expect(uniformOf((1n << 64n) - 1n)).toBe((2 ** 53 - 1) / 2 ** 53);
    expect(uniformOf(0n)).toBe(0);
    expect(uniformOf(1n << 63n)).toBe(0.5);
  });

  it('refuses an empty secret', () => {
    expect(() => drawInteger('', 'A1001:1')).toThrow(/secret/);
  });
});

describe('weightedIndex', () => {
  it('maps x to slot floor(x × W ÷ 2^64) and the slot to cumulative weights', () => {
    expect(weightedIndex(0n, [1, 1])).toEqual({ index: 0, slot: 0 });
    expect(weightedIndex((1n << 63n) - 1n, [1, 1])).toEqual({ index: 0, slot: 0 });
    expect(weightedIndex(1n << 63n, [1, 1])).toEqual({ index: 1, slot: 1 });
    expect(weightedIndex((1n << 64n) - 1n, [6, 3, 1])).toEqual({ index: 2, slot: 9 });
    // cumulative 6, 9, 10: just below 0.6 × 2^64 is slot 5 (first item), from it slot 6 (second)
    expect(weightedIndex((6n << 64n) / 10n, [6, 3, 1])).toEqual({ index: 0, slot: 5 });
    expect(weightedIndex(((6n << 64n) + 9n) / 10n, [6, 3, 1])).toEqual({ index: 1, slot: 6 });
  });

  it('rejects non-integer and non-positive weights', () => {
    expect(() => weightedIndex(0n, [1, 0])).toThrow(/positive integers/);
    expect(() => weightedIndex(0n, [1.5])).toThrow(/positive integers/);
    expect(() => weightedIndex(0n, [])).toThrow(/nothing to draw/);
  });
});

describe('spinPrizeWheel and openMysteryEnvelopes', () => {
  const wheel: PrizeWheelRule = {
    type: 'prize_wheel',
    unitsPerSpin: 5,
    slices: [
      { amountCents: 500, weight: 6 },
      { amountCents: 2_000, weight: 3 },
      { amountCents: 10_000, weight: 1 },
    ],
  };

  it('spins once per 5 units with the audited slots 7, 9, 5', () => {
    const spins = spinPrizeWheel(SECRET, 'A1001', 17, wheel);
    expect(spins.map((s) => [s.draw, s.message, s.index, s.amountCents])).toEqual([
      [1, 'A1001:1', 1, 2_000],
      [2, 'A1001:2', 2, 10_000],
      [3, 'A1001:3', 0, 500],
    ]);
    expect(spins[1].u).toBeCloseTo(0.9047267531124576, 15);
  });

  it('is reproducible and only adds draws as units grow', () => {
    expect(spinPrizeWheel(SECRET, 'A1001', 10, wheel)).toEqual(
      spinPrizeWheel(SECRET, 'A1001', 17, wheel).slice(0, 2),
    );
    expect(spinPrizeWheel(SECRET, 'A1001', 4, wheel)).toEqual([]);
  });

  it('draws envelopes with the same messages', () => {
    const envelopes = openMysteryEnvelopes(SECRET, 'A1001', 2, {
      type: 'mystery_envelope',
      unitsPerEnvelope: 1,
      amounts: [
        { amountCents: 500, weight: 6 },
        { amountCents: 2_000, weight: 3 },
        { amountCents: 10_000, weight: 1 },
      ],
    });
    expect(envelopes.map((e) => e.amountCents)).toEqual([2_000, 10_000]);
  });
});

describe('drawLottery', () => {
  const rule: LotteryRule = {
    type: 'lottery',
    unitsPerTicket: 2,
    prizes: [10_000, 5_000, 2_500, 1_000],
  };

  it('draws without replacement over tickets laid out by code', () => {
    const result = drawLottery(
      SECRET,
      [
        { code: 'B2001', units: 12 },
        { code: 'C3001', units: 1 },
        { code: 'A1002', units: 3 },
        { code: 'A1001', units: 7 },
      ],
      rule,
    );
    // tickets A1001 [0,3), A1002 [3,4), B2001 [4,10)
    expect(result.tickets).toEqual([
      { code: 'A1001', tickets: 3 },
      { code: 'A1002', tickets: 1 },
      { code: 'B2001', tickets: 6 },
    ]);
    // draw 1: T = 10, slot 5 → B2001; draw 2: T = 4 (A1001, A1002), slot 2 → A1001;
    // draw 3: T = 1, slot 0 → A1002; the fourth prize has no entrant left
    expect(result.winners.map((w) => [w.draw, w.message, w.ticket, w.code, w.prizeCents])).toEqual([
      [1, 'draw:1', 5, 'B2001', 10_000],
      [2, 'draw:2', 2, 'A1001', 5_000],
      [3, 'draw:3', 0, 'A1002', 2_500],
    ]);
  });

  it('rejects an entrant listed twice', () => {
    expect(() =>
      drawLottery(
        SECRET,
        [
          { code: 'A', units: 2 },
          { code: 'A', units: 4 },
        ],
        rule,
      ),
    ).toThrow(/twice/);
  });
});

/**
 * A second, independent implementation of the draw scheme of metrics.md §7 (as an auditor would
 * write it from docs/spiff.md): hex digest → first 16 hex digits → x; u = x / 2^64 with exact
 * BigInt division into slots: slot = floor(x · W / 2^64); walk the weights.
 */
function auditorPick(
  secret: string | Buffer,
  message: string,
  weights: number[],
): { slot: number; index: number } {
  const digest = createHmac('sha256', secret).update(Buffer.from(message, 'utf8')).digest('hex');
  const x = BigInt('0x' + digest.substring(0, 16));
  const W = BigInt(weights.reduce((a, b) => a + b, 0));
  const slot = Number((x * W) / 18446744073709551616n);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i];
    if (slot < acc) return { slot, index: i };
  }
  throw new Error('slot out of range');
}

describe('the draws re-derived independently from the secret', () => {
  const secret = Buffer.from(
    '9f1c2e7a4b5d6e8f00112233445566778899aabbccddeeff0011223344556677',
    'hex',
  );
  const slices = [
    { amountCents: 0, weight: 5 },
    { amountCents: 250, weight: 12 },
    { amountCents: 1_000, weight: 4 },
    { amountCents: 5_000, weight: 1 },
  ];

  it('gives every spin of every agent the auditor finds', () => {
    for (const agent of ['A00001', 'A00042', 'B7', 'Çağrı-1']) {
      const spins = spinPrizeWheel(secret, agent, 200, {
        type: 'prize_wheel',
        unitsPerSpin: 4,
        slices,
      });
      expect(spins).toHaveLength(50);
      for (const s of spins) {
        const ref = auditorPick(
          secret,
          `${agent}:${s.draw}`,
          slices.map((x) => x.weight),
        );
        expect([s.message, s.index, s.amountCents]).toEqual([
          `${agent}:${s.draw}`,
          ref.index,
          slices[ref.index].amountCents,
        ]);
      }
      expect(weightedDrawRange(secret, agent, 11, 20, slices)).toEqual(spins.slice(10, 20));
    }
  });

  it('gives the lottery winners the auditor finds', () => {
    const holders = [
      { code: 'A3', tickets: 7 },
      { code: 'A1', tickets: 2 },
      { code: 'A2', tickets: 11 },
      { code: 'A4', tickets: 0 },
      { code: 'A5', tickets: 1 },
    ];
    const prizes = [10_000, 5_000, 2_500, 1_000, 500];
    const result = drawLotteryTickets(secret, holders, prizes);
    let drum = holders.filter((h) => h.tickets > 0).sort((a, b) => (a.code < b.code ? -1 : 1));
    const expected: { code: string; ticket: number }[] = [];
    for (let k = 1; k <= prizes.length && drum.length > 0; k++) {
      const { slot, index } = auditorPick(
        secret,
        `draw:${k}`,
        drum.map((d) => d.tickets),
      );
      expected.push({ code: drum[index].code, ticket: slot });
      drum = drum.filter((_, i) => i !== index);
    }
    expect(result.winners.map((w) => ({ code: w.code, ticket: w.ticket }))).toEqual(expected);
    expect(result.winners).toHaveLength(4); // A4 holds no ticket: the fifth prize has nobody left
    expect(result.winners.map((w) => w.prizeCents)).toEqual([10_000, 5_000, 2_500, 1_000]);
  });
});
