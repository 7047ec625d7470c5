import { describe, expect, it, vi } from 'vitest';
import { createApiClient, setAntiforgeryToken, setUnauthorizedHandler, unwrap, ApiError } from './client';

function recordingFetch(status = 200, body: unknown = { items: [], nextCursor: null }) {
  const seen: Request[] = [];
  const fetchImpl = vi.fn(async (request: Request) => {
    seen.push(request);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  return { seen, fetchImpl: fetchImpl as unknown as typeof fetch };
}

describe('session middleware', () => {
  it('sends the antiforgery token on unsafe methods only', async () => {
    const { seen, fetchImpl } = recordingFetch();
    const client = createApiClient('http://localhost', fetchImpl);
    setAntiforgeryToken('xsrf-123');

    await client.GET('/api/v1/customers');
    await client.POST('/api/v1/customers', { body: { name: 'Acme' } });
    await client.PUT('/api/v1/customers/{id}', { params: { path: { id: 'c1' }, header: { 'If-Match': '"1"' } }, body: { name: 'Acme' } });
    await client.DELETE('/api/v1/customers/{customerId}/contacts/{contactId}', { params: { path: { customerId: 'c1', contactId: 'k1' }, header: { 'If-Match': '"2"' } } });

    expect(seen.map((r) => [r.method, r.headers.get('X-XSRF-TOKEN')])).toEqual([
      ['GET', null],
      ['POST', 'xsrf-123'],
      ['PUT', 'xsrf-123'],
      ['DELETE', 'xsrf-123'],
    ]);
    expect(seen[2]!.headers.get('If-Match')).toBe('"1"');
    expect(seen.every((r) => r.credentials === 'include')).toBe(true);
    setAntiforgeryToken(null);
  });

  it('reports a 401 on ordinary requests but not on the session probe', async () => {
    const { fetchImpl } = recordingFetch(401, { title: 'Unauthorized', status: 401 });
    const client = createApiClient('http://localhost', fetchImpl);
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);

    await client.GET('/api/v1/auth/me');
    expect(onUnauthorized).not.toHaveBeenCalled();
    await client.GET('/api/v1/customers');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    setUnauthorizedHandler(null);
  });

  it('turns problem details into an ApiError carrying the detail and field errors', async () => {
    const problem = { title: 'Validation failed', status: 400, detail: "'Name' must not be empty.", errors: { name: ["'Name' must not be empty."] } };
    const { fetchImpl } = recordingFetch(400, problem);
    const client = createApiClient('http://localhost', fetchImpl);
    const result = await client.POST('/api/v1/customers', { body: { name: '' } });
    expect(() => unwrap(result)).toThrow(ApiError);
    try {
      unwrap(result);
    } catch (error) {
      expect((error as ApiError).message).toBe("'Name' must not be empty.");
      expect((error as ApiError).problem.errors).toEqual(problem.errors);
    }
  });
});
