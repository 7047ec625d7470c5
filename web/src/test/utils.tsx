import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { vi } from 'vitest';
import { Providers } from '@/app/providers';
import type { Schemas } from '@/lib/api/client';
import { useSession } from '@/lib/session/session';

type Handler = (request: Request) => Response | Promise<Response>;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });

export const adminMe: Schemas['MeDto'] = {
  id: '00000000-0000-0000-0000-000000000001', email: 'admin@demo.crm', displayName: '系统管理员', role: 'Admin', teamId: null, antiforgeryToken: 'token-1',
};

/** Replaces fetch with a table of "METHOD /path" → handler; every request is recorded. */
export function mockApi(handlers: Record<string, Handler>) {
  const requests: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(input);
    requests.push(request.clone());
    const key = `${request.method} ${new URL(request.url).pathname}`;
    const handler = handlers[key] ?? (key === 'GET /api/v1/auth/me' ? () => json(200, adminMe) : undefined);
    if (!handler) return json(404, { title: 'Not Found', status: 404, detail: `no mock for ${key}` });
    return handler(request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests };
}

export function renderPage(element: ReactNode, { path = '/', route = '/' }: { path?: string; route?: string } = {}) {
  return render(
    <Providers>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path={path} element={element} />
          <Route path="*" element={<div>elsewhere</div>} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

/** Renders its children once the session probe (GET /auth/me, mocked) has signed the user in, for pages that call useMe. */
export function SignedIn({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return state.status === 'signedIn' ? children : null;
}
