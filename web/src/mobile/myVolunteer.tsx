// The signed-in person's volunteer profile, shared by every screen that depends on it
// (home, 我的, teams, activities, registration): null when they have not registered as a
// volunteer, or nobody is signed in.
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api } from '../api/client';
import type { MyVolunteer } from '../api/types';
import { ApiFailure, call } from '../shared/errors';
import { useI18n } from '../shared/i18n';
import { useSession } from '../shared/session';
import { useLoad } from '../shared/useLoad';
import { Empty, Loaded } from './components/Async';

interface MyVolunteerState {
  /** undefined while loading (or after a failure), null when not a volunteer. */
  volunteer: MyVolunteer | null | undefined;
  error: unknown;
  reload(): void;
  /** The profile a write returned (a registration), without another request. */
  set(volunteer: MyVolunteer): void;
}

const Context = createContext<MyVolunteerState | null>(null);

async function loadMyVolunteer(): Promise<MyVolunteer | null> {
  try {
    return await call(api.GET('/api/v1/volunteers/me'));
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 404) return null;
    throw error;
  }
}

export function MyVolunteerProvider({ children }: { children: ReactNode }) {
  const { state } = useSession();
  const userId = state.status === 'signedIn' ? state.me.user.id : null;
  // A new sign-in (a registration signs in) loads the new person's profile.
  const load = useCallback(() => (userId === null ? Promise.resolve(null) : loadMyVolunteer()), [userId]);
  const { data, error, reload, setData } = useLoad(load);
  const value = useMemo(() => ({ volunteer: data, error, reload, set: setData }), [data, error, reload, setData]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useMyVolunteer(): MyVolunteerState {
  const state = useContext(Context);
  if (!state) throw new Error('useMyVolunteer outside MyVolunteerProvider');
  return state;
}

/**
 * The area lists of teams and activities default to: none for a volunteer (the server
 * uses their home county), else the county of the person's role.
 */
export function browseUnder(volunteer: MyVolunteer | null, grants: readonly { site: { regionCode: string } }[]): string | undefined {
  return volunteer ? undefined : grants[0]?.site.regionCode.slice(0, 6);
}

/** Renders once the profile is known (null: not a volunteer), with the error and 重试 if it failed. */
export function WithMyVolunteer({ children }: { children: (volunteer: MyVolunteer | null) => ReactNode }) {
  const { volunteer, error, reload } = useMyVolunteer();
  return <Loaded state={{ data: volunteer, error, reload }}>{children}</Loaded>;
}

/** A screen for volunteers (their hours, certificates): others are told how they get one. */
export function ForVolunteers({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <WithMyVolunteer>{(volunteer) => (volunteer ? children : <Empty>{t('mobile.hours.notVolunteer')}</Empty>)}</WithMyVolunteer>;
}
