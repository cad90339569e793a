import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addReading, createIndicator, deleteIndicator, findIndicators } from "@/lib/indicators/indicators";
import { getPlanProgress } from "@/lib/progress/get-plan-progress";
import {
  appErrorOf,
  cleanupTestData,
  createTestIndicator,
  createTestMember,
  createTestPlan,
  createTestTeam,
  createTestUser,
  runAs,
  snapshotTeamData,
} from "@/lib/testing/factories";
import { toDateInput } from "@/lib/validation/common";
import { addReadingSchema, createIndicatorSchema } from "@/lib/validation/indicator";
import { DAY_MS } from "@/lib/time";

afterAll(cleanupTestData);

const DAY = DAY_MS;
const daysAgo = (n: number) => toDateInput(new Date(Date.now() - n * DAY));

type Fixture = {
  team: { id: string; slug: string };
  ownerId: string;
  memberId: string;
  viewerId: string;
  planId: string;
  archivedPlanId: string;
  archivedIndicatorId: string;
  other: { teamId: string; planId: string; indicatorId: string };
};

let f: Fixture;

beforeAll(async () => {
  const owner = await createTestUser();
  const team = await createTestTeam({ ownerId: owner.id });
  const member = await createTestMember({ teamId: team.id, role: "MEMBER" });
  const viewer = await createTestMember({ teamId: team.id, role: "VIEWER" });
  const plan = await createTestPlan({ teamId: team.id });
  const archived = await createTestPlan({ teamId: team.id, status: "ARCHIVED" });
  const archivedIndicator = await createTestIndicator({
    teamId: team.id,
    planId: archived.id,
    readings: [{ value: 10, recordedOn: daysAgo(3) }],
  });
  const otherOwner = await createTestUser();
  const otherTeam = await createTestTeam({ ownerId: otherOwner.id });
  const otherPlan = await createTestPlan({ teamId: otherTeam.id });
  const otherIndicator = await createTestIndicator({
    teamId: otherTeam.id,
    planId: otherPlan.id,
    readings: [{ value: 5, recordedOn: daysAgo(3) }],
  });
  f = {
    team,
    ownerId: owner.id,
    memberId: member.userId,
    viewerId: viewer.userId,
    planId: plan.id,
    archivedPlanId: archived.id,
    archivedIndicatorId: archivedIndicator.id,
    other: { teamId: otherTeam.id, planId: otherPlan.id, indicatorId: otherIndicator.id },
  };
});

const custom = (overrides: Record<string, unknown> = {}) => ({
  planId: f.planId,
  dilemmaCode: "D1" as const,
  name: "Share of new offerings",
  unit: "%",
  direction: "UP" as const,
  baseline: "20",
  target: "60",
  targetDate: "",
  ...overrides,
});

/** Every indicator and reading of a team, for "nothing changed" assertions. */
async function snapshotIndicators(teamId: string) {
  const [indicators, readings, data] = await Promise.all([
    db.indicator.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.indicatorReading.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    snapshotTeamData(teamId),
  ]);
  return { indicators, readings, ...data };
}

describe("createIndicator", () => {
  it("adopts a suggested indicator of the dilemma and logs it", async () => {
    const { id } = await runAs(createIndicator, f.memberId, f.team.slug, {
      planId: f.planId,
      dilemmaCode: "D3",
      suggestedKey: "D3.1",
      name: "Security incidents per quarter",
      unit: "count",
      direction: "DOWN",
      baseline: "10",
      target: 4,
      targetDate: "2026-12-31",
    });
    const row = await db.indicator.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      teamId: f.team.id,
      planId: f.planId,
      dilemmaCode: "D3",
      suggestedKey: "D3.1",
      unit: "count",
      direction: "DOWN",
    });
    expect(Number(row.baseline)).toBe(10);
    expect(Number(row.target)).toBe(4);
    expect(toDateInput(row.targetDate)).toBe("2026-12-31");
    const event = await db.activityEvent.findFirstOrThrow({
      where: { teamId: f.team.id, kind: "indicator.created", entityId: id },
    });
    expect(event).toMatchObject({ planId: f.planId, actorId: f.memberId, entityType: "indicator" });
    expect(event.after).toMatchObject({ suggestedKey: "D3.1", baseline: 10, target: 4, targetDate: "2026-12-31" });
  });

  it("creates a custom indicator with no suggested key and no target date", async () => {
    const { id } = await runAs(createIndicator, f.ownerId, f.team.slug, custom({ suggestedKey: "" }));
    const row = await db.indicator.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      suggestedKey: null,
      targetDate: null,
      name: "Share of new offerings",
      direction: "UP",
    });
  });

  it.each([
    ["a target equal to the baseline", { baseline: "5", target: 5 }, "target"],
    ["a suggested key of another dilemma", { suggestedKey: "D4.1" }, "suggestedKey"],
    ["an unknown suggested key", { suggestedKey: "D1.9" }, "suggestedKey"],
    ["a name over 200 characters", { name: "x".repeat(201) }, "name"],
    ["a unit over 20 characters", { unit: "u".repeat(21) }, "unit"],
    ["a baseline that is not a number", { baseline: "ten" }, "baseline"],
    ["more than 4 decimal places", { target: "1.23456" }, "target"],
  ])("refuses %s and changes nothing", async (_label, overrides, field) => {
    const before = await snapshotIndicators(f.team.id);
    const error = await appErrorOf(runAs(createIndicator, f.memberId, f.team.slug, custom(overrides)));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(await snapshotIndicators(f.team.id)).toEqual(before);
  });
});

