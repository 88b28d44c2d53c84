// The designer API (/api/designer, see the README's "Designer API"), typed. Every call goes
// through the SPA's client (cookies, problem details, Idempotency-Key).

import { api, ApiError, request, writeHeaders } from '../../api/client';
import type { CalendarFile } from '../../api/definitions';
import type { components } from '../../api/schema';
import type { DesignerFile, DesignerItem, Diagnostic, ItemFileName, Material, Reference } from '../model/types';

const base = '/api/designer';
const enc = encodeURIComponent;

// The answers are generated from the server's OpenAPI document (src/api/schema.d.ts, npm run gen:api);
// a file's model takes the definition type of that file.
type Schemas = components['schemas'];

export type ValidateAnswer = Schemas['DesignerValidation'];

export type SaveAnswer<M> = Omit<Schemas['DesignerSaved'], 'model'> & { model?: M | null };

/** A made-up application the checklist preview is computed for (the request's samples). */
export interface ChecklistSample {
  name: string;
  applicant: Record<string, unknown>;
  form?: Record<string, unknown>;
  materials?: Record<string, unknown>;
}

export type ChecklistAnswer = Schemas['DesignerChecklist'];

export type ChangesAnswer = Schemas['DesignerChanges'];

/** A publish held for review (office.yaml designer.review-before-publish): 202 with the pending commit. */
export type ReviewRequestedAnswer = Schemas['ReviewRequested'];

/** A change waiting for a second admin: the commit, its diff against the version it was asked on (stale: another publish went live since), and its earlier rounds. */
export type PendingReview = Schemas['PendingReview'];
/** 退回 by a reviewer (rejected) or 撤回 by the author (withdrawn): who, when, why. */
export type ReviewDecision = Schemas['ReviewDecision'];
/** An earlier submission of a change and what became of it. */
export type ReviewRound = Schemas['ReviewRound'];
/** A change sent back or withdrawn: its edits stay in the work tree for the author to revise and submit again. */
export type ReturnedReview = Schemas['ReturnedReview'];
export type ReviewsAnswer = Schemas['ReviewList'];
/** What a pending and a returned change have in common (the UI shows both the same way). */
export type SubmittedChange = Pick<PendingReview, 'review' | 'shortCommit' | 'author' | 'authorUser' | 'date' | 'message'>;

export type PublishAnswer = Schemas['Publication'];

/** One year of definitions/calendars/ as GET /api/designer/calendars lists it. */
export type CalendarYearRow = Schemas['CalendarYear'];

export type CalendarList = Schemas['CalendarYears'];

/** A calendar file's model (calendars/<year>.yaml); the server's model lists both kinds of day, empty when there are none. */
export type CalendarModel = CalendarFile & Required<Pick<CalendarFile, 'holidays' | 'make-up-workdays'>>;

export type TemplateFile = Omit<Schemas['DesignerTemplate'], 'sample'> & { sample?: Record<string, unknown> | null };

/** A 409 with the file as someone else saved it (the problem's `current`). */
export function conflictOf<M>(error: unknown): DesignerFile<M> | null {
  if (error instanceof ApiError && error.status === 409 && error.problem.current && typeof error.problem.current === 'object')
    return error.problem.current as DesignerFile<M>;
  return null;
}

/** The diagnostics of a 422 (the draft has errors), if any. */
export function diagnosticsOf(error: unknown): Diagnostic[] | null {
  if (error instanceof ApiError && Array.isArray(error.problem.diagnostics)) return error.problem.diagnostics as Diagnostic[];
  return null;
}

