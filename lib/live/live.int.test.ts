import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { recordEvent } from "@/lib/events/record";
import { LiveListener, type LiveEvent, type LiveMessage } from "@/lib/live/listener";
import { heartbeatPresence } from "@/lib/live/presence";
import { openTeamStream } from "@/lib/live/team-stream";
import { removeMember } from "@/lib/members/remove-member";
import { notifyDueTasks } from "@/lib/notifications/due";
import { setTaskStatus } from "@/lib/tasks/update-task";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  runAs,
} from "@/lib/testing/factories";

// Two listeners stand for two app instances on one database.
const instanceA = new LiveListener(getEnv().DATABASE_URL);
const instanceB = new LiveListener(getEnv().DATABASE_URL);

let owner: { id: string };
let team: { id: string; slug: string };
let otherTeam: { id: string; slug: string };
let plan: { id: string };
let otherPlan: { id: string };

beforeAll(async () => {
  owner = await createTestUser();
  team = await createTestTeam({ ownerId: owner.id });
  otherTeam = await createTestTeam({ ownerId: owner.id });
  plan = await createTestPlan({ teamId: team.id });
  otherPlan = await createTestPlan({ teamId: otherTeam.id });
  await Promise.all([instanceA.start(), instanceB.start()]);
});

afterAll(async () => {
  await Promise.all([instanceA.close(), instanceB.close()]);
  await cleanupTestData();
});

/** Collects the messages a listener delivers for a team; `next()` waits for the next one. */
function collect(listener: LiveListener, teamId: string) {
  const received: LiveMessage[] = [];
  const waiters: (() => void)[] = [];
  const stop = listener.subscribe(teamId, (message) => {
    received.push(message);
    waiters.splice(0).forEach((wake) => wake());
  });
  let read = 0;
  const next = async (): Promise<LiveMessage> => {
    while (read >= received.length) await new Promise<void>((resolve) => waiters.push(resolve));
    return received[read++]!;
  };
  return { next, stop };
}

/** A comment event of a task, written in its own transaction (the shape every write path uses). */
async function writeEvent(teamId: string, planId: string, taskId: string) {
  await db.$transaction((tx) =>
    recordEvent(tx, { teamId, userId: owner.id }, { kind: "comment.created", planId, taskId, commentId: "c" }),
  );
}

/** Reads Server-Sent Events frames from a stream response. */
function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const frames: { id?: string; event?: string; data?: string }[] = [];
  async function next(): Promise<{ id?: string; event?: string; data?: string } | null> {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(":") || block.startsWith("retry:")) continue;
        const frame: Record<string, string> = {};
        for (const line of block.split("\n")) {
          const at = line.indexOf(": ");
          frame[line.slice(0, at)] = line.slice(at + 2);
        }
        frames.push(frame);
        return frame;
      }
      const { value, done } = await reader.read();
      if (done) return null;
      buffer += value;
    }
  }
  /** The next `change` event (skipping presence frames). */
  async function nextChange(): Promise<LiveEvent | null> {
    for (;;) {
      const frame = await next();
      if (!frame) return null;
      if (frame.event === "change") return JSON.parse(frame.data!) as LiveEvent;
    }
  }
  return { next, nextChange, cancel: () => reader.cancel() };
}

