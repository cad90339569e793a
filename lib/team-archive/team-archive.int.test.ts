import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ARCHIVE_VERSION, MAX_ARCHIVE_BYTES, type TeamArchive } from "@/lib/team-archive/archive";
import { buildTeamArchive, exportTeam } from "@/lib/team-archive/export-team";
import { importTeam } from "@/lib/team-archive/import-team";
import {
  addMember,
  appErrorOf,
  cleanupTestData,
  createTestIndicator,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  randomEmail,
  randomHex,
  runAs,
  track,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

const bytesOf = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

/** importTeam, with the new team tracked for cleanup. */
async function importAs(userId: string, bytes: Uint8Array) {
  const result = await importTeam({ userId, bytes });
  track({ teamId: result.team.id });
  return result;
}

/**
 * The archive with every id replaced by a name for its row (plans, tasks,
 * indicators and comments by their text), exportedAt and the slug dropped, and
 * the rows sorted: two archives of the same content compare equal.
 */
function normalise(archive: TeamArchive, teamId: string) {
  const label = new Map<string, string>([[teamId, "team"]]);
  for (const p of archive.plans) label.set(p.id, `plan:${p.title}`);
  for (const t of archive.tasks) label.set(t.id, `task:${t.title}`);
  for (const c of archive.comments) label.set(c.id, `comment:${c.body}`);
  for (const i of archive.indicators) label.set(i.id, `indicator:${i.name}`);
  for (const r of archive.readings) label.set(r.id, `reading:${label.get(r.indicatorId)}:${r.recordedOn}`);
  const relabel = (value: unknown): unknown =>
    typeof value === "string"
      ? (label.get(value) ?? value)
      : Array.isArray(value)
        ? value.map(relabel)
        : value && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relabel(v)]))
          : value;
  const { exportedAt: _at, team, ...rest } = relabel(archive) as TeamArchive;
  const sorted = Object.fromEntries(
    Object.entries(rest).map(([key, rows]) =>
      Array.isArray(rows) && key !== "activity"
        ? [key, [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))]
        : [key, rows],
    ),
  );
  return { ...sorted, team: { name: team.name } };
}

