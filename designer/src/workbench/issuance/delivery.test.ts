import { describe, expect, it } from 'vitest';
import { workbenchApi } from '../api';
import { deliveryBody, documentName } from './delivery';

describe('deliveryBody', () => {
  it('sends a courier delivery with its tracking number in capitals and the recipient', () => {
    expect(deliveryBody('t4', { method: 'courier', trackingNumber: ' ems1100223344 ', recipient: '王秀英' })).toEqual({
      taskId: 't4', opinion: '已交邮寄送达，运单号 EMS1100223344', delivery: { method: 'courier', trackingNumber: 'EMS1100223344', recipient: '王秀英' },
    });
  });

  it('leaves a missing tracking number out, so the server says what is wrong (WF6034)', () => {
    expect(deliveryBody('t4', { method: 'courier', trackingNumber: '  ' }).delivery).toEqual({ method: 'courier' });
  });

  it('drops a tracking number typed before switching to collection at the window', () => {
    const body = deliveryBody('t4', { method: 'window', trackingNumber: 'EMS1', recipient: '', opinion: '' });
    expect(body).toEqual({ taskId: 't4', opinion: '申请人已在窗口领取', delivery: { method: 'window' } });
  });
});

describe('documents', () => {
  it('names a certificate by the item result and a notice by its template', () => {
    expect(documentName('certificates/teacher-qualification', '教师资格证书')).toBe('教师资格证书');
    expect(documentName('notices/approval-decision')).toBe('准予许可决定书');
    expect(documentName('notices/unknown')).toBe('notices/unknown');
    expect(workbenchApi.documentUrl('c1', 'ab')).toBe('/api/cases/c1/documents/ab');
  });
});
