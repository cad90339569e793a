import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
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
  createTestTeam,
  createTestUser,
  randomEmail,
  randomHex,
  randomIp,
} from "@/lib/testing/factories";

afterAll(cleanupTestData);

const ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const satisfies readonly Role[];
type Outcome = "allowed" | "FORBIDDEN";
const A: Outcome = "allowed";
const F: Outcome = "FORBIDDEN";

/** A fresh team: another OWNER, the acting user with the role under test, a MEMBER and two pending invitations. */
type Fixture = {
  team: { id: string; name: string; slug: string };
  actor: { userId: string; membershipId: string };
  owner: { userId: string; membershipId: string };
  member: { userId: string; membershipId: string };
  memberInvitation: { id: string; tokenHash: string };
  ownerInvitation: { id: string; tokenHash: string };
  newEmail: string;
  newSlug: string;
};

type OperationCase = {
  run: (f: Fixture) => Promise<unknown>;
  /** What an allowed run must have changed. */
  expectEffect: (f: Fixture) => Promise<void>;
};

const role = (membershipId: string) =>
  db.membership.findUnique({ where: { id: membershipId }, select: { role: true } }).then((m) => m?.role ?? null);
const invitation = (id: string) => db.invitation.findUniqueOrThrow({ where: { id } });

const operations = {
  updateTeam: {
    run: (f) => act(f, updateTeam, { name: `Renamed ${f.newSlug}`, slug: f.newSlug }),
    expectEffect: async (f) => {
      expect(await db.team.findUnique({ where: { id: f.team.id }, select: { name: true, slug: true } })).toEqual({
        name: `Renamed ${f.newSlug}`,
        slug: f.newSlug,
      });
    },
  },
  deleteTeam: {
    run: (f) => act(f, deleteTeam, { confirmName: f.team.name }),
    expectEffect: async (f) => {
      expect(await db.team.findUnique({ where: { id: f.team.id } })).toBeNull();
    },
  },
  "changeRole MEMBER → VIEWER": {
    run: (f) => act(f, changeRole, { membershipId: f.member.membershipId, role: "VIEWER" }),
    expectEffect: async (f) => expect(await role(f.member.membershipId)).toBe("VIEWER"),
  },
  "changeRole MEMBER → OWNER": {
    run: (f) => act(f, changeRole, { membershipId: f.member.membershipId, role: "OWNER" }),
    expectEffect: async (f) => expect(await role(f.member.membershipId)).toBe("OWNER"),
  },
  "changeRole OWNER → MEMBER": {
    run: (f) => act(f, changeRole, { membershipId: f.owner.membershipId, role: "MEMBER" }),
    expectEffect: async (f) => expect(await role(f.owner.membershipId)).toBe("MEMBER"),
  },
  "removeMember of a MEMBER": {
    run: (f) => act(f, removeMember, { membershipId: f.member.membershipId }),
    expectEffect: async (f) => expect(await role(f.member.membershipId)).toBeNull(),
  },
  "removeMember of an OWNER": {
    run: (f) => act(f, removeMember, { membershipId: f.owner.membershipId }),
    expectEffect: async (f) => expect(await role(f.owner.membershipId)).toBeNull(),
  },
  "createInvitation as MEMBER": {
    run: (f) => act(f, createInvitation, { email: f.newEmail, role: "MEMBER" }),
    expectEffect: async (f) => {
      expect(
        await db.invitation.findMany({
          where: { teamId: f.team.id, email: f.newEmail },
          select: { role: true, revokedAt: true },
        }),
      ).toEqual([{ role: "MEMBER", revokedAt: null }]);
    },
  },
  "createInvitation as OWNER": {
    run: (f) => act(f, createInvitation, { email: f.newEmail, role: "OWNER" }),
    expectEffect: async (f) => {
      expect(
        await db.invitation.findMany({
          where: { teamId: f.team.id, email: f.newEmail },
          select: { role: true, revokedAt: true },
        }),
      ).toEqual([{ role: "OWNER", revokedAt: null }]);
    },
  },
  "revokeInvitation (MEMBER invitation)": {
    run: (f) => act(f, revokeInvitation, { invitationId: f.memberInvitation.id }),
    expectEffect: async (f) => expect((await invitation(f.memberInvitation.id)).revokedAt).toBeInstanceOf(Date),
  },
  "revokeInvitation (OWNER invitation)": {
    run: (f) => act(f, revokeInvitation, { invitationId: f.ownerInvitation.id }),
    expectEffect: async (f) => expect((await invitation(f.ownerInvitation.id)).revokedAt).toBeInstanceOf(Date),
  },
  "renewInvitation (MEMBER invitation)": {
    run: (f) => act(f, renewInvitation, { invitationId: f.memberInvitation.id }),
    expectEffect: async (f) =>
      expect((await invitation(f.memberInvitation.id)).tokenHash).not.toBe(f.memberInvitation.tokenHash),
  },
  "renewInvitation (OWNER invitation)": {
    run: (f) => act(f, renewInvitation, { invitationId: f.ownerInvitation.id }),
    expectEffect: async (f) =>
      expect((await invitation(f.ownerInvitation.id)).tokenHash).not.toBe(f.ownerInvitation.tokenHash),
  },
  leaveTeam: {
    run: (f) => act(f, leaveTeam, {}),
    expectEffect: async (f) => expect(await role(f.actor.membershipId)).toBeNull(),
  },
} satisfies Record<string, OperationCase>;

