import { FormControl, FormGroup } from '@angular/forms';
import { dollarsToCents, separationValidator } from './agent-form-dialog';

describe('dollarsToCents', () => {
  it('turns typed dollars into exact integer cents', () => {
    expect(dollarsToCents('15.81')).toBe(1581);
    expect(dollarsToCents('26.1')).toBe(2610);
    expect(dollarsToCents('10')).toBe(1000);
    // 0.1 + 0.2 style float errors cannot happen: no floating-point multiplication.
    expect(dollarsToCents('19.99')).toBe(1999);
  });

  it('rejects what is not a money amount', () => {
    expect(dollarsToCents('15.815')).toBeNull();
    expect(dollarsToCents('-3')).toBeNull();
    expect(dollarsToCents('$15')).toBeNull();
    expect(dollarsToCents('')).toBeNull();
  });
});

describe('separationValidator', () => {
  const group = (
    hireDate: string,
    terminationDate: string,
    terminationType: string,
    terminationReason = '',
  ) =>
    new FormGroup({
      hireDate: new FormControl(hireDate),
      terminationDate: new FormControl(terminationDate),
      terminationType: new FormControl(terminationType),
      terminationReason: new FormControl(terminationReason),
    });

  it('accepts an employed agent and a complete separation', () => {
    expect(separationValidator(group('2024-01-10', '', ''))).toBeNull();
    expect(
      separationValidator(group('2024-01-10', '2024-03-01', 'voluntary', 'promotion')),
    ).toBeNull();
  });

  it('rejects a separation before the hire date, or without its type or date', () => {
    expect(separationValidator(group('2024-01-10', '2024-01-09', 'voluntary'))).toEqual({
      endBeforeHire: true,
    });
    expect(separationValidator(group('2024-01-10', '2024-02-01', ''))).toEqual({
      typeMissing: true,
    });
    expect(separationValidator(group('2024-01-10', '', 'involuntary'))).toEqual({
      dateMissing: true,
    });
  });
});
