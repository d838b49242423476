import { CODE_PATTERN, knownTimeZones, tenure, todayLocal, zoneOffset } from './org-labels';

describe('tenure', () => {
  it('counts whole months and years from hire to today', () => {
    expect(tenure('2023-01-15', null, '2025-04-20')).toBe('2 y 3 mo');
    expect(tenure('2025-01-15', null, '2025-04-14')).toBe('2 mo');
    expect(tenure('2024-04-14', null, '2025-04-14')).toBe('1 y');
  });

  it('stops at the termination date of someone who left', () => {
    expect(tenure('2025-01-01', '2025-02-15', '2026-01-01')).toBe('1 mo');
  });

  it('shows days in the first month, and a dash for a date before hire', () => {
    expect(tenure('2025-03-01', null, '2025-03-13')).toBe('12 d');
    expect(tenure('2025-03-10', '2025-03-01', '2025-04-01')).toBe('—');
  });
});

describe('todayLocal', () => {
  it('formats the local calendar date', () => {
    expect(todayLocal(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});

describe('zoneOffset and knownTimeZones', () => {
  it('gives the offset of a zone at an instant, and null for an unknown zone', () => {
    expect(zoneOffset('America/Chicago', new Date('2025-01-15T12:00:00Z'))).toBe('GMT-6');
    expect(zoneOffset('America/Chicago', new Date('2025-07-15T12:00:00Z'))).toBe('GMT-5');
    expect(zoneOffset('Mars/Olympus')).toBeNull();
  });

  it('lists IANA zones including UTC', () => {
    const zones = knownTimeZones();
    expect(zones).toContain('America/Chicago');
    expect(zones).toContain('UTC');
  });
});

describe('CODE_PATTERN', () => {
  it('accepts external ids and rejects spaces and slashes', () => {
    expect(CODE_PATTERN.test('CHI-01')).toBe(true);
    expect(CODE_PATTERN.test('E10023')).toBe(true);
    expect(CODE_PATTERN.test('a b')).toBe(false);
    expect(CODE_PATTERN.test('x/y')).toBe(false);
  });
});
