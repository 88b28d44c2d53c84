import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { caseStatusColor, pledgeExplanation, pledgeSchemeOf, type CaseDefinition, type CaseTask, type CaseView } from '../types';
import { PledgeCheck } from './PledgeCheck';

const scheme = { materials: ['no-criminal-record'], check: 'online', basis: '国办发〔2020〕42号' };
const definition = {
  id: 'teacher-qualification', version: 'v1', guide: { name: '教师资格认定', pledge: scheme }, steps: [],
  materials: [{ id: 'no-criminal-record', name: '无犯罪记录证明', kind: 'original', form: 'paper', necessity: 'required', pledge: true, source: 'government' }],
} as unknown as CaseDefinition;
const task = { id: 't9', stepId: 'pledge-check', stepName: '告知承诺核查', due: '2027-01-05', dueProvisional: false } as unknown as CaseTask;
const view = {
  id: 'c-1', version: 12, status: 'granted',
  case: { pledge: { materialIds: ['no-criminal-record'], checkDue: '2027-01-05', checkTaskId: 't9', truthful: null } },
} as unknown as CaseView;

describe('PledgeCheck', () => {
  it('needs the findings for 承诺不实 and sends it only after the confirmation that names the revocation and the credit record', async () => {
    const run = vi.fn(async () => {});
    render(<App><PledgeCheck view={view} definition={definition} task={task} busy={false} run={run} /></App>);
    expect(screen.getByTestId('pledge-check').textContent).toContain('无犯罪记录证明');
    expect(screen.getByTestId('pledge-check').textContent).toContain('网络核验');
    const submit = screen.getByTestId('pledge-check-submit');
    expect(submit).toHaveProperty('disabled', true);

    await userEvent.click(screen.getByText('承诺不实'));
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByTestId('pledge-false-hint').textContent).toContain('须写明核查发现的事实');
    await userEvent.type(screen.getByTestId('pledge-findings'), '公安机关回函：有犯罪记录');
    // 撤销 is the head's decision: without the approving head nothing can be sent.
    expect(submit).toHaveProperty('disabled', true);
    expect(screen.getByTestId('pledge-false-hint').textContent).toContain('请填写批准人');
    await userEvent.type(screen.getByTestId('pledge-approver'), '刘志强');
    expect(submit).toHaveProperty('disabled', false);
    await userEvent.click(submit);
    const confirm = await screen.findByTestId('pledge-revoke-confirm');
    expect(document.body.textContent).toContain('撤销行政许可决定书');
    expect(document.body.textContent).toContain('信用记录');
    expect(run).not.toHaveBeenCalled();
    await userEvent.click(confirm);
    expect(run).toHaveBeenCalledWith('check-pledge', { taskId: 't9', truthful: false, findings: '公安机关回函：有犯罪记录', approver: '刘志强' }, expect.stringContaining('撤销'));
  });

  it('sends 承诺属实 at once, findings optional', async () => {
    const run = vi.fn(async () => {});
    render(<App><PledgeCheck view={view} definition={definition} task={task} busy={false} run={run} /></App>);
    await userEvent.click(screen.getByText('承诺属实'));
    await userEvent.click(screen.getByTestId('pledge-check-submit'));
    expect(run).toHaveBeenCalledWith('check-pledge', { taskId: 't9', truthful: true, findings: undefined }, '已核查：承诺属实');
  });
});

describe('告知承诺 and statuses in the workbench', () => {
  it('reads the guide\'s scheme, explains the liability, and colours 已撤销', () => {
    // Partial guides, as a guide without a scheme or with an empty one would arrive.
    const guide = (g: object) => g as Parameters<typeof pledgeSchemeOf>[0];
    expect(pledgeSchemeOf(guide({ name: 'x' }))).toBeNull();
    expect(pledgeSchemeOf(guide({ name: 'x', pledge: { materials: [] } }))).toBeNull();
    const parsed = pledgeSchemeOf(definition.guide)!;
    expect(parsed.materials).toEqual(['no-criminal-record']);
    expect(pledgeExplanation(parsed)).toContain('网络核验');
    expect(pledgeExplanation(parsed)).toContain('撤销许可决定');
    expect(pledgeExplanation(parsed)).toContain('信用记录');
    expect(caseStatusColor('revoked')).toBe('red');
    expect(caseStatusColor('in-progress')).not.toBe('red');
  });
});
