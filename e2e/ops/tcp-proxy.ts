import net from "node:net";

/**
 * A TCP relay in front of PostgreSQL for outage tests: `cut()` drops every open
 * connection and refuses new ones, as a database restart does to its clients, and
 * `restore()` accepts again; `hold()` keeps the database's answers back (queries
 * still reach it) until `release()`, so a request stays in flight.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let isDown = false;
  let isHeld = false;
  const heldAnswers: { to: net.Socket; chunk: Buffer }[] = [];
  let onQuery: ((chunk: Buffer) => void) | undefined;
  const server = net.createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    client.on("data", (chunk: Buffer) => {
      upstream.write(chunk);
      onQuery?.(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (isHeld) heldAnswers.push({ to: client, chunk });
      else client.write(chunk);
    });
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      a.on("error", () => b.destroy());
      a.on("close", () => {
        sockets.delete(a);
        b.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    cut() {
      isDown = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      isDown = false;
    },
    /**
     * Holds the database's answers back; resolves when the app next sends the
     * database a query (not a Terminate message, which a pool closing an idle
     * connection sends: that is not the request's query).
     */
    hold(): Promise<void> {
      isHeld = true;
      return new Promise((resolve) => {
        onQuery = (chunk) => {
          if (chunk.length === 5 && chunk[0] === 0x58) return;
          onQuery = undefined;
          resolve();
        };
      });
    },
    release() {
      isHeld = false;
      for (const { to, chunk } of heldAnswers.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
