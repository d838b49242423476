import { convertToParamMap } from '@angular/router';
import { apiQuery, paramsFromState, stateFromParams } from './agent-query';

describe('agents list state', () => {
  it('defaults to the first page of active agents', () => {
    const state = stateFromParams(convertToParamMap({}));
    expect(state).toEqual({
      teamCode: '',
      siteCode: '',
      workMode: '',
      status: 'active',
      search: '',
      page: 1,
      pageSize: 50,
    });
    expect(Object.values(paramsFromState(state)).every((v) => v === null)).toBe(true);
  });

  it('ignores values that are not allowed instead of sending them to the API', () => {
    const state = stateFromParams(
      convertToParamMap({ workMode: 'moon', status: 'fired', page: '-2', pageSize: '100000' }),
    );
    expect(state).toMatchObject({ workMode: '', status: 'active', page: 1, pageSize: 50 });
  });

  it('round-trips through the query string', () => {
    const params = {
      teamCode: 'T1',
      workMode: 'hybrid',
      status: 'separated',
      search: 'ana',
      page: '3',
      pageSize: '25',
    };
    const state = stateFromParams(convertToParamMap(params));
    expect(paramsFromState(state)).toEqual({ siteCode: null, ...params });
  });

  it('leaves empty filters out of the API query', () => {
    const state = stateFromParams(convertToParamMap({ siteCode: 'CHI', search: '  ' }));
    expect(apiQuery(state)).toEqual({
      teamCode: undefined,
      siteCode: 'CHI',
      workMode: undefined,
      status: 'active',
      search: undefined,
      page: 1,
      pageSize: 50,
    });
  });
});
