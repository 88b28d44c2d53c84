import type { Level } from '../supervision/types';
import type { DeliveryMethod } from './delivery';

export interface CaseDocument {
  templateId: string;
  documentId: string;
  stepId?: string | null;
  at: string;
  certificate: boolean;
  /** The document the guide names as the item's result: the one to print. */
  result: boolean;
}

interface IssuanceCase {
  caseId: string;
  number: string;
  version: number;
  itemId: string;
  itemName?: string | null;
  applicantName: string;
  applicantPhone?: string | null;
  status: string;
  statusLabel: string;
  documents: CaseDocument[];
}

/** GET /api/issuance: one 统一出件 task waiting at the clerk's window. */
export interface WaitingCase extends IssuanceCase {
  taskId: string;
  stepName?: string | null;
  window: string;
  claimedBy?: string | null;
  due?: string | null;
  dueProvisional?: boolean;
  remainingWorkingDays?: number | null;
  level: Level;
  levelLabel: string;
  decision?: 'granted' | 'denied' | 'refused' | null;
  resultName?: string | null;
  resultTemplate?: string | null;
  deliveryMethods: DeliveryMethod[];
}

export interface DeliveredCase extends IssuanceCase {
  method: DeliveryMethod;
  trackingNumber?: string | null;
  recipient?: string | null;
  by: string;
  at: string;
  evaluated: boolean;
}

export interface IssuanceList {
  today: string;
  waiting: WaitingCase[];
  delivered: DeliveredCase[];
}
