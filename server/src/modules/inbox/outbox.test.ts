import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../../../../test/harness.ts';
import { inTransaction } from '../../context.ts';
import { nextPhone } from '../../seed/factories.ts';
import { deliverPendingSms, SMS_MAX_ATTEMPTS, sweepSmsOutbox } from './outbox.ts';
import { textNumber } from './service.ts';

/** A provider's gateway: records what it is given, answers `status`. */
const gateway = { status: 200, received: [] as { phone: string; text: string; authorization: string | undefined; status: number }[] };
let gatewayServer: http.Server;
let server: TestServer;

beforeAll(async () => {
  gatewayServer = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    request.on('end', () => {
      const { phone, text } = JSON.parse(body) as { phone: string; text: string };
      gateway.received.push({ phone, text, authorization: request.headers.authorization, status: gateway.status });
      response.writeHead(gateway.status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => gatewayServer.listen(0, '127.0.0.1', resolve));
  const { port } = gatewayServer.address() as AddressInfo;
  server = await createTestServer({ config: { smsDriver: 'http', smsUrl: `http://127.0.0.1:${port}/sms`, smsToken: 'secret-token' } });
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => gatewayServer?.close(resolve));
});

const calls = (text: string) => gateway.received.filter((r) => r.text.includes(text));
const row = (text: string) => server.ctx.db.selectFrom('sms_outbox').selectAll().where('text', 'like', `%${text}%`).executeTakeFirst();
/** Time passes: the text's next attempt is due now. */
const due = (text: string) => server.ctx.db.updateTable('sms_outbox').set({ next_attempt_at: new Date() }).where('text', 'like', `%${text}%`).execute();

describe('the SMS outbox over the http driver', () => {
  it('sends a text only once its transaction has committed, and never one rolled back', async () => {
    const phone = nextPhone();
    await inTransaction(server.ctx, async (tx) => {
      await textNumber(tx, server.ctx.pii.encrypt(phone), '提交后才发送');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(calls('提交后才发送')).toEqual([]);
    });
    await deliverPendingSms(server.ctx);
    expect(calls('提交后才发送')).toEqual([{ phone, text: '【连心桥】提交后才发送', authorization: 'Bearer secret-token', status: 200 }]);
    expect((await row('提交后才发送'))?.sent_at).toBeInstanceOf(Date);

    await expect(inTransaction(server.ctx, async (tx) => {
      await textNumber(tx, server.ctx.pii.encrypt(phone), '回滚的短信');
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    await deliverPendingSms(server.ctx);
    expect(calls('回滚的短信')).toEqual([]);
    expect(await row('回滚的短信')).toBeUndefined();
  });

  it('keeps a text the gateway refused, retries it later, and sends it once', async () => {
    gateway.status = 503;
    await textNumber(server.ctx, server.ctx.pii.encrypt(nextPhone()), '稍后重试');
    await deliverPendingSms(server.ctx);
    expect(calls('稍后重试').map((c) => c.status)).toEqual([503]);
    expect(await row('稍后重试')).toMatchObject({ attempts: 1, sent_at: null, last_error: expect.stringContaining('503') });

    await deliverPendingSms(server.ctx); // not due yet
    expect(calls('稍后重试')).toHaveLength(1);

    gateway.status = 200;
    await due('稍后重试');
    expect(await deliverPendingSms(server.ctx)).toBe(1);
    expect(calls('稍后重试').map((c) => c.status)).toEqual([503, 200]);
    expect(await row('稍后重试')).toMatchObject({ attempts: 2, sent_at: expect.any(Date) });
    await due('稍后重试');
    await deliverPendingSms(server.ctx);
    expect(calls('稍后重试')).toHaveLength(2);
  });

  it('gives a text up after the last attempt, keeping its error', async () => {
    gateway.status = 500;
    await textNumber(server.ctx, server.ctx.pii.encrypt(nextPhone()), '无法送达');
    for (let i = 0; i < SMS_MAX_ATTEMPTS + 2; i += 1) {
      await due('无法送达');
      await deliverPendingSms(server.ctx);
    }
    expect(calls('无法送达')).toHaveLength(SMS_MAX_ATTEMPTS);
    expect(await row('无法送达')).toMatchObject({ attempts: SMS_MAX_ATTEMPTS, sent_at: null, last_error: expect.stringContaining('500') });
    gateway.status = 200;
  });

  it('sweeps up texts left behind, and deletes old sent and given-up ones', async () => {
    await inTransaction(server.ctx, async (tx) => {
      // Queued without the hook that sends after commit: as if the process died at the commit.
      await textNumber({ db: tx.db, engine: tx.engine, pii: tx.pii, config: tx.config }, server.ctx.pii.encrypt(nextPhone()), '崩溃后补发');
    });
    const month = new Date(Date.now() - 31 * 24 * 3600_000);
    await server.ctx.db.updateTable('sms_outbox').set({ created_at: month }).where('text', 'in', ['【连心桥】稍后重试', '【连心桥】无法送达']).execute();
    expect(await sweepSmsOutbox(server.ctx)).toBe(1);
    expect(calls('崩溃后补发')).toHaveLength(1);
    expect(await row('稍后重试')).toBeUndefined();
    expect(await row('无法送达')).toBeUndefined();
    expect(await row('提交后才发送')).toBeDefined();
  });
});
