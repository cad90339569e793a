import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestPlan,
  createTestTeam,
  runAs,
} from "@/lib/testing/factories";
import { createSavedView, deleteSavedView, findSavedViews, renameSavedView } from "@/lib/views/saved-views";
import { normalizeViewQuery } from "@/lib/views/view-query";

let team: { id: string; slug: string };
let other: { id: string; slug: string };
let plan: { id: string };
let otherPlan: { id: string };
let owner: { userId: string };
let admin: { userId: string };
let member: { userId: string };
let member2: { userId: string };
let viewer: { userId: string };
let outsider: { userId: string };

beforeAll(async () => {
  team = await createTestTeam();
  other = await createTestTeam();
  owner = await createTestMember({ teamId: team.id, role: "OWNER" });
  admin = await createTestMember({ teamId: team.id, role: "ADMIN" });
  member = await createTestMember({ teamId: team.id, role: "MEMBER" });
  member2 = await createTestMember({ teamId: team.id, role: "MEMBER" });
  viewer = await createTestMember({ teamId: team.id, role: "VIEWER" });
  outsider = await createTestMember({ teamId: other.id, role: "OWNER" });
  plan = await createTestPlan({ teamId: team.id });
  otherPlan = await createTestPlan({ teamId: other.id });
});
afterAll(cleanupTestData);

const save = (userId: string, input: { name: string; query?: string; shared?: boolean; planId?: string }) =>
  runAs(createSavedView, userId, team.slug, { planId: plan.id, query: "view=board", shared: false, ...input });

describe("normalizeViewQuery", () => {
  it("keeps the view, its lanes and the known filters in one canonical order", () => {
    expect(normalizeViewQuery("?q=login&lanes=area&dilemma=D3,D9&view=board&utm=x&shown=500")).toBe(
      "view=board&lanes=area&dilemma=D3&q=login",
    );
    expect(normalizeViewQuery("")).toBe("view=list");
    expect(normalizeViewQuery("view=list&lanes=area&group=dilemma")).toBe("view=list");
    expect(normalizeViewQuery("view=timeline&group=dilemma&overdue=1")).toBe("view=timeline&group=dilemma&overdue=1");
    expect(normalizeViewQuery("view=nope&status=DONE,BOGUS")).toBe("view=list&status=DONE");
  });
});

