import type { FloorAgentDto, FloorSnapshot } from '@floorwise/contracts';
import { applyMessage, floorRows, mergeSnapshot, viewOf } from './floor-live';

const sums = {
  callsHandled: 0,
  handleSeconds: 0,
  hostile: 0,
  sales: 0,
  saves: 0,
  resolved: 0,
  qaSum: 0,
  qaCount: 0,
  csatSum: 0,
  csatCount: 0,
};
const agent = (
  code: string,
  calls: number,
  asOf: number,
  over: Partial<FloorAgentDto> = {},
): FloorAgentDto => ({
  employeeCode: code,
  fullName: `Agent ${code}`,
  teamCode: 'T1',
  teamName: 'Team',
  campaignCodes: ['SUP'],
  shift: { shiftId: 1, start: '', end: '', breakMinutes: 30, kind: 'regular' },
  ramped: false,
  shiftSums: { ...sums, callsHandled: calls },
  daySums: sums,
  quotas: [],
  dailyGoal: null,
  pacing: null,
  ahtSeconds: null,
  ahtLimitSeconds: null,
  ahtOverLimit: false,
  hostileToday: 0,
  hostileStreak: 0,
  sinceBreakSeconds: 0,
  onBreak: false,
  weekWorkedSeconds: 0,
  overtimeLineSeconds: 0,
  weekWorkedAtShiftEndSeconds: 0,
  pastOvertimeLine: false,
  alerts: [],
  burnoutBand: null,
  asOfEventId: asOf,
  ...over,
});
const snap = (eventId: number, agents: FloorAgentDto[]): FloorSnapshot => ({
  asOf: '',
  eventId,
  agents,
  teams: [],
  intervals: [],
  settings: {} as FloorSnapshot['settings'],
});

describe('applying stream messages', () => {
  it('replaces a row with the newer one and ignores messages the snapshot already has', () => {
    let v = viewOf(snap(10, [agent('A', 3, 10)]));
    v = applyMessage(v, { eventId: 9, agent: agent('A', 2, 9) });
    expect(v.agents.get('A')?.shiftSums.callsHandled).toBe(3);
    v = applyMessage(v, { eventId: 11, agent: agent('A', 4, 11) });
    v = applyMessage(v, { eventId: 11, agent: agent('A', 4, 11) }); // a repeat changes nothing
    expect(v.agents.get('A')?.shiftSums.callsHandled).toBe(4);
    expect(v.eventId).toBe(11);
    v = applyMessage(v, { eventId: 12, released: 'A' });
    expect(v.agents.has('A')).toBe(false);
  });

  it('keeps rows the stream made newer than a reloaded snapshot', () => {
    let v = viewOf(snap(10, [agent('A', 3, 10), agent('B', 1, 5)]));
    v = applyMessage(v, { eventId: 12, agent: agent('A', 5, 12) });
    const merged = mergeSnapshot(v, snap(11, [agent('A', 4, 11), agent('B', 2, 11)]));
    expect(merged.agents.get('A')?.shiftSums.callsHandled).toBe(5);
    expect(merged.agents.get('B')?.shiftSums.callsHandled).toBe(2);
    expect(merged.eventId).toBe(12);
  });
});

describe('floorRows', () => {
  it('filters by team, campaign and alerts, and sorts with empty values last', () => {
    const v = viewOf(
      snap(1, [
        agent('A', 3, 1, { ahtSeconds: 300 }),
        agent('B', 9, 1, { teamCode: 'T2', ahtSeconds: null, campaignCodes: ['RET'] }),
        agent('C', 5, 1, { ahtSeconds: 200, alerts: [{ kind: 'overtime', message: 'x' }] }),
      ]),
    );
    const all = { team: '', campaign: '', onlyAlerts: false };
    expect(floorRows(v, all, { key: 'calls', dir: 'desc' }).map((a) => a.employeeCode)).toEqual([
      'B',
      'C',
      'A',
    ]);
    expect(floorRows(v, all, { key: 'aht', dir: 'desc' }).map((a) => a.employeeCode)).toEqual([
      'A',
      'C',
      'B',
    ]);
    expect(
      floorRows(v, { ...all, team: 'T1' }, { key: 'name', dir: 'asc' }).map((a) => a.employeeCode),
    ).toEqual(['A', 'C']);
    expect(
      floorRows(v, { ...all, campaign: 'RET' }, { key: 'name', dir: 'asc' }).map(
        (a) => a.employeeCode,
      ),
    ).toEqual(['B']);
    expect(
      floorRows(v, { ...all, onlyAlerts: true }, { key: 'name', dir: 'asc' }).map(
        (a) => a.employeeCode,
      ),
    ).toEqual(['C']);
  });
});
