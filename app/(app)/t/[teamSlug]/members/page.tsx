import { getFormatter, getTranslations } from "next-intl/server";
import { InviteForm } from "@/components/members/invite-form";
import { InvitationControls, MemberControls } from "@/components/members/member-controls";
import { LeaveTeamButton } from "@/components/teams/leave-team-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TableHead } from "@/components/ui/table";
import type { Role } from "@/generated/prisma/enums";
import { can } from "@/lib/authz";
import { findPendingInvitations } from "@/lib/invitations/find-invitations";
import { findMembers } from "@/lib/members/find-members";
import { getTeamContext } from "@/lib/server/team-context";

const ALL_ROLES: readonly Role[] = ["OWNER", "ADMIN", "MEMBER", "VIEWER"];

export default async function MembersPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const { team, role, user } = await getTeamContext(teamSlug);
  const canManage = can(role, "members.manage");
  const canManageOwners = can(role, "owners.manage");
  const [members, invitations, t, tr, format] = await Promise.all([
    findMembers({ teamId: team.id }),
    canManage ? findPendingInvitations({ teamId: team.id }) : Promise.resolve([]),
    getTranslations("members"),
    getTranslations("enums.role"),
    getFormatter(),
  ]);
  const assignable = canManageOwners ? ALL_ROLES : ALL_ROLES.filter((r) => r !== "OWNER");
  const now = new Date();

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <LeaveTeamButton teamSlug={team.slug} />
      </div>
      <Card className="p-0!">
        <Table>
          <caption className="sr-only">{t("title")}</caption>
          <TableHead>
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("name")}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("role")}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("joined")}
              </th>
              {canManage ? (
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("actions")}
                </th>
              ) : null}
            </tr>
          </TableHead>
          <tbody>
            {members.map((m) => {
              const isSelf = m.user.id === user.id;
              const isEditable = canManage && !isSelf && (m.role !== "OWNER" || canManageOwners);
              return (
                <tr key={m.id} className="border-b border-slate-100 last:border-0">
                  <td className="px-4 py-2">
                    <span className="font-medium">{m.user.name}</span>
                    <span className="block text-xs text-slate-600">{m.user.email}</span>
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={m.role === "OWNER" ? "blue" : "slate"}>{tr(m.role)}</Badge>
                  </td>
                  <td className="px-4 py-2">{format.dateTime(m.createdAt, { dateStyle: "medium" })}</td>
                  {canManage ? (
                    <td className="px-4 py-2">
                      {isEditable ? (
                        <MemberControls
                          teamSlug={team.slug}
                          membershipId={m.id}
                          role={m.role}
                          memberName={m.user.name}
                          roles={assignable}
                        />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>

      {canManage ? (
        <>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("inviteTitle")}</h2>
            <InviteForm teamSlug={team.slug} canInviteOwners={canManageOwners} />
          </Card>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("pending")}</h2>
            {invitations.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noPending")}</p>
            ) : (
              <ul className="divide-y divide-slate-100" aria-label={t("pending")}>
                {invitations.map((inv) => (
                  <li key={inv.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="text-sm">
                      <span className="font-medium">{inv.email}</span> · {tr(inv.role)}
                      <span className="block text-xs text-slate-600">
                        {inv.expiresAt < now ? (
                          t("expired")
                        ) : (
                          <time dateTime={inv.expiresAt.toISOString()}>
                            {t("expires", {
                              date: format.dateTime(inv.expiresAt, { dateStyle: "medium", timeStyle: "short" }),
                            })}
                          </time>
                        )}
                      </span>
                    </div>
                    <InvitationControls teamSlug={team.slug} invitationId={inv.id} email={inv.email} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
