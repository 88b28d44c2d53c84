import { message, notification } from 'antd';

/** An RFC 7807 problem answered by the server, with its stable code (e.g. WF6034). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string;
  readonly detail: string | undefined;
  /** The whole problem body (errors, diagnostics... when the server sends them). */
  readonly problem: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>) {
    const title = typeof problem.title === 'string' ? problem.title : `请求失败 (HTTP ${status})`;
    const detail = typeof problem.detail === 'string' ? problem.detail : undefined;
    super(detail ? `${title}：${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.code = typeof problem.code === 'string' ? problem.code : undefined;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }
}

export interface RequestOptions {
  /** Extra headers, e.g. If-Match. */
  headers?: Record<string, string>;
  /** A raw body (file upload) instead of JSON. */
  raw?: BodyInit;
  /** Content type of a raw body. */
  contentType?: string;
  /** Reuse an idempotency key when retrying the same command. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
}

/**
 * Sent with every write: the server refuses writes without it (a form on another site, or on
 * another port of this host, cannot send a custom header), see docs/security.md.
 */
export const writeHeaders: Readonly<Record<string, string>> = { 'X-Workflows-Request': '1' };

function newKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** Every call of the SPA goes through here: cookies, JSON, idempotency keys, problem details. */
export async function request<T = unknown>(method: string, url: string, body?: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  let payload: BodyInit | undefined;
  if (options.raw !== undefined) {
    payload = options.raw;
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method === 'POST' || method === 'PUT') headers['Idempotency-Key'] = options.idempotencyKey ?? newKey();
  if (method !== 'GET' && method !== 'HEAD') Object.assign(headers, writeHeaders);
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'include', signal: options.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { title: '无法连接服务器', detail: '请检查网络或服务器是否已启动' });
  }
  const type = response.headers.get('Content-Type') ?? '';
  const isJson = type.includes('json');
  const parsed: unknown = response.status === 204 ? null : isJson ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const problem = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : { title: `请求失败 (HTTP ${response.status})`, detail: typeof parsed === 'string' ? parsed.slice(0, 200) : undefined };
    throw new ApiError(response.status, problem);
  }
  return { data: parsed as T, etag: response.headers.get('ETag'), status: response.status };
}

export const api = {
  get: async <T = unknown>(url: string, options?: RequestOptions) => (await request<T>('GET', url, undefined, options)).data,
  post: async <T = unknown>(url: string, body?: unknown, options?: RequestOptions) => (await request<T>('POST', url, body ?? {}, options)).data,
  put: async <T = unknown>(url: string, body?: unknown, options?: RequestOptions) => (await request<T>('PUT', url, body, options)).data,
  del: async <T = unknown>(url: string, options?: RequestOptions) => (await request<T>('DELETE', url, undefined, options)).data,
  request,
};

/** The text shown for an error: title, detail and the code, so a clerk can quote it to support. */
export function describeError(error: unknown): { title: string; detail?: string; code?: string } {
  if (error instanceof ApiError) return { title: error.title, detail: error.detail, code: error.code };
  if (error instanceof Error) return { title: error.message };
  return { title: String(error) };
}

/** Shows an error as an antd notification (with the code); short messages for minor ones. */
export function showError(error: unknown, context?: string): void {
  const { title, detail, code } = describeError(error);
  const head = context ? `${context}：${title}` : title;
  if (!detail && !(error instanceof ApiError && error.problem.errors)) {
    message.error(code ? `${head}（${code}）` : head);
    return;
  }
  const errors = error instanceof ApiError ? error.problem.errors : undefined;
  const lines = Array.isArray(errors) ? errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))) : [];
  notification.error({
    title: code ? `${head}（${code}）` : head,
    description: [detail, ...lines].filter(Boolean).join('\n'),
    duration: 8,
  });
}
