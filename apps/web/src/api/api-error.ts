/** An API answer outside 2xx, with the stable `code` of `{ error: { code, message } }` (docs/api.md). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server has no such route yet: the screen shows "not available yet" instead of failing. */
  get isMissingRoute(): boolean {
    // The server's not-found handler answers `No route for GET /…` for paths it has no route for.
    return this.status === 404 && (this.code === 'route-not-found' || this.message.startsWith('No route for'));
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;
