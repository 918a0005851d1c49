import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server?.close());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

function multipartBody(name: string, bytes: Buffer) {
  const boundary = '----lianxin-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('image uploads', () => {
  it('store an image and serve it back to signed-in users', async () => {
    const admin = await server.admin();
    const upload = multipartBody('cover.png', PNG);
    const response = await admin.request('POST', '/api/v1/files', upload.body, upload.headers);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ contentType: 'image/png', size: PNG.length });
    const served = await admin.get(response.body.url);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.raw.equals(PNG)).toBe(true);
    expect((await server.client().get(response.body.url)).status).toBe(401);
  });

  it('read the type from the bytes: a script named .png is refused', async () => {
    const admin = await server.admin();
    const upload = multipartBody('evil.png', Buffer.from('<script>alert(1)</script>'));
    const response = await admin.request('POST', '/api/v1/files', upload.body, upload.headers);
    expect(response.status).toBe(415);
    expect(response.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'file' });
  });

  it('refuse images over 5 MB', async () => {
    const admin = await server.admin();
    const upload = multipartBody('big.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]));
    const response = await admin.request('POST', '/api/v1/files', upload.body, upload.headers);
    expect(response.status).toBe(413);
    const count = await server.ctx.db.selectFrom('files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });
});
