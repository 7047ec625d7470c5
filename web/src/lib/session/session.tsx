import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, setAntiforgeryToken, setUnauthorizedHandler, type Schemas } from '@/lib/api/client';

export type Me = Schemas['MeDto'];
export type Role = Schemas['Role'];

type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signedIn'; me: Me };

type SessionContextValue = {
  state: SessionState;
  signedIn: (me: Me) => void;
  signedOut: () => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds who is signed in. Probes GET /auth/me once on start (401 = not signed in) and drops the session
 *  whenever any later request answers 401, so the router sends the user to the login page and back. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((me: Me) => {
    setAntiforgeryToken(me.antiforgeryToken);
    setState({ status: 'signedIn', me });
  }, []);

  const end = useCallback(
    (expired: boolean) => {
      setAntiforgeryToken(null);
      queryClient.clear();
      setState({ status: 'anonymous', expired });
    },
    [queryClient],
  );
  const signedOut = useCallback(() => end(false), [end]);

  useEffect(() => {
    let cancelled = false;
    api
      .GET('/api/v1/auth/me')
      .then(({ data }) => {
        if (cancelled) return;
        if (data) signedIn(data);
        else setState({ status: 'anonymous', expired: false });
      })
      .catch(() => !cancelled && setState({ status: 'anonymous', expired: false }));
    return () => {
      cancelled = true;
    };
  }, [signedIn]);

  const statusRef = useRef(state.status);
  statusRef.current = state.status;
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (statusRef.current === 'signedIn') end(true);
    });
    return () => setUnauthorizedHandler(null);
  }, [end]);

  const value = useMemo(() => ({ state, signedIn, signedOut }), [state, signedIn, signedOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

/** The signed-in user; only for components rendered behind the sign-in guard. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe needs a signed-in session');
  return state.me;
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return roles.some((r) => r === me.role);
}
