import type { FloorAgentDto, FloorIntervalDto } from '@floorwise/contracts';
import { alertLines, intervalCards, staffingText, targetText } from './floor-format';

const interval = (code: string, sl: number | null, offered = 4): FloorIntervalDto => ({
  campaignCode: code,
  campaignName: `Campaign ${code}`,
  intervalStart: '',
  offered,
  answered: offered,
  abandoned: 0,
  serviceLevel: sl,
  slaSeconds: 20,
  targetServiceLevel: 0.8,
  forecastCalls: null,
  requiredAgents: null,
  agentsOnShift: 1,
  quotas: [],
  asOfEventId: 1,
});
const row = (code: string, campaigns: string[], alerts: string[] = []) =>
  ({
    employeeCode: code,
    fullName: `Agent ${code}`,
    teamCode: 'T1',
    campaignCodes: campaigns,
    alerts: alerts.map((m) => ({ kind: 'far_behind', message: m })),
  }) as unknown as FloorAgentDto;

describe('floor formatting', () => {
  it('shows a count target as the whole units needed, as the daily goal counts them', () => {
    expect(targetText({ metric: 'calls_handled', target: 39.4 })).toBe('40');
    expect(targetText({ metric: 'calls_handled', target: 40 })).toBe('40');
    expect(targetText({ metric: 'aht_seconds', target: 583 })).toBe('9:43');
    expect(targetText({ metric: 'csat', target: 4.25 })).toBe('4.3');
  });

  it('puts the campaigns the shown agents work on, furthest below target, on the cards', () => {
    const cards = intervalCards(
      [interval('A', 0.95), interval('B', 0.5), interval('C', 0.2), interval('D', null)],
      [row('X', ['A', 'B']), row('Y', ['D'])],
    );
    // C is worse but nobody shown works on it; D has no calls to measure yet
    expect(cards.map((c) => c.campaignCode)).toEqual(['B', 'A']);
    expect(
      intervalCards([interval('A', 0.9), interval('C', 0.2)], []).map((c) => c.campaignCode),
    ).toEqual(['C', 'A']);
  });

  it('says what staffing is measured against', () => {
    expect(staffingText({ agentsOnShift: 6, requiredAgents: 13 })).toBe('staffed 6 of 13 needed');
    expect(staffingText({ agentsOnShift: 2, requiredAgents: 0 })).toBe('staffed 2, none needed');
    expect(staffingText({ agentsOnShift: 2, requiredAgents: null })).toBe('staffed 2, no forecast');
  });

  it('lists one alert line per agent, most alerts first', () => {
    const lines = alertLines([
      row('A', [], ['calls 0 of 11 expected by now (shift)']),
      row('B', []),
      row('C', [], ['calls 0 of 35 expected by now (shift)', 'no break for 413 min']),
    ]);
    expect(lines.map((l) => [l.employeeCode, l.text])).toEqual([
      ['C', 'calls 0 of 35 expected by now (shift) · no break for 413 min'],
      ['A', 'calls 0 of 11 expected by now (shift)'],
    ]);
  });
});