// The rules, written out rather than derived from lib/authz.ts so that a change there shows up here.
// OWNER: everything. ADMIN: members, invitations and team settings, but nothing touching OWNERs and no
// deleting the team. MEMBER, VIEWER: none of it. Everyone may leave (another OWNER stays in every fixture).
const expected: Record<keyof typeof operations, Record<(typeof ROLES)[number], Outcome>> = {
  updateTeam: { OWNER: A, ADMIN: A, MEMBER: F, VIEWER: F },
  deleteTeam: { OWNER: A, ADMIN: F, MEMBER: F, VIEWER: F },
  "changeRole MEMBER → VIEWER": { OWNER: A, ADMIN: A, MEMBER: F, VIEWER: F },
  "changeRole MEMBER → OWNER": { OWNER: A, ADMIN: F, MEMBER: F, VIEWER: F },
  "changeRole OWNER → MEMBER": { OWNER: A, ADMIN: F, MEMBER: F, VIEWER: F },
  "removeMember of a MEMBER": { OWNER: A, ADMIN: A, MEMBER: F, VIEWER: F },
  "removeMember of an OWNER": { OWNER: A, ADMIN: F, MEMBER: F, VIEWER: F },
  "createInvitation as MEMBER": { OWNER: A, ADMIN: A, MEMBER: F, VIEWER: F },
  "createInvitation as OWNER": { OWNER: A, ADMIN: F, MEMBER: F, VIEWER: F },
  "revokeInvitation (MEMBER invitation)": { OWNER: A, ADMIN: A, MEMBER: F, VIEWER: F },
  "revokeInvitation (OWNER invitation)": { OWNER: A, ADMIN: F, MEMBER: F, VIEWER: F },
  "renewInvitation (MEMBER invitation)": { OWNER: A, ADMIN: A, MEMBER: F, VIEWER: F },
  "renewInvitation (OWNER invitation)": { OWNER: A, ADMIN: F, MEMBER: F, VIEWER: F },
  leaveTeam: { OWNER: A, ADMIN: A, MEMBER: A, VIEWER: A },
};

/** Runs the operation as the fixture's acting user in the fixture's team. */
function act<S extends z.ZodType, R>(f: Fixture, operation: TeamOperation<S, R>, input: z.input<S>) {
  return runOperation(operation, { userId: f.actor.userId, teamSlug: f.team.slug, ip: randomIp() }, input);
}

/** Everything an operation could touch in the team, to show a refused one changed nothing. */
async function snapshot(teamId: string) {
  const [team, memberships, invitations, events, plans] = await Promise.all([
    db.team.findUnique({ where: { id: teamId }, select: { name: true, slug: true, updatedAt: true } }),
    db.membership.findMany({
      where: { teamId },
      select: { id: true, userId: true, role: true, updatedAt: true },
      orderBy: { id: "asc" },
    }),
    db.invitation.findMany({ where: { teamId }, orderBy: { id: "asc" } }),
    db.activityEvent.count({ where: { teamId } }),
    db.plan.count({ where: { teamId } }),
  ]);
  return { team, memberships, invitations, events, plans };
}

describe("role matrix: who may run which team operation", () => {
  const users: Record<"owner" | "actor" | "member", string> = { owner: "", actor: "", member: "" };
  beforeAll(async () => {
    const [owner, actor, member] = await Promise.all([createTestUser(), createTestUser(), createTestUser()]);
    Object.assign(users, { owner: owner.id, actor: actor.id, member: member.id });
  });

  async function setUp(actorRole: Role): Promise<Fixture> {
    const team = await createTestTeam();
    const [owner, actor, member] = await Promise.all([
      addMember({ teamId: team.id, userId: users.owner, role: "OWNER" }),
      addMember({ teamId: team.id, userId: users.actor, role: actorRole }),
      addMember({ teamId: team.id, userId: users.member, role: "MEMBER" }),
    ]);
    const [memberInvitation, ownerInvitation] = await Promise.all([
      createTestInvitation({ teamId: team.id, role: "MEMBER", invitedById: users.owner }),
      createTestInvitation({ teamId: team.id, role: "OWNER", invitedById: users.owner }),
    ]);
    return {
      team,
      actor: { userId: users.actor, membershipId: actor.id },
      owner: { userId: users.owner, membershipId: owner.id },
      member: { userId: users.member, membershipId: member.id },
      memberInvitation,
      ownerInvitation,
      newEmail: randomEmail(),
      newSlug: `renamed-${randomHex()}`,
    };
  }

  const rows = Object.entries(expected).flatMap(([name, outcomes]) =>
    ROLES.map((actorRole) => ({ name: name as keyof typeof operations, actorRole, outcome: outcomes[actorRole] })),
  );

  it("covers every role for every operation", () => {
    expect(rows).toHaveLength(Object.keys(operations).length * ROLES.length);
  });

  for (const { name, actorRole, outcome } of rows) {
    it(`${actorRole}: ${name} → ${outcome}`, async () => {
      const f = await setUp(actorRole);
      const operation = operations[name];
      if (outcome === "allowed") {
        await operation.run(f);
        await operation.expectEffect(f);
        return;
      }
      const before = await snapshot(f.team.id);
      const error = await appErrorOf(operation.run(f));
      expect(error.code).toBe("FORBIDDEN");
      expect(await snapshot(f.team.id)).toEqual(before);
    });
  }
});
