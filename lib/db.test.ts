// The pool's two limits: opening a connection to a server that does not answer
// gives up after DATABASE_CONNECT_TIMEOUT_MS, not after the longer wait a busy
// pool allows (DATABASE_POOL_TIMEOUT_MS).
import net from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/db-availability";

// Accepts connections and never answers, like a server that hangs or a dropped route.
const silent = net.createServer(() => undefined);
const saved = { ...process.env };
const sockets = new Set<net.Socket>();
silent.on("connection", (socket) => sockets.add(socket));

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
});

afterAll(async () => {
  process.env = saved;
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

it("gives up opening a connection after DATABASE_CONNECT_TIMEOUT_MS with an error read as an outage", async () => {
  const address = silent.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.env.DATABASE_URL = `postgresql://postgres@127.0.0.1:${port}/none`;
  process.env.DATABASE_CONNECT_TIMEOUT_MS = "500";
  process.env.DATABASE_POOL_TIMEOUT_MS = "20000";
  delete (globalThis as { pathwiseDb?: unknown }).pathwiseDb;
  const { db, closeDb } = await import("@/lib/db");
  const started = Date.now();
  const error = await db.catalogVersion.findMany().then(
    () => undefined,
    (e: unknown) => e,
  );
  const elapsed = Date.now() - started;
  await closeDb();
  delete (globalThis as { pathwiseDb?: unknown }).pathwiseDb;
  expect(isDatabaseUnavailable(error)).toBe(true);
  expect(elapsed).toBeGreaterThanOrEqual(450);
  expect(elapsed).toBeLessThan(5_000);
});
