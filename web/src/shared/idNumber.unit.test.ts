import { describe, expect, it } from 'vitest';
import { ageOn, checkIdNumber, idCheckCharacter } from './idNumber';

describe('ID number check (GB 11643)', () => {
  it('accepts a valid number, lowercase x too, and reads birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ birthDate: '1949-12-31', sex: 'F' });
    expect(checkIdNumber('11010519491231002x')).toEqual({ birthDate: '1949-12-31', sex: 'F' });
    expect(idCheckCharacter('21032119900615002')).toBe('5');
  });

  it('names what is wrong', () => {
    expect(checkIdNumber('530102192005080119')).toBe('check_digit');
    expect(checkIdNumber('1101051949123100')).toBe('format');
    expect(checkIdNumber('110105194902300021')).toBe('birth_date');
  });

  it('does not reject abolished county codes', () => {
    const first17 = '21012219800101001';
    expect(checkIdNumber(first17 + idCheckCharacter(first17))).toEqual({ birthDate: '1980-01-01', sex: 'M' });
  });

  it('counts whole years', () => {
    expect(ageOn('2008-06-15', '2026-06-14')).toBe(17);
    expect(ageOn('2008-06-15', '2026-06-15')).toBe(18);
  });
});
