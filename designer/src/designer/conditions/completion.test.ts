import { describe, expect, it } from 'vitest';
import { complete, type CompletionContext } from './completion';

const ctx: CompletionContext = {
  script: {
    globals: ['age', 'applicant', 'date', 'form', 'idcard', 'materials', 'today', 'uscc', 'workdays'],
    applicant: { type: '申请人类型', name: '姓名或单位名称', idNumber: '居民身份证号码' },
    data: { form: '申请表字段', materials: '材料', today: '今天' },
    helpers: [
      { name: 'idcard.valid', signature: 'idcard.valid(s)', description: '身份证号码校验位是否正确' },
      { name: 'idcard.birth', signature: 'idcard.birth(s)', description: '出生日期' },
      { name: 'age', signature: 'age(idNumberOrDate[, at])', description: '周岁年龄' },
      { name: 'workdays.add', signature: 'workdays.add(date, n)', description: '加 n 个工作日' },
    ],
  },
  fields: [
    { id: 'schoolLevel', label: '申请资格种类', type: 'select', options: [{ value: 'kindergarten', label: '幼儿园' }, { value: 'primary', label: '小学' }] },
    { id: 'subject', label: '任教学科', type: 'text' },
    { id: 'members', label: '成员', type: 'table', columns: [{ id: 'name', label: '姓名', type: 'text' }] },
  ],
  materials: [{ id: 'id-card', name: '居民身份证' }, { id: 'diploma', name: '学历证书' }],
};

const labels = (text: string) => complete(text, ctx).items.map((i) => i.label);

describe('condition completion', () => {
  it('completes form fields after form.', () => {
    expect(labels('form.')).toEqual(['schoolLevel', 'subject', 'members']);
    expect(labels("applicant.type == 'person' && form.s")).toEqual(['schoolLevel', 'subject']);
    expect(complete('form.sch', ctx).from).toBe(5);
  });

  it('completes the option values of a select field inside a comparison', () => {
    expect(labels("form.schoolLevel == '")).toEqual(['kindergarten', 'primary']);
    expect(labels("form.schoolLevel != 'p")).toEqual(['primary']);
    expect(labels("applicant.type == '")).toEqual(['person', 'organization']);
  });

  it('completes applicant keys, helpers of a namespace, table columns and material ids', () => {
    expect(labels('applicant.')).toEqual(['type', 'name', 'idNumber']);
    expect(labels('idcard.')).toEqual(['valid', 'birth']);
    expect(complete('idcard.v', ctx).items[0].insertText).toBe('valid(');
    expect(labels('form.members[0].')).toEqual(['name']);
    expect(labels("materials['d")).toEqual(['diploma']);
  });

  it('offers globals, top-level helpers and whole conditions for a bare word', () => {
    expect(labels('a')).toEqual(['age', 'applicant', "applicant.type == 'person'", "applicant.type == 'organization'"]);
    expect(complete('ag', ctx).items[0]).toMatchObject({ insertText: 'age(', kind: 'function' });
    expect(labels('')).toContain('form');
  });

  it('offers nothing inside an unrelated string', () => {
    expect(labels("form.subject == '语")).toEqual([]);
  });
});
