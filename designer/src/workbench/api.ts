// Every call the workbench makes, in one place (issue 14): the components ask here instead of
// spelling URLs. The answers are typed from the server's OpenAPI document (src/api/schema.d.ts,
// npm run gen:api), through the workbench's types where a screen keeps a stricter union.
import { api, type RequestOptions } from '../api/client';
import type { components } from '../api/schema';
import type { IssuanceList } from './issuance/types';
import type { RectificationList, SupervisionOverview, SupervisionReport } from './supervision/types';
import type { CaseDefinition, CaseEffect, CaseTimeline, CaseView, ChecklistAnswer, ItemDetail, TaskPage } from './types';

type Schemas = components['schemas'];

/** A saved opinion; its scope is user（本人）or department（本部门）. */
export type OpinionPhrase = Schemas['OpinionPhraseView'];

/** A command decided on this version of the case: a stale one gets 409 instead of acting on old data. */
const onVersion = (version: number): RequestOptions => ({ headers: { 'If-Match': `"${version}"` } });

const caseUrl = (id: string) => `/api/cases/${id}`;

export const workbenchApi = {
  // 事项
  items: () => api.get<Schemas['ItemList']>('/api/items'),
  item: (id: string) => api.get<ItemDetail>(`/api/items/${id}`),
  checklist: (id: string, body: { applicant: unknown; form: unknown }) => api.post<ChecklistAnswer>(`/api/items/${id}/checklist`, body),
  people: () => api.get<Schemas['PeopleList']>('/api/people'),

  // 办件
  createCase: (body: unknown) => api.post<CaseView>('/api/cases', body),
  searchCases: (query: string) => api.get<Schemas['CaseSearchPage']>(`/api/cases?${query}`),
  /** A screen that reads only part of the case may name its own narrower view. */
  case: <View = CaseView>(id: string) => api.get<View>(caseUrl(id)),
  caseDefinition: (id: string) => api.get<CaseDefinition>(`${caseUrl(id)}/definition`),
  timeline: (id: string) => api.get<CaseTimeline>(`${caseUrl(id)}/timeline`),
  /** A case command (complete, claim, suspend, issue-document...); with the version the user decided on when given. */
  command: (id: string, command: string, body?: unknown, version?: number) =>
    api.post<CaseView>(`${caseUrl(id)}/${command}`, body, version === undefined ? undefined : onVersion(version)),
  /** A material's file: the body is the file itself. */
  /** A file of a material, or of the case itself without one (the ID card's photo). */
  uploadFile: async (id: string, materialId: string | undefined, name: string, file: Blob, contentType: string) =>
    (await api.request<CaseView>('POST', `${caseUrl(id)}/files?${materialId ? `materialId=${encodeURIComponent(materialId)}&` : ''}name=${encodeURIComponent(name)}`,
      undefined, { raw: file, contentType })).data,
  /** A file of the case (an <img>, a preview): the URL the browser loads itself. */
  fileUrl: (id: string, sha256: string) => `${caseUrl(id)}/files/${encodeURIComponent(sha256)}`,
  /** An issued notice or certificate (PDF), opened in the browser's viewer or a new tab. */
  documentUrl: (id: string, documentId: string) => `/api/cases/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}`,
  runEffect: (id: string, effectId: string) => api.post<CaseEffect>(`${caseUrl(id)}/effects/${encodeURIComponent(effectId)}/run`, {}),

  // 常用意见
  opinionPhrases: () => api.get<Schemas['OpinionPhraseList']>('/api/opinion-phrases'),
  addOpinionPhrase: (text: string, scope: OpinionPhrase['scope']) => api.post<OpinionPhrase>('/api/opinion-phrases', { text, scope }),
  deleteOpinionPhrase: (id: string) => api.del(`/api/opinion-phrases/${id}`),

  // 待办、监督
  tasks: (scope: string, offset: number, limit: number) => api.get<TaskPage>(`/api/tasks?scope=${scope}&offset=${offset}&limit=${limit}`),
  supervision: () => api.get<SupervisionOverview>('/api/supervision'),
  supervisionReport: (weeks: number) => api.get<SupervisionReport>(`/api/supervision/report?weeks=${weeks}`),

  // 出件、好差评
  issuance: () => api.get<IssuanceList>('/api/issuance'),
  pendingEvaluations: () => api.get<Schemas['PendingEvaluationList']>('/api/evaluations/pending'),
  rectifications: (state: 'open' | 'completed' | 'all') => api.get<RectificationList>(`/api/rectifications?state=${state}`),
  /** Shows the case on this window's rating tablets. */
  showOnTablet: (caseId: string) => api.post<Schemas['KioskPushed']>('/api/kiosk/window-case', { caseId }),
};