describe("saved views", () => {
  it("saves personal and shared views; another member sees the shared ones only", async () => {
    const mine = await save(member.userId, { name: "  My board  ", query: "view=board&dilemma=D3" });
    expect(mine).toMatchObject({ name: "My board", shared: false, query: "view=board&dilemma=D3" });
    const shared = await save(member.userId, { name: "Security board", query: "view=board&dilemma=D3", shared: true });
    expect(shared.shared).toBe(true);

    const forAuthor = await findSavedViews({ teamId: team.id, planId: plan.id, userId: member.userId });
    expect(forAuthor.mine.map((v) => v.id)).toEqual([mine.id]);
    expect(forAuthor.team.map((v) => v.id)).toEqual([shared.id]);
    const forOther = await findSavedViews({ teamId: team.id, planId: plan.id, userId: member2.userId });
    expect(forOther.mine).toEqual([]);
    expect(forOther.team.map((v) => v.id)).toEqual([shared.id]);
  });

  it("drops junk query parameters and values", async () => {
    const view = await save(member.userId, {
      name: "Junk",
      query: "?view=board&lanes=dilemma&evil=<script>&dilemma=D1,DX&priority=HIGH&shown=9999",
    });
    expect(view.query).toBe("view=board&lanes=dilemma&dilemma=D1&priority=HIGH");
  });

  it("refuses a duplicate name with a field error; the same name is free in another scope", async () => {
    await save(member.userId, { name: "Dup" });
    const error = await appErrorOf(save(member.userId, { name: "Dup" }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.name).toEqual(["viewNameTaken"]);
    // Another member's personal view, and a shared one, may use the name.
    await expect(save(member2.userId, { name: "Dup" })).resolves.toBeDefined();
    await expect(save(member.userId, { name: "Dup", shared: true })).resolves.toBeDefined();
    const sharedClash = await appErrorOf(save(admin.userId, { name: "Dup", shared: true }));
    expect(sharedClash.fieldErrors?.name).toEqual(["viewNameTaken"]);
    // An empty or too long name.
    expect((await appErrorOf(save(member.userId, { name: "   " }))).fieldErrors?.name).toBeDefined();
    expect((await appErrorOf(save(member.userId, { name: "x".repeat(81) }))).fieldErrors?.name).toBeDefined();
    // Renaming onto a taken name is refused the same way.
    const other = await save(member.userId, { name: "Other" });
    const renameClash = await appErrorOf(
      runAs(renameSavedView, member.userId, team.slug, { viewId: other.id, name: "Dup" }),
    );
    expect(renameClash.fieldErrors?.name).toEqual(["viewNameTaken"]);
  });

  it("viewers save personal views but cannot share", async () => {
    await expect(save(viewer.userId, { name: "Viewer view" })).resolves.toMatchObject({ shared: false });
    expect((await appErrorOf(save(viewer.userId, { name: "Viewer shared", shared: true }))).code).toBe("FORBIDDEN");
  });

  it("rename and delete rights follow ownership and the role", async () => {
    const personal = await save(member.userId, { name: "Rights personal" });
    const shared = await save(member.userId, { name: "Rights shared", shared: true });
    const shared2 = await save(member.userId, { name: "Rights shared 2", shared: true });

    // Someone else's personal view is not even found; a shared one is refused to rename.
    expect(
      (await appErrorOf(runAs(renameSavedView, member2.userId, team.slug, { viewId: personal.id, name: "X" }))).code,
    ).toBe("NOT_FOUND");
    expect(
      (await appErrorOf(runAs(renameSavedView, admin.userId, team.slug, { viewId: shared.id, name: "X" }))).code,
    ).toBe("FORBIDDEN");
    expect((await appErrorOf(runAs(deleteSavedView, member2.userId, team.slug, { viewId: shared.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await appErrorOf(runAs(deleteSavedView, viewer.userId, team.slug, { viewId: shared.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect((await appErrorOf(runAs(deleteSavedView, owner.userId, team.slug, { viewId: personal.id }))).code).toBe(
      "NOT_FOUND",
    );

    // The creator renames and deletes their own; an admin deletes a shared view.
    await expect(
      runAs(renameSavedView, member.userId, team.slug, { viewId: shared.id, name: "Renamed shared" }),
    ).resolves.toMatchObject({ name: "Renamed shared" });
    await runAs(deleteSavedView, member.userId, team.slug, { viewId: personal.id });
    await runAs(deleteSavedView, admin.userId, team.slug, { viewId: shared.id });
    await runAs(deleteSavedView, owner.userId, team.slug, { viewId: shared2.id });
    expect(await db.savedView.count({ where: { id: { in: [personal.id, shared.id, shared2.id] } } })).toBe(0);
  });

  it("another team's view or plan is not found", async () => {
    const shared = await save(member.userId, { name: "Tenancy", shared: true });
    const foreign = await runAs(createSavedView, outsider.userId, other.slug, {
      planId: otherPlan.id,
      name: "Foreign",
      query: "view=list",
      shared: true,
    });
    // Through this team: the other team's ids do not exist.
    expect((await appErrorOf(save(member.userId, { name: "Cross", planId: otherPlan.id }))).code).toBe("NOT_FOUND");
    expect(
      (await appErrorOf(runAs(renameSavedView, owner.userId, team.slug, { viewId: foreign.id, name: "X" }))).code,
    ).toBe("NOT_FOUND");
    expect((await appErrorOf(runAs(deleteSavedView, owner.userId, team.slug, { viewId: foreign.id }))).code).toBe(
      "NOT_FOUND",
    );
    // Through the other team: this team's view does not exist either.
    expect((await appErrorOf(runAs(deleteSavedView, outsider.userId, other.slug, { viewId: shared.id }))).code).toBe(
      "NOT_FOUND",
    );
    const listed = await findSavedViews({ teamId: other.id, planId: plan.id, userId: outsider.userId });
    expect([...listed.mine, ...listed.team]).toEqual([]);
  });

  it("deleting the plan removes its views", async () => {
    const doomed = await createTestPlan({ teamId: team.id });
    await save(member.userId, { name: "Doomed", planId: doomed.id, shared: true });
    await save(member2.userId, { name: "Doomed", planId: doomed.id });
    expect(await db.savedView.count({ where: { planId: doomed.id } })).toBe(2);
    await db.plan.delete({ where: { id: doomed.id } });
    expect(await db.savedView.count({ where: { planId: doomed.id } })).toBe(0);
  });
});
