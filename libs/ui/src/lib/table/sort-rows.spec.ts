import { compareValues, matchesText, sortRows } from './sort-rows';

interface Team {
  code: string;
  agents: number | null;
}

const teams: Team[] = [
  { code: 'T10', agents: 4 },
  { code: 'T2', agents: null },
  { code: 't1', agents: 12 },
  { code: 'T3', agents: 4 },
];
const accessors = { code: (t: Team) => t.code, agents: (t: Team) => t.agents };

describe('sortRows', () => {
  it('sorts text with numeric runs in natural order, ignoring case', () => {
    const sorted = sortRows(teams, { active: 'code', direction: 'asc' }, accessors);
    expect(sorted.map((t) => t.code)).toEqual(['t1', 'T2', 'T3', 'T10']);
  });

  it('sorts numbers descending and keeps blanks last in both directions', () => {
    const desc = sortRows(teams, { active: 'agents', direction: 'desc' }, accessors);
    expect(desc.map((t) => t.code)).toEqual(['t1', 'T10', 'T3', 'T2']);
    const asc = sortRows(teams, { active: 'agents', direction: 'asc' }, accessors);
    expect(asc.map((t) => t.code)).toEqual(['T10', 'T3', 't1', 'T2']);
  });

  it('is stable for equal keys', () => {
    const sorted = sortRows(teams, { active: 'agents', direction: 'asc' }, accessors);
    expect(sorted.slice(0, 2).map((t) => t.code)).toEqual(['T10', 'T3']);
  });

  it('returns a copy in the original order when unsorted or the column is unknown', () => {
    const unsorted = sortRows(teams, { active: 'code', direction: '' }, accessors);
    expect(unsorted).toEqual(teams);
    expect(unsorted).not.toBe(teams);
    expect(sortRows(teams, { active: 'nope', direction: 'asc' }, accessors)).toEqual(teams);
  });
});

describe('compareValues', () => {
  it('orders booleans false before true', () => {
    expect(compareValues(false, true)).toBeLessThan(0);
  });
});

describe('matchesText', () => {
  it('matches any field, ignoring case and accents', () => {
    expect(matchesText('jose', ['A-1', 'José Núñez'])).toBe(true);
    expect(matchesText('CHI', ['chicago'])).toBe(true);
    expect(matchesText('zzz', ['chicago', null])).toBe(false);
  });

  it('matches everything for an empty query', () => {
    expect(matchesText('  ', ['x'])).toBe(true);
  });
});