describe("publishing committed events", () => {
  it("delivers a committed write to every instance, with ids only", async () => {
    const task = await createTestTask({ teamId: team.id, planId: plan.id });
    const a = collect(instanceA, team.id);
    const b = collect(instanceB, team.id);
    await runAs(setTaskStatus, owner.id, team.slug, { taskId: task.id, version: 1, status: "DONE" });
    const [fromA, fromB] = await Promise.all([a.next(), b.next()]);
    a.stop();
    b.stop();
    for (const message of [fromA, fromB]) {
      expect(message).toMatchObject({
        type: "event",
        teamId: team.id,
        event: { kind: "task.updated", planId: plan.id, taskId: task.id, entityType: "task", actorId: owner.id },
      });
      // No field values travel: a receiver reads what it may see.
      expect(Object.keys((message as { event: object }).event).sort()).toEqual(
        ["actorId", "entityId", "entityType", "id", "kind", "planId", "seq", "taskId", "teamId"].sort(),
      );
    }
  });

  it("publishes nothing for a rolled-back write", async () => {
    const task = await createTestTask({ teamId: team.id, planId: plan.id });
    const a = collect(instanceA, team.id);
    await expect(
      db.$transaction(async (tx) => {
        await recordEvent(
          tx,
          { teamId: team.id, userId: owner.id },
          { kind: "comment.created", planId: plan.id, taskId: task.id, commentId: "rolled-back" },
        );
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await writeEvent(team.id, plan.id, task.id);
    // Notifications arrive in commit order: the first one is the committed write.
    const first = await a.next();
    a.stop();
    expect(first).toMatchObject({ type: "event", event: { kind: "comment.created", entityId: "c" } });
  });
});

describe("the team event stream", () => {
  it("refuses a non-member (like an unknown team)", async () => {
    const stranger = await createTestUser();
    const error = await appErrorOf(
      openTeamStream({
        userId: stranger.id,
        teamSlug: team.slug,
        lastEventId: null,
        signal: new AbortController().signal,
        listener: instanceA,
      }),
    );
    expect(error.code).toBe("NOT_FOUND");
  });

  it("carries its own team's events only, with stream headers", async () => {
    const task = await createTestTask({ teamId: team.id, planId: plan.id });
    const otherTask = await createTestTask({ teamId: otherTeam.id, planId: otherPlan.id });
    const abort = new AbortController();
    const response = await openTeamStream({
      userId: owner.id,
      teamSlug: team.slug,
      lastEventId: null,
      signal: abort.signal,
      listener: instanceA,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const stream = sseReader(response);
    expect((await stream.next())?.event).toBe("ready");
    await writeEvent(otherTeam.id, otherPlan.id, otherTask.id);
    await writeEvent(team.id, plan.id, task.id);
    const first = await stream.nextChange();
    expect(first).toMatchObject({ teamId: team.id, taskId: task.id });
    abort.abort();
    expect(await stream.next()).toBeNull();
  });

  it("replays exactly the events after Last-Event-ID, then continues live", async () => {
    const task = await createTestTask({ teamId: team.id, planId: plan.id });
    await writeEvent(team.id, plan.id, task.id);
    const seen = await db.activityEvent.findFirstOrThrow({ where: { teamId: team.id }, orderBy: { seq: "desc" } });
    await writeEvent(team.id, plan.id, task.id);
    await writeEvent(otherTeam.id, otherPlan.id, task.id);
    await writeEvent(team.id, plan.id, task.id);
    const missed = await db.activityEvent.findMany({
      where: { teamId: team.id, seq: { gt: seen.seq! } },
      orderBy: { seq: "asc" },
      select: { id: true, seq: true },
    });
    expect(missed).toHaveLength(2);

    const abort = new AbortController();
    const stream = sseReader(
      await openTeamStream({
        userId: owner.id,
        teamSlug: team.slug,
        lastEventId: seen.seq,
        signal: abort.signal,
        listener: instanceB,
      }),
    );
    const replayed = [await stream.next(), await stream.next()];
    expect(replayed.map((f) => f?.id)).toEqual(missed.map((m) => m.seq!.toString()));
    expect(replayed.map((f) => (JSON.parse(f!.data!) as LiveEvent).id)).toEqual(missed.map((m) => m.id.toString()));
    expect(replayed.map((f) => f?.event)).toEqual(["change", "change"]);
    expect(await stream.next()).toMatchObject({ event: "ready", id: missed[1]!.seq!.toString() });

    await writeEvent(team.id, plan.id, task.id);
    const live = await stream.nextChange();
    expect(BigInt(live!.seq)).toBeGreaterThan(missed[1]!.seq!);
    abort.abort();
  });

  it("sends an event that commits after a later-numbered one, live and on a reconnect from the later one", async () => {
    const task = await createTestTask({ teamId: team.id, planId: plan.id });
    const abort = new AbortController();
    const stream = sseReader(
      await openTeamStream({
        userId: owner.id,
        teamSlug: team.slug,
        lastEventId: null,
        signal: abort.signal,
        listener: instanceA,
      }),
    );
    expect(await stream.next()).toMatchObject({ event: "ready" });
    // The slow transaction writes its event first (the lower id) and commits after the quick one.
    let release = () => {};
    const hold = new Promise<void>((resolve) => (release = resolve));
    let written = () => {};
    const isWritten = new Promise<void>((resolve) => (written = resolve));
    const slow = db.$transaction(
      async (tx) => {
        await recordEvent(
          tx,
          { teamId: team.id, userId: owner.id },
          { kind: "comment.created", planId: plan.id, taskId: task.id, commentId: "slow" },
        );
        written();
        await hold;
      },
      { timeout: 20_000 },
    );
    await isWritten;
    await writeEvent(team.id, plan.id, task.id);
    const quick = await stream.nextChange();
    release();
    await slow;
    const late = await stream.nextChange();
    expect(late).toMatchObject({ entityId: "slow" });
    expect(BigInt(late!.id)).toBeLessThan(BigInt(quick!.id));
    expect(BigInt(late!.seq)).toBeGreaterThan(BigInt(quick!.seq));
    abort.abort();

    // A browser that dropped after the quick one gets the slow one on its reconnect.
    const again = new AbortController();
    const resumed = sseReader(
      await openTeamStream({
        userId: owner.id,
        teamSlug: team.slug,
        lastEventId: BigInt(quick!.seq),
        signal: again.signal,
        listener: instanceB,
      }),
    );
    expect(await resumed.nextChange()).toMatchObject({ id: late!.id, entityId: "slow" });
    again.abort();
  });

  it("ends a removed member's stream at once", async () => {
    const member = await createTestMember({ teamId: team.id, role: "MEMBER" });
    const abort = new AbortController();
    const stream = sseReader(
      await openTeamStream({
        userId: member.userId,
        teamSlug: team.slug,
        lastEventId: null,
        signal: abort.signal,
        listener: instanceA,
      }),
    );
    expect((await stream.next())?.event).toBe("ready");
    await runAs(removeMember, owner.id, team.slug, { membershipId: member.membershipId });
    expect(await stream.next()).toMatchObject({ event: "revoked" });
    expect(await stream.next()).toBeNull();
  });
});

describe("notifications made by background jobs", () => {
  it("reach the recipient's open stream (not a teammate's), so their unread badge updates", async () => {
    const assignee = await createTestMember({ teamId: team.id, role: "MEMBER" });
    const teammate = await createTestMember({ teamId: team.id, role: "MEMBER" });
    const open = async (userId: string, abort: AbortController) => {
      const stream = sseReader(
        await openTeamStream({
          userId,
          teamSlug: team.slug,
          lastEventId: null,
          signal: abort.signal,
          listener: instanceA,
        }),
      );
      expect((await stream.next())?.event).toBe("ready");
      return stream;
    };
    const [abortA, abortB] = [new AbortController(), new AbortController()];
    const [mine, theirs] = [await open(assignee.userId, abortA), await open(teammate.userId, abortB)];
    await createTestTask({ teamId: team.id, planId: plan.id, assigneeId: assignee.userId, dueDate: new Date() });
    expect(await notifyDueTasks(new Date(), [team.id])).toBeGreaterThan(0);
    expect((await mine.next())?.event).toBe("notice");
    // The teammate's stream sees the next team event, with no notice before it.
    const task = await createTestTask({ teamId: team.id, planId: plan.id });
    await writeEvent(team.id, plan.id, task.id);
    expect((await theirs.next())?.event).toBe("change");
    abortA.abort();
    abortB.abort();
  });
});

describe("presence", () => {
  it("lists the other viewers of a scope, announces arrivals and departures, and stays in its team", async () => {
    const member = await createTestMember({ teamId: team.id, role: "VIEWER" });
    const scope = `plan:${plan.id}`;
    const a = collect(instanceA, team.id);
    expect(await runAs(heartbeatPresence, owner.id, team.slug, { scope })).toEqual([]);
    expect(await a.next()).toEqual({ type: "presence", teamId: team.id, scope });
    const seen = await runAs(heartbeatPresence, member.userId, team.slug, { scope, editing: true });
    expect(seen.map((p) => p.userId)).toEqual([owner.id]);
    expect(await a.next()).toEqual({ type: "presence", teamId: team.id, scope });
    expect(await runAs(heartbeatPresence, owner.id, team.slug, { scope })).toEqual([
      expect.objectContaining({ userId: member.userId, editing: true }),
    ]);
    // The same scope in another team is another room.
    expect(await runAs(heartbeatPresence, owner.id, otherTeam.slug, { scope })).toEqual([]);
    await runAs(heartbeatPresence, member.userId, team.slug, { scope, leave: true });
    expect(await runAs(heartbeatPresence, owner.id, team.slug, { scope })).toEqual([]);
    a.stop();
  });
});
