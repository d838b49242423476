import { fromDayNumber, toDayNumber } from '../dates';
import { dayNumberOf } from './fast-day';

describe('dayNumberOf', () => {
  it('gives the day number of toDayNumber for every day from 1899 to 2101', () => {
    for (let n = toDayNumber('1899-01-01'); n <= toDayNumber('2101-12-31'); n++) {
      const s = fromDayNumber(n);
      if (dayNumberOf(s) !== n) {
        throw new Error(`${s}: ${dayNumberOf(s)} ≠ ${n}`);
      }
    }
    expect(dayNumberOf('2024-02-29')).toBe(toDayNumber('2024-02-29'));
  });

  it('rejects what toDayNumber rejects', () => {
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-1-01',
      '2024-01-32',
      'abcd-ef-gh',
      '',
    ]) {
      expect(() => dayNumberOf(bad)).toThrow(RangeError);
    }
  });
});
