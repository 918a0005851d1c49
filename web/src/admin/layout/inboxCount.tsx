// The unread count on the console's bell: read every minute while the console is in view
// (every five when the tab is hidden), at once when the tab comes back, and after the
// inbox page marks messages read. A count that cannot be read keeps the last one shown.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { call } from '../../shared/errors';
import { usePoll } from '../../shared/usePoll';

interface InboxCount {
  unread: number;
  refresh(): void;
}

const POLL_MS = 60_000;
const nextIn = () => (document.visibilityState === 'hidden' ? 5 * POLL_MS : POLL_MS);
/** A new fetch function for each `round` (a refresh) starts the poll over, as usePoll does. */
const readUnread = (round: number) => () => call(api.GET('/api/v1/inbox', { params: { query: { limit: 1 } } })).then((page) => ({ round, unread: page.unread }));

const Context = createContext<InboxCount | null>(null);

export function InboxCountProvider({ children }: { children: ReactNode }) {
  const [round, setRound] = useState(0);
  const fetch = useMemo(() => readUnread(round), [round]);
  const polled = usePoll(fetch, nextIn, 2 * POLL_MS);
  const [unread, setUnread] = useState(0);
  if (polled.data !== undefined && polled.data.unread !== unread) setUnread(polled.data.unread);

  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && setRound((r) => r + 1);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  const value = useMemo(() => ({ unread, refresh: () => setRound((r) => r + 1) }), [unread]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useInboxCount(): InboxCount {
  const state = useContext(Context);
  if (!state) throw new Error('useInboxCount outside InboxCountProvider');
  return state;
}
