import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { RevokeTokenButton } from "@/components/api-tokens/revoke-token-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { findApiTokens } from "@/lib/api-tokens/api-tokens";
import { can } from "@/lib/authz";
import { getTeamContext } from "@/lib/server/team-context";

export default async function ApiTokensPage({ params }: { params: Promise<{ teamSlug: string }> }) {
  const { teamSlug } = await params;
  const { team, role, user } = await getTeamContext(teamSlug);
  const [tokens, t, tr, format] = await Promise.all([
    findApiTokens({ teamId: team.id, userId: user.id, role }),
    getTranslations("apiTokens"),
    getTranslations("enums.role"),
    getFormatter(),
  ]);
  const canManageAll = can(role, "tokens.manageOthers");
  const now = new Date();
  const day = (date: Date | null, empty: string) => (date ? format.dateTime(date, { dateStyle: "medium" }) : empty);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro", { role: tr(role) })}</p>
        <p className="text-sm text-slate-700">{t("visibility")}</p>
        <Link href={`/t/${team.slug}/settings/api-docs`} className="text-sm text-brand-700 underline">
          {t("docsLink")}
        </Link>
      </div>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("createTitle")}</h2>
        <CreateTokenForm teamSlug={team.slug} />
      </Card>
      <Card className="overflow-x-auto p-0">
        <table className="w-full text-left text-sm">
          <caption className="px-4 pt-3 text-left text-lg font-semibold">{t("listTitle")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("colName")}
              </th>
              {canManageAll ? (
                <th scope="col" className="px-4 py-2 font-medium">
                  {t("colOwner")}
                </th>
              ) : null}
              <th scope="col" className="px-4 py-2 font-medium">
                {t("colRole")}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("colCreated")}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("colExpires")}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("colLastUsed")}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("colStatus")}
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                {t("colActions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={8} className="px-4 py-3 text-slate-600">
                  {t("empty")}
                </td>
              </tr>
            ) : null}
            {tokens.map((token) => {
              const isExpired = Boolean(token.expiresAt && token.expiresAt <= now);
              const status = token.revokedAt ? "revoked" : isExpired ? "expired" : "active";
              return (
                <tr key={token.id} className="border-b border-slate-100 last:border-0">
                  <td className="max-w-xs px-4 py-2 wrap-anywhere">
                    <span className="font-medium">{token.name}</span>
                    <span className="block font-mono text-xs text-slate-600">{token.prefix}…</span>
                  </td>
                  {canManageAll ? <td className="px-4 py-2">{token.user.name}</td> : null}
                  <td className="px-4 py-2">{tr(token.roleCeiling)}</td>
                  <td className="px-4 py-2">{day(token.createdAt, "")}</td>
                  <td className="px-4 py-2">{day(token.expiresAt, t("never"))}</td>
                  <td className="px-4 py-2">
                    {token.lastUsedAt
                      ? format.dateTime(token.lastUsedAt, { dateStyle: "medium", timeStyle: "short" })
                      : t("notUsed")}
                  </td>
                  <td className="px-4 py-2">
                    <Badge tone={status === "active" ? "green" : "slate"}>{t(status)}</Badge>
                  </td>
                  <td className="px-4 py-2">
                    {status === "active" ? (
                      <RevokeTokenButton teamSlug={team.slug} tokenId={token.id} name={token.name} />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