describe("addReading and progress", () => {
  it("computes DOWN progress from the latest reading: 10 → 4, reading 7 is halfway, beyond the target is 1", async () => {
    const { id } = await runAs(
      createIndicator,
      f.memberId,
      f.team.slug,
      custom({ dilemmaCode: "D4", name: "Delivery days", unit: "days", direction: "DOWN", baseline: 10, target: 4 }),
    );
    const { id: readingId } = await runAs(addReading, f.memberId, f.team.slug, {
      indicatorId: id,
      value: "7",
      recordedOn: daysAgo(2),
      note: "first count",
    });
    let found = (await findIndicators({ teamId: f.team.id, planId: f.planId })).find((i) => i.id === id)!;
    expect(found).toMatchObject({ baseline: 10, target: 4, current: 7, currentOn: daysAgo(2) });
    expect(found.progress).toBeCloseTo(0.5, 10);

    const event = await db.activityEvent.findFirstOrThrow({
      where: { teamId: f.team.id, kind: "indicator.reading_added", entityId: readingId },
    });
    expect(event).toMatchObject({ planId: f.planId, actorId: f.memberId, entityType: "indicator_reading" });
    expect(event.after).toEqual({ indicatorId: id, value: 7, recordedOn: daysAgo(2) });

    // An older reading recorded later does not become the current value.
    await runAs(addReading, f.memberId, f.team.slug, { indicatorId: id, value: 9, recordedOn: daysAgo(5) });
    found = (await findIndicators({ teamId: f.team.id, planId: f.planId })).find((i) => i.id === id)!;
    expect(found.readings.map((r) => [r.recordedOn, r.value])).toEqual([
      [daysAgo(5), 9],
      [daysAgo(2), 7],
    ]);
    expect(found.progress).toBeCloseTo(0.5, 10);

    await runAs(addReading, f.memberId, f.team.slug, { indicatorId: id, value: 3, recordedOn: daysAgo(0) });
    found = (await findIndicators({ teamId: f.team.id, planId: f.planId })).find((i) => i.id === id)!;
    expect(found.progress).toBe(1);
  });

  it("computes UP progress and clamps below the baseline to 0", async () => {
    const { id } = await runAs(
      createIndicator,
      f.memberId,
      f.team.slug,
      custom({ name: "Gross margin", baseline: 20, target: 60 }),
    );
    const progressAfter = async (value: number, day: number) => {
      await runAs(addReading, f.memberId, f.team.slug, { indicatorId: id, value, recordedOn: daysAgo(day) });
      return (await findIndicators({ teamId: f.team.id, planId: f.planId })).find((i) => i.id === id)!.progress;
    };
    expect(await progressAfter(30, 9)).toBeCloseTo(0.25, 10);
    expect(await progressAfter(10, 8)).toBe(0);
    expect(await progressAfter(80, 7)).toBe(1);
  });

  it("has no progress without a reading", async () => {
    const { id } = await runAs(createIndicator, f.memberId, f.team.slug, custom({ name: "Not measured yet" }));
    const found = (await findIndicators({ teamId: f.team.id, planId: f.planId })).find((i) => i.id === id)!;
    expect(found).toMatchObject({ readings: [], current: null, currentOn: null, progress: null });
  });

  it.each([
    ["a reading dated in the future", { value: 1, recordedOn: daysAgo(-2) }, "recordedOn"],
    ["a note over 1,000 characters", { value: 1, recordedOn: daysAgo(1), note: "n".repeat(1001) }, "note"],
    ["a value that is not a number", { value: "", recordedOn: daysAgo(1) }, "value"],
  ])("refuses %s and changes nothing", async (_label, input, field) => {
    const indicator = await createTestIndicator({ teamId: f.team.id, planId: f.planId });
    const before = await snapshotIndicators(f.team.id);
    const error = await appErrorOf(runAs(addReading, f.memberId, f.team.slug, { indicatorId: indicator.id, ...input }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual([field]);
    expect(await snapshotIndicators(f.team.id)).toEqual(before);
  });

  it("accepts today's date in the schema", () => {
    expect(
      addReadingSchema.safeParse({ indicatorId: "x", value: "1.5", recordedOn: toDateInput(new Date()) }).success,
    ).toBe(true);
  });
});

describe("getPlanProgress lists indicators with the same progress", () => {
  it("now and before the reading", async () => {
    const plan = await createTestPlan({ teamId: f.team.id });
    const { id } = await runAs(
      createIndicator,
      f.memberId,
      f.team.slug,
      custom({ planId: plan.id, dilemmaCode: "D3", direction: "DOWN", baseline: 10, target: 4 }),
    );
    await runAs(addReading, f.memberId, f.team.slug, { indicatorId: id, value: 7, recordedOn: daysAgo(3) });
    const [mine] = await findIndicators({ teamId: f.team.id, planId: plan.id });

    const now = await runAs(getPlanProgress, f.viewerId, f.team.slug, { planId: plan.id });
    const listed = now.indicators.find((i) => i.id === id);
    expect(listed).toMatchObject({ dilemmaCode: "D3", baseline: 10, target: 4, current: 7, currentOn: daysAgo(3) });
    expect(listed?.progress).toBe(mine?.progress);
    expect(listed?.progress).toBeCloseTo(0.5, 10);

    const earlier = await runAs(getPlanProgress, f.viewerId, f.team.slug, { planId: plan.id, at: daysAgo(4) });
    expect(earlier.indicators.find((i) => i.id === id)).toMatchObject({
      current: null,
      currentOn: null,
      progress: null,
    });
  });
});

describe("deleteIndicator", () => {
  it("deletes the indicator with its readings and logs it", async () => {
    const indicator = await createTestIndicator({
      teamId: f.team.id,
      planId: f.planId,
      readings: [{ value: 4, recordedOn: daysAgo(1) }],
    });
    await runAs(deleteIndicator, f.memberId, f.team.slug, { indicatorId: indicator.id });
    expect(await db.indicator.findUnique({ where: { id: indicator.id } })).toBeNull();
    expect(await db.indicatorReading.count({ where: { indicatorId: indicator.id } })).toBe(0);
    const event = await db.activityEvent.findFirstOrThrow({
      where: { teamId: f.team.id, kind: "indicator.deleted", entityId: indicator.id },
    });
    expect(event).toMatchObject({
      planId: f.planId,
      actorId: f.memberId,
      entityType: "indicator",
      before: { name: indicator.name, dilemmaCode: "D1" },
    });
  });
});

describe("guards", () => {
  it("refuses a VIEWER every write and changes nothing", async () => {
    const indicator = await createTestIndicator({ teamId: f.team.id, planId: f.planId });
    const before = await snapshotIndicators(f.team.id);
    const as = (op: Promise<unknown>) => appErrorOf(op).then((e) => e.code);
    expect(await as(runAs(createIndicator, f.viewerId, f.team.slug, custom()))).toBe("FORBIDDEN");
    expect(
      await as(
        runAs(addReading, f.viewerId, f.team.slug, { indicatorId: indicator.id, value: 1, recordedOn: daysAgo(1) }),
      ),
    ).toBe("FORBIDDEN");
    expect(await as(runAs(deleteIndicator, f.viewerId, f.team.slug, { indicatorId: indicator.id }))).toBe("FORBIDDEN");
    expect(await snapshotIndicators(f.team.id)).toEqual(before);
  });

  it("treats another team's plan and indicator as not found and changes nothing in either team", async () => {
    const [mineBefore, theirsBefore] = await Promise.all([
      snapshotIndicators(f.team.id),
      snapshotIndicators(f.other.teamId),
    ]);
    const as = (op: Promise<unknown>) => appErrorOf(op).then((e) => e.code);
    expect(await as(runAs(createIndicator, f.ownerId, f.team.slug, custom({ planId: f.other.planId })))).toBe(
      "NOT_FOUND",
    );
    expect(
      await as(
        runAs(addReading, f.ownerId, f.team.slug, {
          indicatorId: f.other.indicatorId,
          value: 1,
          recordedOn: daysAgo(1),
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(await as(runAs(deleteIndicator, f.ownerId, f.team.slug, { indicatorId: f.other.indicatorId }))).toBe(
      "NOT_FOUND",
    );
    expect(await findIndicators({ teamId: f.team.id, planId: f.other.planId })).toEqual([]);
    expect(await snapshotIndicators(f.team.id)).toEqual(mineBefore);
    expect(await snapshotIndicators(f.other.teamId)).toEqual(theirsBefore);
  });

  it("keeps an archived plan's indicators read-only", async () => {
    const before = await snapshotIndicators(f.team.id);
    const as = (op: Promise<unknown>) => appErrorOf(op).then((e) => e.code);
    expect(await as(runAs(createIndicator, f.ownerId, f.team.slug, custom({ planId: f.archivedPlanId })))).toBe(
      "FORBIDDEN",
    );
    expect(
      await as(
        runAs(addReading, f.ownerId, f.team.slug, {
          indicatorId: f.archivedIndicatorId,
          value: 1,
          recordedOn: daysAgo(1),
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await as(runAs(deleteIndicator, f.ownerId, f.team.slug, { indicatorId: f.archivedIndicatorId }))).toBe(
      "FORBIDDEN",
    );
    expect(await snapshotIndicators(f.team.id)).toEqual(before);
  });
});

describe("createIndicatorSchema", () => {
  it("accepts numbers as typed in a form and as sent by the API", () => {
    const parsed = createIndicatorSchema.parse(custom({ baseline: " 12.5 ", target: -3, suggestedKey: "D1.2" }));
    expect(parsed).toMatchObject({ baseline: 12.5, target: -3, suggestedKey: "D1.2", targetDate: null });
  });
});
