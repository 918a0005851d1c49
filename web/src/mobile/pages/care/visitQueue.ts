// Visits typed where the signal is poor: each is kept on the phone (localStorage) with its
// own clientId and idempotency key, made once when it is typed, and sent when the phone
// can reach the server, in the order typed. A visit leaves the queue only when the server
// has answered: stored (a resend of one already stored returns it, the server dedupes by
// clientId), or refused (kept with the reason, for the person to see and discard). While
// the outcome is unknown (no network, a server error) it stays, with the same ids, so a
// later send can never store it twice. One flush runs at a time.
//
// Photos ride along in the same localStorage entry as downscaled JPEG data URLs (see
// visitPhotos.ts: at most a few per visit, ~100-300 KB each, so a handful of visits fit in
// the browser's ~5 MB). Before the visit is posted each photo is uploaded (POST /files) and
// its file id written back at once, so a retry sends the ids it has and uploads only the
// photos still without one; the data URLs leave with the visit.
import type { NewVisit } from '../../../api/careTypes';
import { ApiFailure } from '../../../shared/errors';
import { newIdempotencyKey, type IdempotencyHeaders } from '../../idempotency';

export const QUEUE_KEY = 'lianxin.care.visits';

export interface QueuedPhoto {
  /** The downscaled photo (a JPEG data URL), kept on the phone until the visit is sent. */
  dataUrl: string;
  /** The stored file once uploaded: a later try sends this id and never uploads the photo again. */
  fileId?: string;
}

export interface QueuedVisit {
  recipientId: number;
  /** The masked name, to show what is waiting. */
  recipientName: string;
  idempotencyKey: string;
  visit: NewVisit;
  queuedAt: string;
  photos?: QueuedPhoto[];
  /** The server's reason when it refused the visit. */
  refused?: string;
}

export interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type SendVisit = (item: QueuedVisit, headers: IdempotencyHeaders) => Promise<unknown>;
/** Uploads one photo (a data URL) and answers the stored file's id. */
export type UploadPhoto = (dataUrl: string) => Promise<string>;

const noUploads: UploadPhoto = () => Promise.reject(new Error('this queue takes no photos'));

export interface FlushResult {
  sent: number;
  refused: number;
  waiting: number;
}

/**
 * Whether to keep the visit for a later try, with the same ids: the server may not have it
 * (no network, a server error, still busy with it), or cannot take it yet (signed out, too
 * many requests), which says nothing against the visit itself.
 */
const tryLater = (error: unknown) =>
  !(error instanceof ApiFailure) || error.status === 0 || error.status >= 500 || error.status === 401 || error.status === 429
  || error.code === 'IDEMPOTENCY_IN_PROGRESS';

export class VisitQueue {
  private running: Promise<FlushResult> | null = null;
  private readonly listeners = new Set<() => void>();
  private snapshot: QueuedVisit[] | null = null;

  constructor(private readonly storage: Storage, private readonly send: SendVisit, private readonly upload: UploadPhoto = noUploads) {}

  /** What waits, oldest first (read afresh: another tab may have sent some). */
  list(): QueuedVisit[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(QUEUE_KEY) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedVisit[]) : [];
    } catch {
      return [];
    }
  }

  private save(items: QueuedVisit[]) {
    this.storage.setItem(QUEUE_KEY, JSON.stringify(items));
    this.changed();
  }

  /** The list for React (stable between changes). */
  current = (): QueuedVisit[] => (this.snapshot ??= this.list());

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** Another tab changed the queue, or ours did. */
  changed() {
    this.snapshot = null;
    for (const listener of this.listeners) listener();
  }

  /**
   * Keeps a typed visit on the phone, with its photos (data URLs); the ids are made here,
   * once. Throws when the phone's storage is full (too many or too large photos).
   */
  add(recipient: { id: number; name: string }, visit: Omit<NewVisit, 'clientId' | 'photos'>, now = new Date(), photos: readonly string[] = []): QueuedVisit {
    const item: QueuedVisit = {
      recipientId: recipient.id, recipientName: recipient.name, idempotencyKey: newIdempotencyKey(),
      visit: { ...visit, clientId: newIdempotencyKey() }, queuedAt: now.toISOString(),
      ...(photos.length > 0 && { photos: photos.map((dataUrl) => ({ dataUrl })) }),
    };
    this.save([...this.list(), item]);
    return item;
  }

  /** Drops a visit (one the server refused, which the person gave up). */
  discard(clientId: string) {
    this.save(this.list().filter((item) => item.visit.clientId !== clientId));
  }

  /** Sends what waits; a second call while one runs gets the same run. */
  flush(): Promise<FlushResult> {
    this.running ??= this.sendAll().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async sendAll(): Promise<FlushResult> {
    let sent = 0;
    const tried = new Set<string>();
    const counts = (waiting: number) => ({ sent, refused: this.list().filter((item) => item.refused).length, waiting });
    // Read afresh each time: a visit typed while this runs is sent in the same run.
    for (let item = this.nextToSend(tried); item; item = this.nextToSend(tried)) {
      const clientId = item.visit.clientId;
      tried.add(clientId);
      try {
        const fileIds = await this.uploadPhotos(item);
        const ready = fileIds.length > 0 ? { ...item, visit: { ...item.visit, photos: fileIds } } : item;
        await this.send(ready, { 'Idempotency-Key': item.idempotencyKey });
        this.save(this.list().filter((other) => other.visit.clientId !== clientId));
        sent += 1;
      } catch (error) {
        // No connection, the server struggling, the session expired: the rest wait for the next try.
        if (tryLater(error)) return counts(this.list().filter((other) => !other.refused).length);
        const reason = error instanceof ApiFailure ? error.message || error.code : 'error';
        this.save(this.list().map((other) => (other.visit.clientId === clientId ? { ...other, refused: reason } : other)));
      }
    }
    return counts(0);
  }

  /** Uploads the visit's photos not uploaded yet, noting each id as soon as it is known. */
  private async uploadPhotos(item: QueuedVisit): Promise<string[]> {
    const photos = [...(item.photos ?? [])];
    for (const [index, photo] of photos.entries()) {
      if (photo.fileId) continue;
      photos[index] = { ...photo, fileId: await this.upload(photo.dataUrl) };
      this.save(this.list().map((other) => (other.visit.clientId === item.visit.clientId ? { ...other, photos } : other)));
    }
    return photos.map((photo) => photo.fileId!);
  }

  private nextToSend(tried: Set<string>) {
    return this.list().find((item) => !item.refused && !tried.has(item.visit.clientId));
  }
}
