// The machine's ceilings for an HTTP read, served from a child process like Lianxin is:
//   http   — bare node:http answering a fixed JSON body
//   select — a minimal Fastify endpoint doing one indexed SELECT through the same driver
//            and pool size as Lianxin (pg, 20 connections)
// Usage: node --import tsx bench/ceiling-server.ts http|select <port> [databaseUrl]
import Fastify from 'fastify';
import http from 'node:http';
import pg from 'pg';

const [mode, portText, databaseUrl] = process.argv.slice(2);
const port = Number(portText);

if (mode === 'http') {
  const body = JSON.stringify({ ok: true });
  http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  }).listen(port, '127.0.0.1');
} else if (mode === 'select') {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/volunteers/:id', async (request) => {
    const { rows } = await pool.query({ name: 'one', text: 'SELECT id, name, region_code FROM volunteers WHERE id = $1', values: [Number(request.params.id)] });
    return rows[0] ?? null;
  });
  await app.listen({ port, host: '127.0.0.1' });
} else {
  console.error('usage: ceiling-server.ts http|select <port> [databaseUrl]');
  process.exit(2);
}
