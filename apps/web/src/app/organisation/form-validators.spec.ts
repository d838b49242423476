import { FormControl } from '@angular/forms';
import {
  codeValidator,
  holidaysValidator,
  localDateValidator,
  oneOf,
  parseHolidays,
} from './form-validators';

describe('parseHolidays', () => {
  it('accepts dates split by semicolons, commas, spaces and lines; sorts and dedupes them', () => {
    expect(parseHolidays('2025-12-25; 2025-01-01,\n2025-07-04 2025-01-01')).toEqual({
      dates: ['2025-01-01', '2025-07-04', '2025-12-25'],
      invalid: [],
    });
  });

  it('lists the entries that are not real dates', () => {
    expect(parseHolidays('2025-02-30;christmas;2025-12-25').invalid).toEqual([
      '2025-02-30',
      'christmas',
    ]);
  });
});

describe('form validators', () => {
  it('reject what the API would reject', () => {
    expect(holidaysValidator(new FormControl('2025-13-01'))).toEqual({ holidays: ['2025-13-01'] });
    expect(holidaysValidator(new FormControl(''))).toBeNull();
    expect(localDateValidator(new FormControl('2025-02-29'))).toEqual({ localDate: true });
    expect(localDateValidator(new FormControl('2024-02-29'))).toBeNull();
    expect(codeValidator(new FormControl('CHI 1'))).toEqual({ code: true });
    expect(codeValidator(new FormControl('CHI-1'))).toBeNull();
    expect(oneOf(['UTC'])(new FormControl('Mars/Base'))).toEqual({ oneOf: true });
  });
});
