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
  let lastClientData = 0;
  const server = net.createServer((client) => {
    if (isDown) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    sockets.add(client);
    sockets.add(upstream);
    client.on("data", (chunk: Buffer) => {
      lastClientData = Date.now();
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
    /** Until nothing has been sent to the database for `ms` (what an earlier test left running has finished). */
    async quiet(ms: number): Promise<void> {
      while (Date.now() - lastClientData < ms) await new Promise((resolve) => setTimeout(resolve, 50));
    },
    hold(): Promise<void> {
      isHeld = true;
      return new Promise((resolve) => {
        onQuery = (chunk) => {
          // Only a query in the extended protocol (Parse "P" or Bind "B" first), as the app's
          // queries are sent: not a new connection's startup, a password, a Terminate ("X"), nor
          // the live listener's LISTEN (a simple query, "Q") when it reconnects after an outage.
          if (chunk[0] !== 0x50 && chunk[0] !== 0x42) return;
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
