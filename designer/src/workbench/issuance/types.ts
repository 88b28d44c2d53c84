import type { components } from '../../api/schema';
import type { DeliveryMethod } from './delivery';

// The 统一出件 answers are generated from the server's OpenAPI document (npm run gen:api).
type Generated = components['schemas'];
// The server writes delivery methods as strings; the screens know them as the closed set of delivery.ts.
export type WaitingCase = Omit<Generated['IssuanceWaitingRow'], 'deliveryMethods'> & { deliveryMethods: DeliveryMethod[] };
export type DeliveredCase = Omit<Generated['IssuanceDeliveredRow'], 'method'> & { method: DeliveryMethod };
export type CaseDocument = WaitingCase['documents'][number];
/** GET /api/issuance: the 统一出件 tasks waiting at the clerk's window, and today's deliveries. */
export type IssuanceList = Omit<Generated['IssuanceList'], 'waiting' | 'delivered'> & { waiting: WaitingCase[]; delivered: DeliveredCase[] };
