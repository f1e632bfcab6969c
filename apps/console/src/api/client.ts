import { FIELD_PROBLEMS } from './contract-values.js';
import { ERROR_CODES, type ErrorCode, type FieldError } from './types.js';

/**
 * A failed API call, reduced to what the interface needs: a documented code and the fields at fault, both to
 * translate. `message` is the server's English, for logs and developers; screens never show it.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: readonly FieldError[];

  constructor(code: ErrorCode, message: string, status: number, fields: readonly FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);
const KNOWN_PROBLEMS: ReadonlySet<string> = new Set(FIELD_PROBLEMS);

/** The `fields` of an error body that have the contract's shape; anything else is dropped, never trusted. */
export function fieldErrorsOf(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry): FieldError[] => {
    if (!isRecord(entry) || typeof entry.field !== 'string' || typeof entry.problem !== 'string') return [];
    if (!KNOWN_PROBLEMS.has(entry.problem)) return [];
    const problem = entry.problem as FieldError['problem'];
    return [typeof entry.limit === 'number' ? { field: entry.field, problem, limit: entry.limit } : { field: entry.field, problem }];
  });
}

/** The code to show when the body carries none we know (a proxy's HTML page, an older server). */
export function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'validation_failed';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'body_too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status === 423) return 'account_locked';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  return status >= 500 ? 'internal' : 'unexpected_response';
}

/** Turns a non-2xx response body (already parsed, or undefined when it was not JSON) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  const code = typeof error?.code === 'string' && KNOWN_CODES.has(error.code) ? (error.code as ErrorCode) : undefined;
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return new ApiError(code ?? codeForStatus(status), message, status, fieldErrorsOf(error?.fields));
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
}

export interface ApiClientOptions {
  /** Where /api/v1 lives; '' means the page's own origin, which is how the server serves the console. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place the console talks HTTP: same-origin cookies, the CSRF header on every state-changing request, JSON in
 * and out, and every failure (network, non-JSON, error body) turned into an ApiError.
 */
export class ApiClient {
  private csrfToken: string | null = null;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** The token the server handed out with the session; sent back as X-CSRF-Token. */
  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.request<T>('GET', path, { query });
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, { body });
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, { body });
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, { body });
  }

  /** Sends a file as the request body itself (an attachment), typed by `file.type`; the answer is JSON. */
  async upload<T>(path: string, query: Query, file: Blob): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': file.type || 'application/octet-stream' };
    if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchImpl(this.baseUrl + path + queryString(query), { method: 'POST', headers, credentials: 'same-origin', body: file });
    } catch (cause) {
      throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0);
    }
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    if (!response.ok) throw toApiError(response.status, body);
    return body as T;
  }

  /**
   * A file (an export): the body as a Blob and the name the server gave it in Content-Disposition. An error answer
   * is still JSON and becomes an ApiError like any other.
   */
  async download(path: string, query?: Query): Promise<{ blob: Blob; fileName: string | null }> {
    const response = await this.send('GET', path, { query }, '*/*');
    if (!response.ok) {
      const text = await response.text().catch(() => '');
      throw toApiError(response.status, parseJson(text));
    }
    return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) };
  }

  private async send(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { accept };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (!SAFE_METHODS.has(method) && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    try {
      return await this.fetchImpl(this.baseUrl + path + queryString(options.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (cause) {
      throw new ApiError('network_error', cause instanceof Error ? cause.message : String(cause), 0);
    }
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options, 'application/json');
    const text = await response.text().catch(() => '');
    const body = parseJson(text);
    if (!response.ok) throw toApiError(response.status, body);
    if (text && body === undefined) {
      throw new ApiError('unexpected_response', `HTTP ${response.status}: not JSON`, response.status);
    }
    return body as T;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The file name of a Content-Disposition header: RFC 6266's `filename*=UTF-8''…` first (it carries the Vietnamese
 * name), then the plain `filename="…"` fallback; null when there is neither.
 */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A broken escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name || null;
}

/** `?a=1&b=x`, leaving out empty values so optional filters need no special casing by callers. */
export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}
