// The unread count on the 消息 tab: read when the screen changes and when the phone comes
// back to the page; the inbox screen refreshes it after marking messages read.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../shared/errors';

interface InboxCount {
  unread: number;
  refresh(): void;
}

const Context = createContext<InboxCount | null>(null);

export function InboxCountProvider({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    // A badge is a hint: when it cannot be read, the old number stays.
    call(api.GET('/api/v1/inbox', { params: { query: { limit: 1 } } })).then((page) => live && setUnread(page.unread), () => undefined);
    return () => {
      live = false;
    };
  }, [pathname, version]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  const value = useMemo(() => ({ unread, refresh }), [unread, refresh]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useInboxCount(): InboxCount {
  const state = useContext(Context);
  if (!state) throw new Error('useInboxCount outside InboxCountProvider');
  return state;
}
