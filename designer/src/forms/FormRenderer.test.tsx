import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FormRenderer } from './FormRenderer';
import type { FormDefinition, FormValues } from './model';
import { validateForm, valuesToSubmit } from './validation';

// Shaped like definitions/items/teacher-qualification/form.yaml and the tables of the sample items.
const form: FormDefinition = {
  'applicant-types': ['person'],
  fields: [
    { id: 'schoolLevel', label: '申请资格种类', type: 'select', required: true,
      options: [{ value: 'kindergarten', label: '幼儿园教师资格' }, { value: 'primary', label: '小学教师资格' }] },
    { id: 'subject', label: '任教学科', type: 'text', required: true, when: "form.schoolLevel != 'kindergarten'", 'max-length': 20 },
    { id: 'agentIdNumber', label: '代理人身份证号', type: 'idcard' },
    { id: 'agencyUscc', label: '代理机构信用代码', type: 'uscc' },
    { id: 'area', label: '建筑面积', type: 'number', unit: '平方米', min: 0, check: { rule: 'form.area >= 180', message: '园舍建筑面积不得少于180平方米' } },
    { id: 'diplomaNumber', label: '学历证书编号', type: 'text', pattern: '^[0-9]{18}$', help: '18位数字' },
    { id: 'members', label: '主要成员', type: 'table', 'min-rows': 1, 'max-rows': 2,
      columns: [{ id: 'name', label: '姓名', type: 'text', required: true }, { id: 'idNumber', label: '身份证号', type: 'idcard' }] },
  ],
  rules: [{ rule: 'age(applicant.idNumber) >= 18', message: '申请人须年满18周岁' }],
};

function Harness({ initial = {} as FormValues, showAllErrors = false }) {
  const [values, setValues] = useState<FormValues>(initial);
  return (
    <>
      <FormRenderer form={form} values={values} onChange={setValues} showAllErrors={showAllErrors} applicant={{ type: 'person', idNumber: '11010519491231002X' }} today="2026-12-01" />
      <pre data-testid="values">{JSON.stringify(values)}</pre>
    </>
  );
}

describe('FormRenderer', () => {
  it('shows a field only while its condition holds', () => {
    const primary = render(<Harness initial={{ schoolLevel: 'primary' }} />);
    expect(screen.queryByTestId('field-subject')).not.toBeNull();
    primary.unmount();
    render(<Harness initial={{ schoolLevel: 'kindergarten' }} />);
    expect(screen.queryByTestId('field-subject')).toBeNull();
  });

  it('names the right check digit of a mistyped ID number as the clerk types', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByLabelText('代理人身份证号'), '110105194912310021');
    expect(await screen.findByText(/校验码错误（应为 X）/)).toBeTruthy();
    await user.clear(screen.getByLabelText('代理人身份证号'));
    await user.type(screen.getByLabelText('代理人身份证号'), '11010519491231002x');
    expect(await screen.findByText('出生日期 1949-12-31，女')).toBeTruthy();
    expect(screen.getByTestId('values').textContent).toContain('11010519491231002X');
  });

  it('checks a USCC and a field rule', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByLabelText('代理机构信用代码'), '91350100M000100Y44');
    expect(await screen.findByText(/应为 3/)).toBeTruthy();
    await user.type(screen.getByLabelText('建筑面积'), '100');
    expect(await screen.findByText('园舍建筑面积不得少于180平方米')).toBeTruthy();
  });

  it('adds table rows up to the maximum and validates cells', async () => {
    const user = userEvent.setup();
    render(<Harness showAllErrors />);
    expect(screen.getByText('主要成员至少 1 行')).toBeTruthy();
    const add = screen.getByTestId('add-row-members');
    await user.click(add);
    await user.click(add);
    await waitFor(() => expect((add as HTMLButtonElement).disabled).toBe(true));
    expect(screen.getAllByText('请填写姓名')).toHaveLength(2);
  });

  it('reports required fields, patterns and cross-field rules, and drops hidden values on submit', () => {
    const scope = { form: { schoolLevel: 'kindergarten', subject: '语文', diplomaNumber: '123' }, applicant: { type: 'person' as const, idNumber: '11010520200101001X' }, today: '2026-12-01' };
    const errors = validateForm(form, scope);
    expect(errors.diplomaNumber).toBe('格式不正确：18位数字');
    expect(errors.members).toBe('主要成员至少 1 行');
    expect(errors.subject).toBeUndefined();
    expect(valuesToSubmit(form, scope)).toEqual({ schoolLevel: 'kindergarten', diplomaNumber: '123' });
  });
});
