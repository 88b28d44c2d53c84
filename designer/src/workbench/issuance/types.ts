import type { components } from '../../api/schema';

// The 统一出件 answers are generated from the server's OpenAPI document (npm run gen:api).
type Generated = components['schemas'];
export type WaitingCase = Generated['IssuanceWaitingRow'];
export type DeliveredCase = Generated['IssuanceDeliveredRow'];
export type CaseDocument = WaitingCase['documents'][number];
/** GET /api/issuance: the 统一出件 tasks waiting at the clerk's window, and today's deliveries. */
export type IssuanceList = Generated['IssuanceList'];
