// Who is signed in, shared by the console and the phone H5. Any 401 from the API (an
// expired or ended session) signs the page out, so no screen is left half-working.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { ApiFailure, call } from './errors';

type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; me: Me }
  | { status: 'failed'; error: unknown };

interface Session {
  state: SessionState;
  signIn(phone: string, password: string): Promise<Me>;
  signOut(): Promise<void>;
  /** Reloads /auth/me, e.g. after the password changed. */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function loadMe(): Promise<SessionState> {
  try {
    return { status: 'signedIn', me: await call(api.GET('/api/v1/auth/me')) };
  } catch (error) {
    return error instanceof ApiFailure && error.status === 401 ? { status: 'signedOut' } : { status: 'failed', error };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => setState(await loadMe()), []);

  useEffect(() => {
    let live = true;
    void loadMe().then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const middleware = {
      onResponse({ request, response }: { request: Request; response: Response }) {
        if (response.status === 401 && !request.url.endsWith('/api/v1/auth/login')) setState({ status: 'signedOut' });
      },
    };
    api.use(middleware);
    return () => api.eject(middleware);
  }, []);

  const signIn = useCallback(async (phone: string, password: string) => {
    const me = await call(api.POST('/api/v1/auth/login', { body: { phone, password } }));
    setState({ status: 'signedIn', me });
    return me;
  }, []);

  const signOut = useCallback(async () => {
    // Signed out locally even when the network fails: the person asked to leave.
    await call(api.POST('/api/v1/auth/logout')).catch(() => undefined);
    setState({ status: 'signedOut' });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, refresh }), [state, signIn, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user, for screens rendered only when signed in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe while not signed in');
  return state.me;
}
