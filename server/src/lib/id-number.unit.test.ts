import { describe, expect, it } from 'vitest';
import { ageOn, checkCharacter, chinaToday, parseIdNumber } from './id-number.ts';

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the standard’s example, upper or lower case X', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ normalized: '11010519491231002X', birthDate: '1949-12-31', sex: 'F' });
    expect(parseIdNumber('11010519491231002x')).toMatchObject({ normalized: '11010519491231002X' });
  });

  it('refuses a wrong check character', () => {
    expect(parseIdNumber('530102192005080119')).toBe('check_digit');
    expect(parseIdNumber('110105194912310021')).toBe('check_digit');
  });

  it('computes the check character over the weights', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('21032119800101001')).toBe(checkCharacter('21032119800101001'));
    const valid = (first17: string) => `${first17}${checkCharacter(first17)}`;
    expect(parseIdNumber(valid('21032119800101001'))).toMatchObject({ birthDate: '1980-01-01', sex: 'M' });
  });

  it('keeps abolished address codes (the county at issuance)', () => {
    const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
    expect(parseIdNumber(id('21012219650315002'))).toMatchObject({ birthDate: '1965-03-15', sex: 'F' });
    expect(parseIdNumber(id('21028219700707003'))).toMatchObject({ sex: 'M' });
  });

  it('refuses impossible dates and wrong lengths', () => {
    const id = (first17: string) => `${first17}${checkCharacter(first17)}`;
    expect(parseIdNumber(id('21032119800230001'))).toBe('birth_date');
    expect(parseIdNumber(id('21032118800101001'))).toBe('birth_date');
    expect(parseIdNumber(id('21032129990101001'))).toBe('birth_date');
    expect(parseIdNumber('2103211980010100')).toBe('format');
    expect(parseIdNumber('21032119800101001Y')).toBe('format');
  });

  it('computes age on a calendar day', () => {
    expect(ageOn('2012-06-01', '2026-05-31')).toBe(13);
    expect(ageOn('2012-06-01', '2026-06-01')).toBe(14);
    expect(chinaToday(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
  });
});
