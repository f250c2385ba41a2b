import { ApiError } from './api-error.ts';

export interface ApiClient {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** The anti-CSRF token the session handed out; sent back on every state-changing request. */
  setCsrfToken(token: string | null): void;
}

interface ErrorBody {
  error?: { code?: string; message?: string };
  message?: string;
}

const csrfFromCookie = (): string | null => {
  const match = /(?:^|;\s*)(?:ascolta[-_])?csrf[-_]?(?:token)?=([^;]+)/i.exec(document.cookie);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
};

const toApiError = async (response: Response): Promise<ApiError> => {
  const retryAfter = Number(response.headers.get('retry-after'));
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  // Fastify's own 404 for an unknown route has no `error.code`: the endpoint is not built yet.
  const code = body.error?.code ?? (response.status === 404 ? 'route-not-found' : `http-${response.status}`);
  const message = body.error?.message ?? body.message ?? response.statusText;
  return new ApiError(
    response.status,
    code,
    message,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
};

/** Same-origin JSON client: the session travels in its cookie, so no token is kept in script-readable storage. */
export const createApiClient = (baseUrl = ''): ApiClient => {
  let csrfToken: string | null = null;

  const request = async <T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') {
      const token = csrfToken ?? csrfFromCookie();
      if (token !== null) headers['x-csrf-token'] = token;
    }
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (signal !== undefined) init.signal = signal;
    const response = await fetch(`${baseUrl}${path}`, init);
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  };

  return {
    get: (path, signal) => request('GET', path, undefined, signal),
    send: (method, path, body) => request(method, path, body),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
};
