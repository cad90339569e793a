import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/db-availability";

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/** A server that accepts connections and drops them at once, as PostgreSQL does while it restarts. */
async function droppingServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function errorOf(port: number, run: (db: PrismaClient) => Promise<unknown>): Promise<unknown> {
  const db = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: `postgresql://postgres@127.0.0.1:${port}/none`,
      connectionTimeoutMillis: 2000,
    }),
  });
  try {
    await run(db);
    throw new Error("expected the query to fail");
  } catch (error) {
    return error;
  } finally {
    await db.$disconnect().catch(() => undefined);
  }
}

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection from model queries, raw queries and transactions", async () => {
    const port = await closedPort();
    expect(isDatabaseUnavailable(await errorOf(port, (db) => db.catalogVersion.findMany()))).toBe(true);
    expect(isDatabaseUnavailable(await errorOf(port, (db) => db.$queryRaw`SELECT 1`))).toBe(true);
    expect(
      isDatabaseUnavailable(await errorOf(port, (db) => db.$transaction(async (tx) => tx.catalogVersion.findMany()))),
    ).toBe(true);
  });

  it("recognises a connection dropped by the server", async () => {
    const server = await droppingServer();
    try {
      expect(isDatabaseUnavailable(await errorOf(server.port, (db) => db.catalogVersion.findMany()))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("recognises PostgreSQL's shutdown and start-up codes, and nothing else", () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error("wrapper", { cause: Object.assign(new Error("starting up"), { code: "57P03" }) }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key value"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
