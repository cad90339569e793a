import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import { runOperation, type TeamOperation } from "@/lib/actions/operation";
import { db } from "@/lib/db";
import { acceptInvitation, getInvitationByToken } from "@/lib/invitations/accept-invitation";
import { createInvitation, INVITATION_TTL_MS } from "@/lib/invitations/create-invitation";
import { renewInvitation, revokeInvitation } from "@/lib/invitations/manage-invitation";
import { changeRole } from "@/lib/members/change-role";
import { leaveTeam, removeMember } from "@/lib/members/remove-member";
import { deleteTeam } from "@/lib/teams/delete-team";
import { hashToken } from "@/lib/tokens";
import {
  addMember,
  appErrorOf,
  cleanupTestData,
  createTestInvitation,
  createTestPlan,
  createTestTasks,
  createTestTeam,
  createTestUser,
  randomIp,
} from "@/lib/testing/factories";
import type { ProgressTask } from "@/lib/progress/formula";

afterAll(cleanupTestData);

/** Runs the operation as the user in the team with that slug. */
function run<S extends z.ZodType, R>(
  operation: TeamOperation<S, R>,
  userId: string,
  teamSlug: string,
  input: z.input<S>,
) {
  return runOperation(operation, { userId, teamSlug, ip: randomIp() }, input);
}

/** A team with its OWNER, and an invitation created through createInvitation for a user who does not belong yet. */
async function invited(role: Role = "MEMBER") {
  const owner = await createTestUser();
  const team = await createTestTeam({ ownerId: owner.id });
  const invitee = await createTestUser();
  const invitation = await run(createInvitation, owner.id, team.slug, { email: invitee.email, role });
  return { owner, team, invitee, invitation };
}

function membershipOf(teamId: string, userId: string) {
  return db.membership.findUnique({ where: { teamId_userId: { teamId, userId } }, select: { role: true } });
}

