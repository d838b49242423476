import { convertToParamMap } from '@angular/router';
import { paramsFromState, rangeOf, stateFromParams } from './turnover-state';

describe('turnover page state', () => {
  it('defaults to the last 12 complete months, overview, by team', () => {
    expect(stateFromParams(convertToParamMap({}), '2026-12-01')).toEqual({
      tab: 'overview',
      fromMonth: '2025-12',
      toMonth: '2026-11',
      groupBy: 'team',
      scope: 'mine',
    });
  });

  it('reads the URL, ignoring what it does not know', () => {
    const s = stateFromParams(
      convertToParamMap({
        tab: 'drivers',
        from: '2025-13',
        to: '2026-03',
        groupBy: 'shoe',
        scope: 'org',
      }),
      '2026-12-01',
    );
    expect(s).toEqual({
      tab: 'drivers',
      fromMonth: '2025-04',
      toMonth: '2026-03',
      groupBy: 'team',
      scope: 'org',
    });
    expect(paramsFromState(s)).toEqual({
      tab: 'drivers',
      from: '2025-04',
      to: '2026-03',
      groupBy: 'team',
      scope: 'org',
    });
  });

  it('ends the range today when it ends this month', () => {
    const s = stateFromParams(convertToParamMap({ from: '2026-01', to: '2026-12' }), '2026-12-01');
    expect(rangeOf(s, '2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(rangeOf({ ...s, toMonth: '2026-02' }, '2026-12-01')).toEqual({
      from: '2026-01-01',
      to: '2026-02-28',
    });
  });
});
