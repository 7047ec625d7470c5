import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

/** The problem+json body the API returns. The contract's ProblemDetails omits the extension members
 *  (`errors` on validation failures, `traceId` on every problem), so they are added here. */
export type ApiProblem = Schemas['ProblemDetails'] & {
  errors?: Record<string, string[]>;
  traceId?: string;
};

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ApiProblem;

  constructor(status: number, problem: ApiProblem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let antiforgeryToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** The token from LogIn / GetMe; sent as X-XSRF-TOKEN on every unsafe request of the cookie session. */
export function setAntiforgeryToken(token: string | null | undefined): void {
  antiforgeryToken = token ?? null;
}

/** Called when any request other than the session probe and the login itself comes back 401. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const sessionPaths = ['/api/v1/auth/me', '/api/v1/auth/login'];

export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (unsafeMethods.has(request.method.toUpperCase()) && antiforgeryToken) {
      request.headers.set('X-XSRF-TOKEN', antiforgeryToken);
    }
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !sessionPaths.some((p) => new URL(request.url).pathname === p)) {
      onUnauthorized?.();
    }
    return response;
  },
};

export function createApiClient(baseUrl = '', fetchImpl?: typeof fetch) {
  const client = createClient<paths>({
    baseUrl,
    credentials: 'include',
    // Look fetch up per request (not once at start) so tests and instrumentation can replace it.
    fetch: fetchImpl ?? ((request: Request) => globalThis.fetch(request)),
  });
  client.use(sessionMiddleware);
  return client;
}

export const api = createApiClient(typeof window === 'undefined' ? 'http://localhost' : window.location.origin);

/** The If-Match value for a resource version (the API's ETag is the quoted version). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Returns the body of a successful response, or throws ApiError with the problem details. */
export function unwrap<T>(result: FetchResult<T>): T {
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const problem: ApiProblem =
    error && typeof error === 'object' ? (error as ApiProblem) : { title: response.statusText, status: response.status };
  throw new ApiError(response.status, problem);
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
