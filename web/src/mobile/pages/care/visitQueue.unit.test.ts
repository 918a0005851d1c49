import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../shared/errors';
import { QUEUE_KEY, VisitQueue, type QueuedVisit, type Storage } from './visitQueue';

function memory(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

const visit = (summary: string) => ({ visitedOn: '2026-11-20', kind: 'home' as const, summary });
const recipient = { id: 7, name: '孙**' };
const offline = () => new ApiFailure(0, {});

/** A server that stores each clientId once (like care_visits.client_id), and can be cut off. */
function fakeServer() {
  const stored = new Map<string, QueuedVisit>();
  const calls: { clientId: string; key: string }[] = [];
  const server = {
    online: true,
    refuse: null as ApiFailure | null,
    stored,
    calls,
    send: async (item: QueuedVisit, headers: { 'Idempotency-Key': string }) => {
      await Promise.resolve();
      if (!server.online) throw offline();
      calls.push({ clientId: item.visit.clientId, key: headers['Idempotency-Key'] });
      if (server.refuse) throw server.refuse;
      if (!stored.has(item.visit.clientId)) stored.set(item.visit.clientId, item);
      return { id: stored.size };
    },
  };
  return server;
}

describe('the offline visit queue', () => {
  it('keeps a visit typed offline on the phone, with ids made once, and sends it once back online', async () => {
    const storage = memory();
    const server = fakeServer();
    const queue = new VisitQueue(storage, server.send);
    server.online = false;
    const item = queue.add(recipient, visit('上门看望，量了血压'));
    expect(item.visit.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(JSON.parse(storage.data.get(QUEUE_KEY)!)).toEqual([item]);

    expect(await queue.flush()).toEqual({ sent: 0, refused: 0, waiting: 1 });
    expect(await queue.flush()).toEqual({ sent: 0, refused: 0, waiting: 1 });
    expect(queue.list()).toEqual([item]); // same ids for the next try
    expect(server.stored.size).toBe(0);

    server.online = true;
    expect(await queue.flush()).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(queue.list()).toEqual([]);
    expect([...server.stored.keys()]).toEqual([item.visit.clientId]);
    expect(server.calls).toEqual([{ clientId: item.visit.clientId, key: item.idempotencyKey }]);
    expect(await queue.flush()).toEqual({ sent: 0, refused: 0, waiting: 0 });
    expect(server.calls).toHaveLength(1);
  });

  it('sends once when the online event and the page both flush at the same time', async () => {
    const server = fakeServer();
    const queue = new VisitQueue(memory(), server.send);
    queue.add(recipient, visit('电话问候'));
    queue.add({ id: 8, name: '周**' }, visit('辅导作业'));
    const [a, b] = await Promise.all([queue.flush(), queue.flush()]);
    expect(a).toEqual({ sent: 2, refused: 0, waiting: 0 });
    expect(b).toBe(a);
    expect(server.calls).toHaveLength(2);
    expect(new Set(server.calls.map((c) => c.clientId)).size).toBe(2);
  });

  it('sends a visit typed while a flush is running in that same run', async () => {
    const server = fakeServer();
    const queue = new VisitQueue(memory(), server.send);
    queue.add(recipient, visit('上门看望'));
    const running = queue.flush();
    const late = queue.add(recipient, visit('电话问候'));
    expect(await queue.flush()).toEqual({ sent: 2, refused: 0, waiting: 0 });
    expect(await running).toEqual({ sent: 2, refused: 0, waiting: 0 });
    expect(server.calls.map((c) => c.clientId)).toContain(late.visit.clientId);
    expect(queue.list()).toEqual([]);
  });

  it('survives a reload: a new queue on the same storage sends what the old one kept', async () => {
    const storage = memory();
    const server = fakeServer();
    server.online = false;
    const first = new VisitQueue(storage, server.send);
    const item = first.add(recipient, visit('陪同就医'));
    await first.flush();
    server.online = true;
    const reloaded = new VisitQueue(storage, server.send);
    expect(await reloaded.flush()).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(server.calls).toEqual([{ clientId: item.visit.clientId, key: item.idempotencyKey }]);
  });

  it('retries with the same ids after a server error, so a visit the server did store is not stored twice', async () => {
    const server = fakeServer();
    let failOnce = true;
    const queue = new VisitQueue(memory(), async (item, headers) => {
      const answer = await server.send(item, headers);
      if (failOnce) {
        failOnce = false;
        throw new ApiFailure(502, {}); // stored, but the answer was lost
      }
      return answer;
    });
    const item = queue.add(recipient, visit('上门看望'));
    expect(await queue.flush()).toEqual({ sent: 0, refused: 0, waiting: 1 });
    expect(await queue.flush()).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(server.calls.map((c) => c.clientId)).toEqual([item.visit.clientId, item.visit.clientId]);
    expect(server.calls[1]!.key).toBe(server.calls[0]!.key);
    expect(server.stored.size).toBe(1);
  });

  it('keeps the visit when the session has expired, and sends it after signing in again', async () => {
    const server = fakeServer();
    const queue = new VisitQueue(memory(), server.send);
    const item = queue.add(recipient, visit('上门看望'));
    server.refuse = new ApiFailure(401, { code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(await queue.flush()).toEqual({ sent: 0, refused: 0, waiting: 1 });
    expect(queue.list()).toEqual([item]);
    server.refuse = null;
    expect(await queue.flush()).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(server.calls.map((c) => c.key)).toEqual([item.idempotencyKey, item.idempotencyKey]);
  });

  it('keeps a refused visit with the reason, goes on with the others, and drops it when discarded', async () => {
    const server = fakeServer();
    const queue = new VisitQueue(memory(), server.send);
    const bad = queue.add(recipient, visit('未来日期'));
    server.refuse = new ApiFailure(400, { code: 'VALIDATION_FAILED', message: '走访日期不能晚于今天' });
    expect(await queue.flush()).toEqual({ sent: 0, refused: 1, waiting: 0 });
    server.refuse = null;
    queue.add(recipient, visit('电话问候'));
    expect(await queue.flush()).toEqual({ sent: 1, refused: 1, waiting: 0 });
    expect(queue.list()).toEqual([{ ...bad, refused: '走访日期不能晚于今天' }]);
    queue.discard(bad.visit.clientId);
    expect(queue.list()).toEqual([]);
  });

  it('uploads a visit’s photos before posting it, each once, even when the connection drops in between', async () => {
    const storage = memory();
    const server = fakeServer();
    const uploads: string[] = [];
    let uploadsOnline = true;
    const upload = async (dataUrl: string) => {
      await Promise.resolve();
      if (!uploadsOnline) throw offline();
      uploads.push(dataUrl);
      return `file-${uploads.length}`;
    };
    const queue = new VisitQueue(storage, server.send, upload);
    const photos = ['data:image/jpeg;base64,AAAA', 'data:image/jpeg;base64,BBBB'];
    const item = queue.add(recipient, visit('送去米面油'), new Date(), photos);
    expect(queue.list()[0]!.photos).toEqual(photos.map((dataUrl) => ({ dataUrl })));

    // the first photo goes, then the signal is lost: its id is kept, the visit waits
    const first = upload;
    let calls = 0;
    const flaky = new VisitQueue(storage, server.send, async (dataUrl) => {
      calls += 1;
      if (calls === 2) uploadsOnline = false;
      return first(dataUrl);
    });
    expect(await flaky.flush()).toEqual({ sent: 0, refused: 0, waiting: 1 });
    expect(queue.list()[0]!.photos).toEqual([{ dataUrl: photos[0], fileId: 'file-1' }, { dataUrl: photos[1] }]);
    expect(server.calls).toEqual([]);

    // back online (a reload: a new queue on the same storage): only the second photo is uploaded
    uploadsOnline = true;
    const reloaded = new VisitQueue(storage, server.send, upload);
    expect(await reloaded.flush()).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(uploads).toEqual(photos);
    expect(server.stored.get(item.visit.clientId)!.visit.photos).toEqual(['file-1', 'file-2']);
    expect(server.calls).toEqual([{ clientId: item.visit.clientId, key: item.idempotencyKey }]);
    expect(storage.data.get(QUEUE_KEY)).toBe('[]'); // the photos leave the phone with the visit
  });

  it('resends a visit whose answer was lost with the same ids and the photos already uploaded', async () => {
    const server = fakeServer();
    let uploads = 0;
    let failOnce = true;
    const queue = new VisitQueue(memory(), async (item, headers) => {
      const answer = await server.send(item, headers);
      if (failOnce) {
        failOnce = false;
        throw offline(); // stored, but the answer never came back
      }
      return answer;
    }, async () => `file-${(uploads += 1)}`);
    const item = queue.add(recipient, visit('陪同就医'), new Date(), ['data:image/jpeg;base64,CCCC']);
    expect(await queue.flush()).toEqual({ sent: 0, refused: 0, waiting: 1 });
    expect(await queue.flush()).toEqual({ sent: 1, refused: 0, waiting: 0 });
    expect(uploads).toBe(1);
    expect(server.calls).toEqual([0, 1].map(() => ({ clientId: item.visit.clientId, key: item.idempotencyKey })));
    expect(server.stored.size).toBe(1);
  });

  it('says so when the phone cannot keep the photos, and keeps nothing half-saved', () => {
    const storage = memory();
    const full: Storage = {
      getItem: storage.getItem,
      setItem: (key, value) => {
        if (value.length > 100) throw new DOMException('quota', 'QuotaExceededError');
        storage.setItem(key, value);
      },
    };
    const queue = new VisitQueue(full, fakeServer().send, async () => 'file');
    expect(() => queue.add(recipient, visit('上门看望'), new Date(), [`data:image/jpeg;base64,${'A'.repeat(200)}`])).toThrow();
    expect(queue.list()).toEqual([]);
  });

  it('tells subscribers when the queue changes', () => {
    const queue = new VisitQueue(memory(), fakeServer().send);
    let calls = 0;
    const stop = queue.subscribe(() => (calls += 1));
    const before = queue.current();
    queue.add(recipient, visit('上门看望'));
    expect(calls).toBe(1);
    expect(queue.current()).not.toBe(before);
    expect(queue.current()).toBe(queue.current());
    stop();
    queue.add(recipient, visit('再次看望'));
    expect(calls).toBe(1);
  });
});
