import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RatingTablet } from './RatingTablet';

const caseId = '33722ba1-7912-baaa-bd1c-7dba473a4699';
const view = { id: caseId, number: '桃山-2026-000037', itemName: '教师资格认定', statusLabel: '已办结', case: { applicant: { type: 'person', name: '赵丽娟' }, evaluation: null } };

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' } });
}

/** The server as the tablet sees it: the case, the rating command, the pending list. */
function serve(evaluate: (body: unknown) => Response) {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method: init?.method ?? 'GET', url, body });
    if (url === `/api/cases/${caseId}`) return json(view);
    if (url === `/api/cases/${caseId}/evaluate`) return evaluate(body);
    if (url === '/api/evaluations/pending') return json({ cases: [] });
    return json({ title: 'not found' }, 404);
  }));
  return calls;
}

function renderTablet() {
  render(
    <MemoryRouter initialEntries={[`/workbench/evaluation/tablet?case=${caseId}`]}>
      <Routes><Route path="/workbench/evaluation/tablet" element={<RatingTablet />} /></Routes>
    </MemoryRouter>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('RatingTablet', () => {
  it('rates the case with the chosen level and comment, thanks the applicant, then waits for the next one', async () => {
    const calls = serve(() => json({ ...view, case: { ...view.case, evaluation: { level: 'dissatisfied' } } }));
    renderTablet();
    await screen.findByText(/办件编号 桃山-2026-000037/);
    expect(screen.getByText(/赵\*娟/)).toBeTruthy();
    const submit = screen.getByRole('button', { name: '提交评价' });
    expect((submit as HTMLButtonElement).disabled).toBe(true); // no level chosen yet

    await userEvent.click(screen.getByRole('radio', { name: '不满意' }));
    await userEvent.type(screen.getByLabelText('意见和建议'), '等候时间长');
    await userEvent.click(screen.getByRole('button', { name: '提交评价' }));

    await screen.findByText('感谢您的评价！');
    expect(screen.getByText(/限期整改/)).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: `/api/cases/${caseId}/evaluate`, body: { level: 'dissatisfied', comment: '等候时间长' } });

    await userEvent.click(screen.getByRole('button', { name: /下一位/ }));
    await screen.findByText('请工作人员选择需要评价的办件');
    await waitFor(() => expect(calls.some((c) => c.url === '/api/evaluations/pending')).toBe(true));
  });

  it('shows the server\'s refusal with its code and stays on the rating screen', async () => {
    serve(() => json({ title: '操作未被接受 (command rejected)', detail: '该办件已评价 (the case was already evaluated)', code: 'WF6031' }, 422));
    renderTablet();
    await screen.findByText(/办件编号 桃山-2026-000037/);
    await userEvent.click(screen.getByRole('radio', { name: '满意' }));
    await userEvent.click(screen.getByRole('button', { name: '提交评价' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('WF6031');
    expect(screen.queryByText('感谢您的评价！')).toBeNull();
  });
});
