import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeliveryModal } from './DeliveryModal';
import type { WaitingCase } from './types';

const row: WaitingCase = {
  caseId: 'c-1', number: '桃山-2026-000037', version: 9, itemId: 'teacher-qualification', itemName: '教师资格认定', applicantName: '赵丽娟',
  applicantPhone: '13900000000', status: 'granted', statusLabel: '准予许可', documents: [], taskId: 't3', stepName: '统一出件', window: 'issuance',
  claimedBy: null, due: '2026-03-20', dueProvisional: false, remainingWorkingDays: 3,
  level: 'normal', levelLabel: '正常', decision: 'granted', resultName: '教师资格证书', resultTemplate: 'certificates/teacher-qualification', deliveryMethods: ['window', 'courier'],
};

afterEach(() => vi.unstubAllGlobals());

describe('DeliveryModal', () => {
  it('shows the server\'s WF6034 for a courier delivery without tracking number, then sends it with one', async () => {
    const bodies: { url: string; body: unknown; ifMatch?: string }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body));
      bodies.push({ url, body, ifMatch: (init.headers as Record<string, string>)['If-Match'] });
      return body.delivery.trackingNumber
        ? new Response(JSON.stringify({ id: 'c-1', status: 'completed' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : new Response(JSON.stringify({ title: '操作未被接受 (command rejected)', detail: '邮寄送达须填写快递单号', code: 'WF6034' }),
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } });
    }));
    const delivered = vi.fn();
    render(<MemoryRouter><DeliveryModal row={row} onClose={() => {}} onDelivered={delivered} /></MemoryRouter>);

    await userEvent.click(await screen.findByText('邮寄送达（EMS）'));
    await userEvent.click(screen.getByTestId('delivery-submit'));
    expect((await screen.findByTestId('delivery-error')).textContent).toContain('WF6034');
    expect(bodies[0]).toEqual({ url: '/api/cases/c-1/complete', ifMatch: '"9"', body: { taskId: 't3', opinion: '已交邮寄送达', delivery: { method: 'courier', recipient: '赵丽娟' } } });
    expect(delivered).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('EMS 运单号'), 'EMS1100223344');
    await userEvent.click(screen.getByTestId('delivery-submit'));
    await screen.findByText('已送达，办件办结');
    expect(bodies[1].body).toEqual({ taskId: 't3', opinion: '已交邮寄送达，运单号 EMS1100223344', delivery: { method: 'courier', trackingNumber: 'EMS1100223344', recipient: '赵丽娟' } });
    expect(delivered).toHaveBeenCalledTimes(1);
    // The applicant rates on the window's paired tablet, which shows the case the clerk just closed.
    expect(screen.getByTestId('kiosk-shown').textContent).toContain('评价器');
    expect(screen.queryByRole('button', { name: '请申请人评价' })).toBeNull();
  });
});
