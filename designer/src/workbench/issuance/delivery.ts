/** 送达 at the 统一出件 window: the methods, the body of the `complete` command, the documents' names. */
import type { components } from '../../api/schema';

/** 送达方式 (the guide's result.delivery; the server's Delivery). */
export type DeliveryMethod = components['schemas']['Delivery'];

export const deliveryLabels: Record<DeliveryMethod, string> = {
  window: '窗口领取',
  courier: '邮寄送达（EMS）',
  electronic: '电子送达',
};

export interface DeliveryInput {
  method: DeliveryMethod;
  trackingNumber?: string;
  recipient?: string;
  opinion?: string;
}

/**
 * The body of POST /api/cases/{id}/complete for the 统一出件 task. Empty texts are left out: a
 * courier delivery without a tracking number goes to the server as it is, and the server's
 * answer (WF6034) is what the clerk sees, so the rule lives in one place.
 */
export function deliveryBody(taskId: string, input: DeliveryInput) {
  const text = (s?: string) => (s && s.trim() ? s.trim() : undefined);
  const delivery: { method: DeliveryMethod; trackingNumber?: string; recipient?: string } = { method: input.method };
  const tracking = input.method === 'courier' ? text(input.trackingNumber)?.toUpperCase() : undefined;
  if (tracking) delivery.trackingNumber = tracking;
  if (text(input.recipient)) delivery.recipient = text(input.recipient);
  const opinion = text(input.opinion) ?? defaultOpinion(input.method, tracking);
  return { taskId, opinion, delivery };
}

function defaultOpinion(method: DeliveryMethod, tracking?: string): string {
  if (method === 'courier') return tracking ? `已交邮寄送达，运单号 ${tracking}` : '已交邮寄送达';
  if (method === 'electronic') return '已电子送达';
  return '申请人已在窗口领取';
}

const templateNames: Record<string, string> = {
  'notices/approval-decision': '准予许可决定书',
  'notices/denial-decision': '不予许可决定书',
  'notices/completion': '办结通知书',
  'notices/acceptance': '受理通知书',
  'notices/material-receipt': '材料接收凭证',
  'notices/refusal': '不予受理通知书',
  'notices/supplement': '补正材料通知书',
  'notices/deferral-acceptance': '容缺受理通知书',
  'notices/special-procedure': '特别程序告知书',
  'notices/extension': '延期告知书',
  'notices/termination': '终止办理告知书',
};

/** A readable name for a document: the result's name for a certificate, else the notice's name. */
export function documentName(templateId: string, resultName?: string | null): string {
  if (templateId.startsWith('certificates/')) return resultName ?? '证书';
  return templateNames[templateId] ?? templateId;
}