describe("invitation tokens", () => {
  it("stores only the SHA-256 hash of the token", async () => {
    const { invitation } = await invited();
    const row = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(invitation.token.length).toBeGreaterThanOrEqual(43);
    expect(row.tokenHash).not.toBe(invitation.token);
    expect(row.tokenHash).toBe(hashToken(invitation.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.expiresAt.getTime()).toBeCloseTo(Date.now() + INVITATION_TTL_MS, -4);
    const events = await db.activityEvent.findMany({
      where: { entityId: invitation.id },
      select: { before: true, after: true },
    });
    expect(JSON.stringify(events)).not.toContain(invitation.token);
  });

  it("reads an unknown token as invalid", async () => {
    expect(await getInvitationByToken("not-a-real-token")).toEqual({ state: "invalid", invitation: null });
    expect(
      (await appErrorOf(acceptInvitation({ token: "not-a-real-token", userId: (await createTestUser()).id }))).code,
    ).toBe("NOT_FOUND");
  });
});

describe("acceptInvitation", () => {
  it("joins the team with the invited role and records invitation.accepted", async () => {
    const { team, invitee, invitation } = await invited("ADMIN");
    expect((await getInvitationByToken(invitation.token)).state).toBe("valid");
    const ip = randomIp();
    expect(await acceptInvitation({ token: invitation.token, userId: invitee.id, ip })).toEqual({
      teamSlug: team.slug,
    });

    expect(await membershipOf(team.id, invitee.id)).toEqual({ role: "ADMIN" });
    expect(await db.activityEvent.findMany({ where: { teamId: team.id, kind: "invitation.accepted" } })).toEqual([
      expect.objectContaining({
        actorId: invitee.id,
        entityType: "invitation",
        entityId: invitation.id,
        after: { email: invitee.email, role: "ADMIN" },
        ip,
      }),
    ]);
  });

  it("is single use: a second accept is CONFLICT and the state is used", async () => {
    const { team, invitee, invitation } = await invited();
    await acceptInvitation({ token: invitation.token, userId: invitee.id });
    expect((await appErrorOf(acceptInvitation({ token: invitation.token, userId: invitee.id }))).code).toBe("CONFLICT");
    expect((await getInvitationByToken(invitation.token)).state).toBe("used");
    expect(await db.membership.count({ where: { teamId: team.id, userId: invitee.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { teamId: team.id, kind: "invitation.accepted" } })).toBe(1);
  });

  it("refuses an expired invitation with CONFLICT; the state is expired", async () => {
    const { team, invitee, invitation } = await invited();
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getInvitationByToken(invitation.token)).state).toBe("expired");
    expect((await appErrorOf(acceptInvitation({ token: invitation.token, userId: invitee.id }))).code).toBe("CONFLICT");
    expect(await membershipOf(team.id, invitee.id)).toBeNull();
  });

  it("refuses a revoked invitation; the state is revoked", async () => {
    const { owner, team, invitee, invitation } = await invited();
    await run(revokeInvitation, owner.id, team.slug, { invitationId: invitation.id });
    expect((await getInvitationByToken(invitation.token)).state).toBe("revoked");
    expect((await appErrorOf(acceptInvitation({ token: invitation.token, userId: invitee.id }))).code).toBe("CONFLICT");
    expect(await membershipOf(team.id, invitee.id)).toBeNull();
  });

  it("renewing invalidates the old token; the new one works and restarts the 7 days", async () => {
    const { owner, team, invitee, invitation } = await invited();
    await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const renewed = await run(renewInvitation, owner.id, team.slug, { invitationId: invitation.id });
    expect(renewed.token).not.toBe(invitation.token);

    expect(await getInvitationByToken(invitation.token)).toEqual({ state: "invalid", invitation: null });
    expect((await appErrorOf(acceptInvitation({ token: invitation.token, userId: invitee.id }))).code).toBe(
      "NOT_FOUND",
    );
    const fresh = await getInvitationByToken(renewed.token);
    expect(fresh.state).toBe("valid");
    expect(fresh.invitation?.expiresAt.getTime()).toBeCloseTo(Date.now() + INVITATION_TTL_MS, -4);

    await acceptInvitation({ token: renewed.token, userId: invitee.id });
    expect(await membershipOf(team.id, invitee.id)).toEqual({ role: "MEMBER" });
  });

  it("a new invitation for the same email revokes the pending one", async () => {
    const { owner, team, invitee, invitation } = await invited("VIEWER");
    const second = await run(createInvitation, owner.id, team.slug, { email: invitee.email, role: "ADMIN" });
    expect((await getInvitationByToken(invitation.token)).state).toBe("revoked");
    await acceptInvitation({ token: second.token, userId: invitee.id });
    expect(await membershipOf(team.id, invitee.id)).toEqual({ role: "ADMIN" });
  });

  it("refuses another account with FORBIDDEN and creates no membership; the invitation stays valid", async () => {
    const { team, invitee, invitation } = await invited();
    const stranger = await createTestUser();
    expect((await appErrorOf(acceptInvitation({ token: invitation.token, userId: stranger.id }))).code).toBe(
      "FORBIDDEN",
    );
    expect(await membershipOf(team.id, stranger.id)).toBeNull();
    expect(await db.membership.count({ where: { teamId: team.id } })).toBe(1);
    expect((await getInvitationByToken(invitation.token)).state).toBe("valid");
    await acceptInvitation({ token: invitation.token, userId: invitee.id });
    expect(await membershipOf(team.id, invitee.id)).toEqual({ role: "MEMBER" });
  });

  it("lets exactly one of two concurrent accepts succeed", async () => {
    const { team, invitee, invitation } = await invited();
    const results = await Promise.allSettled([
      acceptInvitation({ token: invitation.token, userId: invitee.id }),
      acceptInvitation({ token: invitation.token, userId: invitee.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toEqual([{ status: "rejected", reason: expect.objectContaining({ code: "CONFLICT" }) }]);
    expect(await db.membership.count({ where: { teamId: team.id, userId: invitee.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { teamId: team.id, kind: "invitation.accepted" } })).toBe(1);
  });

  it("accepting a second pending invitation when already a member keeps the membership and uses the link", async () => {
    // Two pending invitations for one email can coexist (e.g. two admins inviting at the same moment).
    const { owner, team, invitee, invitation } = await invited();
    const other = await createTestInvitation({
      teamId: team.id,
      email: invitee.email,
      role: "ADMIN",
      invitedById: owner.id,
    });
    await acceptInvitation({ token: invitation.token, userId: invitee.id });
    expect(await acceptInvitation({ token: other.token, userId: invitee.id })).toEqual({ teamSlug: team.slug });
    expect(await membershipOf(team.id, invitee.id)).toEqual({ role: "MEMBER" });
    expect((await getInvitationByToken(other.token)).state).toBe("used");
  });
});

describe("createInvitation", () => {
  it("refuses an existing member's email (any case) with VALIDATION on the email field", async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    const member = await createTestUser();
    await addMember({ teamId: team.id, userId: member.id, role: "VIEWER" });
    for (const email of [member.email, member.email.toUpperCase(), owner.email]) {
      const error = await appErrorOf(run(createInvitation, owner.id, team.slug, { email, role: "MEMBER" }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors?.email).toHaveLength(1);
    }
    expect(await db.invitation.count({ where: { teamId: team.id } })).toBe(0);
  });

  it("refuses a malformed email with VALIDATION on the email field", async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    const error = await appErrorOf(
      run(createInvitation, owner.id, team.slug, { email: "not an email", role: "MEMBER" }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.email?.length).toBeGreaterThan(0);
  });
});

describe("the last OWNER", () => {
  async function teamWithOwners(count: number) {
    const owners = await Promise.all(Array.from({ length: count }, () => createTestUser()));
    const team = await createTestTeam();
    const memberships = await Promise.all(
      owners.map((o) => addMember({ teamId: team.id, userId: o.id, role: "OWNER" })),
    );
    return { team, owners, memberships };
  }

  it("cannot demote themself: VALIDATION and the role is unchanged", async () => {
    const { team, owners, memberships } = await teamWithOwners(1);
    const [owner] = owners;
    const [membership] = memberships;
    if (!owner || !membership) throw new Error("fixture");
    expect(
      (await appErrorOf(run(changeRole, owner.id, team.slug, { membershipId: membership.id, role: "ADMIN" }))).code,
    ).toBe("VALIDATION");
    expect(await membershipOf(team.id, owner.id)).toEqual({ role: "OWNER" });
  });

  it("cannot leave: VALIDATION and still a member", async () => {
    const { team, owners } = await teamWithOwners(1);
    const [owner] = owners;
    if (!owner) throw new Error("fixture");
    expect((await appErrorOf(run(leaveTeam, owner.id, team.slug, {}))).code).toBe("VALIDATION");
    expect(await membershipOf(team.id, owner.id)).toEqual({ role: "OWNER" });
  });

  it("with two OWNERs, one may step down and the other may then leave only after another OWNER exists", async () => {
    const { team, owners, memberships } = await teamWithOwners(2);
    const [first, second] = owners;
    const [firstMembership] = memberships;
    if (!first || !second || !firstMembership) throw new Error("fixture");
    await run(changeRole, first.id, team.slug, { membershipId: firstMembership.id, role: "ADMIN" });
    expect(await membershipOf(team.id, first.id)).toEqual({ role: "ADMIN" });
    expect((await appErrorOf(run(leaveTeam, second.id, team.slug, {}))).code).toBe("VALIDATION");
  });

  it("with two OWNERs, one may leave", async () => {
    const { team, owners } = await teamWithOwners(2);
    const [first, second] = owners;
    if (!first || !second) throw new Error("fixture");
    await run(leaveTeam, first.id, team.slug, {});
    expect(await membershipOf(team.id, first.id)).toBeNull();
    expect(await membershipOf(team.id, second.id)).toEqual({ role: "OWNER" });
  });

  it("two OWNERs demoting each other at once leave one OWNER", async () => {
    const { team, owners, memberships } = await teamWithOwners(2);
    const [first, second] = owners;
    const [firstMembership, secondMembership] = memberships;
    if (!first || !second || !firstMembership || !secondMembership) throw new Error("fixture");
    const results = await Promise.allSettled([
      run(changeRole, first.id, team.slug, { membershipId: secondMembership.id, role: "MEMBER" }),
      run(changeRole, second.id, team.slug, { membershipId: firstMembership.id, role: "MEMBER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.membership.count({ where: { teamId: team.id, role: "OWNER" } })).toBe(1);
  });
});

describe("removeMember", () => {
  const task: ProgressTask = { status: "IN_PROGRESS", progress: 40, area: "R1", path: "P1", weights: { D1: 2 } };

  it("unassigns the member's tasks in that team only, recording task.updated with reason member_left", async () => {
    const [owner, member] = await Promise.all([createTestUser(), createTestUser()]);
    const team = await createTestTeam({ ownerId: owner.id });
    const otherTeam = await createTestTeam({ ownerId: member.id });
    const membership = await addMember({ teamId: team.id, userId: member.id, role: "MEMBER" });

    const plan = await createTestPlan({ teamId: team.id, createdById: owner.id });
    const [mine, ownersTask] = await createTestTasks({ teamId: team.id, planId: plan.id, tasks: [task, task] });
    const otherPlan = await createTestPlan({ teamId: otherTeam.id });
    const [elsewhere] = await createTestTasks({ teamId: otherTeam.id, planId: otherPlan.id, tasks: [task] });
    if (!mine || !ownersTask || !elsewhere) throw new Error("fixture");
    await db.task.update({ where: { id: mine.id }, data: { assigneeId: member.id } });
    await db.task.update({ where: { id: ownersTask.id }, data: { assigneeId: owner.id } });
    await db.task.update({ where: { id: elsewhere.id }, data: { assigneeId: member.id } });

    await run(removeMember, owner.id, team.slug, { membershipId: membership.id });

    expect(await membershipOf(team.id, member.id)).toBeNull();
    const after = await db.task.findUniqueOrThrow({ where: { id: mine.id } });
    expect(after.assigneeId).toBeNull();
    expect(after.version).toBe(mine.version + 1);
    expect((await db.task.findUniqueOrThrow({ where: { id: ownersTask.id } })).assigneeId).toBe(owner.id);
    expect((await db.task.findUniqueOrThrow({ where: { id: elsewhere.id } })).assigneeId).toBe(member.id);

    expect(await db.activityEvent.findMany({ where: { teamId: team.id, kind: "task.updated" } })).toEqual([
      expect.objectContaining({
        taskId: mine.id,
        planId: plan.id,
        actorId: owner.id,
        before: { assigneeId: member.id },
        after: { assigneeId: null, reason: "member_left" },
      }),
    ]);
    expect(await db.activityEvent.findMany({ where: { teamId: team.id, kind: "member.removed" } })).toEqual([
      expect.objectContaining({ entityId: membership.id, before: { userId: member.id, role: "MEMBER" } }),
    ]);
  });

  it("refuses removing yourself (leaveTeam is the way) with VALIDATION", async () => {
    const [owner, admin] = await Promise.all([createTestUser(), createTestUser()]);
    const team = await createTestTeam({ ownerId: owner.id });
    const membership = await addMember({ teamId: team.id, userId: admin.id, role: "ADMIN" });
    expect((await appErrorOf(run(removeMember, admin.id, team.slug, { membershipId: membership.id }))).code).toBe(
      "VALIDATION",
    );
    expect(await membershipOf(team.id, admin.id)).toEqual({ role: "ADMIN" });
  });
});

describe("deleteTeam", () => {
  it("refuses a wrong confirmation name with VALIDATION; the team stays", async () => {
    const owner = await createTestUser();
    const team = await createTestTeam({ ownerId: owner.id });
    for (const confirmName of ["", "wrong", team.name.toUpperCase(), `${team.name}x`]) {
      const error = await appErrorOf(run(deleteTeam, owner.id, team.slug, { confirmName }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors?.confirmName).toHaveLength(1);
    }
    expect(await db.team.findUnique({ where: { id: team.id } })).not.toBeNull();
  });

  it("with the right name deletes the team with its memberships, invitations, plans and tasks", async () => {
    const [owner, member] = await Promise.all([createTestUser(), createTestUser()]);
    const team = await createTestTeam({ ownerId: owner.id });
    await addMember({ teamId: team.id, userId: member.id, role: "MEMBER" });
    await createTestInvitation({ teamId: team.id, invitedById: owner.id });
    const plan = await createTestPlan({ teamId: team.id });
    await createTestTasks({
      teamId: team.id,
      planId: plan.id,
      tasks: [{ status: "TODO", progress: 0, area: "R1", path: "P1", weights: { D1: 3 } }],
    });

    expect(await run(deleteTeam, owner.id, team.slug, { confirmName: ` ${team.name} ` })).toEqual({ id: team.id });

    const teamId = team.id;
    expect(
      await Promise.all([
        db.team.count({ where: { id: teamId } }),
        db.membership.count({ where: { teamId } }),
        db.invitation.count({ where: { teamId } }),
        db.plan.count({ where: { teamId } }),
        db.task.count({ where: { teamId } }),
        db.taskDilemma.count({ where: { teamId } }),
      ]),
    ).toEqual([0, 0, 0, 0, 0, 0]);
    expect(
      await db.activityEvent.findMany({ where: { teamId: null, kind: "team.deleted", entityId: teamId } }),
    ).toEqual([expect.objectContaining({ actorId: owner.id, before: { name: team.name, slug: team.slug } })]);
    expect(await db.user.count({ where: { id: { in: [owner.id, member.id] } } })).toBe(2);
  });
});

describe("revoke and renew", () => {
  it("refuse an invitation that was already used with NOT_FOUND", async () => {
    const { owner, team, invitee, invitation } = await invited();
    await acceptInvitation({ token: invitation.token, userId: invitee.id });
    expect((await appErrorOf(run(revokeInvitation, owner.id, team.slug, { invitationId: invitation.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await appErrorOf(run(renewInvitation, owner.id, team.slug, { invitationId: invitation.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await getInvitationByToken(invitation.token)).state).toBe("used");
  });

  it("cannot revive a revoked invitation by renewing it", async () => {
    const { owner, team, invitation } = await invited();
    await run(revokeInvitation, owner.id, team.slug, { invitationId: invitation.id });
    expect((await appErrorOf(run(renewInvitation, owner.id, team.slug, { invitationId: invitation.id }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await getInvitationByToken(invitation.token)).state).toBe("revoked");
  });
});
