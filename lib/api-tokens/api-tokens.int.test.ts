import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, findApiTokens, revokeApiToken } from "@/lib/api-tokens/api-tokens";
import { db } from "@/lib/db";
import {
  appErrorOf,
  cleanupTestData,
  createTestMember,
  createTestTeam,
  createTestUser,
  runAs,
} from "@/lib/testing/factories";
import { hashToken } from "@/lib/tokens";

afterAll(cleanupTestData);

let team: { id: string; slug: string };
let other: { id: string; slug: string };
let owner: string;
let member: string;
let viewer: string;

beforeAll(async () => {
  const user = await createTestUser();
  owner = user.id;
  team = await createTestTeam({ ownerId: owner });
  other = await createTestTeam({ ownerId: (await createTestUser()).id });
  member = (await createTestMember({ teamId: team.id, role: "MEMBER" })).userId;
  viewer = (await createTestMember({ teamId: team.id, role: "VIEWER" })).userId;
});

describe("personal API tokens", () => {
  it("stores only a hash and the creator's role as ceiling; the secret is returned once", async () => {
    const created = await runAs(createApiToken, viewer, team.slug, { name: "  Sheets  ", expiresInDays: 30 });
    expect(created.token).toMatch(/^pw_[\w-]{43}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id }, omit: { tokenHash: false } });
    expect(row).toMatchObject({
      name: "Sheets",
      roleCeiling: "VIEWER",
      userId: viewer,
      teamId: team.id,
      tokenHash: hashToken(created.token),
    });
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row.expiresAt!.getTime() - Date.now()).toBeGreaterThan(29.9 * 24 * 3600 * 1000);
    expect(await db.activityEvent.count({ where: { entityId: created.id, kind: "api_token.created" } })).toBe(1);
  });

  it("refuses an empty name with a field error and creates nothing", async () => {
    const before = await db.apiToken.count({ where: { teamId: team.id } });
    const error = await appErrorOf(runAs(createApiToken, member, team.slug, { name: " ", expiresInDays: null }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["name"]);
    expect(await db.apiToken.count({ where: { teamId: team.id } })).toBe(before);
  });

  it("lets members see and revoke their own tokens, owners and admins everyone's, and no one another team's", async () => {
    const mine = await runAs(createApiToken, member, team.slug, { name: "Mine" });
    const owners = await runAs(createApiToken, owner, team.slug, { name: "Owner's" });
    expect((await findApiTokens({ teamId: team.id, userId: member, role: "MEMBER" })).map((t) => t.id)).toEqual([
      mine.id,
    ]);
    expect((await findApiTokens({ teamId: team.id, userId: owner, role: "OWNER" })).map((t) => t.id)).toEqual(
      expect.arrayContaining([mine.id, owners.id]),
    );

    expect((await appErrorOf(runAs(revokeApiToken, member, team.slug, { tokenId: owners.id }))).code).toBe("FORBIDDEN");
    expect((await appErrorOf(runAs(revokeApiToken, owner, other.slug, { tokenId: mine.id }))).code).toBe("NOT_FOUND");
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: owners.id } })).revokedAt).toBeNull();

    await runAs(revokeApiToken, member, team.slug, { tokenId: mine.id });
    await runAs(revokeApiToken, owner, team.slug, { tokenId: owners.id });
    expect(
      (await db.apiToken.findMany({ where: { id: { in: [mine.id, owners.id] } } })).every((t) => t.revokedAt),
    ).toBe(true);
  });
});
