import { describe, expect, it } from 'vitest';
import { readIdNumber } from './idNumber';

describe('reading an ID number on the phone', () => {
  it('reads the birth date and the age on a day', () => {
    expect(readIdNumber('11010519491231002X', '2026-06-01')).toEqual({ ok: true, birthDate: '1949-12-31', age: 76 });
    expect(readIdNumber('110105201006010026', '2026-06-01')).toMatchObject({ ok: true, birthDate: '2010-06-01', age: 16 });
  });

  it('leaves a wrong check character to the server, still reading the age', () => {
    expect(readIdNumber('530102192005080119', '2026-06-01')).toEqual({ ok: true, birthDate: '1920-05-08', age: 106 });
  });

  it('names a wrong length or an impossible birth date', () => {
    expect(readIdNumber('1101051949123100', '2026-06-01')).toEqual({ ok: false, problem: 'format' });
    expect(readIdNumber('11010519490231002X', '2026-06-01')).toEqual({ ok: false, problem: 'birthDate' });
    expect(readIdNumber('11010520990101002X', '2026-06-01')).toEqual({ ok: false, problem: 'birthDate' });
  });
});
