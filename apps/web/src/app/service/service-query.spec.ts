import { convertToParamMap } from '@angular/router';
import {
  breakdownQuery,
  defaultServiceState,
  drillQuery,
  effectiveGrouping,
  paramsFromState,
  ServiceState,
  stateFromParams,
  timelineQuery,
} from './service-query';

const today = '2025-03-12';
const week: ServiceState = {
  from: '2025-03-03',
  to: '2025-03-09',
  grouping: 'i30',
  campaignCode: 'INB',
  teamCode: '',
};

describe('service page state', () => {
  it('defaults to the last 7 complete days, by hour, unfiltered', () => {
    expect(defaultServiceState(today)).toEqual({
      from: '2025-03-05',
      to: '2025-03-11',
      grouping: 'i60',
      campaignCode: '',
      teamCode: '',
    });
  });

  it('round-trips through the URL, leaving empty filters out', () => {
    const params = paramsFromState(week);
    expect(params).toEqual({
      from: '2025-03-03',
      to: '2025-03-09',
      group: 'i30',
      campaign: 'INB',
      team: null,
    });
    const back = stateFromParams(
      convertToParamMap(Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null))),
      today,
    );
    expect(back).toEqual(week);
  });

  it('replaces a malformed or backwards range, an unknown grouping and a bad code by defaults', () => {
    const state = stateFromParams(
      convertToParamMap({ from: '2025-03-09', to: '2025-03-01', group: 'hour', team: "'; drop" }),
      today,
    );
    expect(state).toEqual(defaultServiceState(today));
  });

  it('groups by day once the range is longer than a week', () => {
    expect(effectiveGrouping(week)).toBe('i30');
    expect(effectiveGrouping({ ...week, to: '2025-03-10' })).toBe('day');
  });
});

describe('queries', () => {
  it('asks for the time chart by interval with its length, or by day', () => {
    expect(timelineQuery(week)).toEqual({
      from: '2025-03-03',
      to: '2025-03-09',
      groupBy: 'interval',
      intervalMinutes: 30,
      slaSeconds: 20,
      campaignCode: 'INB',
    });
    expect(timelineQuery({ ...week, grouping: 'day', campaignCode: '' })).toEqual({
      from: '2025-03-03',
      to: '2025-03-09',
      groupBy: 'day',
      slaSeconds: 20,
    });
  });

  it('asks for a table with the same range and filters', () => {
    expect(breakdownQuery({ ...week, teamCode: 'T01' }, 'agent')).toEqual({
      from: '2025-03-03',
      to: '2025-03-09',
      groupBy: 'agent',
      slaSeconds: 20,
      teamCode: 'T01',
      campaignCode: 'INB',
    });
  });

  it('asks for the calls behind a bar with its key and interval length', () => {
    expect(drillQuery(week, { groupBy: 'interval', key: '2025-03-04T09:30' }, 200)).toEqual({
      from: '2025-03-03',
      to: '2025-03-09',
      groupBy: 'interval',
      key: '2025-03-04T09:30',
      intervalMinutes: 30,
      campaignCode: 'INB',
      limit: 200,
      offset: 200,
    });
  });

  it('asks for the calls behind a table row without an interval length', () => {
    const query = drillQuery(week, { groupBy: 'team', key: 'T02' });
    expect(query).toMatchObject({ groupBy: 'team', key: 'T02', offset: 0, limit: 200 });
    expect(query.intervalMinutes).toBeUndefined();
  });
});
