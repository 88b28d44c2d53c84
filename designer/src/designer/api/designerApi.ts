// The designer API (/api/designer, see the README's "Designer API"), typed. Every call goes
// through the SPA's client (cookies, problem details, Idempotency-Key).

import { api, ApiError, request, writeHeaders } from '../../api/client';
import type {
  CatalogRow, Commit, DesignerFile, DesignerItem, Diagnostic, FileDiff, ItemFileName, Material, Reference,
} from '../model/types';

const base = '/api/designer';
const enc = encodeURIComponent;

export interface ValidateAnswer {
  valid: boolean;
  path: string;
  canonical: string | null;
  diagnostics: Diagnostic[];
}

export interface SaveAnswer<M> extends DesignerFile<M> {
  changed: boolean;
  diagnostics: Diagnostic[];
}

export interface ChecklistSample {
  name: string;
  applicant: Record<string, unknown>;
  form?: Record<string, unknown>;
  materials?: Record<string, unknown>;
}

export interface ChecklistAnswer {
  item: string;
  samples: {
    name: string;
    materials: { id: string; name: string; applies: boolean; necessity: string; 'necessity-label': string; when?: string; 'condition-error'?: string }[];
  }[];
  diagnostics: Diagnostic[];
}

export interface ChangesAnswer {
  published: { commit: string; author: string; date: string; message: string };
  files: FileDiff[];
  publishable: string[];
}

/** A publish held for review (office.yaml designer.review-before-publish): 202 with the pending commit. */
export interface ReviewRequestedAnswer {
  review: string;
  pending: true;
  author: string;
  message: string;
  files: string[];
  remaining: string[];
}

/** A change submitted for review: its commit, author (display and user name), when, and the publish message. */
export interface SubmittedChange {
  review: string;
  shortCommit: string;
  author: string;
  authorUser: string;
  date: string;
  message: string;
}

/** A change waiting for a second admin: the commit, its diff against the version it was asked on. */
export interface PendingReview extends SubmittedChange {
  base: string;
  /** Another publish went live since: it cannot go live as reviewed. */
  stale: boolean;
  /** An admin who is not the author. */
  mayDecide: boolean;
  files: FileDiff[];
  /** Earlier submissions of this change that were sent back or withdrawn, oldest first. */
  history: ReviewRound[];
}

/** 退回 by a reviewer (rejected) or 撤回 by the author (withdrawn): who, when, why. */
export interface ReviewDecision {
  kind: 'rejected' | 'withdrawn';
  /** Display name. */
  by: string;
  byUser: string;
  at: string;
  /** Empty when none was given. */
  reason: string;
}

/** An earlier submission of a change and what became of it. */
export interface ReviewRound {
  review: string;
  message: string;
  author: string;
  date: string;
  decision: ReviewDecision;
}

/** A change sent back or withdrawn: its edits stay in the work tree for the author to revise and submit again. */
export interface ReturnedReview extends SubmittedChange {
  files: string[];
  decision: ReviewDecision;
  history: ReviewRound[];
}

export interface ReviewsAnswer {
  enabled: boolean;
  reviews: PendingReview[];
  returned: ReturnedReview[];
}

export interface PublishAnswer {
  commit: string;
  version?: string;
  author: string;
  email: string;
  message: string;
  files: string[];
  remaining: string[];
}

/** One year of definitions/calendars/ as GET /api/designer/calendars lists it. */
export interface CalendarYearRow {
  year: number;
  path: string;
  source?: string | null;
  holidays: number;
  'make-up-workdays': number;
  published: boolean;
  pending: boolean;
  deleted: boolean;
}

export interface CalendarList {
  today: string;
  years: CalendarYearRow[];
  'next-missing': number | null;
  editable: boolean;
}

/** A calendar file's model (calendars/<year>.yaml). */
export interface CalendarModel {
  year: number;
  source?: string | null;
  holidays: { name: string; from: string; to: string }[];
  'make-up-workdays': { date: string; for?: string | null }[];
}

export interface TemplateFile {
  id: string;
  path: string;
  etag: string;
  text: string;
  sample: Record<string, unknown> | null;
  editable: boolean;
}

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
    return api.get<{ items: CatalogRow[] }>(`${base}/items${qs ? '?' + qs : ''}`);
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
    api.post<{ id: string; diagnostics: Diagnostic[] }>(`${base}/items`, body),
  duplicate: (id: string, body: { id: string; name?: string }) =>
    api.post<{ id: string; diagnostics: Diagnostic[] }>(`${base}/items/${enc(id)}/duplicate`, body),
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
  reviews: () => api.get<ReviewsAnswer>(`${base}/reviews`),
  approve: (review: string) => api.post<PublishAnswer & { approvedBy: string }>(`${base}/reviews/${enc(review)}/approve`, {}),
  reject: (review: string, reason: string) => api.post<{ review: string; decision: ReviewDecision }>(`${base}/reviews/${enc(review)}/reject`, { reason }),
  history: () => api.get<{ commits: Commit[] }>(`${base}/history`),
  itemHistory: (id: string) => api.get<{ item: string; commits: Commit[] }>(`${base}/items/${enc(id)}/history`),
  itemDiff: (id: string, from: string, to?: string) =>
    api.get<{ item: string; from: string; to: string; files: FileDiff[] }>(`${base}/items/${enc(id)}/diff?from=${enc(from)}${to ? '&to=' + enc(to) : ''}`),
  templates: () => api.get<{ templates: { id: string; path: string }[] }>(`${base}/templates`),
  template: (id: string) => api.get<TemplateFile>(`${base}/templates/${id}`),
  saveTemplate: (id: string, text: string, etag: string) =>
    api.put<{ id: string; etag: string; text: string; diagnostics: Diagnostic[] }>(`${base}/templates/${id}`, { text }, { headers: { 'If-Match': etag } }),
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
