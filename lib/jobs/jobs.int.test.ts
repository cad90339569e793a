import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createTestUser, randomEmail } from "@/lib/testing/factories";
import { DAY_MS } from "@/lib/time";
import { deleteExpired, EXPIRED_TOKEN_KEEP_MS } from "./housekeeping";
import { jobDbOf, startJobRunner, type AnyJobDefinition, type JobRunner } from "./runner";

const runners: JobRunner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.stop({ timeoutMs: 2000 })));
});

/** A runner on the test database with queues of their own (unique names), polling fast. */
async function runner(definitions: AnyJobDefinition[], work = true) {
  const started = await startJobRunner({
    connectionString: getEnv().DATABASE_URL,
    definitions,
    work,
    pollingIntervalSeconds: 0.5,
  });
  runners.push(started);
  return started;
}

const queueName = (what: string) => `test.${what}.${randomUUID().slice(0, 8)}`;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the jobs");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("background jobs (pg-boss on the app's database)", () => {
  it("runs each job once across two instances working the same queue", async () => {
    const name = queueName("once");
    const seen: string[] = [];
    const definition: AnyJobDefinition = { name, handler: async (data: { n: number }) => void seen.push(`${data.n}`) };
    const a = await runner([definition]);
    await runner([definition]);
    await Promise.all(Array.from({ length: 20 }, (_, n) => a.send(name, { n })));
    await until(() => seen.length >= 20);
    await new Promise((r) => setTimeout(r, 1500)); // a second run of any job would show up by now
    expect([...seen].sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 20 }, (_, n) => `${n}`));
  });

  it("treats a second send with the same job id as the same job", async () => {
    const name = queueName("id");
    const runs: number[] = [];
    const r = await runner([{ name, handler: async (data: { n: number }) => void runs.push(data.n) }]);
    const id = randomUUID();
    expect(await r.send(name, { n: 1 }, { id })).toBe(id);
    expect(await r.send(name, { n: 2 }, { id })).toBeNull();
    await until(() => runs.length === 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(runs).toEqual([1]);
  });

  it("retries a failing job until it succeeds, and gives up after retryLimit", async () => {
    const flaky = queueName("flaky");
    const hopeless = queueName("hopeless");
    let flakyTries = 0;
    let hopelessTries = 0;
    const r = await runner([
      {
        name: flaky,
        retryLimit: 3,
        retryDelay: 1,
        retryBackoff: false,
        handler: async () => {
          flakyTries += 1;
          if (flakyTries < 3) throw new Error(`try ${flakyTries} fails`);
        },
      },
      {
        name: hopeless,
        retryLimit: 1,
        retryDelay: 1,
        retryBackoff: false,
        handler: async () => {
          hopelessTries += 1;
          throw new Error("always fails");
        },
      },
    ]);
    const flakyId = await r.send(flaky, {});
    const hopelessId = await r.send(hopeless, {});
    await until(async () => (await r.boss.getJobById(flaky, flakyId!))?.state === "completed");
    await until(async () => (await r.boss.getJobById(hopeless, hopelessId!))?.state === "failed");
    expect(flakyTries).toBe(3);
    expect(hopelessTries).toBe(2); // the first try and one retry
  });

  it("keeps a cron schedule for a recurring kind", async () => {
    const name = queueName("cron");
    const r = await runner([{ name, schedule: { cron: "17 3 * * *" }, handler: async () => undefined }], false);
    expect((await r.boss.getSchedules()).filter((s) => s.name === name)).toEqual([
      expect.objectContaining({ name, cron: "17 3 * * *" }),
    ]);
  });

  it("inserts a job in the caller's transaction: none when it rolls back, one when it commits", async () => {
    const name = queueName("tx");
    const r = await runner([{ name, handler: async () => undefined }], false);
    const rolledBack = randomUUID();
    await expect(
      db.$transaction(async (tx) => {
        await r.send(name, {}, { id: rolledBack, db: jobDbOf(tx) });
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    expect(await r.boss.getJobById(name, rolledBack)).toBeNull();
    const committed = randomUUID();
    await db.$transaction(async (tx) => {
      await r.send(name, { n: 1 }, { id: committed, db: jobDbOf(tx) });
    });
    expect(await r.boss.getJobById(name, committed)).toEqual(expect.objectContaining({ data: { n: 1 } }));
  });

  it("refuses to queue a job of a kind it does not know", async () => {
    const r = await runner([], false);
    await expect(r.send("no.such.queue", {})).rejects.toThrow('Unknown job queue "no.such.queue"');
  });
});

describe("housekeeping", () => {
  it("deletes expired sessions, sign-ups, old reset tokens and old sign-in attempts, and keeps the rest", async () => {
    const now = new Date();
    const past = new Date(now.getTime() - 1000);
    const future = new Date(now.getTime() + DAY_MS);
    const longAgo = new Date(now.getTime() - EXPIRED_TOKEN_KEEP_MS - 1000);
    const user = await createTestUser();
    const [expiredSession, liveSession] = [randomUUID(), randomUUID()];
    await db.userSession.createMany({
      data: [
        { id: expiredSession, userId: user.id, expiresAt: past },
        { id: liveSession, userId: user.id, expiresAt: future },
      ],
    });
    const email = randomEmail();
    const signUp = (expiresAt: Date) => ({
      email,
      name: "N",
      passwordHash: "x",
      tokenHash: randomUUID(),
      expiresAt,
    });
    await db.pendingSignUp.createMany({ data: [signUp(past), signUp(future)] });
    const token = (expiresAt: Date, usedAt: Date | null) => ({
      userId: user.id,
      tokenHash: randomUUID(),
      expiresAt,
      usedAt,
    });
    await db.passwordResetToken.createMany({
      data: [token(longAgo, null), token(future, longAgo), token(past, null), token(future, null)],
    });
    await db.signInAttempt.createMany({
      data: [
        { email, ip: "198.51.100.7", succeeded: false, createdAt: new Date(now.getTime() - DAY_MS) },
        { email, ip: "198.51.100.7", succeeded: false, createdAt: now },
      ],
    });

    const deleted = await deleteExpired(now);

    expect(deleted.sessions).toBeGreaterThanOrEqual(1);
    expect(
      (await db.userSession.findMany({ where: { userId: user.id }, select: { id: true } })).map((s) => s.id),
    ).toEqual([liveSession]);
    expect(await db.pendingSignUp.findMany({ where: { email }, select: { expiresAt: true } })).toEqual([
      { expiresAt: future },
    ]);
    // Recently expired tokens stay a week (a "link expired" answer still finds them); older ones go.
    expect(await db.passwordResetToken.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.signInAttempt.findMany({ where: { email }, select: { createdAt: true } })).toEqual([
      { createdAt: now },
    ]);
  });
});
