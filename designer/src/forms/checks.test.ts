import { describe, expect, it } from 'vitest';
import {
  ageAt, isValidResidentId, isValidUscc, residentIdBirthDate, residentIdCheckCharacter, residentIdGender,
  residentIdProblem, usccCheckCharacter, usccProblem,
} from './checks';

describe('resident ID (GB 11643)', () => {
  it('accepts the DOMAIN.md sample 11010519491231002X, also with a lowercase x', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(residentIdProblem('11010519491231002X')).toBeNull();
  });

  it('computes the check character X for the sample', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  });

  it('rejects a wrong check character and names the right one', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(residentIdProblem('110105194912310021')).toContain('应为 X');
  });

  it('rejects a wrong length, letters inside and an impossible birth date', () => {
    expect(isValidResidentId('11010519491231002')).toBe(false);
    expect(residentIdProblem('1101051949123100')).toContain('18 位');
    expect(isValidResidentId('1101051949123A002X')).toBe(false);
    // 1949-02-30 does not exist, whatever the check character says.
    const first17 = '11010519490230002';
    expect(isValidResidentId(first17 + residentIdCheckCharacter(first17))).toBe(false);
    expect(residentIdProblem(first17 + residentIdCheckCharacter(first17))).toContain('出生日期');
  });

  it('reads the birth date and the gender', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(residentIdGender('11010519491231002X')).toBe('female');
  });

  it('counts age in whole years', () => {
    expect(ageAt('1949-12-31', '2026-12-30')).toBe(76);
    expect(ageAt('1949-12-31', '2026-12-31')).toBe(77);
  });
});

describe('USCC (GB 32100-2015)', () => {
  it('accepts the DOMAIN.md sample 91350100M000100Y43', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(usccProblem('91350100M000100Y43')).toBeNull();
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('accepts the sample departments\' codes', () => {
    expect(isValidUscc('11230903MB1C047250')).toBe(true);
    expect(isValidUscc('11230903MB0R21594X')).toBe(true);
  });

  it('rejects a wrong check character, naming the right one', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(usccProblem('91350100M000100Y44')).toContain('应为 3');
  });

  it('rejects the letters I O Z S V, lowercase letters and a wrong length', () => {
    expect(isValidUscc('91350100M000100I43')).toBe(false);
    expect(usccProblem('91350100M000100O43')).toContain('O');
    expect(usccProblem('91350100m000100y43')).toContain('大写');
    expect(usccProblem('91350100M000100Y4')).toContain('18 位');
  });
});
