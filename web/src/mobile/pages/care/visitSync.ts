// The phone's one visit queue, sending through the API whenever the phone is back online
// (the `online` event), when the app opens, and every half minute while visits wait (a
// phone may say it is online while the signal is too weak to reach the server).
import { useSyncExternalStore } from 'react';
import { api } from '../../../api/client';
import { call } from '../../../shared/errors';
import { uploadPhoto } from './visitPhotos';
import { QUEUE_KEY, VisitQueue, type Storage } from './visitQueue';

const RETRY_MS = 30_000;

/** localStorage, or a memory stand-in when the browser blocks it (the queue then lasts the visit). */
function phoneStorage(): Storage {
  try {
    localStorage.setItem(`${QUEUE_KEY}.probe`, '1');
    localStorage.removeItem(`${QUEUE_KEY}.probe`);
    return localStorage;
  } catch {
    const memory = new Map<string, string>();
    return { getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value) };
  }
}

export const visitQueue = new VisitQueue(phoneStorage(), (item, headers) =>
  call(api.POST('/api/v1/care-recipients/{id}/visits', { params: { path: { id: item.recipientId } }, body: item.visit, headers })), uploadPhoto);

let installed = false;

/** Starts sending in the background (once per page load). */
export function installVisitSync() {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  const tryNow = () => {
    if (visitQueue.list().some((item) => !item.refused)) void visitQueue.flush();
  };
  window.addEventListener('online', tryNow);
  window.addEventListener('storage', (event) => {
    if (event.key === QUEUE_KEY) visitQueue.changed();
  });
  setInterval(tryNow, RETRY_MS);
  tryNow();
}

/** The visits waiting on this phone, kept current. */
export function useQueuedVisits() {
  return useSyncExternalStore(visitQueue.subscribe, visitQueue.current);
}