describe("team export and import", () => {
  let owner: { id: string; email: string };
  let team: { id: string; slug: string };
  let otherPlanId: string;
  let original: TeamArchive;
  let roles: Record<string, string>;

  beforeAll(async () => {
    owner = await createTestUser();
    team = await createTestTeam({ ownerId: owner.id, name: `Export ${randomHex()}` });
    roles = { [owner.id]: "OWNER" };
    for (const role of ["ADMIN", "MEMBER", "VIEWER"] as const)
      roles[(await createTestMember({ teamId: team.id, role })).userId] = role;
    const memberId = Object.keys(roles).find((id) => roles[id] === "MEMBER") as string;

    const plan = await createTestPlan({ teamId: team.id, title: "Plan A", createdById: owner.id });
    const plan2 = await createTestPlan({ teamId: team.id, title: "Plan B", status: "DRAFT" });
    const t1 = await createTestTask({
      teamId: team.id,
      planId: plan.id,
      title: "Task one",
      weights: { D1: 3, D2: 1 },
      status: "IN_PROGRESS",
      progress: 40,
      assigneeId: memberId,
      dueDate: new Date("2026-05-01T00:00:00Z"),
      createdById: owner.id,
    });
    const t2 = await createTestTask({
      teamId: team.id,
      planId: plan.id,
      title: "Task two",
      status: "DONE",
      progress: 100,
    });
    await createTestTask({ teamId: team.id, planId: plan2.id, title: "Task three", weights: { D3: 2 } });
    await db.comment.create({ data: { teamId: team.id, taskId: t1.id, authorId: memberId, body: "First comment" } });
    await db.comment.create({
      data: { teamId: team.id, taskId: t2.id, authorId: owner.id, body: "Removed", deletedAt: new Date() },
    });
    const indicator = await createTestIndicator({
      teamId: team.id,
      planId: plan.id,
      name: "Share",
      baseline: 12.5,
      target: 80,
      readings: [
        { value: 20, recordedOn: "2026-02-01" },
        { value: 33.25, recordedOn: "2026-03-01" },
      ],
    });
    await db.activityEvent.createMany({
      data: [
        { teamId: team.id, actorId: owner.id, kind: "team.created", entityType: "team", entityId: team.id },
        {
          teamId: team.id,
          actorId: owner.id,
          kind: "task.updated",
          planId: plan.id,
          taskId: t1.id,
          entityType: "task",
          entityId: t1.id,
          before: { progress: 0 },
          after: { progress: 40 },
        },
        {
          teamId: team.id,
          actorId: memberId,
          kind: "indicator.created",
          planId: plan.id,
          entityType: "indicator",
          entityId: indicator.id,
        },
      ],
    });

    const other = await createTestTeam({ ownerId: owner.id });
    otherPlanId = (await createTestPlan({ teamId: other.id })).id;
    original = (await runAs(exportTeam, owner.id, team.slug, {})).archive;
  });

  it("exports every part of the team, people by email", () => {
    expect(original).toMatchObject({ format: "pathwise-team", version: ARCHIVE_VERSION });
    expect(original.members).toHaveLength(4);
    expect(original.plans).toHaveLength(2);
    expect(original.tasks).toHaveLength(3);
    expect(original.dilemmaLinks).toHaveLength(4);
    expect(original.comments).toHaveLength(2);
    expect(original.indicators).toEqual([expect.objectContaining({ name: "Share", baseline: "12.5", target: "80" })]);
    expect(original.readings.map((r) => r.value).sort()).toEqual(["20", "33.25"]);
    expect(original.activity.map((e) => e.kind)).toEqual(["team.created", "task.updated", "indicator.created"]);
    expect(original.tasks.find((t) => t.title === "Task one")?.assignee).toMatch(/@test\.pathwise\.local$/);
  });

  it("round-trips: export → import → export gives the same archive apart from ids", async () => {
    const imported = await importAs(owner.id, bytesOf(original));
    expect(imported.team.id).not.toBe(team.id);
    expect(imported.joined).toHaveLength(3);
    expect(imported.invited).toEqual([]);

    const again = await buildTeamArchive(imported.team.id);
    expect(normalise(again, imported.team.id)).toEqual(normalise(original, team.id));
    // New ids everywhere; the old team is untouched.
    const oldIds = new Set([...original.plans, ...original.tasks, ...original.comments].map((r) => r.id));
    expect([...again.plans, ...again.tasks, ...again.comments].filter((r) => oldIds.has(r.id))).toEqual([]);
    expect(await db.task.count({ where: { teamId: team.id } })).toBe(3);
    // Members joined with their roles.
    const memberships = await db.membership.findMany({ where: { teamId: imported.team.id } });
    expect(Object.fromEntries(memberships.map((m) => [m.userId, m.role]))).toEqual(roles);
    // Triggers kept the search text of the inserted tasks.
    const task = await db.task.findFirstOrThrow({ where: { teamId: imported.team.id, title: "Task one" } });
    expect(task.searchText).toContain("task one");
  });

  it("reads gzip archives and invites members without an account here", async () => {
    const stranger = randomEmail("stranger");
    const archive = { ...original, members: [...original.members, { email: stranger, name: "S", role: "ADMIN" }] };
    const imported = await importAs(owner.id, gzipSync(bytesOf(archive)));
    expect(imported.invited).toEqual([{ email: stranger, role: "ADMIN" }]);
    const invitations = await db.invitation.findMany({ where: { teamId: imported.team.id } });
    expect(invitations).toEqual([expect.objectContaining({ email: stranger, role: "ADMIN", invitedById: owner.id })]);
  });

  const broken: [string, () => Uint8Array, string][] = [
    ["another format", () => bytesOf({ ...original, format: "trello" }), "archiveWrongFormat"],
    ["another version", () => bytesOf({ ...original, version: 2 }), "archiveWrongVersion"],
    ["a truncated file", () => bytesOf(original).slice(0, 200), "archiveNotJson"],
    ["a truncated gzip file", () => gzipSync(bytesOf(original)).slice(0, 100), "archiveNotJson"],
    ["no JSON at all", () => new TextEncoder().encode("hello"), "archiveNotJson"],
    [
      "a task pointing at another team's plan",
      () =>
        bytesOf({ ...original, tasks: original.tasks.map((t, i) => (i === 0 ? { ...t, planId: otherPlanId } : t)) }),
      "archiveBrokenReference",
    ],
    [
      "a reading of an indicator not in the archive",
      () => bytesOf({ ...original, indicators: [] }),
      "archiveBrokenReference",
    ],
    [
      "a progress out of range",
      () => bytesOf({ ...original, tasks: original.tasks.map((t) => ({ ...t, progress: 150 })) }),
      "archiveInvalid",
    ],
    [
      "an unknown catalog code",
      () =>
        bytesOf({
          ...original,
          dilemmaLinks: original.dilemmaLinks.map((l, i) => (i === 0 ? { ...l, dilemmaCode: "D9" } : l)),
        }),
      "archiveCatalogUnknown",
    ],
    ["an oversized file", () => new Uint8Array(MAX_ARCHIVE_BYTES + 1), "archiveTooLarge"],
  ];

  // An import makes the importer the new team's owner: counting what the importer's teams
  // hold sees any half-made import, and not what other test files write meanwhile.
  const importerRows = () => {
    const mine = { team: { memberships: { some: { userId: owner.id } } } };
    return Promise.all([
      db.membership.count({ where: { userId: owner.id } }),
      db.task.count({ where: mine }),
      db.activityEvent.count({ where: { OR: [{ actorId: owner.id }, mine] } }),
    ]);
  };

  it.each(broken)("refuses %s with its message and changes nothing", async (_what, bytes, key) => {
    const before = await importerRows();
    const error = await appErrorOf(importTeam({ userId: owner.id, bytes: bytes() }));
    expect(error.code).toBe("VALIDATION");
    expect(error.userMessage.split("?")[0]).toBe(key);
    expect(await importerRows()).toEqual(before);
  });

  it("lets owners only export; a non-member does not see the team", async () => {
    const members = await db.membership.findMany({ where: { teamId: team.id } });
    for (const m of members) {
      const run = runAs(exportTeam, m.userId, team.slug, {});
      if (m.role === "OWNER") await expect(run).resolves.toHaveProperty("archive.format", "pathwise-team");
      else expect((await appErrorOf(run)).code).toBe("FORBIDDEN");
    }
    const outsider = await createTestUser();
    expect((await appErrorOf(runAs(exportTeam, outsider.id, team.slug, {}))).code).toBe("NOT_FOUND");
    const second = await createTestTeam({ ownerId: outsider.id });
    await addMember({ teamId: second.id, userId: owner.id, role: "ADMIN" });
    expect((await appErrorOf(runAs(exportTeam, owner.id, second.slug, {}))).code).toBe("FORBIDDEN");
  });
});
