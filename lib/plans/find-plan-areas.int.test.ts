import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { templatesForArea } from "@/lib/catalog/catalog";
import { createPlan } from "@/lib/plans/create-plan";
import { findPlanAreas } from "@/lib/plans/find-plan-areas";
import {
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  runAs,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

let team: { id: string; slug: string };
let owner: { userId: string };

beforeAll(async () => {
  team = await createTestTeam();
  owner = await createTestMember({ teamId: team.id, role: "OWNER" });
});

describe("findPlanAreas", () => {
  it("lists only the areas chosen in the wizard (those holding tasks), in code order", async () => {
    const { id } = await runAs(createPlan, owner.userId, team.slug, {
      title: "Security and logistics",
      description: "",
      startDate: "2026-03-01",
      targetDate: "2026-09-01",
      status: "ACTIVE",
      templateKeys: [templatesForArea("R4")[0]!.key, ...templatesForArea("R3").map((t) => t.key)],
      defaultAssignees: {},
    });
    expect(await findPlanAreas({ teamId: team.id, planId: id })).toEqual(["R3", "R4"]);
  });

  it("counts cancelled tasks, returns nothing for a blank plan, and never reads another team's plan", async () => {
    const plan = await createTestPlan({ teamId: team.id });
    expect(await findPlanAreas({ teamId: team.id, planId: plan.id })).toEqual([]);
    await createTestTask({ teamId: team.id, planId: plan.id, areaCode: "R2", status: "CANCELLED" });
    expect(await findPlanAreas({ teamId: team.id, planId: plan.id })).toEqual(["R2"]);
    const other = await createTestTeam();
    expect(await findPlanAreas({ teamId: other.id, planId: plan.id })).toEqual([]);
  });
});
