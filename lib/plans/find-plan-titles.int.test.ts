import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { SHELL_PLANS_PER_TEAM, findPlanTitles } from "@/lib/plans/find-plan-titles";
import { cleanupTestData, createTestPlan, createTestTeam } from "@/lib/testing/factories";

afterAll(cleanupTestData);

let big: { id: string };
let small: { id: string };
let other: { id: string };
let bigPlans: { id: string; title: string }[]; // oldest first
let archivedId: string;

beforeAll(async () => {
  [big, small, other] = await Promise.all([createTestTeam(), createTestTeam(), createTestTeam()]);
  bigPlans = [];
  for (let i = 0; i < SHELL_PLANS_PER_TEAM + 3; i++) {
    const plan = await createTestPlan({ teamId: big.id, title: `Big ${String(i).padStart(2, "0")}` });
    // Distinct creation times, one minute apart, oldest first.
    await db.plan.update({ where: { id: plan.id }, data: { createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) } });
    bigPlans.push(plan);
  }
  archivedId = (await createTestPlan({ teamId: big.id, status: "ARCHIVED" })).id;
  await createTestPlan({ teamId: small.id, title: "Small only" });
  await createTestPlan({ teamId: other.id, title: "Not yours" });
});

describe("findPlanTitles (the sidebar's plans)", () => {
  it("lists each team's newest open plans, at most SHELL_PLANS_PER_TEAM, with each team's count", async () => {
    const { plans, countByTeam } = await findPlanTitles({ teamIds: [big.id, small.id] });
    const bigShown = plans.filter((p) => p.teamId === big.id).map((p) => p.title);
    expect(bigShown).toEqual(
      bigPlans
        .slice(-SHELL_PLANS_PER_TEAM)
        .reverse()
        .map((p) => p.title),
    );
    expect(plans.filter((p) => p.teamId === small.id).map((p) => p.title)).toEqual(["Small only"]);
    expect(plans.some((p) => p.teamId === other.id || p.id === archivedId)).toBe(false);
    expect(countByTeam.get(big.id)).toBe(SHELL_PLANS_PER_TEAM + 3);
    expect(countByTeam.get(small.id)).toBe(1);
    expect(countByTeam.has(other.id)).toBe(false);
  });

  it("adds the current plan when it is older than the newest, never another team's", async () => {
    const oldest = bigPlans[0]!;
    const { plans } = await findPlanTitles({ teamIds: [big.id], currentPlanId: oldest.id });
    expect(plans).toHaveLength(SHELL_PLANS_PER_TEAM + 1);
    expect(plans.at(-1)).toEqual({ id: oldest.id, title: oldest.title, teamId: big.id });

    const foreign = await db.plan.findFirstOrThrow({ where: { teamId: other.id } });
    const withForeign = await findPlanTitles({ teamIds: [big.id], currentPlanId: foreign.id });
    expect(withForeign.plans.map((p) => p.id)).not.toContain(foreign.id);
    const withArchived = await findPlanTitles({ teamIds: [big.id], currentPlanId: archivedId });
    expect(withArchived.plans.map((p) => p.id)).not.toContain(archivedId);
  });

  it("returns nothing for no teams", async () => {
    expect(await findPlanTitles({ teamIds: [] })).toEqual({ plans: [], countByTeam: new Map() });
  });
});
