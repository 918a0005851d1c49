// A TCP proxy in front of the shared PostgreSQL server, so a test can take "the database"
// away from one app without stopping the server every other test uses. Cutting it is an
// immediate shutdown as the app sees it: every open connection drops at once and new ones
// are refused until it is restored.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every open connection and stops listening (connects are refused). */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  /** Connections cut so far. */
  dropped: number;
  close(): Promise<void>;
}

function listen(server: net.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  /** The app's side of each connection; dropping it drops the server's side too. */
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    open.add(client);
    client.on('close', () => open.delete(client));
    for (const [socket, other] of [[client, upstream], [upstream, client]] as const) {
      socket.on('error', () => other.destroy());
      socket.on('close', () => other.destroy());
      socket.pipe(other);
    }
  });
  const proxy: TcpProxy = {
    port: await listen(server, 0),
    dropped: 0,
    async cut() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) {
        socket.destroy();
        proxy.dropped += 1;
      }
      await closed;
    },
    async restore() {
      await listen(server, proxy.port);
    },
    async close() {
      if (server.listening) await proxy.cut();
    },
  };
  return proxy;
}
