import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { areas, dilemmas, paths, suggestedIndicators, taskTemplates } from "@/lib/catalog/catalog";
import { getEnv } from "@/lib/env";
import { assertLocalDatabase } from "@/lib/testing/factories";
import { seedCatalog } from "./catalog";
import { DEMO_PLAN_TITLE, DEMO_TEAM, DEMO_USERS, seedDemo } from "./demo";

assertLocalDatabase();

// The seed's own client shape (prisma/seed.ts): no omitted fields.
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: getEnv().DATABASE_URL }) });

afterAll(async () => {
  await db.$disconnect();
});

/** Every catalog table, in key order, as JSON text. */
async function snapshotCatalog(): Promise<string> {
  const [dilemmaRows, pathRows, areaRows, templateRows, weightRows, indicatorRows, versionRows] = await Promise.all([
    db.dilemma.findMany({ orderBy: { code: "asc" } }),
    db.path.findMany({ orderBy: { code: "asc" } }),
    db.area.findMany({ orderBy: { code: "asc" } }),
    db.taskTemplate.findMany({ orderBy: { key: "asc" } }),
    db.templateWeight.findMany({ orderBy: [{ templateKey: "asc" }, { dilemmaCode: "asc" }] }),
    db.suggestedIndicator.findMany({ orderBy: { key: "asc" } }),
    db.catalogVersion.findMany({ orderBy: { version: "asc" } }),
  ]);
  return JSON.stringify({ dilemmaRows, pathRows, areaRows, templateRows, weightRows, indicatorRows, versionRows });
}

describe("seedCatalog", () => {
  it("changes nothing when run twice on a seeded database", async () => {
    const before = await snapshotCatalog();
    await seedCatalog(db);
    await seedCatalog(db);
    expect(await snapshotCatalog()).toBe(before);
  });

  it("holds exactly the rows of the catalog arrays", async () => {
    const weightCount = taskTemplates.reduce((n, t) => n + Object.keys(t.weights).length, 0);
    expect([dilemmas.length, paths.length, areas.length, taskTemplates.length, suggestedIndicators.length]).toEqual([
      4, 4, 4, 34, 11,
    ]);
    expect(await db.dilemma.count()).toBe(dilemmas.length);
    expect(await db.path.count()).toBe(paths.length);
    expect(await db.area.count()).toBe(areas.length);
    expect(await db.taskTemplate.count()).toBe(taskTemplates.length);
    expect(await db.templateWeight.count()).toBe(weightCount);
    expect(await db.suggestedIndicator.count()).toBe(suggestedIndicators.length);
    expect(await db.catalogVersion.count()).toBe(1);
  });
});

describe("seedDemo", () => {
  it("returns false and creates nothing when users exist", async () => {
    const demoEmails = [DEMO_USERS.owner.email, DEMO_USERS.member.email];
    const count = () =>
      Promise.all([
        db.user.count({ where: { email: { in: demoEmails } } }),
        db.team.count({ where: { slug: { startsWith: DEMO_TEAM.slug } } }),
        db.plan.count({ where: { title: DEMO_PLAN_TITLE } }),
      ]);
    expect(await db.user.count()).toBeGreaterThan(0);
    const before = await count();
    expect(before).toEqual([2, 1, 1]);
    expect(await seedDemo(db)).toBe(false);
    expect(await count()).toEqual(before);
  });
});