export const designerApi = {
  reference: () => api.get<Reference>(`${base}/reference`),
  catalog: (query: { q?: string; department?: string; type?: string; retired?: boolean } = {}) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    return api.get<Schemas['DesignerCatalog']>(`${base}/items${qs ? '?' + qs : ''}`);
  },
  item: (id: string) => api.get<DesignerItem>(`${base}/items/${enc(id)}`),
  file: <M>(id: string, file: ItemFileName) => api.get<DesignerFile<M>>(`${base}/items/${enc(id)}/${file}`),
  validate: (id: string, file: ItemFileName, draft: { model?: unknown; text?: string }, signal?: AbortSignal) =>
    api.post<ValidateAnswer>(`${base}/items/${enc(id)}/${file}/validate`, draft, { signal }),
  save: <M>(id: string, file: ItemFileName, draft: { model?: unknown; text?: string }, etag: string) =>
    api.put<SaveAnswer<M>>(`${base}/items/${enc(id)}/${file}`, draft, { headers: { 'If-Match': etag } }),
  checklist: (id: string, materials: Material[], samples?: ChecklistSample[], signal?: AbortSignal) =>
    api.post<ChecklistAnswer>(`${base}/items/${enc(id)}/checklist`, { model: materials, ...(samples ? { samples } : {}) }, { signal }),
  create: (body: { id: string; name: string; department: string; type: string }) =>
    api.post<Schemas['DesignerNewItem']>(`${base}/items`, body),
  duplicate: (id: string, body: { id: string; name?: string }) =>
    api.post<Schemas['DesignerNewItem']>(`${base}/items/${enc(id)}/duplicate`, body),
  retire: (id: string, note: string) => api.post(`${base}/items/${enc(id)}/retire`, { note }),
  reinstate: (id: string) => api.post(`${base}/items/${enc(id)}/reinstate`, {}),
  changes: (item?: string) => api.get<ChangesAnswer>(`${base}/changes${item ? '?item=' + enc(item) : ''}`),
  publish: (message: string, items?: string[], idempotencyKey?: string, files?: string[]) =>
    api.post<PublishAnswer | ReviewRequestedAnswer>(`${base}/publish`, { message, ...(items ? { items } : {}), ...(files ? { files } : {}) }, { idempotencyKey }),
  calendars: () => api.get<CalendarList>(`${base}/calendars`),
  calendar: (year: number) => api.get<DesignerFile<CalendarModel>>(`${base}/calendars/${year}`),
  validateCalendar: (year: number, model: CalendarModel) => api.post<ValidateAnswer>(`${base}/calendars/${year}/validate`, { model }),
  /** Saves a year; a new year is saved without If-Match. */
  saveCalendar: (year: number, model: CalendarModel, etag?: string) =>
    api.put<SaveAnswer<CalendarModel>>(`${base}/calendars/${year}`, { model }, etag ? { headers: { 'If-Match': etag } } : {}),
  reviews: () => api.get<Schemas['ReviewList']>(`${base}/reviews`),
  approve: (review: string) => api.post<Schemas['ReviewApproval']>(`${base}/reviews/${enc(review)}/approve`, {}),
  reject: (review: string, reason: string) => api.post<Schemas['ReviewRejection']>(`${base}/reviews/${enc(review)}/reject`, { reason }),
  history: () => api.get<Schemas['DesignerHistory']>(`${base}/history`),
  itemHistory: (id: string) => api.get<Schemas['DesignerHistory']>(`${base}/items/${enc(id)}/history`),
  itemDiff: (id: string, from: string, to?: string) =>
    api.get<Schemas['DesignerItemDiff']>(`${base}/items/${enc(id)}/diff?from=${enc(from)}${to ? '&to=' + enc(to) : ''}`),
  templates: () => api.get<Schemas['DesignerTemplateList']>(`${base}/templates`),
  template: (id: string) => api.get<TemplateFile>(`${base}/templates/${id}`),
  saveTemplate: (id: string, text: string, etag: string) =>
    api.put<Schemas['DesignerTemplateSaved']>(`${base}/templates/${id}`, { text }, { headers: { 'If-Match': etag } }),
  /** The draft rendered as PDF (a Blob), or an ApiError with file/line/column. */
  previewTemplate: async (id: string, body: { text?: string; data?: unknown; mode?: string }, signal?: AbortSignal): Promise<{ pdf: Blob; pages: number; warnings: string[] }> => {
    const response = await fetch(`${base}/templates/${id}/preview`, {
      method: 'POST', credentials: 'include', signal,
      headers: { 'Content-Type': 'application/json', Accept: 'application/pdf, application/problem+json', ...writeHeaders },
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({ title: `预览失败 (HTTP ${response.status})` }));
      throw new ApiError(response.status, problem as Record<string, unknown>);
    }
    const warnings = response.headers.get('X-Document-Warnings');
    return { pdf: await response.blob(), pages: Number(response.headers.get('X-Document-Pages') ?? 0), warnings: warnings ? decodeURIComponent(warnings).split('\n') : [] };
  },
  request,
};
