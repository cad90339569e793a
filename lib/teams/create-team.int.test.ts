import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cleanupTestData, createTestTeam, createTestUser, randomHex, track } from "@/lib/testing/factories";
import { createTeam } from "./create-team";

afterAll(cleanupTestData);

/** createTeam, with the created team tracked for cleanup. */
async function create(userId: string, input: unknown) {
  const team = await createTeam({ userId, input });
  track({ teamId: team.id });
  return team;
}

/** The AppError createTeam threw, or a failure when it did not throw one. */
async function rejection(userId: string, input: unknown): Promise<AppError> {
  const error = await createTeam({ userId, input }).then(
    (team) => {
      track({ teamId: team.id });
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** How many teams the user belongs to, and how many events they caused. */
function footprint(userId: string) {
  return Promise.all([
    db.membership.count({ where: { userId } }),
    db.activityEvent.count({ where: { actorId: userId } }),
  ]);
}

describe("createTeam", () => {
  let userId: string;
  beforeAll(async () => {
    userId = (await createTestUser()).id;
  });

  it("creates the team, an OWNER membership and a team.created event", async () => {
    const hex = randomHex();
    const team = await create(userId, { name: `Acme ${hex}` });
    expect(team).toMatchObject({ name: `Acme ${hex}`, slug: `acme-${hex}` });

    const memberships = await db.membership.findMany({ where: { teamId: team.id } });
    expect(memberships).toEqual([expect.objectContaining({ userId, role: "OWNER" })]);
    const events = await db.activityEvent.findMany({ where: { teamId: team.id } });
    expect(events).toEqual([
      expect.objectContaining({
        kind: "team.created",
        actorId: userId,
        entityType: "team",
        entityId: team.id,
        after: { name: `Acme ${hex}`, slug: `acme-${hex}` },
      }),
    ]);
  });

  it("adds a suffix to a derived slug that is taken", async () => {
    const name = `Same Name ${randomHex()}`;
    const first = await create(userId, { name });
    const second = await create(userId, { name });
    expect(second.slug).not.toBe(first.slug);
    expect(second.slug).toMatch(new RegExp(`^${first.slug}-[0-9a-f]{6}$`));
    expect(second.name).toBe(name);
  });

  it("refuses a chosen slug that is taken and creates nothing", async () => {
    const taken = await createTestTeam();
    const before = await footprint(userId);
    const name = `Chooser ${randomHex()}`;
    const error = await rejection(userId, { name, slug: taken.slug });
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.slug).toHaveLength(1);
    expect(await db.team.count({ where: { name } })).toBe(0);
    expect(await footprint(userId)).toEqual(before);
  });

  it.each([
    ["empty", ""],
    ["whitespace-only", "   \t\n "],
    ["10,000 characters", "x".repeat(10_000)],
  ])("refuses a %s name with VALIDATION and creates no team", async (_label, name) => {
    const before = await footprint(userId);
    const error = await rejection(userId, { name });
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.name?.length).toBeGreaterThan(0);
    expect(await db.team.count({ where: { name } })).toBe(0);
    expect(await footprint(userId)).toEqual(before);
  });

  it("accepts an emoji name, deriving the slug from its Latin part", async () => {
    const hex = randomHex();
    const team = await create(userId, { name: `🚀 Rocket ${hex} 🎉` });
    expect(team.name).toBe(`🚀 Rocket ${hex} 🎉`);
    expect(team.slug).toBe(`rocket-${hex}`);
  });

  it("accepts an emoji-only name with the slug team", async () => {
    const team = await create(userId, { name: "🚀🎉" });
    expect(team.name).toBe("🚀🎉");
    expect(team.slug).toMatch(/^team(-[0-9a-f]{6})?$/);
  });

  it("accepts a Chinese name with the slug team or team-xxxxxx", async () => {
    const name = "新质生产力电商团队";
    const first = await create(userId, { name });
    const second = await create(userId, { name });
    for (const team of [first, second]) {
      expect(team.slug).toMatch(/^team(-[0-9a-f]{6})?$/);
      expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe(name);
    }
    expect(second.slug).not.toBe(first.slug);
  });

  it.each([
    ["SQL", `'); DROP TABLE "Team";--`],
    ["HTML", "<script>alert(1)</script>"],
  ])("stores a %s-looking name literally", async (_label, name) => {
    const team = await create(userId, { name });
    expect(team.name).toBe(name);
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe(name);
    expect(team.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(await db.team.count()).toBeGreaterThan(0);
  });
});
