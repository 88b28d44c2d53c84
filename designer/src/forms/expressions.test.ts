import { describe, expect, it } from 'vitest';
import { evaluate, isVisible, referencedFields } from './expressions';

describe('definition scripts in the browser', () => {
  it('evaluates the sample conditions', () => {
    expect(isVisible("form.schoolLevel != 'kindergarten'", { form: { schoolLevel: 'primary' } })).toBe(true);
    expect(isVisible("form.schoolLevel != 'kindergarten'", { form: { schoolLevel: 'kindergarten' } })).toBe(false);
    expect(isVisible('form.byAgent == true', { form: {} })).toBe(false);
    expect(evaluate('form.maxDailyVolume * 365 >= form.annualVolume * 10000', { form: { maxDailyVolume: 4000, annualVolume: 120 } })).toBe(true);
  });

  it('has the helpers: age, idcard, uscc, today', () => {
    const scope = { form: { agentIdNumber: '11010519491231002X', agencyUscc: '91350100M000100Y43' }, applicant: { type: 'person' as const, idNumber: '11010519491231002X' }, today: '2026-12-01' };
    expect(evaluate('age(applicant.idNumber) >= 60', scope)).toBe(true);
    expect(evaluate('idcard.valid(form.agentIdNumber)', scope)).toBe(true);
    expect(evaluate('uscc.valid(form.agencyUscc)', scope)).toBe(true);
    expect(evaluate("form.physicalExamDate <= today", { form: { physicalExamDate: '2026-12-02' }, today: '2026-12-01' })).toBe(false);
  });

  it('answers undefined, not an error, for what it cannot decide', () => {
    expect(evaluate('form.kindergartenName.slice(-3) == \'幼儿园\'', { form: {} })).toBeUndefined();
    expect(evaluate('workdays.between(form.a, form.b) > 3', { form: { a: '2026-01-01', b: '2026-02-01' } })).toBeUndefined();
    expect(evaluate('this is not javascript', { form: {} })).toBeUndefined();
    expect(isVisible('form.x.y.z', { form: {} })).toBe(true);
  });

  it('keeps the page out of reach of a script', () => {
    expect(evaluate('typeof window', { form: {} })).toBe('undefined');
    expect(evaluate('typeof document', { form: {} })).toBe('undefined');
    expect(evaluate('typeof fetch', { form: {} })).toBe('undefined');
  });

  it('lists the form fields an expression reads', () => {
    expect(referencedFields("form.a + form['b-c'] > applicant.x && form.a").sort()).toEqual(['a', 'b-c']);
  });
});
