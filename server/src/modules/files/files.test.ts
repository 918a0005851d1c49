import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';

let server: TestServer;
let png: Buffer;
beforeAll(async () => {
  server = await createTestServer();
  png = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#c8102e' } }).png().toBuffer();
});
afterAll(() => server?.close());

async function upload(target: TestServer, bytes: Buffer, name = 'photo.png') {
  const admin = await target.admin();
  return { admin, response: await admin.upload('/api/v1/files', {}, { filename: name, content: bytes, type: 'image/png' }) };
}

describe('image uploads', () => {
  it('keep a phone-sized JPEG and a thumbnail, served to signed-in users only', async () => {
    const { admin, response } = await upload(server, png);
    expect(response.status).toBe(201);
    expect(response.body.contentType).toBe('image/jpeg');
    const full = await admin.get(response.body.url);
    const thumb = await admin.get(response.body.thumbUrl);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(full.raw).metadata()).toMatchObject({ format: 'jpeg', width: 1600, height: 1067 });
    expect(await sharp(thumb.raw).metadata()).toMatchObject({ width: 320, height: 213 });
    expect((await server.client().get(response.body.url)).status).toBe(401);
  });

  it('read the type from the bytes: a script named .png is refused, and so is a broken image', async () => {
    const script = await upload(server, Buffer.from('<script>alert(1)</script>'), 'evil.png');
    expect(script.response.status).toBe(415);
    expect(script.response.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file' });
    const broken = await upload(server, Buffer.concat([png.subarray(0, 64), Buffer.alloc(64, 7)]));
    expect(broken.response.status).toBe(415);
  });

  it('refuse images over 5 MB and store nothing', async () => {
    const before = await server.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const { response } = await upload(server, Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]));
    expect(response.status).toBe(413);
    const after = await server.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('can keep the bytes on the filesystem instead of the database', async () => {
    const onDisk = await createTestServer({ config: { fileStorage: 'filesystem' } });
    try {
      const { admin, response } = await upload(onDisk, png);
      const row = await onDisk.ctx.db.selectFrom('files').select(['storage', 'bytes']).where('id', '=', response.body.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ storage: 'filesystem', bytes: null });
      expect((await sharp((await admin.get(response.body.url)).raw).metadata()).width).toBe(1600);
    } finally {
      await onDisk.close();
    }
  });
});
