import { json, type SimResponse } from './http-exchange.ts';
import type { InjectedFailure, SimulatedApi } from './platform-state.ts';

/** Seconds a simulated rate limit lasts: short, so an end-to-end retry does not stall a test run. */
export const simulatedRetryAfterSeconds = 30;

/** The failure each platform really answers, in its own shape (bodies from the platform fixtures). */
export const injectedFailureResponse = (api: SimulatedApi, failure: InjectedFailure): SimResponse => {
  const resetEpoch = String(Math.floor(Date.now() / 1000) + simulatedRetryAfterSeconds);
  const responses: Record<SimulatedApi, Record<InjectedFailure, SimResponse>> = {
    x: {
      'auth-expired': json(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }),
      'rate-limited': json(
        429,
        { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
        { 'x-rate-limit-limit': '200', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': resetEpoch },
      ),
      temporary: json(503, {
        title: 'Service Unavailable',
        detail: 'Service Unavailable',
        type: 'about:blank',
        status: 503,
      }),
    },
    graph: {
      'auth-expired': json(401, {
        error: {
          message: 'Error validating access token: Session has expired.',
          type: 'OAuthException',
          code: 190,
          error_subcode: 463,
          fbtrace_id: 'SimTrace0190',
        },
      }),
      'rate-limited': json(
        429,
        {
          error: {
            message: '(#80001) There have been too many calls to this Page account. Wait a bit and try again.',
            type: 'OAuthException',
            code: 80001,
            fbtrace_id: 'SimTrace8001',
          },
        },
        {
          'x-business-use-case-usage': JSON.stringify({
            '100000000000001': [
              { type: 'pages', call_count: 100, total_cputime: 25, total_time: 25, estimated_time_to_regain_access: 1 },
            ],
          }),
        },
      ),
      temporary: json(500, {
        error: {
          message: 'An unexpected error has occurred. Please retry your request later.',
          type: 'OAuthException',
          code: 2,
          is_transient: true,
          fbtrace_id: 'SimTrace0002',
        },
      }),
    },
    custom: {
      'auth-expired': json(401, { error: 'signature rejected' }),
      'rate-limited': json(429, { error: 'slow down' }, { 'retry-after': String(simulatedRetryAfterSeconds) }),
      temporary: json(503, { error: 'unavailable' }),
    },
  };
  return responses[api][failure];
};
