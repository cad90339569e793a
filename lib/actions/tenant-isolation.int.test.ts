import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { renewInvitation, revokeInvitation } from "@/lib/invitations/manage-invitation";
import { changeRole } from "@/lib/members/change-role";
import { leaveTeam, removeMember } from "@/lib/members/remove-member";
import { deleteTeam } from "@/lib/teams/delete-team";
import { updateTeam } from "@/lib/teams/update-team";
import {
  addMember,
  appErrorOf,
  cleanupTestData,
  createTestInvitation,
  createTestPlan,
  createTestTeam,
  createTestUser,
  randomEmail,
  randomHex,
  randomIp,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

type Team = { id: string; name: string; slug: string };

/** Runs the operation as the user in the team with that slug. */
function run<S extends z.ZodType, R>(
  operation: TeamOperation<S, R>,
  userId: string,
  teamSlug: string,
  input: z.input<S>,
) {
  return runOperation(operation, { userId, teamSlug, ip: randomIp() }, input);
}

/** Every row of the team an operation could touch. */
async function snapshot(teamId: string) {
  const [team, memberships, invitations, events, plans] = await Promise.all([
    db.team.findUnique({ where: { id: teamId } }),
    db.membership.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.activityEvent.count({ where: { teamId } }),
    db.plan.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
  ]);
  return { team, memberships, invitations, events, plans };
}

describe("tenant isolation: another team's rows are NOT_FOUND, even for an OWNER", () => {
  let teamA: Team;
  let teamB: Team;
  let ownerA: { userId: string; membershipId: string };
  let memberA: { userId: string; membershipId: string };
  let invitationA: { id: string };
  let outsider: string; // OWNER of team B, no membership in A

  beforeAll(async () => {
    const [userOwnerA, userMemberA, userB] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    outsider = userB.id;
    teamA = await createTestTeam();
    teamB = await createTestTeam({ ownerId: userB.id });
    const [ownerMembership, memberMembership] = await Promise.all([
      addMember({ teamId: teamA.id, userId: userOwnerA.id, role: "OWNER" }),
      addMember({ teamId: teamA.id, userId: userMemberA.id, role: "MEMBER" }),
    ]);
    ownerA = { userId: userOwnerA.id, membershipId: ownerMembership.id };
    memberA = { userId: userMemberA.id, membershipId: memberMembership.id };
    invitationA = await createTestInvitation({ teamId: teamA.id, invitedById: userOwnerA.id });
    await createTestPlan({ teamId: teamA.id, createdById: userOwnerA.id });
  });

  // Each entry runs one operation as the outsider with team A's ids, in the team whose slug is given.
  const operations = {
    updateTeam: (slug: string) =>
      run(updateTeam, outsider, slug, { name: "Hijacked", slug: `hijacked-${randomHex()}` }),
    deleteTeam: (slug: string) => run(deleteTeam, outsider, slug, { confirmName: teamA.name }),
    changeRole: (slug: string) =>
      run(changeRole, outsider, slug, { membershipId: memberA.membershipId, role: "VIEWER" }),
    "changeRole of A's OWNER": (slug: string) =>
      run(changeRole, outsider, slug, { membershipId: ownerA.membershipId, role: "VIEWER" }),
    removeMember: (slug: string) => run(removeMember, outsider, slug, { membershipId: memberA.membershipId }),
    "removeMember of A's OWNER": (slug: string) =>
      run(removeMember, outsider, slug, { membershipId: ownerA.membershipId }),
    createInvitation: (slug: string) => run(createInvitation, outsider, slug, { email: randomEmail(), role: "OWNER" }),
    revokeInvitation: (slug: string) => run(revokeInvitation, outsider, slug, { invitationId: invitationA.id }),
    renewInvitation: (slug: string) => run(renewInvitation, outsider, slug, { invitationId: invitationA.id }),
    leaveTeam: (slug: string) => run(leaveTeam, outsider, slug, {}),
  };

  describe("with team A's slug", () => {
    for (const [name, operation] of Object.entries(operations)) {
      it(`${name} → NOT_FOUND, team A unchanged`, async () => {
        const before = await snapshot(teamA.id);
        expect((await appErrorOf(operation(teamA.slug))).code).toBe("NOT_FOUND");
        expect(await snapshot(teamA.id)).toEqual(before);
      });
    }

    it("answers exactly as for a team that does not exist", async () => {
      const foreign = await appErrorOf(run(updateTeam, outsider, teamA.slug, { name: "x", slug: `x-${randomHex()}` }));
      const missing = await appErrorOf(
        run(updateTeam, outsider, `no-such-team-${randomHex()}`, { name: "x", slug: `x-${randomHex()}` }),
      );
      expect({ code: foreign.code, message: foreign.message, userMessage: foreign.userMessage }).toEqual({
        code: missing.code,
        message: missing.message,
        userMessage: missing.userMessage,
      });
    });
  });

  describe("with the outsider's own team B and team A's ids", () => {
    const crossIdOperations = [
      "changeRole",
      "changeRole of A's OWNER",
      "removeMember",
      "removeMember of A's OWNER",
      "revokeInvitation",
      "renewInvitation",
    ] as const;
    for (const name of crossIdOperations) {
      it(`${name} → NOT_FOUND, teams A and B unchanged`, async () => {
        const [beforeA, beforeB] = await Promise.all([snapshot(teamA.id), snapshot(teamB.id)]);
        expect((await appErrorOf(operations[name](teamB.slug))).code).toBe("NOT_FOUND");
        expect(await snapshot(teamA.id)).toEqual(beforeA);
        expect(await snapshot(teamB.id)).toEqual(beforeB);
      });
    }
  });
});

describe("membership and role changes apply on the very next call", () => {
  it("a removed member gets NOT_FOUND at once", async () => {
    const [owner, member] = await Promise.all([createTestUser(), createTestUser()]);
    const team = await createTestTeam({ ownerId: owner.id });
    const membership = await addMember({ teamId: team.id, userId: member.id, role: "ADMIN" });
    await run(createInvitation, member.id, team.slug, { email: randomEmail(), role: "MEMBER" });

    await run(removeMember, owner.id, team.slug, { membershipId: membership.id });
    const before = await snapshot(team.id);
    expect(
      (await appErrorOf(run(createInvitation, member.id, team.slug, { email: randomEmail(), role: "MEMBER" }))).code,
    ).toBe("NOT_FOUND");
    expect((await appErrorOf(run(leaveTeam, member.id, team.slug, {}))).code).toBe("NOT_FOUND");
    expect(await snapshot(team.id)).toEqual(before);
  });

  it("a member who left gets NOT_FOUND at once", async () => {
    const [owner, member] = await Promise.all([createTestUser(), createTestUser()]);
    const team = await createTestTeam({ ownerId: owner.id });
    await addMember({ teamId: team.id, userId: member.id, role: "ADMIN" });
    await run(leaveTeam, member.id, team.slug, {});
    expect(
      (await appErrorOf(run(updateTeam, member.id, team.slug, { name: "Mine now", slug: `mine-${randomHex()}` }))).code,
    ).toBe("NOT_FOUND");
  });

  it("an ADMIN downgraded to VIEWER gets FORBIDDEN on the next write", async () => {
    const [owner, admin] = await Promise.all([createTestUser(), createTestUser()]);
    const team = await createTestTeam({ ownerId: owner.id });
    const membership = await addMember({ teamId: team.id, userId: admin.id, role: "ADMIN" });
    await run(createInvitation, admin.id, team.slug, { email: randomEmail(), role: "MEMBER" });

    await run(changeRole, owner.id, team.slug, { membershipId: membership.id, role: "VIEWER" });
    const before = await snapshot(team.id);
    expect(
      (await appErrorOf(run(createInvitation, admin.id, team.slug, { email: randomEmail(), role: "MEMBER" }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await appErrorOf(run(updateTeam, admin.id, team.slug, { name: "Renamed", slug: `renamed-${randomHex()}` })))
        .code,
    ).toBe("FORBIDDEN");
    expect(await snapshot(team.id)).toEqual(before);
  });

  it("a MEMBER promoted to ADMIN may manage members on the next call", async () => {
    const [owner, member] = await Promise.all([createTestUser(), createTestUser()]);
    const team = await createTestTeam({ ownerId: owner.id });
    const membership = await addMember({ teamId: team.id, userId: member.id, role: "MEMBER" });
    const email = randomEmail();
    expect((await appErrorOf(run(createInvitation, member.id, team.slug, { email, role: "MEMBER" }))).code).toBe(
      "FORBIDDEN",
    );

    await run(changeRole, owner.id, team.slug, { membershipId: membership.id, role: "ADMIN" });
    const invitation = await run(createInvitation, member.id, team.slug, { email, role: "MEMBER" });
    expect(invitation).toMatchObject({ email, role: "MEMBER" });
  });
});
