import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getRecentDiagnostics, takeDiagnostic } from "@/lib/diagnostic/diagnostic";
import { diagnosticStatements } from "@/lib/diagnostic/statements";
import { getPlanGuide } from "@/lib/guide/get-plan-guide";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import {
  appErrorOf,
  cleanupTestData,
  createTestIndicator,
  createTestMember,
  createTestPlan,
  createTestTask,
  createTestTeam,
  createTestUser,
  runAs,
} from "@/lib/testing/factories";
import { DAY_MS } from "@/lib/time";

afterAll(cleanupTestData);

const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
const inDays = (n: number) => new Date(today.getTime() + n * DAY_MS);
const answers = (byDilemma: Record<string, number>) =>
  Object.fromEntries(diagnosticStatements.map((s) => [s.key, byDilemma[s.dilemma]]));

describe("the team's diagnostic", () => {
  let team: { id: string; slug: string };
  let other: { id: string; slug: string };
  let owner: string;
  let otherOwner: string;
  let viewer: string;

  beforeAll(async () => {
    owner = (await createTestUser()).id;
    team = await createTestTeam({ ownerId: owner });
    otherOwner = (await createTestUser()).id;
    other = await createTestTeam({ ownerId: otherOwner });
    viewer = (await createTestMember({ teamId: team.id, role: "VIEWER" })).userId;
  });

  it("saves the answers with the maturity they give and an event, newest first; another team sees none of it", async () => {
    await runAs(takeDiagnostic, owner, team.slug, { answers: answers({ D1: 5, D2: 4, D3: 1, D4: 2 }) });
    const second = await runAs(takeDiagnostic, owner, team.slug, { answers: answers({ D1: 5, D2: 4, D3: 3, D4: 2 }) });
    const recent = await runAs(getRecentDiagnostics, owner, team.slug, {});
    expect(recent.map((d) => d.maturity.D3)).toEqual([0.5, 0]);
    expect(recent[0]).toMatchObject({ id: second.id, maturity: { D1: 1, D2: 0.75, D4: 0.25 } });
    expect(recent[0]!.answers["D3.a"]).toBe(3);
    const events = await db.activityEvent.findMany({ where: { teamId: team.id, kind: "diagnostic.taken" } });
    expect(events).toHaveLength(2);
    expect(await runAs(getRecentDiagnostics, otherOwner, other.slug, {})).toEqual([]);
    // Another team's member cannot reach this team's diagnostics at all.
    expect((await appErrorOf(runAs(getRecentDiagnostics, otherOwner, team.slug, {}))).code).toBe("NOT_FOUND");
  });

  it("refuses a viewer and an incomplete or out-of-range set of answers, saving nothing", async () => {
    const before = await db.diagnostic.count({ where: { teamId: team.id } });
    expect(
      (await appErrorOf(runAs(takeDiagnostic, viewer, team.slug, { answers: answers({ D1: 3, D2: 3, D3: 3, D4: 3 }) })))
        .code,
    ).toBe("FORBIDDEN");
    const missing = answers({ D1: 3, D2: 3, D3: 3, D4: 3 });
    delete missing["D2.b"];
    const error = await appErrorOf(runAs(takeDiagnostic, owner, team.slug, { answers: missing }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["answers.D2.b"]);
    expect(
      (await appErrorOf(runAs(takeDiagnostic, owner, team.slug, { answers: { ...missing, "D2.b": 0 } }))).code,
    ).toBe("VALIDATION");
    expect(await db.diagnostic.count({ where: { teamId: team.id } })).toBe(before);
    expect((await runAs(getRecentDiagnostics, viewer, team.slug, {})).length).toBe(2);
  });
});

describe("a plan's guide from its progress readers", () => {
  it("names the dilemma most behind, its overdue and blocked tasks by weight, its missing primary templates, and output without outcome", async () => {
    const owner = (await createTestUser()).id;
    const team = await createTestTeam({ ownerId: owner });
    const plan = await createTestPlan({ teamId: team.id, startDate: inDays(-100), targetDate: inDays(100) });
    const task = (over: Omit<Parameters<typeof createTestTask>[0], "teamId" | "planId">) =>
      createTestTask({ ...over, teamId: team.id, planId: plan.id });
    const late3 = await task({ areaCode: "R3", pathCode: "P3", weights: { D3: 3 }, dueDate: inDays(-5) });
    const blocked2 = await task({ areaCode: "R3", pathCode: "P3", weights: { D3: 2 }, status: "BLOCKED" });
    const late1 = await task({ areaCode: "R3", pathCode: "P3", weights: { D3: 1 }, dueDate: inDays(-50) });
    await task({ areaCode: "R3", pathCode: "P3", weights: { D3: 3 }, dueDate: inDays(20) });
    await task({ areaCode: "R3", pathCode: "P3", weights: { D3: 3 }, status: "DONE", dueDate: inDays(-30) });
    await db.task.updateMany({ where: { id: late3.id }, data: { templateKey: "R3.1" } });
    // D4: all done, but its indicator moved the wrong way.
    await task({ areaCode: "R4", pathCode: "P4", weights: { D4: 3 }, status: "DONE" });
    await task({ areaCode: "R4", pathCode: "P4", weights: { D4: 2 }, dueDate: inDays(-90) });
    await createTestIndicator({
      teamId: team.id,
      planId: plan.id,
      dilemmaCode: "D4",
      direction: "DOWN",
      baseline: 3,
      target: 2,
      readings: [{ value: 3.5, recordedOn: "2026-01-15" }],
    });

    const now = await runAs(getPlanProgress, owner, team.slug, { planId: plan.id });
    const guide = await getPlanGuide({
      teamId: team.id,
      planId: plan.id,
      today,
      expected: 0.5,
      dilemmas: now.dilemmas,
      indicators: now.indicators,
    });
    // D3: 3 of 12 weight done (25 %) → 25 points behind; D4: 3 of 5 (60 %) → 10 ahead.
    expect(guide.ranked.map((d) => [d.code, d.behindPoints])).toEqual([
      ["D3", 25],
      ["D4", -10],
      ["D1", null],
      ["D2", null],
    ]);
    expect(guide.lagging?.code).toBe("D3");
    expect(guide.tasks.map((a) => a.task.id)).toEqual([late3.id, blocked2.id, late1.id]);
    expect(guide.missingTemplates).toEqual(["R3.2", "R3.3", "R3.5", "R3.6"]);
    // D4 is 60 % done: not "mostly" (70 %), so no alert yet.
    expect(guide.outcomeAlerts).toEqual([]);
    const done = await getPlanGuide({
      teamId: team.id,
      planId: plan.id,
      today,
      expected: 0.5,
      dilemmas: now.dilemmas.map((d) => (d.code === "D4" ? { ...d, progress: 0.8 } : d)),
      indicators: now.indicators,
    });
    expect(done.outcomeAlerts).toMatchObject([{ code: "D4", indicators: [{ trend: "wrong_way" }] }]);
  });
});
