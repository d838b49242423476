import type { BurnoutComponentDetail } from '@floorwise/contracts';
import { describeRaw, suggestionsFor, SUGGESTION } from './burnout-text';

const c = (
  raw: number | null,
  detail: BurnoutComponentDetail['detail'] = null,
): BurnoutComponentDetail => ({
  raw,
  score: 0,
  points: 0,
  weight: 0.1,
  ramp: null,
  detail,
});

describe('burnout text', () => {
  it('says plainly that quota pressure is not measured when no count quota applies', () => {
    expect(describeRaw('quota_pressure', c(null, { source: 'none' }))).toBe(
      'not measured: no day or shift count quota applies',
    );
  });

  it('names the worst drift metric', () => {
    expect(describeRaw('drift', c(0.2, { aht: 0.2, qa: 0.1, csat: null, adherence: 0 }))).toMatch(
      /^handle time 20(\.0)?% worse/,
    );
    expect(describeRaw('drift', c(-0.1, { aht: -0.1 }))).toMatch(/no deterioration/);
  });

  it('gives one suggestion per driver and none without an index', () => {
    expect(suggestionsFor({ index: 55, drivers: ['overtime', 'hostile'] })).toEqual([
      SUGGESTION.overtime,
      SUGGESTION.hostile,
    ]);
    expect(suggestionsFor({ index: null, drivers: [] })).toEqual([]);
  });
});
