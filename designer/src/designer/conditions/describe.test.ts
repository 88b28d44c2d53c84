import { describe, expect, it } from 'vitest';
import { describeCondition } from './describe';
import type { CompletionContext } from './completion';

const context: CompletionContext = {
  script: { globals: [], applicant: {}, data: {}, helpers: [] },
  fields: [
    { id: 'byAgent', label: '由代理人办理', type: 'boolean' },
    { id: 'residenceType', label: '户籍类型', type: 'select', options: [{ value: 'school', label: '学校集体户' }, { value: 'resident-permit', label: '居住证' }] },
    { id: 'area', label: '营业面积', type: 'number' },
    { id: 'people', label: '从业人员', type: 'table', columns: [{ id: 'age', label: '年龄', type: 'number' }] },
  ],
  materials: [{ id: 'id-card', name: '居民身份证' }],
};
const words = (e: string) => describeCondition(e, context);

describe('describeCondition', () => {
  it('reads the sample conditions in Chinese with labels, not keys', () => {
    expect(words("applicant.type == 'organization'")).toBe('申请人类型为“单位”');
    expect(words("form.residenceType == 'resident-permit'")).toBe('「户籍类型」为“居住证”');
    expect(words('form.byAgent == true')).toBe('「由代理人办理」为“是”');
    expect(words('form.inspectionExempt != true')).toBe('「inspectionExempt」不为“是”');
    expect(words('form.area >= 180')).toBe('「营业面积」不小于180');
  });

  it('joins with 且 / 或 and brackets a mixed group', () => {
    expect(words("form.byAgent && (applicant.type == 'person' || form.area < 50)"))
      .toBe('「由代理人办理」为“是”，且（申请人类型为“个人”，或「营业面积」小于50）');
  });

  it('turns a negation into words (De Morgan), not into code', () => {
    expect(words("!(form.byAgent && applicant.type == 'person')")).toBe('「由代理人办理」为“否”或未填写，或申请人类型不为“个人”');
    expect(words("!materials['id-card'].received")).toBe('未收取“居民身份证”');
  });

  it('names helpers, materials and table cells', () => {
    expect(words('age(applicant.idNumber) >= 60')).toBe('按申请人身份证号码计算的周岁年龄不小于60');
    expect(words('idcard.valid(applicant.idNumber)')).toBe('申请人身份证号码是有效的身份证号码');
    expect(words("materials['id-card'].received == true")).toBe('已收取“居民身份证”');
    expect(words('form.people[0].age > 18')).toBe('「从业人员」第 1 行的「年龄」大于18');
    expect(words("idcard.gender(applicant.idNumber) == 'female'")).toBe('申请人身份证号码中的性别为“女”');
  });

  it('has no words for what does not parse, so the editor shows the code', () => {
    expect(words('form.area >=')).toBeNull();
    expect(words('')).toBeNull();
  });
});
